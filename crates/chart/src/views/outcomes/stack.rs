//! The stack `progress` and `before-after` share: the key, then every
//! project's heading followed by its indicators.

use crate::canvas::Canvas;
use crate::measure::TextMeasure;
use crate::parts::frame::{Frame, Rect};
use crate::parts::key::{Key, Swatch};
use crate::scene::{Align, Scene, TextRole};
use crate::text::{ellipsize, wrap, Font};
use crate::theme::TextSize;
use opeka_feed::locale::words as strings;
use opeka_feed::Outcomes;

use super::readings::{outcomes_data, outcomes_summary, outcomes_table, OutcomesData, ProjectInfo, Row};
use super::Context;
use crate::views::more::draw_more;
use crate::views::MAX_SIDE;
use opeka_feed::locale::Noun;

/// A project heading laid out for a width: the name in bold (up to three
/// lines), the status after it on its last line when it fits, else below.
#[derive(Clone, Debug)]
pub(crate) struct Heading {
    lines: Vec<String>,
    status: String,
    inline: bool,
    font: Font,
    status_font: Font,
}

impl Heading {
    /// Lays out `project`'s heading `width` wide.
    pub fn layout(project: &ProjectInfo, width: f64, font: Font, status_font: Font, measure: &dyn TextMeasure) -> Heading {
        let lines = wrap(measure, font, &project.name, width, 3);
        let status = ellipsize(measure, status_font, &project.status, width);
        let last_w = lines.last().map_or(0.0, |l| font.width(measure, l));
        let inline_status = format!("·\u{a0}{status}");
        let inline = !lines.is_empty() && last_w + Self::space(status_font, measure) + status_font.width(measure, &inline_status) <= width;
        let status = if inline { inline_status } else { status };
        Heading { lines, status, inline, font, status_font }
    }

    /// The space between the name and an inline status (SVG drops leading
    /// spaces, so the gap is left rather than written).
    fn space(font: Font, measure: &dyn TextMeasure) -> f64 {
        (font.width(measure, " ") * 1.5).round()
    }

    /// The height the heading takes.
    pub fn height(&self) -> f64 {
        let extra = if self.inline { 0.0 } else { self.status_font.line_height() };
        self.lines.len() as f64 * self.font.line_height() + extra
    }

    /// Draws the heading with its top-left corner at `(x, y)`.
    pub fn draw(&self, canvas: &mut Canvas<'_>, x: f64, y: f64) {
        let style = canvas.style;
        let mut top = y;
        let mut end = x;
        for line in &self.lines {
            if let Some(b) = canvas.text(TextRole::Label, line, x, top, self.font, style.foreground, Align::Start) {
                end = b.x + b.w;
            }
            top += self.font.line_height();
        }
        if self.inline {
            // The smaller status sits on the bottom of the name's last line.
            let space = Self::space(self.status_font, canvas.measure);
            canvas.text(
                TextRole::Note,
                &self.status,
                end + space,
                top - self.status_font.line_height(),
                self.status_font,
                style.muted,
                Align::Start,
            );
        } else {
            canvas.text(TextRole::Note, &self.status, x, top, self.status_font, style.muted, Align::Start);
        }
    }
}

/// The most blocks a stack lays out: each takes at least the gap after it
/// (8 px at the smallest text scale), and those laid out stop at the first
/// past the largest canvas.
const MOST_BLOCKS: usize = MAX_SIDE as usize / 8 + 2;

/// `outcomes` reduced for a stack, with the names and labels it can reach:
/// its blocks, its table's rows, its summary's first indicators (fewer).
pub(crate) fn stack_data(ctx: &Context, outcomes: &Outcomes) -> OutcomesData {
    outcomes_data(ctx, outcomes, MOST_BLOCKS.max(ctx.readings.held_rows()))
}

/// One block of a stack, top to bottom.
enum Block<R> {
    Heading(Heading),
    /// An indicator: its index into [`OutcomesData::rows`], the height it
    /// takes and the view's own layout of it.
    Row(usize, f64, R),
}

