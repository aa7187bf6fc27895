//! `before-after`: paired bars of an outcomes feed, grouped under project
//! headings. Each indicator has a bar for its baseline ("Было") and one for
//! its latest actual ("Стало"); where there is no actual yet the target
//! stands in, outlined and hatched and captioned "Цель", so it is never
//! mistaken for a result. Bars are on the indicator's own scale, with their
//! values written at their ends, and the change and verdict by the label.

use opeka_feed::locale::format_period;
use opeka_feed::locale::Msg;
use opeka_feed::Period;

use crate::canvas::Canvas;
use crate::parts::key::{hatched_rect, Swatch};
use crate::parts::verdict::{Tone, VerdictLines};
use crate::scale::{BandScale, LinearScale};
use crate::scene::{Align, Scene, Shape, TextRole};
use crate::text::{clean, ellipsize, wrap, Font};
use crate::theme::{Rgb, TextSize};
use opeka_feed::locale::words as strings;

use super::readings::{has_roles, Point, Role, Row};
use super::stack::{render_stack, stack_data};
use super::Context;

/// Below this inner width labels go above the bars instead of beside them.
const TWO_COLUMNS_FROM: f64 = 560.0;

/// One bar of a pair.
struct Bar {
    caption: String,
    /// The value drawn, with its role; `None` draws "нет данных".
    point: Option<(Role, Point)>,
    value_text: String,
}

/// One indicator laid out.
struct RowLayout {
    label: Vec<String>,
    verdict: VerdictLines,
    bars: [Bar; 2],
}

struct Columns {
    wide: bool,
    right_x: f64,
    right_w: f64,
    caption_w: f64,
    pitch: f64,
    label_font: Font,
    inner_gap: f64,
    before: Rgb,
    after: Rgb,
}

/// The caption of a bar, of its word (0 `Было`, 1 `Стало`, 2 `Цель`) and
/// period: `Было 2022`.
fn caption(ctx: &Context, (word, period): (usize, Option<Period>)) -> String {
    let words = strings(ctx.lang);
    let word = match word {
        0 => words.before.to_owned(),
        1 => words.after.to_owned(),
        _ => Role::Target.word(ctx.lang),
    };
    match period {
        Some(p) => format!("{word} {}", clean(&format_period(&p, ctx.lang))),
        None => word,
    }
}

/// The words and periods of the captions under a row's two bars.
fn caption_keys(row: &Row) -> [(usize, Option<Period>); 2] {
    let after = match (row.latest(), row.target) {
        (Some(actual), _) => (1, Some(actual.period)),
        (None, Some(target)) => (2, Some(target.period)),
        (None, None) => (1, None),
    };
    [(0, row.baseline.map(|p| p.period)), after]
}

/// The pair of bars of `row`, and the verdict to write by it.
// Called as the stack lays out a row: put into that closure, it made the
// page's module 650 bytes larger (gzip).
#[inline(never)]
fn bars(ctx: &Context, row: &Row) -> ([Bar; 2], String, Tone) {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let value = |p: Option<Point>| p.map(|p| row.value_text(p.value, lang)).unwrap_or_else(|| Msg::NotReported.text(lang));
    let [before_key, after_key] = caption_keys(row);
    let (before_caption, after_caption) = (caption(ctx, before_key), caption(ctx, after_key));
    let before = Bar { caption: before_caption, point: row.baseline.map(|p| (Role::Baseline, p)), value_text: value(row.baseline) };
    let (verdict, tone) = row.verdict(lang);
    let (after, verdict, tone) = match (row.latest(), row.target) {
        (Some(actual), _) => {
            (Bar { caption: after_caption, point: Some((Role::Actual, actual)), value_text: value(Some(actual)) }, verdict, tone)
        }
        (None, Some(target)) => {
            let planned = match row.baseline {
                Some(b) => format!(
                    "{} {}, {}",
                    Role::Target.word(lang),
                    clean(&opeka_feed::locale::format_change_in(target.value, b.value, row.format, lang)),
                    words.no_actuals
                ),
                None => verdict,
            };
            (Bar { caption: after_caption, point: Some((Role::Target, target)), value_text: value(Some(target)) }, planned, Tone::Neutral)
        }
        (None, None) => (Bar { caption: after_caption, point: None, value_text: value(None) }, verdict, tone),
    };
    ([before, after], verdict, tone)
}

