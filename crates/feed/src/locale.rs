//! Russian and English formatting of numbers, periods, dates and plurals.
//!
//! INTERFACE STUB: the signatures below are the contract the chart and the
//! widgets code against; the bodies are placeholders to be replaced.

use crate::{Format, Lang, Period};

/// A value written in full for `lang`: `12 000` (no-break space), `30 %`,
/// `16 000 000 ₽`; `12,000`, `30%`, `RUB 16,000,000`.
pub fn format_value(value: f64, format: Format, lang: Lang) -> String {
    let _ = (format, lang);
    format!("{value}")
}

/// A value written short, for axes and tiles: `1,5 млн`, `16 млн ₽`; `1.5M`, `RUB 16M`.
pub fn format_compact(value: f64, format: Format, lang: Lang) -> String {
    format_value(value, format, lang)
}

/// A plain number with `decimals` places: `1 234,5` / `1,234.5`.
pub fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    let _ = lang;
    format!("{value:.decimals$}")
}

/// The change from `baseline` to `value` as a reader sees it: `−30 %`, `+5 %`, `×2`.
pub fn format_change(value: f64, baseline: f64, lang: Lang) -> String {
    let _ = lang;
    format!("{}", value - baseline)
}

/// A period in full: `март 2024`, `I кв. 2024`, `2024`, `8 марта 2024 г.`; `Mar 2024`, `Q1 2024`.
pub fn format_period(period: &Period, lang: Lang) -> String {
    let _ = lang;
    period.to_string()
}

/// A period as an axis tick: `мар` / `Mar` (with the year where `with_year`), `I кв.` / `Q1`, `2024`.
pub fn format_period_tick(period: &Period, with_year: bool, lang: Lang) -> String {
    let _ = (with_year, lang);
    period.to_string()
}

/// A date: `8 июня 2018 г.`, `8 June 2018`.
pub fn format_date(date: chrono::NaiveDate, lang: Lang) -> String {
    let _ = lang;
    date.to_string()
}

/// The Russian plural form of `n` among `[one, few, many]`
/// (1 семья, 2 семьи, 5 семей; a fractional number takes `few`: 1,5 семьи).
pub fn plural_ru<'a>(n: f64, forms: [&'a str; 3]) -> &'a str {
    let _ = n;
    forms[2]
}
