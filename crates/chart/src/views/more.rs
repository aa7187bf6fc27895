//! What a view says of the items it leaves out ("…и ещё 12 получателей (см.
//! таблицу данных)"): the note under an awards list its canvas cannot hold
//! whole, and the end of a summary that reads out only its first items.

use crate::canvas::Canvas;
use crate::parts::frame::Rect;
use crate::scene::{Align, Medium, TextRole};
use crate::text::ellipsize;
use crate::theme::TextSize;
use opeka_feed::locale::words as strings;
use opeka_feed::locale::{count_noun, Noun};

use super::Context;

/// `template` (the catalogue's, with one `{n}`) with `{n}` replaced by `n`
/// and its noun. Split at a char: a string pattern would link core's
/// substring searcher into the page's module for this alone (docs/size.md).
pub(crate) fn fill(template: &str, counted: &str) -> String {
    match template.split_once('{') {
        Some((before, after)) => [before, counted, after.strip_prefix("n}").unwrap_or(after)].concat(),
        None => template.to_owned(),
    }
}

/// The most items (indicators, tiles) a summary reads out one by one; it
/// counts the rest. Read out whole, the summary of an outcomes feed of
/// 16 000 indicators was 3.3 MB of the page's text (docs/performance.md,
/// stop 44).
pub(crate) const SUMMARY_ITEMS: usize = 50;

/// "…и ещё 12 получателей (см. таблицу данных)", for `hidden` items of
/// `noun`; on a slide, which has no table, without the pointer to it.
pub(crate) fn more_text(ctx: &Context, hidden: usize, noun: Noun) -> String {
    let words = strings(ctx.lang);
    let template = if ctx.medium == Medium::Slide { words.more_not_shown } else { words.more_in_table };
    fill(template, &count_noun(hidden as f64, noun, ctx.lang))
}

/// Writes the [`more_text`] in `area` at `y`, where its line fits above the
/// area's bottom (squeezed past that, a view has drawn nothing it could
/// follow).
pub(crate) fn draw_more(canvas: &mut Canvas<'_>, ctx: &Context, area: &Rect, y: f64, hidden: usize, noun: Noun) {
    let font = ctx.font(TextSize::Small);
    if y + font.line_height() <= area.bottom() + 0.01 {
        let text = ellipsize(ctx.measure, font, &more_text(ctx, hidden, noun), area.w);
        canvas.text(TextRole::Note, &text, area.x, y, font, ctx.style.muted, Align::Start);
    }
}
