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
const SCALES: [(f64, &str, &str); 4] = [(1e3, "тыс.", "K"), (1e6, "млн", "M"), (1e9, "млрд", "B"), (1e12, "трлн", "T")];

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
        // Like `{:.N}`, never in exponent notation, so this is always plain digits.
        let mut text = String::new();
        write_fixed(&mut text, value.abs(), decimals);
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

    /// Which of the Russian forms `[one, few, many]` the number as written
    /// takes, so that the noun always agrees with the digits the reader sees
    /// (`1,0` rounds to `1`).
    pub(crate) fn ru_index(&self) -> usize {
        if !self.frac.is_empty() {
            return 1;
        }
        // The last two digits decide; the rest of a long number does not matter.
        let tail = &self.int[self.int.len().saturating_sub(2)..];
        let n: u32 = tail.parse().unwrap_or(0);
        ru_index_of_integer(n)
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
    forms[ru_index_of_integer(n)]
}

/// Which of the Russian forms `[one, few, many]` a whole number `n >= 0` takes.
pub(crate) fn ru_index_of_integer(n: u32) -> usize {
    match (n % 10, n % 100) {
        (_, 11..=14) => 2,
        (1, _) => 0,
        (2..=4, _) => 1,
        _ => 2,
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
fn with_sign_and_format(sign: &str, body: &str, format: Format, lang: Lang) -> String {
    match (format, lang) {
        (Format::Percent, Lang::Ru) => format!("{sign}{body}{NBSP}%"),
        (Format::Percent, Lang::En) => format!("{sign}{body}%"),
        (Format::Rub, Lang::Ru) => format!("{sign}{body}{NBSP}₽"),
        (Format::Rub, Lang::En) => format!("{sign}RUB{NBSP}{body}"),
        (Format::Count | Format::Index | Format::Ratio, _) => format!("{sign}{body}"),
    }
}

/// How a number is written: in full (tables, tiles, summaries) or short (axes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum NumberStyle {
    /// As [`format_value`] writes it: `12 345`, `1,5`.
    #[default]
    Full,
    /// As [`format_compact`] writes it: `12 тыс.`, `1,5 млн`.
    Compact,
}

/// A value as the reader sees it, and what a noun after it agrees with.
pub(crate) struct Written {
    /// `12 345`, `1,5 млн`, `30 %`.
    pub(crate) text: String,
    /// The digits the noun agrees with; `None` when a scale word or a sign
    /// stands between (`1,5 млн семей`, `30 % семей`): Russian then takes
    /// the genitive plural, English the plural.
    pub(crate) agrees_with: Option<Digits>,
}

/// `value` written as `format` in `style`; `None` when it is not finite.
/// [`format_value`], [`format_compact`] and the unit helpers all go through
/// here, so that a unit always agrees with the digits printed beside it.
pub(crate) fn written(value: f64, format: Format, style: NumberStyle, lang: Lang) -> Option<Written> {
    let (text, digits, scaled) = match style {
        NumberStyle::Full => {
            let d = match format {
                Format::Rub => Digits::money(value)?,
                _ => Digits::full(value)?,
            };
            (with_sign_and_format(d.sign(), &d.body(lang), format, lang), d, false)
        }
        NumberStyle::Compact => {
            let (d, scale) = compact_digits(value)?;
            (with_sign_and_format(d.sign(), &compact_body(&d, scale, lang), format, lang), d, scale.is_some())
        }
    };
    // «30 % семей», «16 млн ₽»: the noun hangs on процент / рубль, not on the number.
    let governed = scaled || matches!(format, Format::Percent | Format::Rub);
    Some(Written { text, agrees_with: (!governed).then_some(digits) })
}

/// A value written in full for `lang`: `12 000` (no-break space), `30 %`,
/// `16 000 000 ₽`; `12,000`, `30%`, `RUB 16,000,000`. Index and ratio are
/// plain numbers (`70`, `1,5`); a feed's `unit` is added by
/// [`crate::Feed::value_with_unit`].
pub fn format_value(value: f64, format: Format, lang: Lang) -> String {
    written(value, format, NumberStyle::Full, lang).map_or_else(|| NO_NUMBER.to_owned(), |w| w.text)
}

/// A value written short, for axes and tiles: `1,5 млн`, `16 млн ₽`; `1.5M`, `RUB 16M`.
pub fn format_compact(value: f64, format: Format, lang: Lang) -> String {
    written(value, format, NumberStyle::Compact, lang).map_or_else(|| NO_NUMBER.to_owned(), |w| w.text)
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
        Some(d) => with_sign_and_format(explicit_sign(&d), &d.body(lang), Format::Percent, lang),
        None => NO_NUMBER.to_owned(),
    }
}

