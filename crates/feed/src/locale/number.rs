//! Numbers: full, compact, fixed, and changes against a baseline.

use crate::{Format, Lang};

/// The no-break space (U+00A0) used between digit groups and between a number and its sign or unit.
pub const NBSP: char = '\u{a0}';

/// The minus sign (U+2212); a hyphen would look short and can break a line.
pub const MINUS: char = '\u{2212}';

/// What a number that is not finite (NaN, ±∞) is written as.
pub const NO_NUMBER: &str = "—";

/// More places than f64 can carry are noise, and an unbounded count would let a caller allocate without limit.
const MAX_DECIMALS: usize = 12;

/// Compact scales, smallest first: divisor, Russian word, English suffix.
const SCALES: [(f64, &str, &str); 4] = [
    (1e3, "тыс.", "K"),
    (1e6, "млн", "M"),
    (1e9, "млрд", "B"),
    (1e12, "трлн", "T"),
];

/// A rounded number as decimal digits, with its sign kept apart so that a
/// currency label (`−RUB 16M`) or a plural rule can be applied to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Digits {
    /// Below zero after rounding (so `−0` never appears).
    negative: bool,
    /// Integer digits, ungrouped.
    int: String,
    /// Fraction digits; empty when there are none to show.
    frac: String,
}

impl Digits {
    /// `value` rounded to `decimals` places; trailing fraction zeros dropped when `trim`.
    /// `None` when the value is not finite.
    pub(crate) fn new(value: f64, decimals: usize, trim: bool) -> Option<Digits> {
        if !value.is_finite() {
            return None;
        }
        let decimals = decimals.min(MAX_DECIMALS);
        // `{:.N}` never switches to exponent notation, so this is always plain digits.
        let text = format!("{:.decimals$}", value.abs());
        let (int, frac) = match text.split_once('.') {
            Some((i, f)) => (i.to_owned(), f.to_owned()),
            None => (text, String::new()),
        };
        let mut digits = Digits { negative: false, int, frac };
        if trim {
            digits.trim();
        }
        digits.negative = value < 0.0 && !digits.is_zero();
        Some(digits)
    }

    /// Full style: up to two places when the value is fractional, none when it is whole.
    pub(crate) fn full(value: f64) -> Option<Digits> {
        Digits::new(value, 2, true)
    }

    /// Money style: kopecks are shown as two places (`16,50`), whole roubles without any.
    fn money(value: f64) -> Option<Digits> {
        let d = Digits::new(value, 2, false)?;
        if d.frac.bytes().all(|b| b == b'0') {
            Digits::new(value, 0, false)
        } else {
            Some(d)
        }
    }

    fn trim(&mut self) {
        let kept = self.frac.trim_end_matches('0').len();
        self.frac.truncate(kept);
    }

    fn is_zero(&self) -> bool {
        self.int.bytes().chain(self.frac.bytes()).all(|b| b == b'0')
    }

    /// Whether the written number is exactly one (English singular).
    pub(crate) fn is_one(&self) -> bool {
        self.int == "1" && self.frac.is_empty()
    }

    /// The Russian plural form of the number as written, so that the noun
    /// always agrees with the digits the reader sees (`1,0` rounds to `1`).
    pub(crate) fn ru_form<'a>(&self, forms: [&'a str; 3]) -> &'a str {
        if !self.frac.is_empty() {
            return forms[1];
        }
        // The last two digits decide; the rest of a long number does not matter.
        let tail = &self.int[self.int.len().saturating_sub(2)..];
        let n: u32 = tail.parse().unwrap_or(0);
        ru_form_of_integer(n, forms)
    }

    /// The unsigned number, grouped and with the decimal mark of `lang`.
    fn body(&self, lang: Lang) -> String {
        let (group, mark) = match lang {
            Lang::Ru => (NBSP, ','),
            Lang::En => (',', '.'),
        };
        let len = self.int.len();
        let mut out = String::with_capacity(len * 2 + self.frac.len() + 1);
        for (i, ch) in self.int.chars().enumerate() {
            // Russian style groups four-digit numbers too (`1 200`), as does English (`1,200`).
            if i > 0 && (len - i).is_multiple_of(3) {
                out.push(group);
            }
            out.push(ch);
        }
        if !self.frac.is_empty() {
            out.push(mark);
            out.push_str(&self.frac);
        }
        out
    }

    fn sign(&self) -> &'static str {
        if self.negative {
            "\u{2212}"
        } else {
            ""
        }
    }

    /// The number with its minus sign.
    pub(crate) fn signed(&self, lang: Lang) -> String {
        format!("{}{}", self.sign(), self.body(lang))
    }
}

