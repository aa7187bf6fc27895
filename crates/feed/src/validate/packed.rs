//! A caseload the worker has validated and reduced, as it hands it to the
//! page (issue 13, "Big feeds"): its document with an empty `records`
//! array, and its records packed in binary beside it, each naming its unit
//! and category by place. An awards feed's reduction is packed the same
//! way, with no records.
//!
//! The page validates the small document as any other, and takes the
//! records as they are: they come from the worker's module, which runs
//! the same validator on the whole feed and sums its records by the
//! trend's rules (`opeka_chart::reduce`). Read back as JSON, the 16 700
//! records of a 15 MB feed's reduction were two of the page's longest
//! tasks with a big feed (about 20 ms of CPU); taken packed, the page's
//! time from the worker's answer to the chart fell from 80 to 34 ms
//! (docs/performance.md, stop 28). The page still checks what it can
//! without a walk: each place is within its list, each period a real one.
//!
//! The layout, little-endian: the number of records (`u32`), then per
//! record its period (`i32`, as `period_code` packs it), its unit's and its
//! category's places (`u32`, `u32::MAX` for the whole) and its value
//! (`f64`, NaN for not reported: JSON has no NaN), then the document's bytes.

use crate::{Body, Date, Period};

use super::quick::record_of;
use super::{Checked, QuickRecord};

/// Bytes per packed record.
const RECORD_BYTES: usize = 20;

/// What ends a slice of a big outcomes feed's reduction, or a long roll's:
/// a 0 byte, which no JSON text holds. Its projects (the roll's
/// recipients) go in slices of about
/// `opeka_chart::reduce::SLICE_BYTES`, each a whole feed of its own,
/// packed ([`pack`], no records), one after another with this byte
/// between. The worker's page side (`opeka-worker-host.js`) answers the
/// first, and the next in a task of its own when asked, so that the page
/// validates one a task and joins them ([`Checked::joined`]).
pub const SLICE_END: u8 = 0;

/// `doc` (a feed whose `records` array is empty) and `records` packed for
/// [`unpack`]; `None` when a record's period is out of the packed range.
pub fn pack(doc: &[u8], records: &[QuickRecord]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(4 + records.len() * RECORD_BYTES + doc.len());
    out.extend_from_slice(&u32::try_from(records.len()).ok()?.to_le_bytes());
    for r in records {
        out.extend_from_slice(&period_code(&r.period)?.to_le_bytes());
        // A record's own fields are the packed ones (`WHOLE`, NaN).
        out.extend_from_slice(&r.unit.to_le_bytes());
        out.extend_from_slice(&r.category.to_le_bytes());
        out.extend_from_slice(&r.value.to_le_bytes());
    }
    out.extend_from_slice(doc);
    Some(out)
}

/// A packed feed's document and its packed records; `None` when `packed`
/// is shorter than its count says.
pub fn unpack(packed: &[u8]) -> Option<(&[u8], &[u8])> {
    let count = u32::from_le_bytes(packed.get(..4)?.try_into().ok()?) as usize;
    let end = count.checked_mul(RECORD_BYTES)?.checked_add(4)?;
    Some((packed.get(end..)?, packed.get(4..end)?))
}

impl Checked {
    /// This caseload (the document of a packed feed, validated) with the
    /// packed `records` in place of its own; another kind's document as
    /// it is, with no records packed (an awards feed's reduction). `None`
    /// when another kind has records packed, or a record names a place
    /// past its list or a period that does not exist.
    pub fn with_packed_records(mut self, records: &[u8]) -> Option<Checked> {
        let Body::Caseload(caseload) = &mut self.feed.feed_mut().body else { return records.is_empty().then_some(self) };
        let mut all = Vec::with_capacity(records.len() / RECORD_BYTES);
        for r in records.chunks_exact(RECORD_BYTES) {
            let r: &[u8; RECORD_BYTES] = r.try_into().ok()?;
            let word = |at: usize| u32::from_le_bytes([r[at], r[at + 1], r[at + 2], r[at + 3]]);
            let value = f64::from_le_bytes([r[12], r[13], r[14], r[15], r[16], r[17], r[18], r[19]]);
            let quick = QuickRecord { period: period_of(word(0) as i32)?, unit: word(4), category: word(8), value };
            all.push(record_of(caseload, quick)?);
        }
        caseload.records = all;
        Some(self)
    }
}

impl Checked {
    /// This feed with the projects (an outcomes feed's) or recipients (an
    /// awards feed's) of `next`, the next slice of the same reduction,
    /// validated, after its own; `None` for two of other kinds. The worker
    /// checked the whole feed, so nothing between two slices (a project id
    /// used in both) is checked again.
    pub fn joined(mut self, mut next: Checked) -> Option<Checked> {
        match (&mut self.feed.feed_mut().body, &mut next.feed.feed_mut().body) {
            (Body::Outcomes(these), Body::Outcomes(those)) => these.projects.append(&mut those.projects),
            (Body::Awards(these), Body::Awards(those)) => these.recipients.append(&mut those.recipients),
            _ => return None,
        }
        Some(self)
    }
}