/// Percentage points after a number: `п. п.` (with no-break spaces) or `pp`.
fn points(body: &str, sign: &str, lang: Lang) -> String {
    match lang {
        Lang::Ru => format!("{sign}{body}{NBSP}п.{NBSP}п."),
        Lang::En => format!("{sign}{body}{NBSP}pp"),
    }
}

/// The change from `baseline` to `value` of a value written in `format`:
/// for `percent`, the difference in percentage points (`+9,3 п. п.`,
/// `+9.3 pp`), since a percent of a percent misleads (61,5 % → 70,8 % is
/// not «+15 %»); for every other format, [`format_change`].
pub fn format_change_in(value: f64, baseline: f64, format: Format, lang: Lang) -> String {
    if format != Format::Percent {
        return format_change(value, baseline, lang);
    }
    match Digits::new(value - baseline, 1, true) {
        Some(d) => points(&d.body(lang), explicit_sign(&d), lang),
        None => NO_NUMBER.to_owned(),
    }
}

/// How far `value` is from `reference`, unsigned, to one decimal place, in
/// `format`'s terms: `2,4 п. п.` for percent, `15`, `1,5`, `15 000 ₽`.
/// `None` when that rounds to zero (the reader could not tell them apart)
/// or is not finite.
pub fn format_difference(value: f64, reference: f64, format: Format, lang: Lang) -> Option<String> {
    let d = Digits::new((value - reference).abs(), 1, true)?;
    if d.is_zero() {
        return None;
    }
    Some(match format {
        Format::Percent => points(&d.body(lang), "", lang),
        _ => with_sign_and_format("", &d.body(lang), format, lang),
    })
}

/// Writes `value` as `format!("{value:.decimals$}")` writes it: exactly
/// rounded (ties to even), never in exponent notation, `-` on negative values
/// including `-0`, `NaN` and `inf` for the others.
///
/// Our own printer rather than `{:.N}` because core's (Grisu and Dragon,
/// `flt2dec`) is several kilobytes of the wasm bundle; this one shares the
/// small exact expansion below with [`write_shortest`].
pub fn write_fixed(out: &mut String, value: f64, decimals: usize) {
    // Most values are whole or a few places long and nowhere near a tie:
    // their scaled product rounds as the exact value does (a chart writes
    // tens of thousands of them; the exact expansion is ten times slower).
    if decimals <= 15 {
        // 10^decimals is exact (powers of ten are, up to 10^22): one rounding, in the product.
        let scaled = value.abs() * 10f64.powi(decimals as i32);
        if scaled < FAST_BELOW && (scaled - scaled.floor() - 0.5).abs() > 1.0 / 256.0 {
            write_scaled(out, value, scaled.round(), decimals);
            return;
        }
    }
    let Some(exact) = Exact::of(out, value) else { return };
    let decimals = i32::try_from(decimals).unwrap_or(i32::MAX).min(MAX_FIXED_DECIMALS);
    let rounded = exact.round(exact.point.saturating_add(decimals), Rounding::Nearest);
    rounded.write(out, decimals);
}

/// More places than this are never asked for (the formatters stop at
/// [`MAX_DECIMALS`]); it bounds the zeros a caller can make us write.
const MAX_FIXED_DECIMALS: i32 = 1100;

