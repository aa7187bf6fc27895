//! A big feed reduced to what one view draws, for the widget's worker
//! (issue 13, "Never blocking"): the worker validates the feed off the host
//! page's main thread and hands over a small feed that, validated and drawn
//! by the usual code, gives exactly the same chart and data table.
//!
//! Reduced today: the `trend` of a caseload whose lines are categories
//! (records summed into one per category and period, the shape of daily
//! feeds over many units). Every other view and shape is not reduced
//! ([`reduce`] returns `None`): the worker then hands over the feed as it is.

use std::ops::Range;

use opeka_feed::validate::QuickCaseload;
use opeka_feed::{Body, Caseload, ValidFeed, View};

use crate::views::caseload::{summed_records, RecordRef, SummedRecords};

/// The feed in `bytes` (which the validator accepted as `feed`, finding
/// its `records` at `records`: `opeka_feed::validate::validate_locating`)
/// reduced to what `view` draws: the same document with its `records`
/// replaced by fewer records that draw the same chart. `None` when the
/// view is not reduced or nothing would be gained.
pub fn reduce(bytes: &[u8], records: Range<usize>, feed: &ValidFeed, view: Option<View>) -> Option<Vec<u8>> {
    let caseload = trend_of_caseload(feed, view)?;
    let refs: Vec<RecordRef> = caseload
        .records
        .iter()
        .map(|r| RecordRef { period: r.period, unit: r.unit.as_deref(), category: r.category.as_deref(), value: r.value })
        .collect();
    reduce_records(bytes, records, caseload, &refs)
}

/// [`reduce`] for a big caseload read on the validator's quick path
/// (`opeka_feed::validate::read_caseload_quickly`), whose records name
/// their unit and category by place: no record's ids are copied.
pub fn reduce_quick(bytes: &[u8], quick: &QuickCaseload, view: Option<View>) -> Option<Vec<u8>> {
    let caseload = trend_of_caseload(&quick.checked.feed, view)?;
    // `None` for a place past its list, which the quick path never gives.
    fn id<'a>(ids: &[&'a str], place: Option<u32>) -> Option<Option<&'a str>> {
        match place {
            None => Some(None),
            Some(i) => ids.get(i as usize).map(|id| Some(*id)),
        }
    }
    let units: Vec<&str> = caseload.units.iter().map(|u| u.id.as_str()).collect();
    let categories: Vec<&str> = caseload.categories.iter().map(|c| c.id.as_str()).collect();
    let mut refs = Vec::with_capacity(quick.records.len());
    for r in &quick.records {
        refs.push(RecordRef { period: r.period, unit: id(&units, r.unit)?, category: id(&categories, r.category)?, value: r.value });
    }
    reduce_records(bytes, quick.span.clone(), caseload, &refs)
}

/// The caseload of `feed` when `view` is its trend: the one view reduced.
fn trend_of_caseload(feed: &ValidFeed, view: Option<View>) -> Option<&Caseload> {
    let feed = feed.feed();
    let Body::Caseload(caseload) = &feed.body else { return None };
    (feed.resolve_view(view) == View::Trend).then_some(caseload)
}

/// The reduction itself: `bytes` with the array at `records` replaced by
/// `refs` (the caseload's records) summed.
fn reduce_records(bytes: &[u8], records: Range<usize>, caseload: &Caseload, refs: &[RecordRef]) -> Option<Vec<u8>> {
    let summed = summed_records(&caseload.categories, refs)?;
    let written: usize = summed.cells.iter().map(|c| usize::from(c.reported.is_some()) + usize::from(c.missing.is_some())).sum();
    if written >= refs.len() {
        return None;
    }
    let array = bytes.get(records.clone())?;
    if !(array.starts_with(b"[") && array.ends_with(b"]")) {
        return None;
    }
    let mut out = Vec::with_capacity(records.start + written * 64 + bytes.len() - records.end);
    out.extend_from_slice(&bytes[..records.start]);
    write_records(&mut out, &summed)?;
    out.extend_from_slice(&bytes[records.end..]);
    Some(out)
}

/// Writes `cells` as a feed's `records` array: each cell's sum (and a
/// `null` when some of its records were not reported); or, when the sum
/// cannot be written so that the validator reads it back exactly
/// ([`opeka_feed::validate::write_number`]: about one sum in a hundred
/// lies just under a power of two), the cell's own records, which fold
/// to the same sum. `None` when not even those can be written exactly.
fn write_records(out: &mut Vec<u8>, summed: &SummedRecords) -> Option<()> {
    let mut text = String::from("[");
    for cell in &summed.cells {
        let mark = text.len();
        // The trend of categories does not read units, so a sum goes
        // without one (a fifth of the bytes the page reads again), unless
        // its cell's `null` has none either: one (period, unit, category)
        // appears at most once.
        let as_sums = cell.reported.is_none_or(|(sum, unit)| {
            let unit = if matches!(cell.missing, Some(None)) { unit } else { None };
            record(&mut text, &cell.period, cell.category, unit, Some(sum))
        }) && cell.missing.is_none_or(|unit| record(&mut text, &cell.period, cell.category, unit, None));
        if !as_sums {
            text.truncate(mark);
            for r in summed.records_of(cell) {
                if !record(&mut text, &r.period, r.category, r.unit, r.value) {
                    return None;
                }
            }
        }
    }
    text.push(']');
    out.extend_from_slice(text.as_bytes());
    Some(())
}