/// Draws the before-after view of an outcomes feed.
pub(crate) fn render_before_after(ctx: &Context, outcomes: &opeka_feed::Outcomes) -> Scene {
    let data = stack_data(ctx, outcomes);
    let words = strings(ctx.lang);
    let style = ctx.style;
    let frame = ctx.frame();
    let lang = ctx.lang;
    let label_font = ctx.font(TextSize::Label);
    let inner_w = ctx.width - 2.0 * frame.padding;
    let gap = style.gap();
    let wide = inner_w >= TWO_COLUMNS_FROM;
    let label_w = if wide { (inner_w * 0.36).clamp(150.0, 420.0) } else { inner_w };
    let right_w = if wide { inner_w - label_w - 2.0 * gap } else { inner_w };

    let before = style.axis;
    let after = if style.series_colour(0).contrast(before) < 1.3 { style.series_colour(1) } else { style.series_colour(0) };

    // The captions' common width. A caption the row above has in the same
    // place is not measured again: a register's indicators share a few
    // periods, and its 4 000 rows' 8 000 captions, each measured, were
    // most of its laying out (docs/performance.md, stop 45).
    let mut above = [None; 2];
    let mut caption_w = 0.0f64;
    for row in &data.rows {
        for (place, key) in caption_keys(row).into_iter().enumerate() {
            if above[place] != Some(key) {
                caption_w = caption_w.max(label_font.width(ctx.measure, &caption(ctx, key)));
                above[place] = Some(key);
            }
        }
    }
    let caption_w = caption_w.min((right_w * 0.35).round()).ceil();
    let columns = Columns {
        wide,
        right_x: if wide { label_w + 2.0 * gap } else { 0.0 },
        right_w,
        caption_w,
        pitch: label_font.line_height() + (gap / 2.0).round(),
        label_font,
        inner_gap: (gap / 2.0).round(),
        before,
        after,
    };

    let (has_baseline, has_target, has_actual) = has_roles(&data);
    let target_stands_in = data.rows.iter().any(|r| r.actuals.is_empty() && r.target.is_some());
    let mut entries = Vec::new();
    if has_baseline {
        entries.push((Swatch::Bar(before), Role::Baseline.word(lang)));
    }
    if has_actual {
        entries.push((Swatch::Bar(after), Role::Actual.word(lang)));
    }
    if has_target && target_stands_in {
        entries.push((Swatch::Hatched(after), format!("{} ({})", Role::Target.word(lang), words.no_actuals)));
    }
    let layout_row = |i: usize| {
        let (bars, verdict, tone) = bars(ctx, data.rows.get(i)?);
        let label = wrap(ctx.measure, label_font, &data.rows[i].label, label_w, 3);
        let verdict = VerdictLines::layout(&verdict, tone, label_w, label_font, 2, ctx.measure);
        let label_h = label.len() as f64 * label_font.line_height();
        let verdict_h = if verdict.height() > 0.0 { columns.inner_gap + verdict.height() } else { 0.0 };
        let bars_h = 2.0 * columns.pitch;
        let height = if wide { (label_h + verdict_h).max(bars_h) } else { label_h + columns.inner_gap + bars_h + verdict_h };
        Some((RowLayout { label, verdict, bars }, height))
    };
    render_stack(ctx, &data, frame, &entries, words.before_after_chart, layout_row, |canvas, row, layout, x, top| {
        draw_row(ctx, canvas, &columns, row, layout, x, top)
    })
}

fn draw_row(ctx: &Context, canvas: &mut Canvas<'_>, c: &Columns, row: &Row, layout: &RowLayout, x0: f64, top: f64) {
    let style = ctx.style;
    let lang = ctx.lang;
    let font = c.label_font;
    let lh = font.line_height();
    let mut y = top;
    for line in &layout.label {
        canvas.text(TextRole::Label, line, x0, y, font, style.foreground, Align::Start);
        y += lh;
    }
    let label_bottom = y;
    let bars_top = if c.wide { top } else { label_bottom + c.inner_gap };
    let right_x = x0 + c.right_x;
    let bar_x = right_x + c.caption_w + ctx.style.gap();
    let value_gap = (font.size * 0.4).round();
    // Values are written after the bars; the bars share what is left.
    let value_max = ((c.right_w - c.caption_w - style.gap()) * 0.5).max(0.0);
    let value_texts: Vec<String> = layout.bars.iter().map(|b| ellipsize(ctx.measure, font, &b.value_text, value_max)).collect();
    let value_w = value_texts.iter().map(|t| font.width(ctx.measure, t)).fold(0.0f64, f64::max);
    let span = (right_x + c.right_w - bar_x - value_gap - value_w).max(1.0);
    let values = layout.bars.iter().filter_map(|b| b.point.map(|(_, p)| p.value));
    let x_scale = LinearScale::from_zero(values, bar_x, span);
    let lines = BandScale::with_pitch(layout.bars.len(), bars_top, c.pitch);
    let bar_h = (lh * 0.75).round();
    for (k, (bar, value_text)) in layout.bars.iter().zip(&value_texts).enumerate() {
        let line_top = lines.start_of(k);
        let caption = ellipsize(ctx.measure, font, &bar.caption, c.caption_w);
        canvas.text(TextRole::Axis, &caption, right_x, line_top, font, style.muted, Align::Start);
        let bar_top = line_top + (lh - bar_h) / 2.0;
        match bar.point {
            Some((role, point)) => {
                let (a, b) = (x_scale.px(point.value.min(0.0)), x_scale.px(point.value.max(0.0)));
                let colour = if k == 0 { c.before } else { c.after };
                if role == Role::Target {
                    hatched_rect(canvas, a, bar_top, (b - a).max(2.0), bar_h, colour);
                } else {
                    canvas.rect(a, bar_top, b - a, bar_h, colour);
                }
                let end = x_scale.px(point.value.max(0.0)).max(x_scale.px(0.0));
                canvas.text(TextRole::Value, value_text, end + value_gap, line_top, font, style.foreground, Align::Start);
                let shape = Shape::Bar { x: a, y: bar_top, w: b - a, h: bar_h, horizontal: true };
                canvas.mark(row.mark(role, point, shape, lang));
            }
            None => {
                canvas.text(TextRole::Value, value_text, bar_x, line_top, font, style.muted, Align::Start);
            }
        }
    }
    let verdict_top = if c.wide { label_bottom + c.inner_gap } else { lines.end() };
    layout.verdict.draw(canvas, x0, verdict_top);
}