/// Like [`write_fixed`], with the fraction's trailing zeros (and a bare
/// decimal point) left off: `13`, `12.5`, `0.25`. SVG attributes read best so.
pub fn write_trimmed(out: &mut String, value: f64, max_decimals: usize) {
    let start = out.len();
    write_fixed(out, value, max_decimals);
    // By bytes, where `trim_end_matches` ran a char searcher for each
    // number: a long trend's 83 500 places of points, handed over as its
    // table opened, took 13 ms so (docs/performance.md, stop 39).
    let written = &out.as_bytes()[start..];
    if value.is_finite() && written.contains(&b'.') {
        let zeros = written.iter().rev().take_while(|&&b| b == b'0').count();
        let point = usize::from(written[written.len() - zeros - 1] == b'.');
        out.truncate(out.len() - zeros - point);
    }
}

/// Writes `value` as `format!("{value}")` writes it: the fewest digits that
/// read back as the same `f64` (the nearest such when there is a choice),
/// never in exponent notation (`1e21` is written out in full).
pub fn write_shortest(out: &mut String, value: f64) {
    // A chart's opacities and font sizes are short decimals (1, 0.35, 13):
    // the first count of places whose scaled value reads back exactly is
    // the shortest, with no exact expansion, which took a few percent of
    // a first drawing (docs/performance.md, stop 38). Below 2^31 a place
    // (up to six) is wider than the gap between doubles, so one candidate
    // at most reads back, and the product's rounding cannot pick another.
    let magnitude = value.abs();
    if magnitude > 0.0 && magnitude < SHORT_BELOW {
        let mut scale = 1.0;
        for places in 0..=6 {
            let digits = (magnitude * scale).round();
            // Both exact, so their quotient is the decimal read back.
            if digits / scale == magnitude {
                write_scaled(out, value, digits, places);
                return;
            }
            scale *= 10.0;
        }
    }
    let Some(exact) = Exact::of(out, value) else { return };
    if exact.digits.is_empty() {
        out.push('0');
        return;
    }
    let bits = value.abs().to_bits();
    let (mant, exp2) = decode(bits);
    // Every decimal strictly between the midpoints to the neighbouring
    // doubles reads back as `value`; one on a midpoint does when the
    // mantissa is even (the reader rounds ties to even).
    let high = Exact::expand(2 * mant + 1, exp2 - 1);
    let closer_below = mant == 1 << 52 && exp2 > -1074;
    let low = if closer_below { Exact::expand(4 * mant - 1, exp2 - 2) } else { Exact::expand(2 * mant - 1, exp2 - 1) };
    let inclusive = mant % 2 == 0;
    let inside = |c: &Exact| {
        let above = c.cmp(&low);
        let below = high.cmp(c);
        let open = core::cmp::Ordering::Greater;
        (above == open || (inclusive && above.is_eq())) && (below == open || (inclusive && below.is_eq()))
    };
    // 17 significant digits always read back; the loop ends by then.
    for keep in 1..=17 {
        let nearest = exact.round(keep, Rounding::NearestUp);
        let chosen = if inside(&nearest) {
            Some(nearest)
        } else {
            // Just above a power of two the gap below is half the gap above,
            // so the nearest may miss while the other neighbour fits.
            [Rounding::Down, Rounding::Up].into_iter().map(|mode| exact.round(keep, mode)).find(|c| inside(c))
        };
        if let Some(c) = chosen {
            c.write(out, 0);
            return;
        }
    }
    exact.write(out, 0);
}

/// Scaled values from here on take the exact path: below it a product's
/// error is under an eighth, so the nearest integer to it is the nearest to
/// the exact product. A NaN compares false with it, and takes the exact path.
const FAST_BELOW: f64 = (1u64 << 50) as f64;

/// Where [`write_shortest`]'s fast path stops: 2^31.
const SHORT_BELOW: f64 = 2_147_483_648.0;