/// The Russian plural form of a whole number `n >= 0`.
pub(crate) fn ru_form_of_integer(n: u32, forms: [&str; 3]) -> &str {
    match (n % 10, n % 100) {
        (_, 11..=14) => forms[2],
        (1, _) => forms[0],
        (2..=4, _) => forms[1],
        _ => forms[2],
    }
}

/// A number written short: the digits, and the index into [`SCALES`] if one was used.
pub(crate) fn compact_digits(value: f64) -> Option<(Digits, Option<usize>)> {
    if !value.is_finite() {
        return None;
    }
    let abs = value.abs();
    let mut scale = SCALES.iter().rposition(|s| abs >= s.0);
    loop {
        let scaled = scale.map_or(abs, |i| abs / SCALES[i].0);
        // About two significant digits with a scale word (`1,5 млн`, `16 млн`),
        // about three without one (`1,25`, `12,5`, `125`), never more than two places.
        let decimals = match (scale, scaled) {
            (Some(_), s) if s < 10.0 => 1,
            (Some(_), _) => 0,
            (None, s) if s < 10.0 => 2,
            (None, s) if s < 100.0 => 1,
            (None, _) => 0,
        };
        let mut digits = Digits::new(scaled, decimals, true)?;
        // Rounding can carry into the next scale (999 950 → `1 000 тыс.`), which reads better one scale up.
        let next = scale.map_or(0, |i| i + 1);
        if digits.int.len() > 3 && next < SCALES.len() {
            scale = Some(next);
            continue;
        }
        digits.negative = value < 0.0 && !digits.is_zero();
        return Some((digits, scale));
    }
}

/// The compact number with its scale word but no unit: `1,5 млн`, `12 тыс.`; `1.5M`, `12K`.
fn compact_body(digits: &Digits, scale: Option<usize>, lang: Lang) -> String {
    let body = digits.body(lang);
    match (scale.and_then(|i| SCALES.get(i)), lang) {
        (Some((_, word, _)), Lang::Ru) => format!("{body}{NBSP}{word}"),
        (Some((_, _, suffix)), Lang::En) => format!("{body}{suffix}"),
        (None, _) => body,
    }
}

/// Puts the unit of `format` around an unsigned number and the sign in front of it all.
fn with_unit(sign: &str, body: &str, format: Format, lang: Lang) -> String {
    match (format, lang) {
        (Format::Percent, Lang::Ru) => format!("{sign}{body}{NBSP}%"),
        (Format::Percent, Lang::En) => format!("{sign}{body}%"),
        (Format::Rub, Lang::Ru) => format!("{sign}{body}{NBSP}₽"),
        (Format::Rub, Lang::En) => format!("{sign}RUB{NBSP}{body}"),
        (Format::Count | Format::Index | Format::Ratio, _) => format!("{sign}{body}"),
    }
}

/// A value written in full for `lang`: `12 000` (no-break space), `30 %`,
/// `16 000 000 ₽`; `12,000`, `30%`, `RUB 16,000,000`. Index and ratio are
/// plain numbers (`70`, `1,5`); a feed's `unit` is the caller's to add.
pub fn format_value(value: f64, format: Format, lang: Lang) -> String {
    let digits = match format {
        Format::Rub => Digits::money(value),
        _ => Digits::full(value),
    };
    match digits {
        Some(d) => with_unit(d.sign(), &d.body(lang), format, lang),
        None => NO_NUMBER.to_owned(),
    }
}

