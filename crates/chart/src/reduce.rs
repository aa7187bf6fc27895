//! A big feed reduced to what one view draws, for the widget's worker
//! (issue 13, "Never blocking"): the worker validates the feed off the host
//! page's main thread and hands over a small feed that, read by the page
//! (its document validated, its records unpacked:
//! [`opeka_feed::validate::packed`]) and drawn by the usual code, gives
//! exactly the same chart and data table.
//!
//! Reduced today:
//! - the `trend` of a caseload whose lines are categories (records summed
//!   into one per category and period, the shape of daily feeds over many
//!   units);
//! - a caseload's `ranking` and `per-capita`, and its `composition` by
//!   unit, which read the latest period's records: those, and for each
//!   unit and category that only older records name, one of those (the
//!   views list what any record names);
//! - a caseload's `tiles`, which read the records of the latest period
//!   with a reported value: those, and one record naming a category when
//!   none of them does (the tiles are then by category).
//!
//! A caseload's other views and shapes (a trend whose lines are units, a
//! composition by period) get every record packed as it is: the page then
//! reads no records' JSON either.
//!
//! An awards feed's `breakdown` and `podium` get its document without the
//! lists they do not read: the breakdown counts its grants (a feed's
//! recipients, counted one each, become grants by award type), the podium
//! draws its contests. Its `roll` reads the recipients alone (the
//! contests' winners where there are none), and its table lists every
//! one: a long list goes without the grants and contests, in slices of
//! its recipients as an outcomes feed's projects go (below); a short one
//! is not reduced ([`reduce`] returns `None`): the worker checks it, and
//! the page reads it whole.
//!
//! An outcomes feed's views and tables read every project and indicator,
//! but no view reads a project's `summary`, `partners`, `start` or `end`,
//! and only the trajectory reads more of an indicator's `actual` than its
//! latest reported one, in the panels the largest canvas can hold: its
//! document goes without those (`reduce_outcomes`). A big one goes in
//! slices of its projects, each a whole feed of about [`SLICE_BYTES`],
//! which the page validates a task each and joins, so that no task of the
//! page's grows with the feed (a feed with nothing to leave out, too).
//!
//! Every reduced document leaves out the top-level members the feed's
//! kind does not know, which no view reads and the page would otherwise
//! validate again (`opeka_feed::validate::unknown_member_cuts`).

use std::ops::Range;

use opeka_feed::validate::{member_cuts, packed, unknown_member_cuts, Checked, QuickCaseload, QuickRecord, Ranks, Scan};
use opeka_feed::{Awards, Body, Caseload, Observation, Outcomes, View};

use crate::scale::period_ordinal;
use crate::views::caseload::{summed_records, RecordRef};
use crate::views::MOST_PANELS;

/// The top-level members a reduction rewrites: [`reduce`] takes where
/// each lies in the feed's bytes in this order
/// (`opeka_feed::validate::validate_locating_each`).
pub const MEMBERS: [&str; 5] = ["records", "grants", "recipients", "contests", "projects"];

/// How many of a big outcomes feed's bytes (before its reduction) the page
/// validates in one task: a slice of its projects (or of a roll's
/// recipients), each a whole feed of its own
/// (`opeka_feed::validate::packed::SLICE_END`). The page validates an
/// outcomes document at 25–45 ms a megabyte; a register's 4.9 MB reduction
/// in one piece held it 110–126 ms (docs/performance.md, stop 48).
pub const SLICE_BYTES: usize = 512 * 1024;

/// A project's members that no view reads (see the module's comment).
const UNREAD_PROJECT_MEMBERS: [&[u8]; 4] = [b"summary", b"partners", b"start", b"end"];

