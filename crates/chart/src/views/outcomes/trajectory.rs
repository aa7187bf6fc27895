//! `trajectory`: small multiples of an outcomes feed, one panel per
//! indicator in a grid as wide as the chart allows. Each panel draws the
//! actuals over time as a line with markers against the dashed straight
//! line from the baseline (◆) to the target (■), on the indicator's own
//! value axis, with its verdict above. An indicator with a plan but no
//! actuals still shows the plan and says "нет фактических данных". Projects
//! without indicators are listed under the grid; the panels the canvas
//! cannot hold are left to the table, and counted on a line above that list.

use opeka_feed::locale::format_value;
use opeka_feed::locale::join;
use opeka_feed::Format;

use crate::canvas::Canvas;
use crate::parts::axis::{draw_value_axis, PeriodAxis};
use crate::parts::frame::Rect;
use crate::parts::key::{Key, Swatch};
use crate::parts::verdict::VerdictLines;
use crate::scale::{period_ordinal, value_domain, BandScale, LinearScale, PeriodScale};
use crate::scene::{Align, Scene, Shape, TextRole};
use crate::text::{clean, ellipsize, wrap, Font};
use crate::theme::{MarkerShape, TextSize};
use opeka_feed::locale::words as strings;

use super::readings::{has_roles, outcomes_data, outcomes_summary, outcomes_table, Point, Role, Row};
use super::Context;
use crate::views::more::draw_more;
use crate::views::MAX_SIDE;
use opeka_feed::locale::Noun;

/// The narrowest a panel gets before the grid drops a column.
const MIN_PANEL_WIDTH: f64 = 260.0;
/// The most columns of panels.
const MAX_COLUMNS: usize = 4;
/// The smallest plot's height: a grid row is taller.
const MIN_PLOT_HEIGHT: f64 = 110.0;
/// The most panels the grid lays out: its rows are laid out while those
/// before fit the largest canvas, so at most one more than that many of
/// the smallest. The worker's reduction keeps every actual of these
/// indicators, and only the latest of the rest (`crate::reduce`).
pub(crate) const MOST_PANELS: usize = MAX_COLUMNS * ((MAX_SIDE / MIN_PLOT_HEIGHT) as usize + 1);

/// A panel's header laid out.
struct PanelHead {
    index: usize,
    project: String,
    label: Vec<String>,
    /// The target written out, `Цель 2024: 66,7`: a marker alone does not say it.
    target: Option<String>,
    verdict: VerdictLines,
}

