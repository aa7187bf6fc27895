//! The views of an outcomes feed: `progress`, `before-after` and
//! `trajectory`. `readings` holds the indicator readings they share, and
//! `stack` the stack of project headings and indicator rows of `progress`
//! and `before-after`.

mod before_after;
mod progress;
mod readings;
mod stack;
mod trajectory;

use super::Context;

pub(super) use before_after::render_before_after;
pub(super) use progress::render_progress;
pub(super) use trajectory::render_trajectory;
pub(crate) use trajectory::MOST_PANELS;
// The tiles view reads the same rows as the outcomes views.
pub(super) use readings::{outcomes_data, Point};
