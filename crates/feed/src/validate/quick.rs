//! The worker's quick path for a big caseload feed (issue 13, "Big
//! feeds"): the records read straight from the bytes, with no tree, each
//! naming its unit and category by place, and the rest of the document
//! validated as usual.
//!
//! Most of a big feed's validation went into its tree: an object, four
//! members and their strings for each of 167 000 records, every one of
//! them allocated, walked and freed (`docs/performance.md`, stop 19). Here
//! the records array is read once, strictly, and everything else (the
//! envelope, the lists the records refer to, the targets) goes through
//! [`super::validate`] in a copy of the document whose `records` hold only
//! the first record. Only a document whose every record is what the
//! validator accepts without a word is answered here; for anything else
//! (a problem, an escape, an unknown member, an empty list) the
//! answer is `None`, and the caller validates the whole document, so that
//! problems keep their paths and messages.

use std::ops::Range;

use crate::collections::order;
use crate::{Body, Caseload, Format, Period, Record, Value};

use super::json::Scanner;
use super::{validate, Checked, Options};

/// A big caseload read on the quick path ([`read_caseload_quickly`]).
#[derive(Debug)]
pub struct QuickCaseload {
    /// The feed and its warnings, as the validator finds them; its
    /// `records` hold only the first record (all of them are in `records`).
    pub checked: Checked,
    /// Every record, in the feed's order.
    pub records: Vec<QuickRecord>,
    /// Where the records array lies in the bytes, from its `[` to its `]`.
    pub span: Range<usize>,
}

/// One record read on the quick path: its unit and category by their
/// place in the feed's `units` and `categories`, so that a big feed's
/// records hold no text of their own.
///
/// 24 bytes, as the packed records the page is handed are 20: the whole
/// and not reported are written as a place and a value no record has
/// (`WHOLE`, NaN), not as `Option`s, which made a record 40 bytes and a
/// 15 MB feed's records 6.7 MB of the worker's memory (docs/performance.md,
/// stop 31).
#[derive(Clone, Copy, Debug)]
pub struct QuickRecord {
    /// When.
    pub period: Period,
    /// The unit's place, or `WHOLE`. While [`StreamedCaseload`] reads,
    /// where the unit's id is written in the body instead.
    pub(super) unit: u32,
    /// The category's place, or `WHOLE` (where its id is written, likewise).
    pub(super) category: u32,
    /// The value, or NaN for not reported (JSON has no NaN).
    pub(super) value: f64,
}

/// The place (or, while reading, the position) of a record of the whole.
pub(super) const WHOLE: u32 = u32::MAX;

impl QuickRecord {
    /// A record of `period`, its unit and category by place (`None`: the whole).
    pub fn new(period: Period, unit: Option<u32>, category: Option<u32>, value: Value) -> Self {
        QuickRecord { period, unit: unit.unwrap_or(WHOLE), category: category.unwrap_or(WHOLE), value: value.unwrap_or(f64::NAN) }
    }

    /// Where: a place in `units`; `None` is the whole.
    pub fn unit(&self) -> Option<u32> {
        Some(self.unit).filter(|&u| u != WHOLE)
    }

    /// Which split: a place in `categories`; `None` is the whole.
    pub fn category(&self) -> Option<u32> {
        Some(self.category).filter(|&c| c != WHOLE)
    }

    /// How many; `None` is not reported.
    pub fn value(&self) -> Value {
        Some(self.value).filter(|v| !v.is_nan())
    }
}

impl PartialEq for QuickRecord {
    fn eq(&self, other: &Self) -> bool {
        (self.period, self.unit, self.category, self.value()) == (other.period, other.unit, other.category, other.value())
    }
}

