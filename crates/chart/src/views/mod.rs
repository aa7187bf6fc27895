//! The views, one module each, grouped by the feed kind they draw; and
//! [`render_view`], which dispatches to them.
//!
//! ```text
//! views/
//!   caseload/  trend, ranking, composition, per_capita; rows (the sums they share)
//!   awards/    breakdown, podium, roll; texts (the award texts they share)
//!   outcomes/  progress, before_after, trajectory; readings (the indicators
//!              they share), stack (the layout of progress and before-after)
//!   tiles.rs   headline figures of every kind
//!   more.rs    what a view says of the items it leaves out (note, summary)
//! ```
//!
//! A view is a pure function from its [`Context`] and its kind's body to a
//! [`Scene`]. It lays out the shared [`Frame`] and its own content, picks
//! the canvas height with [`Context::height`], places everything on a
//! [`Canvas`] (frame first, which returns the plot rectangle), and finishes
//! the scene with its summary and table. Values and periods become pixels
//! through the scales of [`crate::scale`]; shared elements (axes, legends,
//! keys, the bar layout) come from [`crate::parts`].
//!
//! No view imports another view: what two views share goes to their kind's
//! shared module (data and texts) or to `parts` (drawing). To add a view:
//! write its module in its kind's folder, declare it and re-export its
//! `render_*` function in the kind's `mod.rs`, add its arm to
//! [`render_view`] and its height to [`default_height`].

mod awards;
pub(crate) mod caseload;
mod more;
mod outcomes;
mod tiles;

pub(crate) use outcomes::MOST_PANELS;
pub(crate) use tiles::tiles_period;

use opeka_feed::{Body, Lang, Text, UnitWord, ValidFeed, View};

use crate::canvas::Canvas;
use crate::measure::TextMeasure;
use crate::parts::frame::Frame;
use crate::render::{ChartRequest, Readings};
use crate::scene::{Medium, Scene};
use crate::text::{clean, Font};
use crate::theme::{Style, TextSize};

/// Everything a view needs to draw: the feed, the request, the measurer.
pub(crate) struct Context<'a> {
    /// The validated feed.
    pub feed: &'a ValidFeed,
    /// The view being drawn.
    pub view: View,
    /// Canvas width (already clamped to what the charts support).
    pub width: f64,
    /// The height asked for, if any (clamped).
    pub requested_height: Option<f64>,
    /// The theme's style.
    pub style: &'static Style,
    /// The viewer's language.
    pub lang: Lang,
    /// Measures every text.
    pub measure: &'a dyn TextMeasure,
    /// The series a viewer hid, bit `n` for series `n`.
    pub hidden: u64,
    /// Screen or slide: a slide has no data table to point readers to.
    pub medium: Medium,
    /// How much of a trend's or ranking's readings to write ([`crate::render_with`]).
    pub readings: Readings,
}

impl Context<'_> {
    /// A feed text in the viewer's language, cleaned for layout.
    pub fn text(&self, text: &Text) -> String {
        clean(self.feed.text(text, self.lang))
    }

    /// A feed unit's heading form (the many-form: «человек») in the viewer's
    /// language, cleaned for layout. Until the views write each number with
    /// `Feed::value_with_unit`, every unit is shown in this form.
    pub fn unit(&self, unit: &UnitWord) -> String {
        clean(self.feed.unit_heading(unit, self.lang))
    }

    /// Whether the viewer hid series `n` (series past 63 cannot be hidden;
    /// views without legend toggling hide nothing).
    pub fn is_hidden(&self, n: usize) -> bool {
        n < 64 && self.hidden >> n & 1 == 1 && matches!(self.view, View::Trend | View::Composition | View::Breakdown)
    }

    /// The names of the hidden series among `labels`, as the summary and the
    /// table caption say them: ` Скрыто: А, Б.`; empty when none is.
    pub fn hidden_note<'s>(&self, labels: impl Iterator<Item = &'s str>) -> String {
        let names: Vec<&str> = labels.enumerate().filter(|&(n, _)| self.is_hidden(n)).map(|(_, l)| l).collect();
        if names.is_empty() {
            return String::new();
        }
        format!(" {}: {}.", opeka_feed::locale::Msg::Hidden.text(self.lang), opeka_feed::locale::join(&names, ", "))
    }

    /// The font for `role` at this width and theme.
    pub fn font(&self, role: TextSize) -> Font {
        Font::regular(self.style.text_size(role, self.width))
    }

    /// The frame laid out for this chart.
    pub fn frame(&self) -> Frame {
        Frame::layout(self.feed, self.lang, self.width, self.style, self.measure)
    }

    /// The canvas height for content that needs `natural` pixels, with
    /// `frame` fitted to it so that at least `view_min` pixels are left for
    /// the view.
    pub fn fit(&self, frame: &mut Frame, natural: f64, view_min: f64) -> f64 {
        let height = self.height(natural);
        frame.fit(height, self.style, view_min, self.measure);
        height
    }

    /// An empty canvas of this chart's width and `height`.
    pub fn canvas(&self, height: f64) -> Canvas<'_> {
        Canvas::new(self.view, self.width, height, self.style, self.measure)
    }

    /// The canvas height: the one requested, else the view's default, grown
    /// to `natural` (what the content needs) so that long titles and legends
    /// at narrow widths never crush the plot.
    pub fn height(&self, natural: f64) -> f64 {
        match self.requested_height {
            Some(h) => h,
            None => default_height(self.view, self.width).max(natural.ceil()).min(MAX_SIDE),
        }
    }
}

