//! Opeka's charts as a [Leptos](https://leptos.dev) 0.8 component.
//!
//! [`OpekaChart`] draws one Opeka feed (a case-load, awards or project
//! outcomes, in Russian or English) and behaves like the `<opeka-chart>`
//! element of host pages, from the same widget core: it fetches its feed
//! through the page's shared cache (widgets of one URL make one request),
//! validates it and shows every problem in the viewer's language, follows
//! its container's width, refreshes on an interval and offers a retry
//! button when the network fails.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use opeka_leptos::{Lang, OpekaChart, View};
//!
//! #[component]
//! fn Dashboard() -> impl IntoView {
//!     view! { <OpekaChart src="/feeds/caseload.json" view=View::Trend lang=Lang::Ru /> }
//! }
//! ```
//!
//! An app that already holds the feed's text passes it as a signal instead:
//!
//! ```no_run
//! use leptos::prelude::*;
//! use opeka_leptos::{OpekaChart, View};
//!
//! #[component]
//! fn Preview(text: RwSignal<String>) -> impl IntoView {
//!     view! { <OpekaChart feed=text view=View::Ranking /> }
//! }
//! ```
//!
//! **Rendering modes.** The component is for client-side-rendered apps
//! (`leptos/csr`). Under server-side rendering it renders only its empty
//! placeholder `<div class="opeka-chart">`: all of its work happens in
//! effects, which do not run on the server. Hydration is not supported.
//!
//! **Downloads.** Each chart has a menu (PNG, SVG, the data table as CSV)
//! whose code loads only when a reader opens it, from `opeka-extras.js`
//! beside the app's page (see [`use_extras_url`]); `controls=Controls::None`
//! hides it.
//!
//! **Big feeds.** A feed of 500 KB or more (from `src`, or `feed` text) goes
//! to Opeka's Web Worker, as `<opeka-chart>`'s does: it is read, validated
//! and reduced to what the view draws there, and the app's main thread only
//! draws the result. The worker's four files sit beside the app's page
//! (see [`use_worker_url`]); without them big feeds are read on the main
//! thread. A feed read on the main thread, small or big, is validated in
//! one task and drawn in the next, so the app handles its input between
//! the two.
//!
//! **Styles.** The chart lives in a shadow root with its own stylesheet:
//! the app's CSS does not reach inside, and the app styles it only through
//! the custom properties `--opeka-font`, `--opeka-foreground`,
//! `--opeka-background`, `--opeka-accent` and `--opeka-error`.
//!
//! Nothing from a feed is ever inserted as HTML.

mod chart;
mod live;

pub use chart::OpekaChart;

/// Whether a chart shows its downloads menu: `Menu` (the default) or `None`.
///
/// ```
/// use opeka_leptos::Controls;
///
/// assert_eq!(Controls::default(), Controls::Menu);
/// ```
pub use opeka_widgets::Controls;

/// Tells the charts mounted from now on where the downloads menu's module
/// is: `opeka-extras.js` from Opeka's `dist/opeka/`, resolved against the
/// page's base URL. By default it is `opeka-extras.js` beside the app's
/// `index.html` (Trunk: `<link data-trunk rel="copy-file" href="…/opeka-extras.js">`).
///
/// ```no_run
/// opeka_leptos::use_extras_url("/static/opeka-extras.js");
/// ```
pub use opeka_widgets::menu::use_extras_url;

/// Tells the charts where Opeka's worker for big feeds is:
/// `opeka-worker-host.js` from Opeka's `dist/opeka/`, resolved against the
/// page's base URL, with `opeka-worker.js`, `opeka_worker_bindings.js` and
/// `opeka_worker_bg.wasm` beside it. By default it is
/// `opeka-worker-host.js` beside the app's `index.html` (Trunk: a
/// `<link data-trunk rel="copy-file">` for each of the four files). A feed
/// of 500 KB or more is read, validated and reduced to what its view draws
/// there, off the app's main thread, as `<opeka-chart>` does; where the
/// files are missing, a console warning says so once and big feeds are
/// read on the main thread. Call it before the first big feed loads.
///
/// ```no_run
/// opeka_leptos::use_worker_url("/static/opeka/opeka-worker-host.js");
/// ```
pub use opeka_widgets::worker::use_worker_url;

/// A feed view: which chart to draw (`Trend`, `Ranking`, … for case-loads;
/// `Breakdown`, `Podium`, … for awards; `Progress`, … for outcomes).
///
/// ```
/// use opeka_leptos::View;
///
/// assert_eq!(View::parse("per-capita"), Some(View::PerCapita));
/// ```
pub use opeka_feed::View;

/// The viewer's language: `Ru` or `En`.
///
/// ```
/// use opeka_leptos::Lang;
///
/// assert_eq!(Lang::parse("en"), Some(Lang::En));
/// ```
pub use opeka_feed::Lang;

/// A colour theme: `Light`, `Dark` or `Contrast` (for projectors). Leave
/// `theme` unset to follow the viewer's `prefers-color-scheme`.
///
/// ```
/// use opeka_leptos::Theme;
///
/// assert_eq!(Theme::parse("contrast"), Some(Theme::Contrast));
/// ```
pub use opeka_chart::Theme;

/// Why a chart shows no chart, as given to `on_error`: the same details as
/// the `<opeka-chart>` element's `opeka-error` event (`kind`, `message`,
/// `status`, `url`, `problems`).
///
/// ```
/// use opeka_leptos::ChartError;
///
/// fn log(error: &ChartError) {
///     for problem in &error.problems {
///         eprintln!("{}: {} ({})", problem.path, problem.message, problem.severity);
///     }
/// }
/// ```
pub use opeka_widgets::ErrorReport as ChartError;

/// One problem of an invalid feed: `path`, `message`, `severity`.
///
/// ```
/// use opeka_leptos::{ChartError, FeedProblem};
///
/// fn errors(error: &ChartError) -> Vec<&FeedProblem> {
///     error.problems.iter().filter(|p| p.severity == "error").collect()
/// }
/// ```
pub use opeka_widgets::ProblemReport as FeedProblem;

/// What was drawn, as given to `on_rendered` after every drawing: the same
/// details as the `opeka-rendered` event.
///
/// ```
/// use opeka_leptos::{Rendered, View};
///
/// let drawn = Rendered { view: View::Trend, width: 640.0, height: 360.0 };
/// assert!(drawn.width > drawn.height);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rendered {
    /// The view drawn (the feed's own choice when none was asked for).
    pub view: View,
    /// The chart's width in CSS pixels.
    pub width: f64,
    /// The chart's height in CSS pixels.
    pub height: f64,
}

impl From<opeka_widgets::RenderedChart> for Rendered {
    fn from(drawn: opeka_widgets::RenderedChart) -> Rendered {
        Rendered { view: drawn.view, width: drawn.width, height: drawn.height }
    }
}
