//! Horizontal bars, plain or stacked: the layout the caseload views
//! `ranking`, `per-capita` and `composition` share.
//!
//! Bars run left to right, one row each, labelled on the left (wrapped to
//! two lines, then ellipsized; the table keeps the full text) with their
//! value written at the end. The canvas grows with the number of rows, so
//! that 20 or 200 municipalities stay readable. A row with no reported value
//! has no bar but the words "нет данных" where the bar would start.

use std::ops::Range;

use opeka_feed::locale::Msg;
use opeka_feed::{Format, Lang};

use crate::measure::TextMeasure;
use crate::scale::{nice_ticks, BandScale, LinearScale};
use crate::scene::{Align, Mark, Scene, Shape, TextRole};
use crate::table::DataTable;
use crate::text::{ellipsize, fitting_end, wrap, Font};
use crate::theme::{MarkerShape, Rgb, TextSize};
use crate::views::Context;

use super::axis::value_tick_labels;
use super::legend::Legend;

/// A series of bars: one legend entry of a stacked chart.
pub(crate) struct BarSeries {
    /// The label (cleaned).
    pub label: String,
    /// The fill.
    pub colour: Rgb,
    /// The marker knocked out of its segments and legend swatch.
    pub marker: MarkerShape,
}

/// One piece of a bar.
pub(crate) struct Segment {
    /// Index into [`Bars::series`].
    pub series: usize,
    /// The value (the segment's length).
    pub value: f64,
    /// Written inside the segment where it fits; may be empty.
    pub text: String,
    /// The mark's label: what the segment says in full.
    pub mark: String,
    /// The unit word written after this value, if any.
    pub unit: Option<String>,
}

/// One bar: a label on the left, its segments, a text at its end.
pub(crate) struct BarRow {
    /// The full label (wrapped or ellipsized to fit).
    pub label: String,
    /// The pieces, left to right.
    pub segments: Vec<Segment>,
    /// Written after the bar: the total, or "нет данных" for a row without segments.
    pub end: String,
    /// The period the row's values are of, as written, where there is one.
    pub period: Option<String>,
    /// The mark of a row without segments: series and label.
    pub empty_mark: (String, String),
}

impl BarRow {
    /// The row of `label` whose value for `period` was not reported: no
    /// bar, and «нет данных» where the bar would start (never a zero).
    pub(crate) fn not_reported(label: &str, period: &str, series: &str, lang: Lang) -> BarRow {
        let words = Msg::NotReported.text(lang);
        BarRow {
            label: label.to_owned(),
            period: Some(period.to_owned()),
            segments: Vec::new(),
            empty_mark: (series.to_owned(), format!("{label}, {period}: {words}")),
            end: words,
        }
    }
}

/// The most rows a bar chart draws. Two hundred municipalities stay
/// readable; two hundred thousand rows would be tens of megabytes of SVG
/// that hold the host page for seconds and that no one can read. The data
/// table keeps every row.
pub(crate) const MAX_BAR_ROWS: usize = 200;

/// Which of `total` rows a bar chart draws — the first [`MAX_BAR_ROWS`]
/// (the rows come largest first), or with `latest` the last ones (rows
/// that are periods, earliest first) — and the footnote that says so
/// when some are left out.
pub(crate) fn drawn_rows(total: usize, latest: bool, lang: Lang) -> (Range<usize>, Option<String>) {
    if total <= MAX_BAR_ROWS {
        return (0..total, None);
    }
    let shown = MAX_BAR_ROWS;
    if latest {
        (total - shown..total, Some(Msg::LatestPeriodsShown { shown, total }.text(lang)))
    } else {
        (0..shown, Some(Msg::LargestRowsShown { shown, total }.text(lang)))
    }
}

/// A horizontal bar chart ready to lay out.
pub(crate) struct Bars {
    /// The series; a legend is drawn when there is more than one.
    pub series: Vec<BarSeries>,
    /// The rows, top to bottom.
    pub rows: Vec<BarRow>,
    /// Above the bars: what the values are.
    pub axis_title: Option<String>,
    /// How tick labels are written.
    pub format: Format,
    /// Whether values are whole numbers (no fractional ticks).
    pub whole: bool,
    /// Under the axis: a note about what is not drawn.
    pub footnote: Option<String>,
    /// The rows left out ([`drawn_rows`]'s note): said after the footnote
    /// and at the end of the summary.
    pub left_out: Option<String>,
    /// Shown instead of the bars when there are no rows.
    pub empty_message: String,
}

