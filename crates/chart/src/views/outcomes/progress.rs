//! `progress`: bullet bars of an outcomes feed, grouped under project
//! headings. Each indicator has a track on its own scale (0 to the largest
//! of its baseline, target and latest actual), a diamond at the baseline, a
//! tick at the target and a bar to the latest actual; its values are written
//! under the track and its verdict beside or under its label, in words and a
//! symbol that follow the indicator's `direction`.

use crate::canvas::Canvas;
use crate::parts::key::Swatch;
use crate::parts::verdict::VerdictLines;
use crate::scale::LinearScale;
use crate::scene::{Align, Scene, Shape, TextRole};
use crate::text::{wrap, Font};
use crate::theme::{MarkerShape, TextSize};
use opeka_feed::locale::words as strings;

use super::readings::{flow, has_roles, Role, Row};
use super::stack::{render_stack, stack_data};
use super::Context;

/// Below this inner width labels go above the track instead of beside it.
const TWO_COLUMNS_FROM: f64 = 560.0;

/// One indicator laid out.
struct RowLayout {
    label: Vec<String>,
    verdict: VerdictLines,
    values: Vec<String>,
}

/// Geometry shared by every row.
struct Columns {
    wide: bool,
    label_w: f64,
    right_x: f64,
    right_w: f64,
    track_h: f64,
    block_h: f64,
    label_font: Font,
    small_font: Font,
    /// Space between a row's parts.
    inner_gap: f64,
}

impl Columns {
    fn label_offset(&self) -> f64 {
        ((self.block_h - self.label_font.line_height()) / 2.0).max(0.0)
    }

    /// Lays out `row`, with the height it takes.
    fn layout_row(&self, ctx: &Context, row: &Row) -> (RowLayout, f64) {
        let lang = ctx.lang;
        let label = wrap(ctx.measure, self.label_font, &row.label, self.label_w, 3);
        let verdict = row.verdict_lines(self.label_w, self.label_font, 2, ctx.lang, ctx.measure);
        let mut items = Vec::new();
        for (role, point) in [(Role::Baseline, row.baseline), (Role::Target, row.target), (Role::Actual, row.latest())] {
            if let Some(p) = point {
                items.push(row.item(role, p, lang));
            }
        }
        let values = flow(&items, self.right_w, self.small_font, 3, ctx.measure);
        let label_h = label.len() as f64 * self.label_font.line_height();
        let verdict_h = if verdict.height() > 0.0 { self.inner_gap + verdict.height() } else { 0.0 };
        let values_h = values.len() as f64 * self.small_font.line_height();
        let height = if self.wide {
            let left = self.label_offset() + label_h + verdict_h;
            let right = self.block_h + self.inner_gap + values_h;
            left.max(right)
        } else {
            label_h + self.inner_gap + self.block_h + self.inner_gap + values_h + verdict_h
        };
        (RowLayout { label, verdict, values }, height)
    }
}

/// Draws the progress view of an outcomes feed.
pub(crate) fn render_progress(ctx: &Context, outcomes: &opeka_feed::Outcomes) -> Scene {
    let data = stack_data(ctx, outcomes);
    let words = strings(ctx.lang);
    let style = ctx.style;
    let frame = ctx.frame();
    let lang = ctx.lang;
    let label_font = ctx.font(TextSize::Label);
    let small_font = ctx.font(TextSize::Small);
    let inner_w = ctx.width - 2.0 * frame.padding;
    let gap = style.gap();
    let wide = inner_w >= TWO_COLUMNS_FROM;
    let label_w = if wide { (inner_w * 0.36).clamp(150.0, 420.0) } else { inner_w };
    let track_h = (10.0 * style.text_scale).round();
    let columns = Columns {
        wide,
        label_w,
        right_x: if wide { label_w + 2.0 * gap } else { 0.0 },
        right_w: if wide { inner_w - label_w - 2.0 * gap } else { inner_w },
        track_h,
        block_h: track_h + (10.0 * style.text_scale).round(),
        label_font,
        small_font,
        inner_gap: (gap / 2.0).round(),
    };

    let (has_baseline, has_target, has_actual) = has_roles(&data);
    let mut entries = Vec::new();
    if has_baseline {
        entries.push((Swatch::Marker(MarkerShape::Diamond, style.muted), Role::Baseline.word(lang)));
    }
    if has_target {
        entries.push((Swatch::Tick(style.foreground), Role::Target.word(lang)));
    }
    if has_actual {
        entries.push((Swatch::Bar(style.series_colour(0)), Role::Actual.word(lang)));
    }

    render_stack(
        ctx,
        &data,
        frame,
        &entries,
        words.progress_chart,
        |i| Some(columns.layout_row(ctx, &data.rows[i])),
        |canvas, row, layout, x, top| draw_row(ctx, canvas, &columns, row, layout, x, top),
    )
}