/// Writes `value`'s sign, then `digits × 10^-places` with `places` places
/// (`digits` whole, under [`FAST_BELOW`]).
fn write_scaled(out: &mut String, value: f64, digits: f64, places: usize) {
    if value.is_sign_negative() {
        out.push('-');
    }
    let mut n = digits as u64;
    // Written from the right; the point's place is skipped, and stays '.'.
    let mut text = [b'.'; 32];
    let mut start = text.len();
    let mut written = 0;
    while n > 0 || written <= places {
        if written == places && places > 0 {
            start -= 1;
        }
        start -= 1;
        text[start] = b'0' + (n % 10) as u8;
        n /= 10;
        written += 1;
    }
    out.push_str(core::str::from_utf8(&text[start..]).unwrap_or_default());
}

/// The mantissa and binary exponent of a finite, non-negative `f64`'s bits:
/// the value is `mant × 2^exp2`.
fn decode(bits: u64) -> (u64, i32) {
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    }
}

/// How [`Exact::round`] rounds.
#[derive(Clone, Copy)]
enum Rounding {
    /// To the nearest, ties to even (as `{:.N}` does).
    Nearest,
    /// To the nearest, ties away from zero (as `{}` picks between two
    /// shortest texts equally near).
    NearestUp,
    /// Towards zero.
    Down,
    /// Away from zero.
    Up,
}

/// A non-negative number as decimal digits: `0.d₁d₂d₃… × 10^point`, without
/// leading or trailing zeros (no digits at all for zero). Every finite `f64`
/// has such an exact expansion, at most 767 significant digits long.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Exact {
    digits: Vec<u8>,
    point: i32,
}

impl Exact {
    /// The expansion of `|value|`, after writing its sign to `out`; `None`,
    /// with `NaN` or `inf` written, when it is not finite (as `{}` writes them).
    fn of(out: &mut String, value: f64) -> Option<Exact> {
        if value.is_nan() {
            out.push_str("NaN");
            return None;
        }
        if value.is_sign_negative() {
            out.push('-');
        }
        if value.is_infinite() {
            out.push_str("inf");
            return None;
        }
        let (mant, exp2) = decode(value.abs().to_bits());
        Some(Exact::expand(mant, exp2))
    }

