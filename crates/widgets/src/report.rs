//! What a widget tells its host about a failure: the same details for every
//! face (the `opeka-error` event's `detail`, the Leptos `on_error` callback).

use opeka_feed::validate::Severity;
use opeka_feed::Lang;

use crate::state::Failure;

/// Why a widget shows no chart, for the host page's scripts and logs.
///
/// ```
/// use opeka_widgets::{ErrorReport, Failure};
///
/// let report = ErrorReport::of(&Failure::NoFeed);
/// assert_eq!(report.kind, "no-feed");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorReport {
    /// `network`, `invalid` or `no-feed`.
    pub kind: &'static str,
    /// One line for the page author, in English (console language).
    pub message: String,
    /// The HTTP status, when the server answered with an error.
    pub status: Option<u16>,
    /// The feed URL asked for (network failures).
    pub url: Option<String>,
    /// The problems of an invalid feed, errors and warnings, up to the
    /// validator's cap (200).
    pub problems: Vec<ProblemReport>,
    /// How many problems past the cap are not listed.
    pub omitted: usize,
    /// The problems as `path: message` lines for the console, then `and N more`.
    pub lines: Vec<String>,
}

/// One problem of an invalid feed.
#[derive(Clone, Debug, PartialEq)]
pub struct ProblemReport {
    /// Where in the feed, e.g. `records[3].value`.
    pub path: String,
    /// What is wrong, in English.
    pub message: String,
    /// `error` or `warning`.
    pub severity: &'static str,
}

impl ErrorReport {
    /// The report of `failure`.
    ///
    /// ```
    /// use opeka_widgets::{ErrorReport, Failure};
    ///
    /// let failure = Failure::Network { url: "https://example.org/a.json".into(), status: Some(404), detail: "Not Found".into() };
    /// let report = ErrorReport::of(&failure);
    /// assert_eq!((report.kind, report.status), ("network", Some(404)));
    /// ```
    pub fn of(failure: &Failure) -> ErrorReport {
        match failure {
            Failure::Network { url, status, detail } => ErrorReport {
                kind: "network",
                message: format!(
                    "could not fetch {url}: {}{detail}",
                    status.map(|s| format!("HTTP {} ", u64::from(s))).unwrap_or_default()
                ),
                status: *status,
                url: Some(url.clone()),
                problems: Vec::new(),
                omitted: 0,
                lines: Vec::new(),
            },
            Failure::Invalid { problems, omitted } => {
                let errors = problems.iter().filter(|p| p.severity == Severity::Error).count() + omitted.errors;
                ErrorReport {
                    omitted: omitted.total(),
                    lines: opeka_feed::validate::problem_lines(problems, *omitted),
                    kind: "invalid",
                    message: format!("the feed is invalid ({errors} errors)"),
                    status: None,
                    url: None,
                    problems: problems
                        .iter()
                        .map(|p| ProblemReport {
                            path: p.path.clone(),
                            message: p.message(Lang::En),
                            severity: if p.severity == Severity::Error { "error" } else { "warning" },
                        })
                        .collect(),
                }
            }
            Failure::NoFeed => ErrorReport {
                kind: "no-feed",
                message: "no src attribute and no inline <script type=\"application/json\"> feed".to_owned(),
                status: None,
                url: None,
                problems: Vec::new(),
                omitted: 0,
                lines: Vec::new(),
            },
        }
    }
}
