//! Periods and dates.

use super::number::{MINUS, NBSP};
use crate::{Date, DayTime, Lang, Period};

/// Russian month names in the nominative, for a month on its own (`март 2024`).
const RU_MONTHS: [&str; 12] =
    ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];

/// Russian month names in the genitive, for a day of the month (`8 марта`).
const RU_MONTHS_GEN: [&str; 12] =
    ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

/// Russian short month names for axis ticks; written without a dot so ticks line up.
const RU_MONTHS_SHORT: [&str; 12] = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];

const EN_MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const EN_MONTHS_SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Russian writes quarters in Roman numerals (`I кв.`).
const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

/// The `n`th (1-based) entry of a table; `None` for a month or quarter out of range,
/// which a hand-built [`Period`] could carry.
fn nth(table: &[&'static str], n: u8) -> Option<&'static str> {
    table.get(usize::from(n).checked_sub(1)?).copied()
}

/// A year as written: never grouped (`2024`, not `2 024`), a real minus before year zero.
fn year(y: i32) -> String {
    // Through u64, the one integer width the bundle prints elsewhere, so
    // core's printer for 32-bit integers is not linked for years alone.
    let digits = u64::from(y.unsigned_abs()).to_string();
    if y < 0 {
        format!("{MINUS}{digits}")
    } else {
        digits
    }
}

/// A quarter without its year: `I кв.` / `Q1`.
fn quarter(q: u8, lang: Lang) -> Option<String> {
    match lang {
        Lang::Ru => nth(&ROMAN, q).map(|r| format!("{r}{NBSP}кв.")),
        Lang::En => nth(&ROMAN, q).map(|_| format!("Q{q}")),
    }
}

/// Joins the parts of one label with no-break spaces, so the label never wraps inside.
fn join(parts: &[&str]) -> String {
    super::case::join(parts, "\u{a0}")
}

/// A period in full: `март 2024`, `I кв. 2024`, `2024`, `8 марта 2024 г.`; `Mar 2024`, `Q1 2024`, `8 March 2024`.
pub fn format_period(period: &Period, lang: Lang) -> String {
    let text = match *period {
        Period::Year(y) => Some(year(y)),
        Period::Quarter(y, q) => quarter(q, lang).map(|q| join(&[&q, &year(y)])),
        Period::Month(y, m) => {
            let names: &[&'static str] = match lang {
                Lang::Ru => &RU_MONTHS,
                Lang::En => &EN_MONTHS_SHORT,
            };
            nth(names, m).map(|name| join(&[name, &year(y)]))
        }
        Period::Day(d) => Some(format_date(d, lang)),
    };
    // A hand-built period out of range is still shown, in feed syntax.
    text.unwrap_or_else(|| period.to_string())
}

/// A period as an axis tick: `мар` / `Mar` (with the year where `with_year`), `I кв.` / `Q1`, `2024`.
/// Days are `8 мар` / `8 Mar`.
pub fn format_period_tick(period: &Period, with_year: bool, lang: Lang) -> String {
    let short: &[&'static str] = match lang {
        Lang::Ru => &RU_MONTHS_SHORT,
        Lang::En => &EN_MONTHS_SHORT,
    };
    let (label, y) = match *period {
        Period::Year(y) => return year(y),
        Period::Quarter(y, q) => (quarter(q, lang), y),
        Period::Month(y, m) => (nth(short, m).map(str::to_owned), y),
        Period::Day(d) => {
            let month = u8::try_from(d.month()).ok().and_then(|m| nth(short, m));
            (month.map(|m| join(&[&d.day().to_string(), m])), d.year())
        }
    };
    match label {
        Some(label) if with_year => join(&[&label, &year(y)]),
        Some(label) => label,
        None => period.to_string(),
    }
}

/// A date: `8 июня 2018 г.`, `8 June 2018`.
pub fn format_date(date: Date, lang: Lang) -> String {
    let names: &[&'static str] = match lang {
        Lang::Ru => &RU_MONTHS_GEN,
        Lang::En => &EN_MONTHS,
    };
    let day = date.day().to_string();
    let y = year(date.year());
    // A date's month is always 1..=12; the fallback only keeps this total.
    let Some(month) = u8::try_from(date.month()).ok().and_then(|m| nth(names, m)) else {
        return Period::Day(date).to_string();
    };
    match lang {
        Lang::Ru => join(&[&day, month, &y, "г."]),
        Lang::En => join(&[&day, month, &y]),
    }
}

/// A day and a time of day, for "data as of": `12 марта, 10:40`, `12 March, 10:40`.
pub fn format_day_time(at: DayTime, lang: Lang) -> String {
    let names: &[&'static str] = match lang {
        Lang::Ru => &RU_MONTHS_GEN,
        Lang::En => &EN_MONTHS,
    };
    let month = u8::try_from(at.date().month()).ok().and_then(|m| nth(names, m)).unwrap_or_default();
    format!("{}{NBSP}{month}, {}:{:02}", at.date().day(), at.hour(), at.minute())
}