/// The largest canvas side drawn, in pixels.
pub(crate) const MAX_SIDE: f64 = 8192.0;
/// The smallest canvas width drawn, in pixels.
pub(crate) const MIN_WIDTH: f64 = 240.0;
/// The smallest canvas height drawn, in pixels.
pub(crate) const MIN_HEIGHT: f64 = 120.0;

/// Lays out `request.view` of `feed` at the request's size, in the screen
/// medium. The view is resolved against the feed's kind, so each kind's
/// views see only their own body.
pub(crate) fn render_view(
    feed: &ValidFeed,
    request: &ChartRequest,
    width: f64,
    height: Option<f64>,
    hidden: u64,
    readings: Readings,
    measure: &dyn TextMeasure,
) -> Scene {
    let clamp = |v: f64, lo: f64, default: f64| if v.is_finite() { v.round().clamp(lo, MAX_SIDE) } else { default };
    let ctx = Context {
        feed,
        view: feed.resolve_view(request.view),
        width: clamp(width, MIN_WIDTH, 640.0),
        requested_height: height.map(|h| clamp(h, MIN_HEIGHT, 400.0)),
        style: request.theme.style(),
        lang: request.lang,
        measure,
        hidden,
        medium: request.medium,
        readings,
    };
    match &feed.body {
        Body::Caseload(caseload) => match ctx.view {
            View::Ranking => caseload::render_ranking(&ctx, caseload),
            View::Composition => caseload::render_composition(&ctx, caseload),
            View::PerCapita => caseload::render_per_capita(&ctx, caseload),
            View::Tiles => tiles::render_tiles(&ctx),
            _ => caseload::render_trend(&ctx, caseload),
        },
        Body::Awards(awards) => match ctx.view {
            View::Podium => awards::render_podium(&ctx, awards),
            View::Roll => awards::render_roll(&ctx, awards),
            View::Tiles => tiles::render_tiles(&ctx),
            _ => awards::render_breakdown(&ctx, awards),
        },
        Body::Outcomes(outcomes) => match ctx.view {
            View::BeforeAfter => outcomes::render_before_after(&ctx, outcomes),
            View::Trajectory => outcomes::render_trajectory(&ctx, outcomes),
            View::Tiles => tiles::render_tiles(&ctx),
            _ => outcomes::render_progress(&ctx, outcomes),
        },
    }
}

/// The height of a `view` chart `width` pixels wide when the request gives
/// none (the chart may grow taller when its text needs it).
pub fn default_height(view: View, width: f64) -> f64 {
    let width = if width.is_finite() { width.clamp(MIN_WIDTH, MAX_SIDE) } else { 640.0 };
    let h = match view {
        View::Trend | View::Trajectory => width * 0.6,
        // Bars by unit grow with their number; this is the least they take.
        View::Ranking | View::PerCapita | View::Composition => width * 0.45,
        View::Tiles => width * 0.35,
        View::Breakdown => width * 0.6,
        // Outcomes bars grow with their projects; a tall default only leaves a gap.
        View::Progress | View::BeforeAfter => width * 0.35,
        // Lists and cards grow with their content from a modest start.
        View::Podium | View::Roll => width * 0.4,
    };
    h.clamp(320.0, 720.0).round()
}
