//! What the awards views (`breakdown`, `podium`, `roll`) share: award type
//! labels, optional feed texts, place numerals, the event sentence, blocks
//! of wrapped lines and the note under a list the canvas cut short.

use opeka_feed::collections::sorted_map::SortedMap;
use opeka_feed::locale::join;
use opeka_feed::locale::{format_date, Msg};
use opeka_feed::{AwardType, Awards, Lang, Text};

use crate::canvas::Canvas;
use crate::scene::{Align, TextRole};
use crate::text::{clean, wrap, Font};
use crate::theme::Rgb;
use opeka_feed::locale::{lower, upper_first};

use super::Context;

/// The declared award types by id: a lookup per recipient or grant, where a
/// scan of the types for each made 200 000 recipients of 200 000 types
/// quadratic.
pub(crate) struct AwardTypes<'a> {
    types: &'a [AwardType],
    by_id: SortedMap<&'a str, usize>,
}

impl<'a> AwardTypes<'a> {
    /// The index of `awards`' types.
    pub(crate) fn of(awards: &'a Awards) -> AwardTypes<'a> {
        // Listed last to first, so that of repeated ids the first counts, as a scan finds it.
        let by_id = SortedMap::from_pairs(awards.award_types.iter().enumerate().rev().map(|(i, t)| (t.id.as_str(), i)).collect());
        AwardTypes { types: &awards.award_types, by_id }
    }

    /// The declared award type `id`, if any.
    pub(super) fn get(&self, id: Option<&str>) -> Option<&'a AwardType> {
        self.index(id).map(|i| &self.types[i])
    }

    /// Where the declared award type `id` is in the feed's list, if it is declared.
    pub(crate) fn index(&self, id: Option<&str>) -> Option<usize> {
        self.by_id.get(id?).copied()
    }
}

/// The label of award type `id`; "Другое / не указано" when there is none.
pub(super) fn award_label(ctx: &Context, types: &AwardTypes, id: Option<&str>) -> String {
    match types.get(id) {
        Some(t) => non_empty(ctx.text(&t.label)).unwrap_or_else(|| t.id.clone()),
        None => Msg::OtherNotSpecified.text(ctx.lang),
    }
}

/// The level and category of an award type, lower case: `региональные · медали`
/// (once when they read alike: `другие`).
pub(super) fn award_meta(lang: Lang, t: &AwardType) -> String {
    let level = lower(&Msg::Level(t.level).text(lang));
    let category = lower(&Msg::AwardCategory(t.category).text(lang));
    if level == category {
        return level;
    }
    format!("{level} · {category}")
}

/// An optional feed text in the viewer's language, cleaned; `None` when absent or blank.
pub(super) fn optional(ctx: &Context, text: &Option<Text>) -> Option<String> {
    text.as_ref().and_then(|t| non_empty(ctx.text(t)))
}

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// A place as read aloud: `1 место`, `1st place`.
pub(super) fn place_text(place: u32, lang: Lang) -> String {
    match lang {
        Lang::Ru => format!("{place}\u{A0}место"),
        Lang::En => {
            let suffix = match (place % 10, place % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{place}{suffix}\u{A0}place")
        }
    }
}

/// The event as a sentence for summaries: `Губернаторский приём, 8 июня 2018 г., Кемерово.`
pub(super) fn event_sentence(ctx: &Context, awards: &Awards) -> Option<String> {
    let event = awards.event.as_ref()?;
    let parts: Vec<String> =
        [optional(ctx, &event.name), event.date.map(|d| clean(&format_date(d, ctx.lang))), optional(ctx, &event.place)]
            .into_iter()
            .flatten()
            .collect();
    (!parts.is_empty()).then(|| format!("{}.", upper_first(&join(&parts, ", "))))
}

/// Lines of one font and colour, wrapped to a width.
#[derive(Clone, Debug)]
pub(super) struct Block {
    /// The lines, each fitting the width.
    pub lines: Vec<String>,
    /// Their font.
    pub font: Font,
    /// Muted (secondary) or foreground.
    pub muted: bool,
    /// Space above the first line, setting the block apart from the one before.
    pub space_before: f64,
}

impl Block {
    /// `text` wrapped to `width` in at most `max_lines` lines.
    pub fn wrapped(ctx: &Context, text: &str, font: Font, width: f64, max_lines: usize, muted: bool) -> Block {
        Block { lines: wrap(ctx.measure, font, text, width.max(1.0), max_lines), font, muted, space_before: 0.0 }
    }

    /// The block with `space` pixels above it.
    pub fn spaced(mut self, space: f64) -> Block {
        self.space_before = space;
        self
    }

    /// The block's height, the space above it included.
    pub fn height(&self) -> f64 {
        if self.lines.is_empty() {
            return 0.0;
        }
        self.space_before + self.lines.len() as f64 * self.font.line_height()
    }

    /// Draws the block with its top-left corner at `(x, y)`; returns the y under it.
    pub fn draw(&self, canvas: &mut Canvas<'_>, x: f64, mut y: f64) -> f64 {
        let style = canvas.style;
        let colour: Rgb = if self.muted { style.muted } else { style.foreground };
        if !self.lines.is_empty() {
            y += self.space_before;
        }
        for line in &self.lines {
            canvas.text(TextRole::Label, line, x, y, self.font, colour, Align::Start);
            y += self.font.line_height();
        }
        y
    }
}

/// The height of blocks stacked one under another.
pub(super) fn blocks_height(blocks: &[Block]) -> f64 {
    blocks.iter().map(Block::height).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_aloud() {
        assert_eq!(place_text(1, Lang::Ru), "1\u{A0}место");
        let en: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].iter().map(|&p| place_text(p, Lang::En)).collect();
        let suffixes: Vec<&str> = en.iter().map(|s| s.split('\u{A0}').next().unwrap_or("")).collect();
        assert_eq!(suffixes, ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]);
    }
}
