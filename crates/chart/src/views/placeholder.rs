//! The stand-in for a view asked of a feed of another kind: the frame and a centred message.

use crate::chart::Chart;
use crate::draw::{paint, Align};
use crate::strings::strings;
use crate::table::DataTable;
use crate::text::wrap;
use crate::theme::TextRole;

use super::Context;

/// Draws the frame and "this view does not fit data of this kind" in the viewer's language.
pub(crate) fn render_placeholder(ctx: &Context) -> Chart {
    let frame = ctx.frame();
    let font = ctx.font(TextRole::Subtitle);
    let message = strings(ctx.lang).view_not_available;
    let lines = wrap(ctx.measure, font, message, ctx.width - 2.0 * frame.padding, 3);
    let natural = frame.chrome_height(ctx.style) + 4.0 * font.line_height();
    let (frame, height) = ctx.fit(frame, natural, font.line_height());
    let painted = paint(ctx.width, height, ctx.style, ctx.measure, &frame.title, |canvas| {
        let plot = frame.draw(canvas);
        let block = lines.len() as f64 * font.line_height();
        let mut y = plot.y + (plot.h - block) / 2.0;
        for line in &lines {
            canvas.text(line, plot.x + plot.w / 2.0, y, font, ctx.style.muted, Align::Middle);
            y += font.line_height();
        }
    });
    Chart {
        view: ctx.view,
        width: ctx.width,
        height,
        svg: painted.svg,
        marks: painted.marks,
        texts: painted.texts,
        summary: format!("{}. {message}.", frame.title),
        table: DataTable { caption: frame.title.clone(), columns: Vec::new(), rows: Vec::new() },
    }
}
