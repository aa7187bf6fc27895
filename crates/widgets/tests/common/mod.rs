//! What the widget tests share: the sample feed and its validated state.

use std::sync::Arc;

use opeka_feed::validate::{validate, Options};
use opeka_widgets::FeedState;

/// The Kuzbass case-load sample, as the gallery ships it.
pub const CASELOAD: &str = include_str!("../../../../feeds/kuzbass-caseload.json");

/// `json` validated into the state a widget draws.
pub fn ready(json: &str) -> FeedState {
    match validate(json.as_bytes(), &Options::default()) {
        Ok(checked) => FeedState::Ready(Arc::new(checked.feed)),
        Err(rejected) => panic!("sample feed invalid: {}", rejected.problems.len()),
    }
}