/// The feed in `bytes` (which the validator accepted as `checked`,
/// finding the [`MEMBERS`] at `spans`) reduced to what `view` draws. A
/// caseload: the same document with its `records` emptied, and packed
/// beside it ([`opeka_feed::validate::packed`]) the records that draw the
/// same chart, fewer where the view allows. An awards feed: its document
/// without the lists the view does not read, with no records packed. An
/// outcomes feed: its document without what no view reads
/// (`reduce_outcomes`), the same way. Each without the top-level members
/// the feed's kind does not know (`unknown_member_cuts`). `None` for a
/// feed or view that is not reduced.
pub fn reduce(bytes: &[u8], spans: &[Option<Range<usize>>; MEMBERS.len()], checked: &Checked, view: Option<View>) -> Option<Vec<u8>> {
    let feed = checked.feed.feed();
    match &feed.body {
        Body::Awards(awards) => return reduce_awards(bytes, spans, unknown_member_cuts(bytes, checked), awards, feed.resolve_view(view)),
        Body::Outcomes(outcomes) => {
            let panels = feed.resolve_view(view) == View::Trajectory;
            return reduce_outcomes(bytes, spans[4].clone()?, unknown_member_cuts(bytes, checked), outcomes, panels);
        }
        Body::Caseload(_) => {}
    }
    let records = spans[0].clone()?;
    let (caseload, reduction) = reduced_caseload(feed, view)?;
    let record = |i: usize| {
        let r = caseload.records.get(i)?;
        Some(RecordRef { period: r.period, unit: r.unit.as_deref(), category: r.category.as_deref(), value: r.value })
    };
    let count = caseload.records.len();
    packed_beside(bytes, records, unknown_member_cuts(bytes, checked), &reduction(caseload, count, &record)?)
}

/// [`reduce`] for a big caseload read on the validator's quick path
/// (`opeka_feed::validate::read_caseload_quickly`), whose records name
/// their unit and category by place: no record's ids are copied.
pub fn reduce_quick(bytes: &[u8], quick: &QuickCaseload, view: Option<View>) -> Option<Vec<u8>> {
    let (caseload, reduction) = reduced_caseload(quick.checked.feed.feed(), view)?;
    // `None` for a place past its list, which the quick path never gives.
    fn id<'a>(ids: &[&'a str], place: Option<u32>) -> Option<Option<&'a str>> {
        match place {
            None => Some(None),
            Some(i) => ids.get(i as usize).map(|id| Some(*id)),
        }
    }
    let units: Vec<&str> = caseload.units.iter().map(|u| u.id.as_str()).collect();
    let categories: Vec<&str> = caseload.categories.iter().map(|c| c.id.as_str()).collect();
    let record = |i: usize| {
        let r = quick.records.get(i)?;
        Some(RecordRef { period: r.period, unit: id(&units, r.unit())?, category: id(&categories, r.category())?, value: r.value() })
    };
    let count = quick.records.len();
    packed_beside(bytes, quick.span.clone(), unknown_member_cuts(bytes, &quick.checked), &reduction(caseload, count, &record)?)
}

/// How a caseload's records are reduced for one view: from the caseload,
/// its number of records and a reader of each, the records to pack beside
/// its document ([`packed_beside`]).
type Reduction = for<'a> fn(&'a Caseload, usize, &dyn Fn(usize) -> Option<RecordRef<'a>>) -> Option<Vec<QuickRecord>>;

/// The caseload of `feed` and its reduction for `view`; `None` for another kind.
fn reduced_caseload(feed: &opeka_feed::Feed, view: Option<View>) -> Option<(&Caseload, Reduction)> {
    let Body::Caseload(caseload) = &feed.body else { return None };
    let reduction: Reduction = match feed.resolve_view(view) {
        View::Trend => reduce_records,
        View::Ranking | View::PerCapita => reduce_to_latest,
        View::Composition => reduce_composition,
        View::Tiles => reduce_to_tiles_period,
        _ => every_record,
    };
    Some((caseload, reduction))
}

/// A caseload's units and categories by id, to pack records by their places.
struct Places<'a> {
    units: Ranks<'a, 'a>,
    categories: Ranks<'a, 'a>,
}

impl<'a> Places<'a> {
    fn of(caseload: &'a Caseload) -> Self {
        Places {
            units: Ranks::of(caseload.units.iter().map(|u| u.id.as_str())),
            categories: Ranks::of(caseload.categories.iter().map(|c| c.id.as_str())),
        }
    }