/// [`super::validate_locating`] for `"records"`, on the quick path: the
/// same feed and warnings and the records array's span, for a caseload
/// feed whose records the validator accepts without a problem; `None` for
/// any other document, which the caller then validates in full.
pub fn validate_caseload_quickly(bytes: &[u8], options: &Options) -> Option<(Checked, Range<usize>)> {
    let QuickCaseload { mut checked, records, span } = read_caseload_quickly(bytes, options)?;
    let Body::Caseload(caseload) = &mut checked.feed.feed_mut().body else { return None };
    let mut all = Vec::with_capacity(records.len());
    for r in records {
        all.push(record_of(caseload, r)?);
    }
    caseload.records = all;
    Some((checked, span))
}

/// The record `r` names, its unit and category the ids at its places in
/// `caseload`'s lists; `None` for a place past its list.
pub(crate) fn record_of(caseload: &Caseload, r: QuickRecord) -> Option<Record> {
    let unit = match r.unit() {
        None => None,
        Some(i) => Some(caseload.units.get(i as usize)?.id.clone()),
    };
    let category = match r.category() {
        None => None,
        Some(i) => Some(caseload.categories.get(i as usize)?.id.clone()),
    };
    Some(Record { period: r.period, unit, category, value: r.value() })
}

/// The quick path itself: a caseload feed whose records the validator
/// accepts without a problem, read with its records as [`QuickRecord`]s;
/// `None` for any other document.
pub fn read_caseload_quickly(bytes: &[u8], options: &Options) -> Option<QuickCaseload> {
    StreamedCaseload::default().finish(bytes, options)
}

/// The quick path for a body that comes chunk by chunk (the worker's
/// streamed bodies): [`StreamedCaseload::read`] reads the records that
/// have come whole while the rest downloads, and [`StreamedCaseload::finish`]
/// reads what is left and answers as [`read_caseload_quickly`] does on the
/// whole body. Reading the records was half of a big feed's validation
/// (`docs/performance.md`, stop 21); done as the body comes, it is off the
/// time between the body's end and the chart.
///
/// A record is taken only once its closing `}` has come, and the reader
/// looks at no byte past that, so a record read from a prefix is the one
/// the whole body has. What cannot be told from a prefix (an unusual
/// record, or one still coming) is read again with the next chunk, and
/// from the whole body at the end.
#[derive(Default)]
pub struct StreamedCaseload {
    /// The walk over the members before `records`: where the next member
    /// starts (0: the document's `{` not yet read).
    walk: usize,
    /// The records array's `[`, once the walk has found it.
    start: Option<usize>,
    /// The next byte to read in the array.
    at: usize,
    /// A record was read last, so a `,` or the `]` comes next; otherwise
    /// (after the `[` or a `,`) a record does.
    after_record: bool,
    /// After the array's `]`, once read.
    end: Option<usize>,
    /// The records read, each naming its unit and category by where
    /// its id is written in the body until `finish` puts their places
    /// there, in the same vector: a 15 MB feed's records are read into
    /// one vector, not two.
    records: Vec<QuickRecord>,
    first_span: Range<usize>,
    /// Room for this many bytes: the body's announced size.
    room: usize,
    /// Reading as the body comes stopped: something that a prefix cannot
    /// settle cheaply (a member or a record far longer than any plain
    /// one). [`StreamedCaseload::finish`] reads on from where it was.
    stopped: bool,
}

/// How far past the last member or record read the streamed reader goes on
/// looking for the next one's end before it leaves the rest to `finish`:
/// a plain record is under 200 bytes, the lists before `records` a few
/// kilobytes, and each chunk reads again what did not end.
const STREAM_LOOKAHEAD: usize = 256 << 10;

/// How many records are read before room is kept for the rest
/// ([`StreamedCaseload::reserve`]).
const RECORDS_TO_JUDGE_BY: usize = 256;

impl StreamedCaseload {
    /// A reader of a body of about `size` bytes (its `Content-Length`,
    /// bounded by the caller): room for its records is judged by it.
    pub fn with_room(size: usize) -> Self {
        StreamedCaseload { room: size, ..StreamedCaseload::default() }
    }

