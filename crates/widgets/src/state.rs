//! What a widget knows about its feed at a given moment.

use std::sync::Arc;

use opeka_feed::validate::{Omitted, Problem};
use opeka_feed::ValidFeed;

/// The state of a widget's feed.
#[derive(Clone, Debug)]
pub enum FeedState {
    /// Fetching or parsing.
    Loading,
    /// A validated feed, ready to draw (with its warnings).
    Ready(Arc<ValidFeed>),
    /// No chart can be drawn; the reason is shown in the widget's box.
    Failed(Arc<Failure>),
}

/// Why a widget shows no chart.
#[derive(Clone, Debug)]
pub enum Failure {
    /// The feed could not be fetched.
    Network {
        /// The URL asked for.
        url: String,
        /// The HTTP status, when the server answered.
        status: Option<u16>,
        /// What the browser said, for the page author.
        detail: String,
    },
    /// The feed was fetched but breaks the format.
    Invalid {
        /// The problems, errors and warnings, as the validator lists them (capped).
        problems: Vec<Problem>,
        /// The problems past the validator's cap, counted only.
        omitted: Omitted,
    },
    /// The widget was set up wrongly (no `src` and no inline feed).
    NoFeed,
}

impl Failure {
    /// Whether trying again may help (network errors only).
    pub fn is_retryable(&self) -> bool {
        matches!(self, Failure::Network { .. })
    }
}