    /// `r` as it is packed; `None` when it names an id not declared.
    fn pack(&mut self, r: &RecordRef<'a>) -> Option<QuickRecord> {
        Some(QuickRecord::new(r.period, place(&mut self.units, r.unit)?, place(&mut self.categories, r.category)?, r.value))
    }
}

/// The place of an id in its list (`None` for the whole); `None` (outside) for an id not in it.
fn place<'b>(ranks: &mut Ranks<'_, 'b>, id: Option<&'b str>) -> Option<Option<u32>> {
    id.map_or(Some(None), |id| ranks.rank(id.as_bytes()).map(Some))
}

/// The document of `bytes` with the array at `records` emptied and the
/// `cuts` cut out, and `out` packed beside it; `None` when `records` is
/// not an array.
fn packed_beside(bytes: &[u8], records: Range<usize>, cuts: Vec<Range<usize>>, out: &[QuickRecord]) -> Option<Vec<u8>> {
    let array = bytes.get(records.clone())?;
    if !(array.starts_with(b"[") && array.ends_with(b"]")) {
        return None;
    }
    packed::pack(&edited(bytes, cuts, vec![(records, b"[]")])?, out)
}

/// `bytes` without the `cuts` and with each span of `edits` written anew
/// as its bytes (no span overlapping another).
fn edited(bytes: &[u8], cuts: Vec<Range<usize>>, mut edits: Vec<(Range<usize>, &[u8])>) -> Option<Vec<u8>> {
    edits.extend(cuts.into_iter().map(|cut| (cut, &b""[..])));
    opeka_feed::collections::order::sort_stable_by_key(&mut edits, |(span, _)| span.start);
    // The document's own size: a big feed's records are most of its bytes
    // (the worker's memory, `tests/worker_memory.rs`).
    let size = edits.iter().fold(bytes.len(), |size, (span, with)| size.saturating_sub(span.len()) + with.len());
    let mut doc = Vec::with_capacity(size);
    let mut at = 0;
    for (span, with) in edits {
        doc.extend_from_slice(bytes.get(at..span.start)?);
        doc.extend_from_slice(with);
        at = span.end;
    }
    doc.extend_from_slice(bytes.get(at..)?);
    Some(doc)
}

/// An awards feed's document for `view` (see the module's comment), as
/// edits of its members' spans and the `cuts` cut out; `None` for the
/// roll. A member written with escapes in its key has no span and stays
/// as it is.
fn reduce_awards(
    bytes: &[u8],
    spans: &[Option<Range<usize>>; MEMBERS.len()],
    cuts: Vec<Range<usize>>,
    awards: &Awards,
    view: View,
) -> Option<Vec<u8>> {
    let [_, grants, recipients, contests, _] = spans.clone();
    let (counted, with_grants);
    let emptied = |span: Option<Range<usize>>| span.map(|span| (span, &b"[]"[..]));
    let mut edits: Vec<(Range<usize>, &[u8])> = Vec::new();
    match view {
        View::Breakdown if awards.grants.is_empty() && !awards.recipients.is_empty() => {
            counted = counted_as_grants(awards);
            match (grants, recipients) {
                (Some(grants), Some(recipients)) => edits.extend([(grants, &counted[..]), (recipients, b"[]")]),
                // No `grants` member: one is written after the emptied
                // `recipients`, whose value ends before a `,` or the `}`.
                (None, Some(recipients)) => {
                    with_grants = [&b"[],\"grants\":"[..], &counted].concat();
                    edits.push((recipients, &with_grants));
                }
                _ => {}
            }
            edits.extend(emptied(contests));
        }
        View::Breakdown => edits.extend([recipients, contests].into_iter().filter_map(emptied)),
        View::Podium => edits.extend([grants, recipients].into_iter().filter_map(emptied)),
        // With recipients, the roll reads nothing else; a long list of
        // them goes in slices, and a short one is not reduced.
        View::Roll if !awards.recipients.is_empty() => {
            let values = Scan::new(bytes).values(recipients?.start)?;
            edits.extend([grants, contests].into_iter().filter_map(emptied));
            return in_slices(bytes, &values, &cuts, &edits);
        }
        _ => return None,
    }
    packed::pack(&edited(bytes, cuts, edits)?, &[])
}

