//! The views of a caseload feed: `trend`, `ranking`, `composition` and
//! `per-capita`. `rows` holds the sums they share; the bars of the last
//! three are laid out by [`crate::parts::bars`].

mod composition;
mod per_capita;
mod ranking;
mod rows;
mod trend;

use super::Context;

pub(super) use composition::render_composition;
pub(super) use per_capita::render_per_capita;
pub(super) use ranking::render_ranking;
pub(super) use rows::records_by;
pub(super) use trend::render_trend;
pub(crate) use trend::{summed_records, RecordRef};