/// A row label in at most two lines no wider than `width`: broken after a
/// space or a hyphen (`Ленинск-` / `Кузнецкий`), never inside a word; what
/// does not fit is ellipsized.
fn wrap_label(measure: &dyn TextMeasure, font: Font, text: &str, width: f64) -> Vec<String> {
    if font.width(measure, text) <= width {
        return vec![text.to_owned()];
    }
    // Where the first line may end: just after a space or a hyphen.
    let breaks: Vec<usize> = text.char_indices().filter(|&(_, c)| c == ' ' || c == '-').map(|(i, c)| i + c.len_utf8()).collect();
    let end = fitting_end(measure, font, text, &breaks, "", width);
    if end == 0 {
        return vec![ellipsize(measure, font, text, width)];
    }
    let mut lines = vec![text[..end].trim_end().to_owned()];
    let rest = ellipsize(measure, font, text[end..].trim(), width);
    if !rest.is_empty() {
        lines.push(rest);
    }
    lines
}

/// Lays out and draws `bars` in the frame and assembles the chart.
pub(crate) fn draw_bars(ctx: &Context, bars: &Bars, mut summary: String, table: DataTable) -> Scene {
    let style = ctx.style;
    let measure = ctx.measure;
    let mut frame = ctx.frame();
    let label_font = ctx.font(TextSize::Label);
    let small_font = ctx.font(TextSize::Small);
    let lh = label_font.line_height();
    let gap = style.gap();
    let inner_w = ctx.width - 2.0 * frame.padding;

    let legend = (bars.series.len() > 1)
        .then(|| Legend::of_series(ctx, bars.series.iter().map(|s| (s.label.as_str(), s.colour, s.marker)), inner_w, label_font));
    let legend_h = legend.as_ref().map_or(0.0, |l| l.height() + gap);
    let axis_title = bars.axis_title.as_ref().map(|t| ellipsize(measure, label_font, t, inner_w)).filter(|t| !t.is_empty());
    let axis_title_h = if axis_title.is_some() { lh + gap / 2.0 } else { 0.0 };
    let footnote = match (&bars.footnote, &bars.left_out) {
        (Some(note), Some(left_out)) => format!("{note} {left_out}"),
        (note, left_out) => note.as_ref().or(left_out.as_ref()).cloned().unwrap_or_default(),
    };
    let footnote: Vec<String> = if footnote.is_empty() { Vec::new() } else { wrap(measure, small_font, &footnote, inner_w, 3) };
    if let Some(left_out) = &bars.left_out {
        summary.push(' ');
        summary.push_str(left_out);
    }
    let footnote_h = if footnote.is_empty() { 0.0 } else { gap / 2.0 + footnote.len() as f64 * small_font.line_height() };

    // Widths: the end labels first (numbers, capped), then the row labels'
    // gutter, leaving at least a quarter of the width to the bars.
    let end_cap = inner_w * 0.35;
    let ends: Vec<String> = bars.rows.iter().map(|r| ellipsize(measure, label_font, &r.end, end_cap)).collect();
    let end_w = ends.iter().map(|e| label_font.width(measure, e)).fold(0.0, f64::max);
    let widest_label = bars.rows.iter().map(|r| label_font.width(measure, &r.label)).fold(0.0, f64::max);
    let gutter_cap = inner_w * if ctx.width < 480.0 { 0.4 } else { 0.3 };
    let room = inner_w - end_w - 1.5 * gap - inner_w * 0.25;
    let gutter_w = widest_label.min(gutter_cap).min(room.max(inner_w * 0.15)).max(0.0).ceil();
    let row_lines: Vec<Vec<String>> = bars.rows.iter().map(|r| wrap_label(measure, label_font, &r.label, gutter_w)).collect();
    let lines = row_lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let natural_pitch = (lines as f64 * lh).max(1.3 * lh) + gap;

    let tick_len = (gap / 2.0).round();
    let x_axis_h = tick_len + 2.0 + lh;
    let n = bars.rows.len();
    let rows_h = if n == 0 { 3.0 * lh } else { n as f64 * natural_pitch };
    let natural = frame.chrome_height(style) + legend_h + axis_title_h + rows_h + x_axis_h + footnote_h;
    let height = ctx.fit(&mut frame, natural, x_axis_h + lh * (n.clamp(1, 3) as f64));
    // Every row keeps at least one line for its name: a height too small for
    // that grows rather than leave bars unnamed.
    let rows_least = n as f64 * (lh + 2.0);
    let least = frame.chrome_height(style) + legend_h + axis_title_h + footnote_h + x_axis_h + rows_least;
    let height = height.max(least.ceil());

    let mut canvas = ctx.canvas(height);
    'draw: {
        let canvas = &mut canvas;
        let area = frame.draw(canvas);
        let mut top = area.y;
        // Legend, axis title and footnote give way when the bars would be squeezed.
        let roomy = area.h >= legend_h + axis_title_h + footnote_h + x_axis_h + rows_least.max(2.0 * lh);
        if let Some(legend) = legend.as_ref().filter(|_| roomy) {
            legend.draw_blocks(canvas, area.x, top, style);
            top += legend.height() + gap;
        }
        if let Some(title) = axis_title.as_ref().filter(|_| roomy) {
            canvas.text(TextRole::Axis, title, area.x, top, label_font, style.muted, Align::Start);
            top += axis_title_h;
        }
        let foot_h = if roomy { footnote_h } else { 0.0 };
        let avail = area.bottom() - foot_h - x_axis_h - top;
        if n == 0 || avail < 2.0 {
            canvas.message(&bars.empty_message, area.x + area.w / 2.0, (top + area.bottom()) / 2.0 - label_font.size, area.w, label_font);
            break 'draw;
        }
        let pitch = (avail / n as f64).min(natural_pitch * 1.5);
        // Squeezed rows take their names in as many lines as the pitch holds, ellipsized.
        let lines_fit = (((pitch - 2.0) / lh).floor() as usize).max(1);
        let row_lines: Vec<Vec<String>> =
            if lines_fit >= lines {
                row_lines.clone()
            } else {
                bars.rows
                    .iter()
                    .zip(&row_lines)
                    .map(|(r, wrapped)| {
                        if wrapped.len() <= lines_fit {
                            wrapped.clone()
                        } else {
                            vec![ellipsize(measure, label_font, &r.label, gutter_w)]
                        }
                    })
                    .collect()
            };
        let rows = BandScale::with_pitch(n, top, pitch);
        let bar_h = rows.thickness(gap, lh * 1.8);
        let rows_bottom = rows.end();

        // The value scale: stacks to the right of zero, negatives to the left.
        let (lo, hi) = bars.rows.iter().fold((0.0f64, 0.0f64), |(lo, hi), row| {
            let pos: f64 = row.segments.iter().map(|s| s.value.max(0.0)).sum();
            let neg: f64 = row.segments.iter().map(|s| s.value.min(0.0)).sum();
            (lo.min(neg), hi.max(pos))
        });
        let (lo, hi) = if lo.is_finite() && hi.is_finite() { (lo, hi) } else { (0.0, 1.0) };
        let x0 = area.x + gutter_w + gap;
        let x1 = (area.right() - end_w - gap / 2.0).max(x0 + 1.0);
        // As many ticks as their labels leave room for.
        let (ticks, tick_labels) = (2..=8)
            .rev()
            .map(|k| {
                let ticks = nice_ticks(lo, hi, k, bars.whole);
                let labels = value_tick_labels(&ticks.ticks, bars.format, ctx.lang);
                (ticks, labels)
            })
            .find(|(ticks, labels)| {
                let widest = labels.iter().map(|l| label_font.width(measure, l)).fold(0.0, f64::max);
                let steps = ticks.ticks.len().saturating_sub(1).max(1) as f64;
                (x1 - x0) / steps >= widest + gap
            })
            .unwrap_or_else(|| {
                let ticks = nice_ticks(lo, hi, 2, bars.whole);
                let labels = value_tick_labels(&ticks.ticks, bars.format, ctx.lang);
                (ticks, labels)
            });
        let x_scale = LinearScale::from_ticks(ticks, x0, x1 - x0).clamped();

        // Grid and tick labels under the bars.
        for (&t, label) in x_scale.ticks().iter().zip(&tick_labels) {
            let x = x_scale.px(t).round();
            canvas.vline(x, top, rows_bottom + tick_len, 1.0, if t == 0.0 { style.axis } else { style.grid });
            let label = ellipsize(measure, label_font, label, area.w);
            let w = label_font.width(measure, &label);
            let left = (x - w / 2.0).min(area.right() - w).max(area.x);
            canvas.text_if_free(TextRole::Axis, &label, left, rows_bottom + tick_len + 2.0, label_font, style.muted, Align::Start);
        }

        let separator = (style.line_width / 2.0).max(1.0);
        let small_lh = small_font.line_height();
        for (i, row) in bars.rows.iter().enumerate() {
            let centre = rows.centre(i);
            let y = (centre - bar_h / 2.0).round();
            // The row label, right-aligned against the bars.
            let label = &row_lines[i];
            let mut line_y = centre - label.len() as f64 * lh / 2.0;
            for line in label {
                canvas.text_if_free(TextRole::Label, line, x0 - gap, line_y, label_font, style.foreground, Align::End);
                line_y += lh;
            }
            let end_y = centre - lh / 2.0;
            if row.segments.is_empty() {
                let x = x_scale.px(0.0) + gap / 2.0;
                let drawn = canvas.text_if_free(TextRole::Value, &ends[i], x, end_y, label_font, style.muted, Align::Start);
                let (x, y, w, h) = drawn.map_or((x, centre, 0.0, 0.0), |t| (t.x, t.y, t.w, t.h));
                let (series, label) = row.empty_mark.clone();
                let mut mark = Mark::new(series, &row.label, label, Shape::Rect { x, y, w, h });
                mark.period = row.period.clone();
                canvas.mark(mark);
                continue;
            }
            let (mut pos, mut neg) = (0.0f64, 0.0f64);
            let mut boundaries = Vec::new();
            for segment in &row.segments {
                let (a, b) = if segment.value >= 0.0 {
                    pos += segment.value;
                    (pos - segment.value, pos)
                } else {
                    neg += segment.value;
                    (neg, neg - segment.value)
                };
                let (xa, xb) = (x_scale.px(a), x_scale.px(b));
                let Some(series) = bars.series.get(segment.series) else { continue };
                canvas.rect(xa, y, xb - xa, bar_h, series.colour);
                // A segment after another on the same side of zero is parted from it.
                if segment.value >= 0.0 && a > 0.0 {
                    boundaries.push(xa);
                } else if segment.value < 0.0 && b < 0.0 {
                    boundaries.push(xb);
                }
                // Inside: the series' marker (stacked bars only), then the value where it fits.
                let ink = style.ink_on(series.colour);
                let pad = 4.0;
                let mut inner_x = xa + pad;
                if bars.series.len() > 1 {
                    let r = style.marker_radius.min(bar_h / 2.0 - 2.0);
                    if r >= 2.0 && xb - xa >= 2.0 * r + 2.0 * pad + 2.0 {
                        canvas.marker(series.marker, inner_x + r, centre, r, ink);
                        inner_x += 2.0 * r + pad;
                    }
                }
                if !segment.text.is_empty() && small_lh <= bar_h + 2.0 {
                    let w = small_font.width(measure, &segment.text);
                    if inner_x + w + pad <= xb {
                        canvas.text_if_free(
                            TextRole::Value,
                            &segment.text,
                            inner_x,
                            centre - small_lh / 2.0,
                            small_font,
                            ink,
                            Align::Start,
                        );
                    }
                }
                let mut mark =
                    Mark::new(&series.label, &row.label, &segment.mark, Shape::Bar { x: xa, y, w: xb - xa, h: bar_h, horizontal: true });
                mark.series_index = segment.series;
                mark.period = row.period.clone();
                mark.value = Some(segment.value);
                mark.unit = segment.unit.clone();
                // Where the segment starts: the end nearer zero.
                mark.baseline = Some(if segment.value >= 0.0 { a } else { b });
                canvas.mark(mark);
            }
            // Thin gaps between segments, so that neighbours never merge.
            for &x in &boundaries {
                canvas.vline(x, y, y + bar_h, separator, style.background);
            }
            canvas.text_if_free(
                TextRole::Value,
                &ends[i],
                x_scale.px(pos.max(0.0)) + gap / 2.0,
                end_y,
                label_font,
                style.foreground,
                Align::Start,
            );
        }
        // The zero line over the bars' ends.
        canvas.vline(x_scale.px(0.0).round(), top, rows_bottom + tick_len, 1.0, style.axis);

        let mut y = rows_bottom + x_axis_h + gap / 2.0;
        if roomy {
            for line in &footnote {
                canvas.text(TextRole::Note, line, area.x, y, small_font, style.muted, Align::Start);
                y += small_font.line_height();
            }
        }
    }

    canvas.finish(&frame.title, summary, table)
}