/// Draws the trajectory view of an outcomes feed.
pub(crate) fn render_trajectory(ctx: &Context, outcomes: &opeka_feed::Outcomes) -> Scene {
    // Every name: the projects without indicators are listed under the grid.
    let data = outcomes_data(ctx, outcomes, usize::MAX);
    let words = strings(ctx.lang);
    let style = ctx.style;
    let mut frame = ctx.frame();
    let lang = ctx.lang;
    let label_font = ctx.font(TextSize::Label);
    let small_font = ctx.font(TextSize::Small);
    let bold_font = Font::bold(label_font.size);
    let lh = label_font.line_height();
    let inner_w = ctx.width - 2.0 * frame.padding;
    let gap = style.gap();
    let inner_gap = (gap / 2.0).round();

    let (has_baseline, has_target, has_actual) = has_roles(&data);
    let has_plan = data.rows.iter().any(|r| r.baseline.is_some() && r.target.is_some());
    let mut entries = Vec::new();
    if has_actual {
        entries.push((Swatch::Line(MarkerShape::Circle, style.series_colour(0)), Role::Actual.word(lang)));
    }
    if has_plan {
        entries.push((Swatch::Dashed(style.muted), words.plan.to_owned()));
    }
    if has_baseline {
        entries.push((Swatch::Marker(MarkerShape::Diamond, style.muted), Role::Baseline.word(lang)));
    }
    if has_target {
        entries.push((Swatch::Marker(MarkerShape::Square, style.foreground), Role::Target.word(lang)));
    }
    let key = Key::layout(&entries, inner_w, label_font, ctx.measure);
    let key_h = if entries.is_empty() { 0.0 } else { key.height() + gap };

    // The grid.
    let n = data.rows.len();
    let col_gap = (gap * 3.0).round();
    let min_panel = MIN_PANEL_WIDTH * style.text_scale;
    let cols = (((inner_w + col_gap) / (min_panel + col_gap)).floor() as usize).clamp(1, MAX_COLUMNS).min(n.max(1));
    let panel_w = ((inner_w - (cols - 1) as f64 * col_gap) / cols as f64).floor();
    let head = |index: usize| {
        let row = &data.rows[index];
        PanelHead {
            index,
            project: data.projects.get(row.project).map(|p| ellipsize(ctx.measure, small_font, &p.name, panel_w)).unwrap_or_default(),
            label: wrap(ctx.measure, bold_font, &row.label, panel_w, 2),
            target: row.target.map(|t| ellipsize(ctx.measure, small_font, &row.item(Role::Target, t, lang), panel_w)),
            verdict: row.verdict_lines(panel_w, label_font, 2, ctx.lang, ctx.measure),
        }
    };
    let head_h = |h: &PanelHead| {
        let verdict = if h.verdict.height() > 0.0 { inner_gap + h.verdict.height() } else { 0.0 };
        let target = if h.target.is_some() { small_font.line_height() } else { 0.0 };
        small_font.line_height() + h.label.len() as f64 * lh + target + verdict + inner_gap
    };
    let plot_h = (panel_w * 0.45).clamp(MIN_PLOT_HEIGHT, 200.0).round();
    let x_label_offset = (lh / 2.0 + 2.0).round();
    let x_axis_h = x_label_offset + lh;
    let body_h = lh / 2.0 + plot_h + x_axis_h;
    let row_gap = (gap * 2.5).round();
    // The grid's rows are laid out only while they might still be drawn:
    // once those laid out are taller than the largest canvas, no later one
    // can be (as the stack's blocks, stack.rs).
    let room = ctx.height(f64::INFINITY);
    let (mut grid_rows, mut row_heads, mut grid_h) = (Vec::new(), Vec::new(), 0.0);
    for start in (0..n).step_by(cols) {
        if grid_h > room {
            break;
        }
        let heads: Vec<PanelHead> = (start..(start + cols).min(n)).map(head).collect();
        let height = heads.iter().map(head_h).fold(0.0, f64::max);
        grid_h += height + body_h + row_gap;
        grid_rows.push(heads);
        row_heads.push(height);
    }

    // Projects without indicators, listed under the grid.
    let bare: Vec<String> = data
        .projects
        .iter()
        .filter(|p| p.rows.is_empty())
        .map(|p| format!("{} ({})", p.name, opeka_feed::locale::lower_first(&p.status)))
        .collect();
    let footnote = if bare.is_empty() {
        Vec::new()
    } else {
        wrap(ctx.measure, small_font, &format!("{}: {}.", words.without_indicators, join(&bare, ", ")), inner_w, 4)
    };
    let footnote_h = footnote.len() as f64 * small_font.line_height();

    let content_h = if n == 0 { lh * 2.0 } else { grid_h };
    let natural = frame.chrome_height(style) + key_h + content_h + footnote_h;
    // Squeezed by a height, the grid keeps its first row where it can: the
    // frame gives way, then every plot shrinks (to MIN_PLOT_HEIGHT).
    let note_h = if n > cols { row_gap + small_font.line_height() } else { 0.0 };
    let first_row = key_h + row_heads.first().map_or(0.0, |h| h + lh / 2.0 + x_axis_h) + note_h + footnote_h;
    let room = (ctx.height(natural) - frame.least_chrome_height(style) - first_row).floor();
    let shrunk = (plot_h - room.max(MIN_PLOT_HEIGHT)).max(0.0);
    let (plot_h, body_h, grid_h) = (plot_h - shrunk, body_h - shrunk, grid_h - row_heads.len() as f64 * shrunk);
    let height = ctx.fit(&mut frame, natural, if n > 0 && plot_h <= room { first_row + plot_h } else { 3.0 * lh });

    let table = outcomes_table(ctx, &data, &frame.title);
    let summary = outcomes_summary(ctx, &data, &frame.title, words.trajectory_chart);

    let mut canvas = ctx.canvas(height);
    {
        let canvas = &mut canvas;
        let area = frame.draw(canvas);
        let mut top = area.y;
        if !entries.is_empty() && key.height() + gap < area.h {
            key.draw(canvas, area.x, top);
            top += key_h;
        }
        if n == 0 {
            canvas.message(words.no_data, area.x + area.w / 2.0, top, area.w, label_font);
            top += lh * 2.0;
        }
        // Squeezed (by the largest canvas, or a height) so that not every
        // panel fits, the grid leaves the rest to the table and keeps a line
        // under it for a note that says so, as the stack does (stack.rs).
        let whole = grid_rows.len() * cols >= n && top + grid_h - row_gap <= area.bottom() - footnote_h + 0.01;
        let footnote_room = area.bottom() - footnote_h - if whole { 0.0 } else { row_gap + small_font.line_height() };
        let columns = BandScale::with_pitch(cols, area.x, panel_w + col_gap);
        let mut drawn = 0;
        for (grid_row, head_h) in grid_rows.iter().zip(&row_heads) {
            if top + head_h + body_h > footnote_room + 0.01 {
                break;
            }
            drawn += grid_row.len();
            for (k, head) in grid_row.iter().enumerate() {
                let x = columns.start_of(k);
                let mut y = top;
                canvas.text(TextRole::Note, &head.project, x, y, small_font, style.muted, Align::Start);
                y += small_font.line_height();
                for line in &head.label {
                    canvas.text(TextRole::Label, line, x, y, bold_font, style.foreground, Align::Start);
                    y += lh;
                }
                if let Some(target) = &head.target {
                    canvas.text(TextRole::Value, target, x, y, small_font, style.foreground, Align::Start);
                    y += small_font.line_height();
                }
                head.verdict.draw(canvas, x, y + inner_gap);
                canvas.panel(head.index);
                let body = Rect { x, y: top + head_h, w: panel_w, h: body_h };
                draw_panel(ctx, canvas, &data.rows[head.index], body, plot_h, x_label_offset);
            }
            top += head_h + body_h + row_gap;
        }
        if !whole {
            draw_more(canvas, ctx, &Rect { h: area.h - footnote_h, ..area }, top, n - drawn, Noun::Indicator);
        }
        // Under the grid; squeezed, only the lines that still fit below it.
        let mut y = area.bottom() - footnote_h;
        for line in &footnote {
            if y + 0.01 >= top {
                canvas.text(TextRole::Note, line, area.x, y, small_font, style.muted, Align::Start);
            }
            y += small_font.line_height();
        }
    }

    canvas.finish(&frame.title, summary, table)
}

