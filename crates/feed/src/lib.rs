//! Opeka feed format 1 (see `docs/feeds.md`): the typed model of a feed,
//! the validator that turns untrusted bytes into a [`ValidFeed`], and the
//! Russian/English formatting of numbers, periods and dates.

pub mod collections;
pub mod date;
pub mod deck;
pub mod lang;
pub mod locale;
pub mod model;
#[cfg(feature = "schema")]
pub mod schema;
pub mod validate;

pub use date::{Date, DateTime, DayTime};
pub use lang::Lang;
pub use model::*;