/// An outcomes feed's document without what its views do not read (see
/// the module's comment): each project's unread members, and each
/// indicator's actuals but its latest reported one (the one
/// `views::outcomes` and `views::tiles` read), except, for the trajectory
/// (`panels`), in the first [`MOST_PANELS`] indicators. Found by a scan
/// of the `projects` array at `projects`, whose projects and indicators
/// are those of `outcomes` in the same order. Projects of more than
/// [`SLICE_BYTES`] go in slices ([`packed::SLICE_END`]). `None` when there is
/// nothing to leave out and one slice (the page validates the body it has).
fn reduce_outcomes(
    bytes: &[u8],
    projects: Range<usize>,
    mut cuts: Vec<Range<usize>>,
    outcomes: &Outcomes,
    panels: bool,
) -> Option<Vec<u8>> {
    let mut scan = Scan::new(bytes);
    // How many indicators are still to keep every actual of.
    let mut panels_left = if panels { MOST_PANELS } else { 0 };
    let values = scan.values(projects.start)?;
    for (at, project) in values.iter().zip(&outcomes.projects) {
        let members = scan.members(at.start)?;
        cuts.extend(member_cuts(&members, |m| UNREAD_PROJECT_MEMBERS.contains(&m.key)));
        let kept_whole = panels_left.min(project.indicators.len());
        panels_left -= kept_whole;
        if kept_whole == project.indicators.len() {
            continue;
        }
        let Some(indicators) = members.iter().find(|m| m.key == b"indicators") else { continue };
        for (at, indicator) in scan.values(indicators.value_at)?.into_iter().zip(&project.indicators).skip(kept_whole) {
            let Some(latest) = latest_reported(&indicator.actual) else { continue };
            let members = scan.members(at.start)?;
            let Some(actual) = members.iter().find(|m| m.key == b"actual") else { continue };
            let values = scan.values(actual.value_at)?;
            let (first, kept, last) = (values.first()?, values.get(latest)?, values.last()?);
            cuts.extend([first.start..kept.start, kept.end..last.end].into_iter().filter(|cut| !cut.is_empty()));
        }
    }
    if let Some(sliced) = in_slices(bytes, &values, &cuts, &[]) {
        return Some(sliced);
    }
    (!cuts.is_empty()).then(|| packed::pack(&edited(bytes, cuts, Vec::new())?, &[]))?
}

/// The document of `bytes` with the `cuts` cut out and the `edits`
/// written, in slices of the array whose values are `values`
/// ([`slices_of`]): each slice the document without the values before and
/// after its own, packed, one after another with [`packed::SLICE_END`]
/// between. `None` for fewer than two slices.
fn in_slices(bytes: &[u8], values: &[Range<usize>], cuts: &[Range<usize>], edits: &[(Range<usize>, &[u8])]) -> Option<Vec<u8>> {
    let slices = slices_of(values);
    if slices.len() < 2 {
        return None;
    }
    let (first, last) = (values.first()?, values.last()?);
    let mut docs = Vec::new();
    for slice in &slices {
        let (kept, kept_last) = (values.get(slice.start)?, values.get(slice.end - 1)?);
        let around = [first.start..kept.start, kept_last.end..last.end];
        let mut slice_cuts: Vec<Range<usize>> =
            cuts.iter().filter(|cut| around.iter().all(|out| cut.end <= out.start || cut.start >= out.end)).cloned().collect();
        slice_cuts.extend(around.into_iter().filter(|cut| !cut.is_empty()));
        let slice = packed::pack(&edited(bytes, slice_cuts, edits.to_vec())?, &[])?;
        if !docs.is_empty() {
            docs.push(packed::SLICE_END);
        }
        docs.extend(slice);
    }
    Some(docs)
}

