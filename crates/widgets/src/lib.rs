//! The chart widget in the browser, over the chart core: the chart with its
//! loading and error states, its data table, and the text measurement of
//! the browser. [`ChartBox`] is plain `web-sys`; [`fetch`] (the page's shared
//! feed cache), [`style`] and [`ErrorReport`] are what every face shares: the
//! `<opeka-chart>` element (opeka-embed) and the Leptos component
//! (opeka-leptos).
//!
//! Everything a feed says reaches the DOM as text nodes or through the
//! chart's XML-escaped SVG parsed as `image/svg+xml`, never as HTML.

mod chart_box;
mod dom;
mod failure_box;
pub mod fetch;
mod measure;
pub mod menu;
mod plot;
mod report;
mod state;
pub mod style;
/// Big feeds through the worker, for the Leptos component (the element's
/// path is opeka-embed's, through opeka.js): behind `loader`, so that the
/// element's module is the same to the byte without it.
#[cfg(feature = "loader")]
pub mod worker;

pub use chart_box::{ChartBox, RenderedChart, Settings};
pub use measure::CanvasMeasure;
pub use menu::Controls;
pub use opeka_feed::validate::problem_lines;
pub use plot::use_interact;
pub use report::{ErrorReport, ProblemReport};
pub use state::{Failure, FeedState};

/// The widget's stylesheet (`widget.css` without comments and indentation,
/// written by `build.rs`). Hosts apply it inside the widget's shadow root
/// (as a constructed stylesheet, so it needs no `'unsafe-inline'`).
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// What a widget validates and draws, unseen, while it waits for its feed
/// or its worker's answer (the element and the Leptos component alike): V8
/// compiles a wasm function when it is first called, and the canvas sets
/// its font up on the first measure, so the page's tasks that then validate
/// and draw the feed are shorter. A caseload's trend of categories summed
/// over units, as the big feeds are (the worker warms up on a bigger one,
/// `opeka_chart::reduce::warm_up_feed`).
pub const WARM_UP_FEED: &str = r#"{"opeka":1,"kind":"caseload","title":"Ж","units":[{"id":"u","label":"У"}],"categories":[{"id":"a","label":"А"},{"id":"b","label":"Б"}],"records":[{"period":"2024-01-01","unit":"u","category":"a","value":1},{"period":"2024-01-02","unit":"u","category":"b","value":2}]}"#;

/// The media query of a dark colour scheme, followed by `theme="auto"`.
pub const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// The media query under which `theme="auto"` draws the contrast theme:
/// the viewer asked for more contrast, or the system forces its colours
/// (Windows high contrast; the stylesheet then maps the chart's colours
/// to the system's).
pub const CONTRAST_QUERY: &str = "(prefers-contrast: more), (forced-colors: active)";

/// The theme of `theme="auto"`: contrast when asked for, else dark or light
/// as the colour scheme is.
pub fn auto_theme(dark: bool, contrast: bool) -> opeka_chart::Theme {
    use opeka_chart::Theme;
    match (contrast, dark) {
        (true, _) => Theme::Contrast,
        (false, true) => Theme::Dark,
        (false, false) => Theme::Light,
    }
}

/// The viewer's local time to the minute: when a feed on show was fetched
/// or confirmed, for the stale marker.
pub fn local_now() -> Option<opeka_feed::DayTime> {
    let date = js_sys::Date::new_0();
    let day = opeka_feed::Date::from_ymd_opt(date.get_full_year() as i32, date.get_month() + 1, date.get_date())?;
    day.and_hm_opt(date.get_hours(), date.get_minutes())
}