/// Draws one indicator's plot in `body`: value axis, period axis, plan, actuals.
fn draw_panel(ctx: &Context, canvas: &mut Canvas<'_>, row: &Row, body: Rect, plot_h: f64, x_label_offset: f64) {
    let style = ctx.style;
    let lang = ctx.lang;
    let font = ctx.font(TextSize::Label);
    let lh = font.line_height();
    let gap = style.gap();
    let plot_top = body.y + lh / 2.0;
    let bottom = plot_top + plot_h;

    let points: Vec<(Role, Point)> = row
        .baseline
        .map(|p| (Role::Baseline, p))
        .into_iter()
        .chain(row.target.map(|p| (Role::Target, p)))
        .chain(row.actuals.iter().map(|&p| (Role::Actual, p)))
        .collect();
    let Some(&(_, first_point)) = points.first() else {
        canvas.message(strings(lang).no_data, body.x + body.w / 2.0, plot_top + plot_h / 2.0 - lh / 2.0, body.w, font);
        return;
    };

    // Value axis.
    let (lo, hi) = value_domain(points.iter().map(|(_, p)| p.value), !matches!(row.format, Format::Index | Format::Ratio));
    let max_ticks = ((plot_h / (lh * 2.0)).floor() as usize).clamp(2, 5);
    let y_scale = LinearScale::nice(lo, hi, max_ticks, row.format == Format::Count, bottom, -plot_h);
    let labels: Vec<String> =
        y_scale.ticks().iter().map(|&t| ellipsize(ctx.measure, font, &clean(&format_value(t, row.format, lang)), body.w * 0.3)).collect();
    let gutter = labels.iter().map(|l| font.width(ctx.measure, l)).fold(0.0, f64::max) + gap;
    let plot_left = body.x + gutter;
    let plot_right = body.x + body.w;
    draw_value_axis(canvas, &y_scale, &labels, plot_left, plot_right, gap, font);

    // Period axis.
    let granularity = first_point.period.granularity();
    let inset = style.marker_radius + 4.0;
    let (x0, x1) = (plot_left + inset, plot_right - inset);
    let Some(x_scale) = PeriodScale::spanning(points.iter().map(|(_, p)| period_ordinal(&p.period)), x0, x1) else { return };
    canvas.hline(plot_left, plot_right, bottom, 1.0, style.axis);
    if let Some((first, last)) = x_scale.periods(granularity) {
        let axis = PeriodAxis::layout(first, last, &|o| x_scale.px(o), (body.x, body.right()), font, ctx.measure, lang);
        let tick_len = (gap / 2.0).round();
        axis.draw(canvas, bottom, tick_len, bottom + x_label_offset, font);
    }
    let at = |p: &Point| (x_scale.px(period_ordinal(&p.period)), y_scale.px(p.value));

    // The plan: a dashed line from the baseline to the target (the
    // validator keeps every period of a feed at one granularity).
    if let (Some(b), Some(t)) = (row.baseline, row.target) {
        canvas.dashed_line(at(&b), at(&t), (style.line_width * 0.75).max(2.0), style.muted, (6.0, 4.0));
    }
    // The actuals.
    let colour = style.series_colour(0);
    let line: Vec<(f64, f64)> = row.actuals.iter().map(at).collect();
    // The line starts at the baseline when the baseline comes first: it is where the actuals started from.
    let start =
        row.baseline.filter(|b| row.actuals.first().is_some_and(|a| period_ordinal(&b.period) < period_ordinal(&a.period))).map(|b| at(&b));
    let path: Vec<(f64, f64)> = start.into_iter().chain(line.iter().copied()).collect();
    if path.len() > 1 {
        canvas.polyline(&path, colour, style.line_width);
    }
    let r = style.marker_radius;
    if let Some(b) = row.baseline {
        let (x, y) = at(&b);
        canvas.marker(MarkerShape::Diamond, x, y, r + 1.0, style.muted);
        canvas.mark(row.mark(Role::Baseline, b, Shape::Point { x, y, r: r + 2.0, marker: Some(MarkerShape::Diamond) }, lang));
    }
    if let Some(t) = row.target {
        let (x, y) = at(&t);
        canvas.marker(MarkerShape::Square, x, y, r + 0.5, style.foreground);
        canvas.mark(row.mark(Role::Target, t, Shape::Point { x, y, r: r + 2.0, marker: Some(MarkerShape::Square) }, lang));
    }

    // The actuals' markers, over the plan's.
    for (p, &(x, y)) in row.actuals.iter().zip(&line) {
        canvas.marker(MarkerShape::Circle, x, y, r, colour);
        canvas.mark(row.mark(Role::Actual, *p, Shape::Point { x, y, r: r + 1.0, marker: Some(MarkerShape::Circle) }, lang));
    }
}