/// A value written short, for axes and tiles: `1,5 млн`, `16 млн ₽`; `1.5M`, `RUB 16M`.
pub fn format_compact(value: f64, format: Format, lang: Lang) -> String {
    match compact_digits(value) {
        Some((d, scale)) => with_unit(d.sign(), &compact_body(&d, scale, lang), format, lang),
        None => NO_NUMBER.to_owned(),
    }
}

/// A plain number with `decimals` places: `1 234,5` / `1,234.5`
/// (at most 12 places; more would only show floating-point noise).
pub fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    match Digits::new(value, decimals, false) {
        Some(d) => d.signed(lang),
        None => NO_NUMBER.to_owned(),
    }
}

/// `+` before a change that is above zero as written; the minus comes from the digits.
fn explicit_sign(d: &Digits) -> &'static str {
    if d.negative {
        "\u{2212}"
    } else if d.is_zero() {
        ""
    } else {
        "+"
    }
}

/// The difference `value − baseline`, signed: used where no ratio exists.
fn difference(value: f64, baseline: f64, lang: Lang) -> String {
    match Digits::full(value - baseline) {
        Some(d) => format!("{}{}", explicit_sign(&d), d.body(lang)),
        None => NO_NUMBER.to_owned(),
    }
}

/// The change from `baseline` to `value` as a reader sees it: `−30 %`, `+5 %`, `×2`.
///
/// A value at least twice a positive baseline is a multiplier (`×2`, `×2,5`),
/// because `+150 %` is harder to grasp; anything else is a signed percentage
/// of the baseline (one place below 10 %). A zero baseline has no ratio, so
/// the signed difference is written instead (`+5`).
pub fn format_change(value: f64, baseline: f64, lang: Lang) -> String {
    if !value.is_finite() || !baseline.is_finite() {
        return NO_NUMBER.to_owned();
    }
    if baseline == 0.0 {
        return difference(value, baseline, lang);
    }
    let ratio = value / baseline;
    let percent = (value - baseline) / baseline.abs() * 100.0;
    // A tiny baseline can overflow both; the difference is still true.
    if !ratio.is_finite() || !percent.is_finite() {
        return difference(value, baseline, lang);
    }
    if baseline > 0.0 && ratio >= 2.0 {
        let decimals = if ratio < 10.0 { 1 } else { 0 };
        return match Digits::new(ratio, decimals, true) {
            Some(d) => format!("×{}", d.body(lang)),
            None => NO_NUMBER.to_owned(),
        };
    }
    let decimals = if percent.abs() < 10.0 { 1 } else { 0 };
    match Digits::new(percent, decimals, true) {
        Some(d) => with_unit(explicit_sign(&d), &d.body(lang), Format::Percent, lang),
        None => NO_NUMBER.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plural_of_written_digits() {
        let forms = ["один", "few", "many"];
        let cases: &[(f64, usize, &str)] = &[
            (1.0, 0, "один"),
            (1.004, 2, "один"), // written `1`
            (1.5, 2, "few"),
            (111.0, 0, "many"),
            (1e20, 0, "many"),
            (1_000_022.0, 0, "few"),
        ];
        for &(n, places, want) in cases {
            let d = Digits::new(n, places, true).expect("finite");
            assert_eq!(d.ru_form(forms), want, "{n}");
        }
    }

    #[test]
    fn compact_carries_into_next_scale() {
        let (d, scale) = compact_digits(999_950.0).expect("finite");
        assert_eq!((d.signed(Lang::En), scale), ("1".to_owned(), Some(1)));
        let (d, scale) = compact_digits(999.6).expect("finite");
        assert_eq!((d.signed(Lang::En), scale), ("1".to_owned(), Some(0)));
        // The largest scale does not carry further.
        let (d, scale) = compact_digits(2e18).expect("finite");
        assert_eq!((d.signed(Lang::En), scale), ("2,000,000".to_owned(), Some(3)));
    }
}
