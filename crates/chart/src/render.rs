//! The entry point: a request in, a [`Scene`] out.

use opeka_feed::{Lang, ValidFeed, View};

use crate::measure::TextMeasure;
use crate::scene::{Medium, Scene};
use crate::theme::Theme;

/// What to draw: which view, how big, for which medium, in which theme and language.
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
    /// Where the chart is shown: a page or a slide.
    pub medium: Medium,
    /// The colour theme.
    pub theme: Theme,
    /// The viewer's language.
    pub lang: Lang,
}

impl ChartRequest {
    /// A request for the feed's own view at `width`, on a screen, light theme, default height.
    pub fn new(width: f64, lang: Lang) -> ChartRequest {
        ChartRequest { view: None, width, height: None, medium: Medium::Screen, theme: Theme::Light, lang }
    }
}

/// How much of a drawing's readings [`render_with`] writes: a page writes
/// a long trend's only as a viewer needs them (on a long series they are
/// most of the drawing's time).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Readings {
    /// A `trend`'s points have no marks, and its table, a ranking's, a
    /// roll's and an outcomes view's have no rows (`Readings::held_rows`).
    Unread,
    /// As `Unread`, but a `trend`'s points have their marks, each with its
    /// place and series and an empty label (no period or value): what a
    /// pointer or the keys move over.
    Places,
    /// As `Unread`, with the marks, read, of a `trend`'s points whose x
    /// lies between the two (inclusive): a period's points, read as a
    /// viewer comes to them.
    Between(f64, f64),
    /// As `Places`, with the table rows a page's table shows and prints: a
    /// `trend`'s latest [`crate::MAX_ROWS`] periods, any other table's
    /// first [`crate::MAX_ROWS`] rows, counting the rest.
    Shown,
    /// As `Places`, with every table row (a `ranking`'s too): the table as
    /// a page saves it as CSV.
    Rows,
    /// Every mark and every table row read.
    All,
}

impl Readings {
    /// How many rows a table holds (a trend's latest, any other's first;
    /// the rest counted): none drawn unread or placed only (the page asks
    /// for them when its table is wanted: a feed of 4 000 indicators wrote
    /// a thousand rows in its drawing task, docs/performance.md, stop 45),
    /// the [`crate::MAX_ROWS`] a page's table shows, or every row.
    pub(crate) fn held_rows(self) -> usize {
        match self {
            Readings::All | Readings::Rows => usize::MAX,
            Readings::Shown => crate::MAX_ROWS,
            _ => 0,
        }
    }
}

/// The width, in layout pixels, of a slide's 16:9 reference canvas: a slide
/// is laid out as a screen chart of this width and then scaled to the canvas,
/// so that every size keeps its proportion to the slide (at 1920×1080 the
/// scale is 2.5: labels of 13 px become 32 px, a title 45 px).
pub const SLIDE_LAYOUT_WIDTH: f64 = 768.0;

/// Lays out `feed` as `request` asks, measuring text with `measure`.
pub fn render(feed: &ValidFeed, request: &ChartRequest, measure: &dyn TextMeasure) -> Scene {
    render_hiding(feed, request, 0, measure)
}

/// Lays out `feed` as [`render`] does, without the series whose bits are set
/// in `hidden` (bit `n` is [`crate::Key::series`] `n`), where the view lets a
/// viewer hide series: `trend`, `composition`, `breakdown`. Hidden series
/// keep their colours and legend entries; the axis fits the rest, and the
/// summary and table caption say what is hidden. Slides show every series.
pub fn render_hiding(feed: &ValidFeed, request: &ChartRequest, hidden: u64, measure: &dyn TextMeasure) -> Scene {
    render_with(feed, request, hidden, Readings::All, measure)
}

/// Lays out `feed` as [`render_hiding`] does, with as much of a `trend`'s
/// and a `ranking`'s readings as `readings` asks (the drawing is the same
/// in each): for a page that writes them only when a viewer points at the
/// chart, walks it with the keys or opens its table (the widget). Other
/// views' marks and tables are always read, and a trend's targets. Read,
/// a trend has a mark for every point of its lines, also those a long
/// line's drawing leaves out (each line is downsampled on its own, so the
/// marks of one period name every line with a value there).
pub fn render_with(feed: &ValidFeed, request: &ChartRequest, hidden: u64, readings: Readings, measure: &dyn TextMeasure) -> Scene {
    match request.medium {
        Medium::Screen => crate::views::render_view(feed, request, request.width, request.height, hidden, readings, measure),
        Medium::Slide => render_slide(feed, request, readings, measure),
    }
}

/// A slide: the chart laid out at the reference size of the canvas's
/// shorter side, then scaled up to fill it.
fn render_slide(feed: &ValidFeed, request: &ChartRequest, readings: Readings, measure: &dyn TextMeasure) -> Scene {
    let width = if request.width.is_finite() { request.width.clamp(crate::views::MIN_WIDTH, crate::views::MAX_SIDE) } else { 1920.0 };
    let height =
        request.height.filter(|h| h.is_finite()).unwrap_or(width * 9.0 / 16.0).clamp(crate::views::MIN_HEIGHT, crate::views::MAX_SIDE);
    // The scale that fits a 16:9 reference canvas into this one; a tall
    // canvas gets a narrower, taller layout, a wide one a wider layout.
    let factor = (width.min(height * 16.0 / 9.0) / SLIDE_LAYOUT_WIDTH).max(0.25);
    let layout_w = (width / factor).floor();
    let layout_h = (height / factor).floor();
    // A band of points to read is in the slide's pixels.
    let readings = match readings {
        Readings::Between(from, to) => Readings::Between(from / factor, to / factor),
        readings => readings,
    };
    let mut scene = crate::views::render_view(feed, request, layout_w, Some(layout_h), 0, readings, measure).scaled(factor);
    scene.width = width.round();
    scene.height = height.round();
    scene.medium = Medium::Slide;
    scene
}