    /// The exact expansion of `mant × 2^exp2`, in a little big-number
    /// arithmetic: `mant × 2^exp2` when `exp2 ≥ 0`, else `mant × 5^-exp2`
    /// with the point moved `-exp2` places left.
    fn expand(mant: u64, exp2: i32) -> Exact {
        let mut big: Vec<u32> = vec![mant as u32, (mant >> 32) as u32];
        let mut left = exp2.unsigned_abs();
        let (step, factor) = if exp2 >= 0 { (31, 1 << 31) } else { (13, 1_220_703_125) };
        let base: u32 = if exp2 >= 0 { 2 } else { 5 };
        while left > 0 {
            let n = left.min(step);
            let k = if n == step { factor } else { base.pow(n) };
            mul_small(&mut big, k);
            left -= n;
        }
        // Nine decimal digits at a time, least significant first.
        let mut digits = Vec::new();
        while big.iter().any(|&limb| limb != 0) {
            let mut chunk = div_small(&mut big, 1_000_000_000);
            for _ in 0..9 {
                digits.push((chunk % 10) as u8);
                chunk /= 10;
            }
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        digits.reverse();
        let shift = if exp2 >= 0 { 0 } else { exp2 };
        let mut exact = Exact { point: digits.len() as i32 + shift, digits };
        exact.trim();
        exact
    }

    fn trim(&mut self) {
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
        if self.digits.is_empty() {
            self.point = 0;
        }
    }

    /// The number rounded to its first `keep` digits (`keep` may be zero or
    /// below, for a number too small to reach the place kept).
    fn round(&self, keep: i32, mode: Rounding) -> Exact {
        let len = self.digits.len() as i32;
        if keep >= len {
            return self.clone();
        }
        let cut = keep.max(0) as usize;
        let rest = &self.digits[cut..];
        // When `keep < 0` the first dropped place holds an implied zero.
        let (first, tail_nonzero) = if keep < 0 { (0, true) } else { (rest[0], rest[1..].iter().any(|&d| d != 0)) };
        let last_odd = cut > 0 && self.digits[cut - 1] % 2 == 1;
        let up = match mode {
            Rounding::Down => false,
            Rounding::Up => true,
            Rounding::Nearest => first > 5 || (first == 5 && (tail_nonzero || last_odd)),
            Rounding::NearestUp => first >= 5,
        };
        let mut kept = Exact { digits: self.digits[..cut].to_vec(), point: self.point };
        if keep < 0 && !up {
            return Exact { digits: Vec::new(), point: 0 };
        }
        if up {
            // A number below the kept place rounds up to one unit of it.
            if keep < 0 {
                return Exact { digits: vec![1], point: self.point - keep + 1 };
            }
            let mut i = cut;
            loop {
                if i == 0 {
                    kept.digits.insert(0, 1);
                    kept.point += 1;
                    break;
                }
                i -= 1;
                if kept.digits[i] == 9 {
                    kept.digits[i] = 0;
                } else {
                    kept.digits[i] += 1;
                    break;
                }
            }
        }
        kept.trim();
        kept
    }

    /// Compares two expansions by value.
    fn cmp(&self, other: &Exact) -> core::cmp::Ordering {
        match (self.digits.is_empty(), other.digits.is_empty()) {
            (true, true) => core::cmp::Ordering::Equal,
            (true, false) => core::cmp::Ordering::Less,
            (false, true) => core::cmp::Ordering::Greater,
            // Without trailing zeros, a prefix is the smaller number.
            (false, false) => self.point.cmp(&other.point).then_with(|| self.digits.cmp(&other.digits)),
        }
    }

    /// Writes the number in plain notation with at least `decimals` places
    /// (zeros filled in) and all of its own.
    fn write(&self, out: &mut String, decimals: i32) {
        let digit = |i: i32| -> char {
            let d = if i >= 0 { self.digits.get(i as usize).copied().unwrap_or(0) } else { 0 };
            char::from(b'0' + d)
        };
        if self.point <= 0 {
            out.push('0');
        } else {
            (0..self.point).for_each(|i| out.push(digit(i)));
        }
        let places = decimals.max(self.digits.len() as i32 - self.point);
        if places > 0 {
            out.push('.');
            (self.point..self.point + places).for_each(|i| out.push(digit(i)));
        }
    }
}

/// `big *= k`, growing `big` as needed (little-endian 32-bit limbs).
fn mul_small(big: &mut Vec<u32>, k: u32) {
    let mut carry = 0u64;
    for limb in big.iter_mut() {
        let product = u64::from(*limb) * u64::from(k) + carry;
        *limb = product as u32;
        carry = product >> 32;
    }
    if carry > 0 {
        big.push(carry as u32);
    }
}

/// `big /= d`, returning the remainder.
fn div_small(big: &mut [u32], d: u32) -> u32 {
    let mut rem = 0u64;
    for limb in big.iter_mut().rev() {
        let n = rem << 32 | u64::from(*limb);
        *limb = (n / u64::from(d)) as u32;
        rem = n % u64::from(d);
    }
    rem as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values around every edge the printers have: ties, carries, powers of
    /// two and ten, subnormals, the extremes, zeros of both signs.
    fn awkward_values() -> Vec<f64> {
        let mut values = vec![
            0.0,
            -0.0,
            0.1,
            0.2,
            0.3,
            1.0 / 3.0,
            2.0 / 3.0,
            0.5,
            1.5,
            2.5,
            0.25,
            0.125,
            0.375,
            0.35,
            1.005,
            1.015,
            9.995,
            99.95,
            999.5,
            0.05,
            0.95,
            0.0049,
            0.005,
            0.015,
            12.5,
            13.000000000000002,
            1e21,
            1e22,
            1e23,
            1e-7,
            1e-5,
            123456789.125,
            4503599627370497.0,
            9007199254740993.0,
            18446744073709551615.0,
            1.7976931348623157e308,
            5e-324,
            2.2250738585072014e-308,
            2.225073858507201e-308,
            1e15 + 0.3,
            f64::EPSILON,
            f64::MAX,
            f64::MIN_POSITIVE,
            -1.5,
            -0.04,
            -123.456,
            1.24,
            16.12,
            13.0 * 1.24 / 1.24,
            72.0 / 1.24,
            1e300,
            123e-300,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for e in -1074..=1023 {
            values.push(2f64.powi(e));
            values.push(2f64.powi(e) * 1.5);
        }
        for e in -30..=30 {
            values.push(10f64.powi(e));
            values.push(-7.0 * 10f64.powi(e));
        }
        // A fixed pseudo-random walk over bit patterns, reproducible.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push(f64::from_bits(x));
            values.push(f64::from_bits(x >> 12 | 0x4000_0000_0000_0000) * 1000.0);
            values.push((x % 10_000_000) as f64 / 1000.0);
        }
        values
    }

    #[test]
    fn shortest_matches_core() {
        for v in awkward_values() {
            let mut out = String::new();
            write_shortest(&mut out, v);
            assert_eq!(out, format!("{v}"), "{:e}", v);
        }
    }

    #[test]
    fn fixed_matches_core() {
        for v in awkward_values() {
            for decimals in [0, 1, 2, 3, 6, 12, 20] {
                let mut out = String::new();
                write_fixed(&mut out, v, decimals);
                assert_eq!(out, format!("{v:.decimals$}"), "{:e} to {decimals}", v);
            }
        }
    }

    /// Short decimals and their neighbouring doubles, the values the fast
    /// paths of [`write_fixed`] and [`write_shortest`] take (and the ties
    /// and near-ties they must leave to the exact path).
    #[test]
    fn short_decimals_match_core() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let base = (x % 1_000_000_000_000) as f64 / 10f64.powi((x >> 40) as i32 % 16);
            for v in [base, base.next_up(), base.next_down(), -base, base + 0.5, base * 0.5] {
                let mut out = String::new();
                write_shortest(&mut out, v);
                assert_eq!(out, format!("{v}"), "{:e}", v);
                for decimals in [0, 1, 2, 3, 5, 15] {
                    out.clear();
                    write_fixed(&mut out, v, decimals);
                    assert_eq!(out, format!("{v:.decimals$}"), "{:e} to {decimals}", v);
                }
            }
        }
    }

    /// Core's `{:.N}` with its fraction's trailing zeros (and a bare point) dropped.
    fn trimmed_by_core(v: f64, places: usize) -> String {
        let text = format!("{v:.places$}");
        if v.is_finite() && text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            text
        }
    }

    #[test]
    fn trimmed_matches_core_trimmed() {
        let mut x: u64 = 0x853C_49E6_748F_EA9B;
        let mut values = awkward_values();
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let base = (x % 100_000_000) as f64 / 10f64.powi((x >> 40) as i32 % 8);
            values.extend([base, base.next_up(), base.next_down(), -base, base + 0.05, base * 0.5]);
        }
        for v in values {
            for places in [0, 1, 2, 3, 15, 20] {
                let mut out = String::new();
                write_trimmed(&mut out, v, places);
                assert_eq!(out, trimmed_by_core(v, places), "{:e} to {places}", v);
            }
        }
    }

    #[test]
    fn trimmed_drops_fraction_zeros() {
        let cases: &[(f64, usize, &str)] =
            &[(13.0, 2, "13"), (12.5, 2, "12.5"), (13.000000000000002, 2, "13"), (0.999, 2, "1"), (0.25, 2, "0.25"), (100.0, 0, "100")];
        for &(v, places, want) in cases {
            let mut out = String::new();
            write_trimmed(&mut out, v, places);
            assert_eq!(out, want);
        }
    }

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
            assert_eq!(forms[d.ru_index()], want, "{n}");
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