    /// Reads the records that `prefix` has whole: the body so far, each
    /// call giving a longer prefix of the same body.
    pub fn read(&mut self, prefix: &[u8]) {
        if self.stopped || self.end.is_some() {
            return;
        }
        self.walk(prefix, &mut Scanner::new(prefix));
        let from = if self.start.is_some() { self.at } else { self.walk };
        self.stopped |= self.end.is_none() && prefix.len() - from.min(prefix.len()) > STREAM_LOOKAHEAD;
    }

    /// Walks the document's top-level members from where the last call
    /// stopped, reading the one `records` member's records on from where
    /// they stopped: `Some` (after the document's `}`) once the document
    /// has ended, `None` where `bytes` end first or something unusual
    /// comes (a second `records`, a key with an escape, no object).
    fn walk(&mut self, bytes: &[u8], scanner: &mut Scanner<'_>) -> Option<usize> {
        if self.walk == 0 {
            let (b'{', open) = skip_space(bytes, 0)? else { return self.stop() };
            self.walk = open + 1;
        }
        loop {
            let (b'"', key_at) = skip_space(bytes, self.walk)? else { return self.stop() };
            let (key, after) = scanner.plain_string(key_at + 1)?;
            let (b':', colon) = skip_space(bytes, after)? else { return self.stop() };
            let (first, value_at) = skip_space(bytes, colon + 1)?;
            let end = if same(key, b"records") {
                if self.start.is_none() && first == b'[' {
                    self.begin(value_at);
                }
                // Not an array, or a second `records`.
                if self.start != Some(value_at) {
                    return self.stop();
                }
                self.records(bytes, scanner);
                self.end?
            } else {
                skip_value(bytes, scanner, value_at)?
            };
            match skip_space(bytes, end)? {
                (b',', comma) => self.walk = comma + 1,
                (b'}', close) => return Some(close + 1),
                _ => return self.stop(),
            }
        }
    }

    /// Nothing more is read as the body comes.
    fn stop<T>(&mut self) -> Option<T> {
        self.stopped = true;
        None
    }

    /// Starts the records array at `at` (its `[`).
    fn begin(&mut self, at: usize) {
        (self.start, self.at) = (Some(at), at + 1);
    }

    /// Room for as many records as the rest of the body (of `len` bytes
    /// so far, `room` announced) holds at the rate of those read so far,
    /// and an eighth more: the records of one feed are written alike, so
    /// the vector is seldom copied as it grows, and a 15 MB feed's records
    /// take 4.4 MB of room, where room for a record every 45 bytes (the
    /// tightest, `{"period":"2024","value":1},`, take 28) took 8.2
    /// (docs/performance.md, stop 31). `finish` gives back what is not used.
    fn reserve(&mut self, len: usize) {
        let Some(start) = self.start else { return };
        let (read, total) = ((self.at - start) as u64, self.room.max(len).saturating_sub(start) as u64);
        let expected = total * self.records.len() as u64 / read.max(1) * 9 / 8;
        self.records.reserve_exact(usize::try_from(expected.min(total / 28 + 1)).unwrap_or(0).saturating_sub(self.records.len()));
    }

    /// Reads records from `at` on while `bytes` holds them whole: `Some`
    /// once the array's `]` is read, `None` where it stopped (a record not
    /// whole yet, or one the quick path does not read).
    fn records(&mut self, bytes: &[u8], scanner: &mut Scanner<'_>) -> Option<()> {
        loop {
            if self.after_record {
                match skip_space(bytes, self.at)? {
                    (b',', comma) => (self.at, self.after_record) = (comma + 1, false),
                    (b']', close) => {
                        self.end = Some(close + 1);
                        return Some(());
                    }
                    _ => return None,
                }
            }
            let (_, start) = skip_space(bytes, self.at)?;
            let (record, end) = record(bytes, scanner, start)?;
            if self.records.is_empty() {
                self.first_span = start..end;
            }
            self.records.push(record);
            (self.at, self.after_record) = (end, true);
            if self.records.len() == RECORDS_TO_JUDGE_BY {
                self.reserve(bytes.len());
            }
        }
    }