/// An array's values (their spans in the feed: projects, recipients) in
/// slices of about [`SLICE_BYTES`] each, in order, as the page validates
/// them a task each: each slice is at least one value.
fn slices_of(values: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut slices = Vec::new();
    if values.is_empty() {
        return slices;
    }
    let mut start = 0;
    for (i, value) in values.iter().enumerate() {
        if i > start && value.end - values[start].start > SLICE_BYTES {
            slices.push(start..i);
            start = i;
        }
    }
    slices.push(start..values.len());
    slices
}

/// Which of `actual` a view reads as the latest: of those reported, the
/// last of the latest period (`Row::latest` sorts them stably by period,
/// and the tiles take the last of their maximum).
fn latest_reported(actual: &[Observation]) -> Option<usize> {
    let reported = actual.iter().enumerate().filter(|(_, o)| o.value.is_some_and(f64::is_finite));
    reported.max_by_key(|(_, o)| period_ordinal(&o.period)).map(|(i, _)| i)
}

/// The recipients counted one each, as the breakdown counts them, written
/// as grants: one per declared award type that any recipient has, in the
/// types' order, then one without an award for those with none.
fn counted_as_grants(awards: &Awards) -> Vec<u8> {
    let mut types = Ranks::of(awards.award_types.iter().map(|t| t.id.as_str()));
    let none = awards.award_types.len();
    let mut counts = vec![0u64; none + 1];
    for r in &awards.recipients {
        let place = r.award.as_deref().and_then(|id| types.rank(id.as_bytes()));
        counts[place.map_or(none, |p| p as usize)] += 1;
    }
    let mut out = String::from("[");
    for (i, &count) in counts.iter().enumerate().filter(|(_, &count)| count > 0) {
        if out.len() > 1 {
            out.push(',');
        }
        // Ids are `[a-z0-9-]` (the validator's rule): nothing to escape.
        if let Some(t) = awards.award_types.get(i) {
            out.push_str(r#"{"award":""#);
            out.push_str(&t.id);
            out.push_str(r#"","count":"#);
        } else {
            out.push_str(r#"{"count":"#);
        }
        push_digits(&mut out, count, 1);
        out.push('}');
    }
    out.push(']');
    out.into_bytes()
}

/// The reduction for the views that read the latest period's records
/// (`ranking`, `per-capita`: `views::caseload::rows::ranked_rows`, and a
/// `composition` by unit): those
/// records as they are, in their order (so each row sums as before), and
/// for each unit and category that only older records name, the first of
/// those: the views list every unit (or category) a record names, and an
/// older record adds nothing to the latest period's sums.
fn reduce_to_latest<'a>(caseload: &'a Caseload, count: usize, record: &dyn Fn(usize) -> Option<RecordRef<'a>>) -> Option<Vec<QuickRecord>> {
    let mut latest = None;
    for i in 0..count {
        latest = latest.max(Some(record(i)?.period));
    }
    // No records: none to pack (the view says there is no data).
    let Some(latest) = latest else { return Some(Vec::new()) };
    let mut places = Places::of(caseload);
    let mut named_units = vec![false; caseload.units.len()];
    let mut named_categories = vec![false; caseload.categories.len()];
    let mut out = Vec::new();
    // The latest period's records first, then the older ones still needed.
    for older in [false, true] {
        for i in 0..count {
            let r = record(i)?;
            if (r.period != latest) != older {
                continue;
            }
            let packed = places.pack(&r)?;
            let new_unit = names_new(&mut named_units, packed.unit());
            let new_category = names_new(&mut named_categories, packed.category());
            if older && !new_unit && !new_category {
                continue;
            }
            out.push(packed);
        }
    }
    Some(out)
}

/// The reduction for a composition: by unit (when a record names one) it
/// reads what the ranking reads; by period it draws every record. Decided
/// from the records as the reduction reads them: on the validator's quick
/// path the caseload itself holds only the first.
fn reduce_composition<'a>(
    caseload: &'a Caseload,
    count: usize,
    record: &dyn Fn(usize) -> Option<RecordRef<'a>>,
) -> Option<Vec<QuickRecord>> {
    for i in 0..count {
        if record(i)?.unit.is_some() {
            return reduce_to_latest(caseload, count, record);
        }
    }
    every_record(caseload, count, record)
}

/// The reduction for a caseload's tiles (`views::tiles`): the records of
/// the period they show, in their order (so each tile sums as before),
/// and when none of those names a category but another record does, the
/// first such record: it keeps the tiles by category, and its period is
/// not the one shown (nor a later one with a reported value).
fn reduce_to_tiles_period<'a>(
    caseload: &'a Caseload,
    count: usize,
    record: &dyn Fn(usize) -> Option<RecordRef<'a>>,
) -> Option<Vec<QuickRecord>> {
    // No records: none to pack (the tiles say there is no data).
    if count == 0 {
        return Some(Vec::new());
    }
    // A record that cannot be read ends this pass early, and the next
    // pass gives `None` at it.
    let shown = crate::views::tiles_period((0..count).map_while(record).map(|r| (r.period, r.value.is_some())))?;
    let mut places = Places::of(caseload);
    let mut out = Vec::new();
    let mut by_category = false;
    let mut first_by_category = None;
    for i in 0..count {
        let r = record(i)?;
        if period_ordinal(&r.period) == shown {
            by_category |= r.category.is_some();
            out.push(places.pack(&r)?);
        } else if first_by_category.is_none() && r.category.is_some() {
            first_by_category = Some(i);
        }
    }
    if let Some(i) = first_by_category.filter(|_| !by_category) {
        out.push(places.pack(&record(i)?)?);
    }
    Some(out)
}