/// Draws what `progress` and `before-after` share: the key, then every
/// project's heading followed by its indicators, the table and the summary
/// (with `opening`). `layout_row` lays out indicator `i` with the height it
/// takes (`None` leaves it out); `draw_row` draws one with its top-left
/// corner at `(x, top)`. What the canvas cannot hold is left to the table,
/// and a note on its last line counts the indicators left out, or the
/// projects without any when every indicator is drawn.
pub(crate) fn render_stack<R>(
    ctx: &Context,
    data: &OutcomesData,
    mut frame: Frame,
    entries: &[(Swatch, String)],
    opening: &str,
    mut layout_row: impl FnMut(usize) -> Option<(R, f64)>,
    draw_row: impl Fn(&mut Canvas<'_>, &Row, &R, f64, f64),
) -> Scene {
    let words = strings(ctx.lang);
    let style = ctx.style;
    let label_font = ctx.font(TextSize::Label);
    let head_font = Font::bold(style.text_size(TextSize::Subtitle, ctx.width));
    let inner_w = ctx.width - 2.0 * frame.padding;
    let gap = style.gap();
    let inner_gap = (gap / 2.0).round();

    let key = Key::layout(entries, inner_w, label_font, ctx.measure);
    let key_h = if entries.is_empty() { 0.0 } else { key.height() + gap };

    let heading_gap = (gap * 1.5).round();
    let row_gap = gap;
    let block_space = |block: &Block<R>, first: bool| match block {
        Block::Heading(h) => h.height() + if first { 0.0 } else { heading_gap } + inner_gap,
        Block::Row(_, height, _) => height + row_gap,
    };
    // Blocks are laid out only while they might still be drawn: once those
    // laid out are taller than the largest canvas, no later one can be. A
    // feed of 4 000 indicators wrapped and measured every one of them, in a
    // task of about 300 ms on the page for the 170 it drew
    // (docs/performance.md, stop 44).
    let room = ctx.height(f64::INFINITY);
    let mut blocks = Vec::new();
    let mut content_h = 0.0;
    'projects: for project in &data.projects {
        let mut push = |block: Block<R>| {
            content_h += block_space(&block, blocks.is_empty());
            blocks.push(block);
            content_h
        };
        if push(Block::Heading(Heading::layout(project, inner_w, head_font, label_font, ctx.measure))) > room {
            break;
        }
        for &i in &project.rows {
            if let Some((layout, height)) = layout_row(i) {
                if push(Block::Row(i, height, layout)) > room {
                    break 'projects;
                }
            }
        }
    }
    let natural = frame.chrome_height(style) + key_h + content_h.max(label_font.line_height());
    let height = ctx.fit(&mut frame, natural, 3.0 * label_font.line_height());

    let table = outcomes_table(ctx, data, &frame.title);
    let summary = outcomes_summary(ctx, data, &frame.title, opening);

    let mut canvas = ctx.canvas(height);
    'draw: {
        let canvas = &mut canvas;
        let area = frame.draw(canvas);
        if blocks.is_empty() {
            canvas.message(words.no_data, area.x + area.w / 2.0, area.y + area.h / 2.0 - label_font.size, area.w, label_font);
            break 'draw;
        }
        let mut top = area.y;
        if !entries.is_empty() && key.height() + gap < area.h {
            key.draw(canvas, area.x, top);
            top += key_h;
        }
        // Squeezed (by the largest canvas, or a height) so that not every
        // block fits, the stack leaves the rest to the table and keeps its
        // last line for a note that says so (`draw_left_out`): a register's
        // progress drew 63 of its 8 000 projects without a word. (Every
        // block is taller than the gap after it, which the last one drawn
        // does not need.)
        let whole = top + content_h - row_gap <= area.bottom() + 0.01;
        let limit = area.bottom() - if whole { 0.0 } else { label_font.line_height() + gap };
        let (mut rows, mut headings) = (0, 0);
        for (i, block) in blocks.iter().enumerate() {
            let space = block_space(block, i == 0);
            if top + space - row_gap > limit + 0.01 {
                break;
            }
            match block {
                Block::Heading(h) => {
                    headings += 1;
                    h.draw(canvas, area.x, top + if i == 0 { 0.0 } else { heading_gap })
                }
                Block::Row(index, _, layout) => {
                    rows += 1;
                    // Each indicator has its own scale.
                    canvas.panel(*index);
                    draw_row(canvas, &data.rows[*index], layout, area.x, top)
                }
            }
            top += space;
        }
        if !whole {
            draw_left_out(canvas, ctx, data, rows, headings, &area, top);
        }
    }

    canvas.finish(&frame.title, summary, table)
}

/// Under a squeezed stack that ended at `y`, having drawn `rows` of
/// `data`'s indicators and `headings` of its projects, the note that counts
/// what it left to the table: the indicators, or when it drew them all, the
/// projects without any. Not generic, so that each view's [`render_stack`]
/// does not carry a copy.
fn draw_left_out(canvas: &mut Canvas<'_>, ctx: &Context, data: &OutcomesData, rows: usize, headings: usize, area: &Rect, y: f64) {
    let (hidden, noun) = match data.rows.len() - rows {
        0 => (data.projects.len() - headings, Noun::Project),
        hidden => (hidden, Noun::Indicator),
    };
    draw_more(canvas, ctx, area, y, hidden, noun);
}