/// Appends one record to the array in `text`; `false` when its value
/// cannot be written exactly (what was written is then to be cut off).
fn record(text: &mut String, period: &opeka_feed::Period, category: Option<&str>, unit: Option<&str>, value: Option<f64>) -> bool {
    if text.len() > 1 {
        text.push(',');
    }
    text.push_str("{\"period\":\"");
    // Periods are digits and dashes (`2024-03-01`, `2024-Q1`); a day,
    // the many-records case, without the formatting machinery.
    match period {
        opeka_feed::Period::Day(d) if (0..10_000).contains(&d.year()) => {
            push_digits(text, d.year().unsigned_abs().into(), 4);
            text.push('-');
            push_digits(text, d.month().into(), 2);
            text.push('-');
            push_digits(text, d.day().into(), 2);
        }
        _ => text.push_str(&period.to_string()),
    }
    text.push('"');
    for (name, id) in [("category", category), ("unit", unit)] {
        if let Some(id) = id {
            text.push_str(",\"");
            text.push_str(name);
            text.push_str("\":");
            json_string(text, id);
        }
    }
    text.push_str(",\"value\":");
    let exact = match value {
        // A whole number below 2^53 (no minus zero) is read back exactly
        // as written in digits: no need to write and read it back.
        Some(value) if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 && (value != 0.0 || value.is_sign_positive()) => {
            if value < 0.0 {
                text.push('-');
            }
            push_digits(text, value.abs() as u64, 1);
            true
        }
        Some(value) => opeka_feed::validate::write_number(text, value),
        None => {
            text.push_str("null");
            true
        }
    };
    text.push('}');
    exact
}

/// A small feed of the shape big feeds have: 2 400 daily records of ten
/// units and four categories, all reported. The worker validates and
/// reduces it while a big body still downloads (`warm_up` in
/// crates/worker-wasm), so that the engine has optimised that code before
/// the big feed's one long call, which it would run in baseline code.
pub fn warm_up_feed() -> String {
    let mut text = String::from(r#"{"opeka":1,"kind":"caseload","title":"w","units":["#);
    for u in 0..10u64 {
        text.push_str(if u == 0 { r#"{"id":"u"# } else { r#",{"id":"u"# });
        push_digits(&mut text, u, 1);
        text.push_str(r#"","label":"Округ"}"#);
    }
    text.push_str(
        r#"],"categories":[{"id":"a","label":"А"},{"id":"b","label":"Б"},{"id":"c","label":"В"},{"id":"d","label":"Г"}],"records":["#,
    );
    for day in 1..=60u64 {
        for u in 0..10u64 {
            for category in ["a", "b", "c", "d"] {
                if text.ends_with('}') {
                    text.push(',');
                }
                text.push_str(r#"{"period":"2024-"#);
                push_digits(&mut text, (day - 1) / 28 + 1, 2);
                text.push('-');
                push_digits(&mut text, (day - 1) % 28 + 1, 2);
                text.push_str(r#"","unit":"u"#);
                push_digits(&mut text, u, 1);
                text.push_str(r#"","category":""#);
                text.push_str(category);
                text.push_str(r#"","value":"#);
                push_digits(&mut text, (day * 7 + u * 13) % 500, 1);
                text.push('}');
            }
        }
    }
    text.push_str("]}");
    text
}

/// `n` in decimal digits, at least `width` of them (zeros in front).
fn push_digits(text: &mut String, mut n: u64, width: usize) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    while n > 0 || len < width {
        digits[len] = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
    }
    for &d in digits[..len].iter().rev() {
        text.push(char::from(d));
    }
}

/// `s` as a JSON string: quotes, backslashes and control characters escaped.
fn json_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if u32::from(c) < 0x20 => {
                out.push_str("\\u00");
                out.push(char::from(HEX[(u32::from(c) >> 4) as usize]));
                out.push(char::from(HEX[(u32::from(c) & 15) as usize]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_padded_and_exact() {
        let mut out = String::new();
        for (n, width) in [(0, 1), (7, 2), (2014, 4), (9_007_199_254_740_991, 1)] {
            push_digits(&mut out, n, width);
            out.push(' ');
        }
        assert_eq!(out, "0 07 2014 9007199254740991 ");
    }

    #[test]
    fn strings_are_escaped() {
        let mut out = String::new();
        json_string(&mut out, "a\"b\\c\u{1}д");
        assert_eq!(out, "\"a\\\"b\\\\c\\u0001д\"");
    }
}