/// Every record as it is, in its order: for a view and shape no reduction
/// draws with fewer (a trend whose lines are units, a composition by
/// period), or when a reduction has nothing to sum. Packed, 24 bytes a
/// record, the page takes them without reading their JSON: a 15 MB feed's
/// 167 000 records are no longer validated again on its main thread.
fn every_record<'a>(caseload: &'a Caseload, count: usize, record: &dyn Fn(usize) -> Option<RecordRef<'a>>) -> Option<Vec<QuickRecord>> {
    let mut places = Places::of(caseload);
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        out.push(places.pack(&record(i)?)?);
    }
    Some(out)
}

/// Whether `place` is an id that no record kept so far names; it is named from now on.
fn names_new(named: &mut [bool], place: Option<u32>) -> bool {
    place.and_then(|p| named.get_mut(p as usize)).is_some_and(|named| !std::mem::replace(named, true))
}

/// The reduction for the trend: the caseload's `count` records (read
/// through `record`) summed, one per category and period; every record
/// when the lines are not categories.
fn reduce_records<'a>(caseload: &'a Caseload, count: usize, record: &dyn Fn(usize) -> Option<RecordRef<'a>>) -> Option<Vec<QuickRecord>> {
    // Lines of units (or of the whole): no two records share a line's
    // period, nothing to sum.
    let Some((cells, summed)) = summed_records(&caseload.categories, count, record) else { return every_record(caseload, count, record) };
    let Places { mut units, mut categories } = Places::of(caseload);
    let mut out = Vec::with_capacity(cells + cells / 8);
    for cell in summed {
        let cell = cell?;
        let category = place(&mut categories, cell.category)?;
        if let Some((sum, unit)) = cell.reported {
            // The trend of categories does not read units, so a sum goes
            // without one, unless its cell's `null` has none either: one
            // (period, unit, category) appears at most once.
            let unit = if matches!(cell.missing, Some(None)) { unit } else { None };
            out.push(QuickRecord::new(cell.period, place(&mut units, unit)?, category, Some(sum)));
        }
        if let Some(unit) = cell.missing {
            out.push(QuickRecord::new(cell.period, place(&mut units, unit)?, category, None));
        }
    }
    Some(out)
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
}
