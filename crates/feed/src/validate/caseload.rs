//! `kind: caseload`: measure, units, categories, records, targets.

use crate::collections::order;
use crate::{Body, Caseload, Category, Format, Measure, Period, Record, Target, Unit};

use super::cx::{Cx, IdList, IdSet, Obj};
use super::envelope::format_of;
use super::json::Json;
use super::message::{ProblemMessage, Repeated};

/// The body's members.
pub(crate) const FIELDS: &[&str] = &["measure", "units", "categories", "records", "targets"];
/// A measure's members.
pub(crate) const MEASURE_FIELDS: &[&str] = &["label", "unit", "format"];
/// A unit's members.
pub(crate) const UNIT_FIELDS: &[&str] = &["id", "label", "population", "group"];
/// A category's members.
pub(crate) const CATEGORY_FIELDS: &[&str] = &["id", "label"];
/// A record's members.
pub(crate) const RECORD_FIELDS: &[&str] = &["period", "unit", "category", "value"];
/// A target's members.
pub(crate) const TARGET_FIELDS: &[&str] = &["period", "unit", "category", "value", "label"];

/// The declared units and categories, for checking references.
#[derive(Default)]
struct Declared {
    units: IdSet,
    categories: IdSet,
}

/// Every (period, unit, category) of a list, by index in the list, and
/// where a report of its repeat goes among the problems. Repeats are found
/// once the list is walked, by sorting: `n log n` for 100 000 records, and
/// no hashing code in the bundle.
#[derive(Default)]
struct Seen {
    /// (triple, index in the list, mark).
    entries: Vec<(Triple, usize, usize)>,
}

/// What must not repeat within records, or within targets: the unit and
/// the category by their ranks among the declared ids ([`IdSet::rank`]),
/// so the sort compares integers, not text (comparing ids was about a
/// fifth of a 167 000-record feed's validation).
type Triple = (Period, Option<u32>, Option<u32>);

impl Seen {
    /// Reports each repeated triple at the later entry, naming the first;
    /// the walk is at the list. Returns whether every triple was unique.
    fn finish(self, cx: &mut Cx) -> bool {
        let entries = self.entries;
        let compare = |a: usize, b: usize| entries[a].0.cmp(&entries[b].0);
        let order = order::sorted_indices(entries.len(), &compare);
        let repeats = order::repeats(&order, &compare);
        let late: Vec<_> = repeats
            .iter()
            .map(|&(later, first)| {
                let (_, index, mark) = entries[later];
                let earlier = cx.element(entries[first].1);
                (mark, cx.element(index), ProblemMessage::Duplicate { earlier, what: Repeated::PeriodUnitCategory })
            })
            .collect();
        let unique = late.is_empty();
        cx.insert_errors(late);
        unique
    }
}

pub(crate) fn body<'a, 'j>(cx: &mut Cx, obj: &Obj<'a, 'j>) -> Option<Body> {
    let measure = cx.optional(obj, "measure", measure).map(Option::unwrap_or_default);
    let mut unit_ids = IdList::default();
    let units = cx.optional_list(obj, "units", |cx, v, _| unit(cx, v, &mut unit_ids));
    let units_declared = unit_ids.finish(cx);
    let mut category_ids = IdList::default();
    let categories = cx.optional_list(obj, "categories", |cx, v, _| category(cx, v, &mut category_ids));
    let declared = Declared { units: units_declared, categories: category_ids.finish(cx) };
    // Values are counts unless the measure says otherwise; a broken measure
    // is already reported, so do not pile range errors on top.
    let is_count = matches!(measure, Some(Measure { format: Format::Count, .. }));

    let mut seen = Seen::default();
    let records = cx.required(obj, "records", |cx, v| {
        let records = cx.objects(v, RECORD_FIELDS, |cx, obj, i| {
            let (period, unit, category, value) = entry(cx, obj, &declared, is_count, &mut seen, i)?;
            Some(Record { period, unit, category, value })
        });
        let unique = seen.finish(cx);
        records.filter(|_| unique)
    });
    let mut seen = Seen::default();
    let targets = cx.optional(obj, "targets", |cx, v| {
        let targets = cx.list(v, |cx, v, i| {
            let obj = cx.object(v, TARGET_FIELDS)?;
            let label = cx.optional(&obj, "label", Cx::text);
            let (period, unit, category, value) = entry(cx, &obj, &declared, is_count, &mut seen, i)?;
            Some(Target { period, unit, category, value, label: label? })
        });
        let unique = seen.finish(cx);
        targets.filter(|_| unique)
    });
    let targets = targets.map(Option::unwrap_or_default);

    Some(Body::Caseload(Caseload { measure: measure?, units: units?, categories: categories?, records: records?, targets: targets? }))
}
fn measure(cx: &mut Cx, v: &Json<'_>) -> Option<Measure> {
    let obj = cx.object(v, MEASURE_FIELDS)?;
    let label = cx.optional(&obj, "label", Cx::text);
    let unit = cx.optional(&obj, "unit", Cx::unit);
    let format = format_of(cx, &obj);
    Some(Measure { label: label?, unit: unit?, format: format? })
}

fn unit(cx: &mut Cx, v: &Json<'_>, ids: &mut IdList) -> Option<Unit> {
    let obj = cx.object(v, UNIT_FIELDS)?;
    let id = cx.required(&obj, "id", Cx::id);
    if let Some(id) = &id {
        ids.declare(cx, id);
    }
    let label = cx.required(&obj, "label", Cx::text);
    let population = cx.optional(&obj, "population", Cx::non_negative);
    let group = cx.optional(&obj, "group", Cx::string);
    Some(Unit { id: id?, label: label?, population: population?, group: group? })
}

fn category(cx: &mut Cx, v: &Json<'_>, ids: &mut IdList) -> Option<Category> {
    let obj = cx.object(v, CATEGORY_FIELDS)?;
    let id = cx.required(&obj, "id", Cx::id);
    if let Some(id) = &id {
        ids.declare(cx, id);
    }
    let label = cx.required(&obj, "label", Cx::text);
    Some(Category { id: id?, label: label? })
}

/// The (period, unit, category, value) shared by records and targets;
/// notes the triple in `seen`, whose `finish` reports repeats.
fn entry(
    cx: &mut Cx,
    obj: &Obj<'_, '_>,
    declared: &Declared,
    is_count: bool,
    seen: &mut Seen,
    index: usize,
) -> Option<(Period, Option<String>, Option<String>, crate::Value)> {
    let period = cx.required(obj, "period", Cx::period);
    let unit = cx.optional(obj, "unit", |cx, v| declared.units.reference(cx, v, "units"));
    let category = cx.optional(obj, "category", |cx, v| declared.categories.reference(cx, v, "categories"));
    let value = cx.required(obj, "value", |cx, v| cx.value(v, is_count));
    let (period, unit, category, value) = (period?, unit?, category?, value?);
    let (unit, unit_rank) = unit.unzip();
    let (category, category_rank) = category.unzip();
    seen.entries.push(((period, unit_rank, category_rank), index, cx.mark()));
    Some((period, unit, category, value))
}
