//! The entry point: a request in, a [`Chart`] out.

use opeka_feed::{Lang, ValidFeed, View};

use crate::chart::Chart;
use crate::measure::TextMeasure;
use crate::theme::Theme;

/// What to draw: which view, how big, in which theme and language.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartRequest {
    /// The view asked for; `None` (or one the feed's kind lacks) falls back
    /// to the feed's preferred view, then to the kind's first.
    pub view: Option<View>,
    /// Canvas width in pixels (clamped to 240..=8192).
    pub width: f64,
    /// Canvas height in pixels; `None` for the view's [`crate::default_height`],
    /// grown where the text needs it.
    pub height: Option<f64>,
    /// The colour theme.
    pub theme: Theme,
    /// The viewer's language.
    pub lang: Lang,
}

impl ChartRequest {
    /// A request for the feed's own view at `width`, light theme, default height.
    pub fn new(width: f64, lang: Lang) -> ChartRequest {
        ChartRequest { view: None, width, height: None, theme: Theme::Light, lang }
    }
}

/// Lays out and draws `feed` as `request` asks, measuring text with `measure`.
pub fn render(feed: &ValidFeed, request: &ChartRequest, measure: &dyn TextMeasure) -> Chart {
    crate::views::render_view(feed, request, measure)
}
