//! Decks (`opeka-deck` format 1, `docs/decks.md`): slides of feeds shown
//! one after another, full-screen or on paper.
//!
//! The model is shared by every place that shows a deck: `opeka deck`
//! (PDF and PNG), and the browser's deck, fullscreen and kiosk pages. It
//! says what each slide shows; fetching the feeds (relative to the deck's
//! own address) and drawing them is up to the caller:
//!
//! ```
//! use opeka_feed::deck::{validate_deck, Theme};
//! use opeka_feed::validate::Options;
//!
//! let json = r#"{"opeka-deck": 1, "autoplay": 20, "slides": [{"feed": "caseload.json", "view": "trend"}]}"#;
//! let checked = validate_deck(json.as_bytes(), &Options::default()).expect("a valid deck");
//! let slide = checked.deck.settings(0).expect("one slide");
//! assert_eq!(slide.theme, Theme::Contrast);
//! assert_eq!(slide.feed, "caseload.json");
//! ```

use crate::validate::{Omitted, Options, Problem, Rejected};
use crate::{Lang, Text, ValidFeed, View};

/// The deck format version this crate reads.
pub const DECK_VERSION: u32 = 1;

/// The shortest `autoplay` interval, in seconds: a slide must stay long enough to be read.
pub const MIN_AUTOPLAY_SECONDS: u32 = 5;

/// A deck's colour theme. The names and meanings are the chart's themes;
/// a deck has no `auto`: a room's screen does not follow anyone's system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Dark text on white.
    Light,
    /// Light text on a dark background.
    Dark,
    /// Black on white, thick lines, larger text: for projectors (a deck's default).
    #[default]
    Contrast,
}

impl Theme {
    /// Every theme.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Contrast];

    /// The name in a deck (`light`, `dark`, `contrast`).
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Contrast => "contrast",
        }
    }
}

/// One slide: a feed, and how to show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    /// The feed's URL as written, relative to the deck file (or an http(s) URL).
    pub feed: String,
    /// The view; `None` for the feed's own view, else its kind's first.
    pub view: Option<View>,
    /// The language of this slide; `None` for the deck's.
    pub lang: Option<Lang>,
    /// The theme of this slide; `None` for the deck's.
    pub theme: Option<Theme>,
    /// Shown instead of the feed's title on this slide.
    pub title: Option<Text>,
    /// A line under the chart, for the presenter and the meeting papers.
    pub note: Option<Text>,
}

impl Slide {
    /// The feed as this slide shows it: its title replaced by the slide's
    /// `title`, the slide's `note` first among the notes under the chart.
    pub fn apply(&self, feed: &ValidFeed) -> ValidFeed {
        let mut shown = feed.clone();
        shown.retitle(self.title.clone(), self.note.clone());
        shown
    }
}

/// A whole deck.
#[derive(Clone, Debug, PartialEq)]
pub struct Deck {
    /// The format version (`opeka-deck`), always [`DECK_VERSION`] once checked.
    pub version: u32,
    /// The deck's own title (the page's or the PDF's title); `None` when not given.
    pub title: Option<Text>,
    /// The language of every slide without its own; `None` for each feed's locale.
    pub lang: Option<Lang>,
    /// The theme of every slide without its own; [`Theme::Contrast`] when not given.
    pub theme: Theme,
    /// Seconds each slide stays before the next, when it advances by itself
    /// (at least [`MIN_AUTOPLAY_SECONDS`]); `None`: only by key or click.
    pub autoplay: Option<u32>,
    /// After the last slide, start again from the first (`loop`).
    pub looping: bool,
    /// The slides, in order; never empty once checked.
    pub slides: Vec<Slide>,
}

/// What one slide shows once the deck's defaults are applied.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SlideSettings<'a> {
    /// The slide's index in the deck.
    pub index: usize,
    /// The feed's URL as written.
    pub feed: &'a str,
    /// The view asked for (`None`: the feed's own).
    pub view: Option<View>,
    /// The language asked for (`None`: the feed's locale).
    pub lang: Option<Lang>,
    /// The theme.
    pub theme: Theme,
    /// The slide itself (title, note).
    pub slide: &'a Slide,
}

impl SlideSettings<'_> {
    /// The path of this slide's member `field` in the deck, as problems name it: `slides[2].feed`.
    pub fn path(&self, field: &str) -> String {
        format!("slides[{}].{field}", self.index)
    }

    /// The language to draw `feed` in: the slide's, else the deck's, else the feed's locale.
    pub fn lang_for(&self, feed: &ValidFeed) -> Lang {
        self.lang.unwrap_or(feed.locale)
    }
}

impl Deck {
    /// Slide `index` with the deck's defaults applied; `None` past the last slide.
    pub fn settings(&self, index: usize) -> Option<SlideSettings<'_>> {
        let slide = self.slides.get(index)?;
        Some(SlideSettings {
            index,
            feed: &slide.feed,
            view: slide.view,
            lang: slide.lang.or(self.lang),
            theme: slide.theme.unwrap_or(self.theme),
            slide,
        })
    }

    /// Every slide with the deck's defaults applied, in order.
    pub fn all_settings(&self) -> impl Iterator<Item = SlideSettings<'_>> {
        (0..self.slides.len()).filter_map(|i| self.settings(i))
    }

    /// The slide after `index` when the deck advances: the next one, the
    /// first again after the last when it loops, else `None`.
    pub fn next(&self, index: usize) -> Option<usize> {
        if index + 1 < self.slides.len() {
            Some(index + 1)
        } else if self.looping && !self.slides.is_empty() {
            Some(0)
        } else {
            None
        }
    }

    /// The deck's title in `lang`, if it has one.
    pub fn title_in(&self, lang: Lang) -> Option<&str> {
        self.title.as_ref().map(|t| t.get(lang, self.lang.unwrap_or_default()))
    }
}

/// A deck that passed, and what it should still fix.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedDeck {
    /// The checked deck.
    pub deck: Deck,
    /// Warnings (unknown fields), in the order found.
    pub warnings: Vec<Problem>,
    /// Warnings past the cap, counted only.
    pub omitted: Omitted,
}

/// Validates a deck given as bytes (UTF-8 JSON, with or without a BOM):
/// every problem with its path, as feeds are validated. The feeds it names
/// are not read: their problems are the caller's to report, by slide.
pub fn validate_deck(bytes: &[u8], options: &Options) -> Result<CheckedDeck, Rejected> {
    let root = crate::validate::parse(bytes, options)?;
    crate::validate::deck::check(&root)
}