    /// The whole body's answer, as [`read_caseload_quickly`] gives it,
    /// reading on from where the streamed reading stopped.
    pub fn finish(mut self, bytes: &[u8], options: &Options) -> Option<QuickCaseload> {
        if bytes.len() > options.max_bytes {
            return None;
        }
        // Only whitespace may follow the document.
        let close = self.walk(bytes, &mut Scanner::new(bytes))?;
        skip_space(bytes, close).is_none().then_some(())?;
        let span = self.start?..self.end?;
        let mut records = self.records;
        // Room not used goes back, for the validation's and the
        // reduction's vectors to take.
        records.shrink_to_fit();
        // The document with only its first record: every check but the
        // records', with the same paths (the first record sets the feed's
        // granularity, as it does in the whole document).
        let first = self.first_span.clone();
        let mut envelope = Vec::with_capacity(bytes.len() - span.len() + first.len() + 2);
        envelope.extend_from_slice(&bytes[..span.start]);
        envelope.push(b'[');
        envelope.extend_from_slice(&bytes[first]);
        envelope.push(b']');
        envelope.extend_from_slice(&bytes[span.end..]);
        let checked = validate(&envelope, options).ok()?;

        let Body::Caseload(caseload) = &checked.feed.feed().body else { return None };
        let is_count = caseload.measure.format == Format::Count;
        let mut units = Ranks::of(caseload.units.iter().map(|u| u.id.as_str()));
        let mut categories = Ranks::of(caseload.categories.iter().map(|c| c.id.as_str()));
        let granularity = records.first()?.period.granularity();
        let key = |r: &QuickRecord| (r.period, r.unit(), r.category());
        // Whether every record's key is greater than the one before, as in
        // feeds written period by period: then none repeats, unsorted.
        let mut ascending = true;
        let mut last = None;
        for r in &mut records {
            r.unit = place(bytes, r.unit, &mut units)?;
            r.category = place(bytes, r.category, &mut categories)?;
            let value_ok = r.value().is_none_or(|n| !is_count || n >= 0.0);
            if r.period.granularity() != granularity || !value_ok {
                return None;
            }
            ascending &= last.is_none_or(|last| last < key(r));
            last = Some(key(r));
        }
        // A repeated (period, unit, category) is an error: the full walk words it.
        let compare = |a: usize, b: usize| key(&records[a]).cmp(&key(&records[b]));
        if !ascending && !order::repeats(&order::sorted_indices(records.len(), &compare), &compare).is_empty() {
            return None;
        }
        Some(QuickCaseload { checked, records, span })
    }
}

/// The place in `ranks` of the id written at `at` in `bytes` (a record's
/// unit or category as read), `WHOLE` for `WHOLE`; `None` when no
/// declared id is written so.
fn place<'b>(bytes: &'b [u8], at: u32, ranks: &mut Ranks<'_, 'b>) -> Option<u32> {
    if at == WHOLE {
        return Some(WHOLE);
    }
    ranks.rank_at(bytes, at as usize)
}

