//! Russian and English formatting of numbers, periods, dates and plurals,
//! and the few texts the widgets write themselves.
//!
//! Everything here is total: a NaN or infinite number gives [`NO_NUMBER`],
//! an out-of-range period falls back to its feed syntax, and nothing panics,
//! because the inputs come from feeds we do not control.
//!
//! Spaces that must not break a line (digit groups, `30 %`, `1,5 млн`,
//! `16 млн ₽`, `март 2024`, `8 марта 2024 г.`, `5 семей`) are U+00A0, and the
//! minus sign is U+2212, as Russian typography asks and as screen readers
//! read correctly.

mod case;
mod deck;
mod messages;
mod number;
mod period;
mod plural;
mod unit;
mod words;

pub use case::{join, lower, lower_first, upper_first};
pub use deck::DeckMsg;
pub use messages::{outcome_verdict, Msg};
pub use number::{
    format_change, format_change_in, format_compact, format_difference, format_number, format_value, write_fixed, write_shortest,
    write_trimmed, NumberStyle, MINUS, NBSP, NO_NUMBER,
};
pub use period::{format_date, format_day_time, format_period, format_period_tick};
pub use plural::{count_noun, count_noun_compact, plural_ru, Noun};
pub use unit::{join_unit, value_with_unit};
pub use words::{words, Words};