fn draw_row(ctx: &Context, canvas: &mut Canvas<'_>, c: &Columns, row: &Row, layout: &RowLayout, x0: f64, top: f64) {
    let style = ctx.style;
    let lang = ctx.lang;
    let lh = c.label_font.line_height();
    let label_top = if c.wide { top + c.label_offset() } else { top };
    let mut y = label_top;
    for line in &layout.label {
        canvas.text(TextRole::Label, line, x0, y, c.label_font, style.foreground, Align::Start);
        y += lh;
    }
    let label_bottom = y;
    let block_top = if c.wide { top } else { label_bottom + c.inner_gap };
    let right_x = x0 + c.right_x;
    let mid = block_top + c.block_h / 2.0;

    // The track, on the row's own scale.
    let marker_r = style.marker_radius + 1.0;
    let inset = (marker_r * 1.6 + 1.0).ceil();
    let (track_l, track_w) = (right_x + inset, (c.right_w - 2.0 * inset).max(1.0));
    let x_scale = LinearScale::from_zero(row.values(), track_l, track_w);
    canvas.rect(right_x, mid - c.track_h / 2.0, c.right_w, c.track_h, style.grid);
    if let Some(actual) = row.latest() {
        let (a, b) = (x_scale.px(actual.value.min(0.0)), x_scale.px(actual.value.max(0.0)));
        let bar_h = (c.track_h * 0.6).round().max(4.0);
        let colour = style.series_colour(0);
        canvas.rect(a, mid - bar_h / 2.0, b - a, bar_h, colour);
        let shape = Shape::Bar { x: a, y: mid - bar_h / 2.0, w: b - a, h: bar_h, horizontal: true };
        canvas.mark(row.mark(Role::Actual, actual, shape, lang));
    }
    if let Some(target) = row.target {
        let x = x_scale.px(target.value);
        let thick = (3.0 * style.text_scale).round();
        canvas.vline(x, block_top, block_top + c.block_h, thick, style.foreground);
        let shape = Shape::Point { x, y: mid, r: thick.max(4.0) / 2.0, marker: None };
        canvas.mark(row.mark(Role::Target, target, shape, lang));
    }
    if let Some(baseline) = row.baseline {
        let x = x_scale.px(baseline.value);
        canvas.marker(MarkerShape::Diamond, x, mid, marker_r, style.muted);
        let shape = Shape::Point { x, y: mid, r: marker_r + 2.0, marker: Some(MarkerShape::Diamond) };
        canvas.mark(row.mark(Role::Baseline, baseline, shape, lang));
    }

    // Values under the track.
    let mut y = block_top + c.block_h + c.inner_gap;
    for line in &layout.values {
        canvas.text(TextRole::Value, line, right_x, y, c.small_font, style.muted, Align::Start);
        y += c.small_font.line_height();
    }
    // The verdict: under the label beside the track, or under everything.
    let verdict_top = if c.wide { label_bottom + c.inner_gap } else { y + c.inner_gap };
    layout.verdict.draw(canvas, x0, verdict_top);
}