/// The declared ids of one list, sorted, each with its place in the list:
/// the quick path names a record's unit and category by place, and the
/// worker's reduction (`opeka_chart::reduce`) packs them so.
pub struct Ranks<'a, 'b> {
    ids: Vec<(&'a str, u32)>,
    /// The last id looked up, as written, and its place: feeds give
    /// runs of records of one unit.
    last: Option<(&'b [u8], u32)>,
}

impl<'a, 'b> Ranks<'a, 'b> {
    /// The ids of a list, in the list's order.
    pub fn of(ids: impl Iterator<Item = &'a str>) -> Self {
        let mut ids: Vec<(&str, u32)> = ids.zip(0..).collect();
        order::sort_stable_by(&mut ids, |a, b| a.0.cmp(b.0));
        Ranks { ids, last: None }
    }

    /// The place in its list of the id written as `id`; `None` when no
    /// id of the list is written so.
    pub fn rank(&mut self, id: &'b [u8]) -> Option<u32> {
        if let Some((_, rank)) = self.last.filter(|(last, _)| same(last, id)) {
            return Some(rank);
        }
        // A short list (most feeds') is read through; a long one searched.
        let (_, rank) = if self.ids.len() <= 16 {
            *self.ids.iter().find(|(k, _)| same(k.as_bytes(), id))?
        } else {
            self.ids[self.ids.binary_search_by(|(k, _)| k.as_bytes().cmp(id)).ok()?]
        };
        self.last = Some((id, rank));
        Some(rank)
    }

    /// [`Ranks::rank`] of the id written as a plain string from `at` in
    /// `bytes` (as the quick path read it: it ends at its first quote),
    /// looked for only when it is not the last id found.
    fn rank_at(&mut self, bytes: &'b [u8], at: usize) -> Option<u32> {
        let rest = bytes.get(at..)?;
        if let Some((last, rank)) = self.last {
            if rest.get(last.len()) == Some(&b'"') && same(&rest[..last.len()], last) {
                return Some(rank);
            }
        }
        self.rank(&rest[..rest.iter().position(|&b| b == b'"')?])
    }
}

/// Whether `a` and `b` are the same bytes, compared eight at a time: the
/// slices' `==` calls `memcmp`, which in wasm compares byte by byte, and
/// took a tenth of the worker's time on a big feed's short keys and ids.
fn same(a: &[u8], b: &[u8]) -> bool {
    let ((a8, a1), (b8, b1)) = (a.as_chunks::<8>(), b.as_chunks::<8>());
    a.len() == b.len()
        && a8.iter().zip(b8).all(|(x, y)| u64::from_ne_bytes(*x) == u64::from_ne_bytes(*y))
        && a1.iter().zip(b1).all(|(x, y)| x == y)
}

/// The first byte at or after `at` that is not JSON whitespace, and where.
pub(super) fn skip_space(bytes: &[u8], mut at: usize) -> Option<(u8, usize)> {
    loop {
        match *bytes.get(at)? {
            b' ' | b'\n' | b'\t' | b'\r' => at += 1,
            b => return Some((b, at)),
        }
    }
}

/// Where the value at `at` ends: the quick path's walk only finds its end,
/// and the validator reads it from the document without its records (and
/// `unknown_member_cuts` cuts it out).
pub(super) fn skip_value(bytes: &[u8], scanner: &mut Scanner<'_>, mut at: usize) -> Option<usize> {
    match *bytes.get(at)? {
        b'"' => scanner.skip_string(at + 1),
        b'[' | b'{' => {
            let mut depth = 0usize;
            loop {
                match *bytes.get(at)? {
                    b'"' => {
                        at = scanner.skip_string(at + 1)?;
                        continue;
                    }
                    b'[' | b'{' => depth += 1,
                    b']' | b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(at + 1);
                        }
                    }
                    _ => {}
                }
                at += 1;
            }
        }
        _ => Some(at + bytes[at..].iter().position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\t' | b'\r'))?),
    }
}

/// One record at `at` (its `{`) and where it ends: each of `period`,
/// `unit`, `category` and `value` at most once, nothing else, and each of
/// the type the validator wants.
fn record(bytes: &[u8], scanner: &mut Scanner<'_>, at: usize) -> Option<(QuickRecord, usize)> {
    let (b'{', _) = skip_space(bytes, at)? else { return None };
    let (mut period, mut unit, mut category, mut value) = (None, None, None, None);
    let mut at = at + 1;
    loop {
        let (b'"', key_at) = skip_space(bytes, at)? else { return None };
        let (key, after) = scanner.plain_string(key_at + 1)?;
        let (b':', colon) = skip_space(bytes, after)? else { return None };
        let (first, value_at) = skip_space(bytes, colon + 1)?;
        let is_null = bytes.get(value_at..value_at + 4).is_some_and(|word| same(word, b"null"));
        // The four keys differ in length: one comparison each, not four.
        let end = match key.len() {
            6 if same(key, b"period") && period.is_none() && first == b'"' => {
                let (text, end) = scanner.plain_string(value_at + 1)?;
                period = Some(Period::parse(std::str::from_utf8(text).ok()?)?);
                end
            }
            4 | 8 if same(key, if key.len() == 4 { b"unit" } else { b"category" }) => {
                let slot = if key.len() == 4 { &mut unit } else { &mut category };
                if slot.is_some() {
                    return None;
                }
                if is_null {
                    *slot = Some(None);
                    value_at + 4
                } else if first == b'"' {
                    let (_, end) = scanner.plain_string(value_at + 1)?;
                    // Where the id is written (see `StreamedCaseload::records`).
                    *slot = Some(Some(u32::try_from(value_at + 1).ok().filter(|&at| at != WHOLE)?));
                    end
                } else {
                    return None;
                }
            }
            5 if same(key, b"value") && value.is_none() => {
                if is_null {
                    value = Some(None);
                    value_at + 4
                } else {
                    let (number, end) = scanner.number(value_at)?;
                    value = Some(Some(number.as_f64()?));
                    end
                }
            }
            _ => return None,
        };
        match skip_space(bytes, end)? {
            (b',', comma) => at = comma + 1,
            (b'}', close) => {
                let record = QuickRecord::new(period?, unit.flatten(), category.flatten(), value?);
                return Some((record, close + 1));
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::json_diff_tests::{documents, mutate, Rng};
    use crate::validate::validate_locating;

    /// The quick path's answer, checked against the full validator's: the
    /// same feed, warnings and span whenever it answers.
    fn quick(doc: &str) -> Option<(Checked, Range<usize>)> {
        let options = Options::default();
        let answer = validate_caseload_quickly(doc.as_bytes(), &options);
        if let Some((checked, span)) = &answer {
            let (full, full_span) = validate_locating(doc.as_bytes(), &options, "records");
            assert_eq!(full.as_ref().ok(), Some(checked), "{doc}");
            assert_eq!(full_span.as_ref(), Some(span), "{doc}");
        }
        answer
    }

    const HEAD: &str = r#"{"opeka":1,"kind":"caseload","title":"T","units":[{"id":"u-2","label":"B"},{"id":"u-10","label":"A"}],"categories":[{"id":"c","label":"C"}],"records":"#;

    fn feed(records: &str) -> String {
        format!("{HEAD}{records}}}")
    }

    #[test]
    fn reads_plain_records_as_the_validator_does() {
        let doc = feed(
            r#"[{"period":"2024-01","unit":"u-2","category":"c","value":12},
                {"value": null, "period": "2024-01", "unit": "u-10"},
                {"period":"2024-02","unit":null,"category":"c","value":1.5e3},
                {"period":"2024-02","value":-0.0}]"#,
        );
        let (checked, _) = quick(&doc).expect("plain records take the quick path");
        let Body::Caseload(c) = &checked.feed.feed().body else { panic!("a caseload") };
        assert_eq!(c.records.len(), 4);
        assert_eq!(c.records[2].value, Some(1500.0));
    }

    #[test]
    fn keeps_the_envelopes_warnings_and_what_follows_the_records() {
        let doc = format!(
            "{}{}",
            &HEAD[..HEAD.len() - "\"records\":".len()],
            r#""colour":"red","records":[{"period":"2024","value":1}],"targets":[{"period":"2025","value":2}]}"#
        );
        let (checked, _) = quick(&doc).expect("an unknown envelope member is the envelope's warning");
        assert_eq!(checked.warnings.len(), 1);
        assert_eq!(checked.warnings[0].path, "colour");
    }

    #[test]
    fn leaves_anything_unusual_to_the_full_walk() {
        for records in [
            r#"[]"#,
            r#"[{"period":"2024-01","value":1,"note":"x"}]"#,
            r#"[{"period":"2024-01","value":1,"value":2}]"#,
            r#"[{"period":"2024-01","unit":"u-3","value":1}]"#,
            r#"[{"period":"2024-01","value":-1}]"#,
            r#"[{"period":"2024-01","value":"1"}]"#,
            r#"[{"period":"2024-01"}]"#,
            r#"[{"period":"2024-01","value":1},{"period":"2024","value":1}]"#,
            r#"[{"period":"2024-01","value":1},{"period":"2024-01","value":2}]"#,
            r#"[{"period":"2024-13","value":1}]"#,
            r#"[{"period":"2024-01","unit":"u\u002d2","value":1}]"#,
            r#"[{"period":"2024-01","value":01}]"#,
            r#"[{"period":"2024-01","value":1},]"#,
            r#"[{"period":"2024-01","value":nul}]"#,
            r#"[{"period":"2024-01","value":1}"#,
            "[{\"period\":\"2024-01\",\"category\":\"c\t\",\"value\":1}]",
        ] {
            assert!(quick(&feed(records)).is_none(), "{records}");
        }
        let two = format!("{}[{{\"period\":\"2024\",\"value\":1}}],\"records\":[]}}", HEAD);
        assert!(quick(&two).is_none(), "a repeated records member");
        let bad_envelope = feed(r#"[{"period":"2024","value":1}]"#).replace(r#""opeka":1"#, r#""opeka":"1""#);
        assert!(quick(&bad_envelope).is_none(), "an envelope with an error");
        let trailing = feed(r#"[{"period":"2024","value":1}]"#) + "x";
        assert!(quick(&trailing).is_none(), "bytes after the document");
        // Cut inside a skipped string, after its backslash (found by `make fuzz`).
        assert!(quick("{\"a\":\"\\").is_none(), "a document that ends in an escape");
    }

    /// A big feed as publishers' tools write them, but out of order, with
    /// gaps and decimals: read quickly, and as the validator reads it; the
    /// same feed with one triple repeated far from its first is not.
    #[test]
    fn reads_a_big_feed_in_any_order_and_finds_a_repeat_far_away() {
        let mut records = Vec::new();
        for day in 0..400u32 {
            for unit in ["u-2", "u-10"] {
                let period = format!("20{:02}-{:02}-{:02}", 10 + day / 336, day / 28 % 12 + 1, day % 28 + 1);
                let value = match day % 7 {
                    0 => "null".to_owned(),
                    1 => format!("{}.25", day),
                    _ => day.to_string(),
                };
                records.push(format!(r#"{{"period":"{period}","unit":"{unit}","category":"c","value":{value}}}"#));
            }
        }
        // A fixed shuffle: every 7th record to the front.
        let (front, back): (Vec<_>, Vec<_>) = records.iter().enumerate().partition(|(i, _)| i % 7 == 3);
        let shuffled: Vec<&String> = front.into_iter().chain(back).map(|(_, r)| r).collect();
        let list = |rs: &[&String]| format!("[{}]", rs.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",\n"));
        let (checked, _) = quick(&feed(&list(&shuffled))).expect("a big plain feed");
        let Body::Caseload(c) = &checked.feed.feed().body else { panic!("a caseload") };
        assert_eq!(c.records.len(), 800);
        let mut repeated = shuffled.clone();
        repeated.push(shuffled[1]);
        assert!(quick(&feed(&list(&repeated))).is_none());
    }

    /// `bytes` come in chunks of the lengths `chunk` gives, each prefix
    /// read as it comes: the answer must be the whole body's quick path's.
    /// Answers how many records were read before the last chunk came.
    fn streamed(bytes: &[u8], mut chunk: impl FnMut() -> usize) -> usize {
        let options = Options::default();
        let mut reader = StreamedCaseload::with_room(bytes.len());
        let mut came = 0;
        let mut before_last = 0;
        while came < bytes.len() {
            before_last = reader.records.len();
            came = (came + chunk().max(1)).min(bytes.len());
            reader.read(&bytes[..came]);
        }
        let whole = read_caseload_quickly(bytes, &options);
        let answer = reader.finish(bytes, &options);
        assert_eq!(whole.is_some(), answer.is_some(), "{}", String::from_utf8_lossy(bytes));
        if let (Some(whole), Some(answer)) = (whole, answer) {
            assert_eq!(whole.checked, answer.checked);
            assert_eq!(whole.records, answer.records);
            assert_eq!(whole.span, answer.span);
        }
        before_last
    }

    #[test]
    fn a_body_read_as_it_comes_answers_as_the_whole_one() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let (mut read_early, mut documents_read) = (0, 0);
        for (_, bytes) in documents() {
            // Cut at every byte, and in chunks of a network's sizes.
            if bytes.len() < 2_000 {
                streamed(&bytes, || 1);
            }
            let before_last = streamed(&bytes, || 1 + rng.below(70_000));
            documents_read += usize::from(read_caseload_quickly(&bytes, &Options::default()).is_some());
            read_early += usize::from(before_last > 0);
            for _ in 0..10 {
                let mutated = mutate(&mut rng, &bytes);
                streamed(&mutated, || 1 + rng.below(if mutated.len() < 2_000 { 40 } else { 70_000 }));
            }
        }
        assert!(documents_read >= 5 && read_early >= 1, "{documents_read} documents read, {read_early} of them early");
    }

    #[test]
    fn reads_a_big_body_as_it_comes_and_leaves_the_unusual_to_the_end() {
        let mut rows = Vec::new();
        for day in 0..600u32 {
            for unit in ["u-2", "u-10"] {
                rows.push(format!(
                    r#"{{"period":"20{:02}-{:02}-{:02}","unit":"{unit}","category":"c","value":{day}}}"#,
                    10 + day / 336,
                    day / 28 % 12 + 1,
                    day % 28 + 1
                ));
            }
        }
        let doc = feed(&format!("[{}]", rows.join(",")));
        // All but the records of the last chunk read before it came.
        let before_last = streamed(doc.as_bytes(), || 4_096);
        assert!(before_last > 1_100, "{before_last} of 1 200 records read before the last chunk");
        // A member far longer than any list before `records`: the rest is read at the end, alike.
        let long = doc.replacen(r#""title":"T""#, &format!(r#""title":"{}""#, "Т".repeat(200_000)), 1);
        assert_eq!(streamed(long.as_bytes(), || 4_096), 0);
        // A record with an escape: read at the end by the full walk's rules (here: not quickly).
        let escaped = doc.replacen(r#""unit":"u-10""#, r#""unit":"u\u002d10""#, 1);
        streamed(escaped.as_bytes(), || 4_096);
        assert!(read_caseload_quickly(escaped.as_bytes(), &Options::default()).is_none());
    }

    /// The corpus, the sample feeds and their mutations (those of the
    /// reader's own comparison): wherever the quick path answers, its
    /// answer is the validator's (`quick` asserts it).
    #[test]
    fn agrees_with_the_validator_on_every_document_and_mutation() {
        let options = Options::default();
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let (mut answered, mut mutations_answered) = (0, 0);
        for (path, bytes) in documents() {
            let Ok(text) = std::str::from_utf8(&bytes) else { continue };
            let is_quick = quick(text).is_some();
            answered += usize::from(is_quick);
            // Most mutations break the JSON; those of documents the quick
            // path reads are what it must get right, so there are more.
            let rounds = match (is_quick, bytes.len() > 20_000) {
                (true, false) => 400,
                (true, true) => 40,
                (false, false) => 40,
                (false, true) => 5,
            };
            for _ in 0..rounds {
                let mutated = mutate(&mut rng, &bytes);
                if let Some((checked, span)) = validate_caseload_quickly(&mutated, &options) {
                    let (full, full_span) = validate_locating(&mutated, &options, "records");
                    assert_eq!(full.as_ref().ok(), Some(&checked), "a mutation of {}", path.display());
                    assert_eq!(full_span, Some(span), "a mutation of {}", path.display());
                    mutations_answered += 1;
                }
            }
        }
        assert!(answered >= 5 && mutations_answered >= 100, "{answered} documents, {mutations_answered} mutations answered");
    }
}