/// A period in one `i32`: the year, the month or quarter and the day (as
/// [`Date`] packs them), then the kind in the two lowest bits. `None`
/// for a year too far out to fit.
fn period_code(period: &Period) -> Option<i32> {
    let (year, part, day, kind) = match *period {
        Period::Year(y) => (y, 0, 0, 0),
        Period::Quarter(y, q) => (y, u32::from(q), 0, 1),
        Period::Month(y, m) => (y, u32::from(m), 0, 2),
        Period::Day(d) => (d.year(), d.month(), d.day(), 3),
    };
    let high = year.checked_mul(1 << 11)?;
    Some(high | ((part as i32) << 7) | ((day as i32) << 2) | kind)
}

/// The period [`period_code`] packed; `None` for one that does not exist.
fn period_of(code: i32) -> Option<Period> {
    let (year, part, day) = (code >> 11, ((code >> 7) & 15) as u8, ((code >> 2) & 31) as u32);
    match code & 3 {
        0 => Some(Period::Year(year)),
        1 => (1..=4).contains(&part).then_some(Period::Quarter(year, part)),
        2 => (1..=12).contains(&part).then_some(Period::Month(year, part)),
        _ => Date::from_ymd_opt(year, part.into(), day).map(Period::Day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{validate, Options};

    #[test]
    fn periods_round_trip() {
        let days = [(2024, 2, 29), (1, 1, 1), (9999, 12, 31), (-44, 3, 15)];
        let mut periods: Vec<Period> = days.iter().filter_map(|&(y, m, d)| Date::from_ymd_opt(y, m, d)).map(Period::Day).collect();
        assert_eq!(periods.len(), 4);
        periods.extend([Period::Year(2024), Period::Year(-5), Period::Quarter(2024, 4), Period::Month(1990, 12), Period::Month(2024, 1)]);
        for period in periods {
            assert_eq!(period_code(&period).and_then(period_of), Some(period), "{period:?}");
        }
        // A month 13, a quarter 0, a 30 February are not periods.
        for (part, day, kind) in [(13, 0, 2), (0, 0, 1), (2, 30, 3)] {
            assert_eq!(period_of((2024 << 11) | (part << 7) | (day << 2) | kind), None);
        }
    }

    #[test]
    fn a_packed_caseload_reads_back_with_its_records() {
        let doc = r#"{"opeka":1,"kind":"caseload","title":"t","units":[{"id":"u","label":"U"}],"categories":[{"id":"a","label":"A"},{"id":"b","label":"B"}],"records":[]}"#;
        let day = |d| Period::Day(Date::from_ymd_opt(2024, 1, d).expect("a day"));
        let records = [
            QuickRecord::new(day(1), None, Some(1), Some(-0.5)),
            QuickRecord::new(day(2), Some(0), Some(0), None),
            QuickRecord::new(Period::Month(2024, 3), None, None, Some(12_000.0)),
        ];
        let packed = pack(doc.as_bytes(), &records).expect("packed");
        let (read_doc, read_records) = unpack(&packed).expect("unpacked");
        assert_eq!(read_doc, doc.as_bytes());
        let checked = validate(read_doc, &Options::default()).expect("valid").with_packed_records(read_records).expect("records");
        let Body::Caseload(caseload) = &checked.feed.feed().body else { panic!("a caseload") };
        let read: Vec<_> = caseload.records.iter().map(|r| (r.period, r.unit.as_deref(), r.category.as_deref(), r.value)).collect();
        assert_eq!(
            read,
            [
                (day(1), None, Some("b"), Some(-0.5)),
                (day(2), Some("u"), Some("a"), None),
                (Period::Month(2024, 3), None, None, Some(12_000.0))
            ]
        );

        // A place past its list, or a count past the bytes, is refused.
        let past = pack(doc.as_bytes(), &[QuickRecord { category: 2, ..records[0] }]).expect("packed");
        let (past_doc, past_records) = unpack(&past).expect("unpacked");
        assert!(validate(past_doc, &Options::default()).expect("valid").with_packed_records(past_records).is_none());
        assert_eq!(unpack(&packed[..30]), None);
        assert_eq!(unpack(&[1, 0]), None);
    }

    #[test]
    fn any_bytes_unpack_without_a_panic() {
        let doc = r#"{"opeka":1,"kind":"caseload","title":"t","units":[{"id":"u","label":"U"}],"categories":[{"id":"a","label":"A"}],"records":[]}"#;
        let checked = validate(doc.as_bytes(), &Options::default()).expect("valid");
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let (mut taken, mut refused) = (0, 0);
        for len in 0..400 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    // Mostly small bytes, so that some places and periods exist.
                    if seed.is_multiple_of(3) {
                        (seed >> 8) as u8
                    } else {
                        (seed % 4) as u8
                    }
                })
                .collect();
            let _ = unpack(&bytes);
            match checked.clone().with_packed_records(&bytes) {
                Some(_) => taken += 1,
                None => refused += 1,
            }
        }
        assert!(taken > 0 && refused > 0, "{taken} taken, {refused} refused");
    }
}
