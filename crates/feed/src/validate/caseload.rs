//! `kind: caseload`: measure, units, categories, records, targets.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use crate::{Body, Caseload, Category, Format, Measure, Period, Record, Target, Unit};

use super::cx::{Cx, IdSet, Obj};
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

/// Where each (period, unit, category) was first seen, by index in its list.
type Seen<'a> = HashMap<(Period, Option<&'a str>, Option<&'a str>), usize>;

pub(crate) fn body<'a, 'j>(cx: &mut Cx, obj: &Obj<'a, 'j>) -> Option<Body> {
    let measure = cx.optional(obj, "measure", measure).map(Option::unwrap_or_default);
    let mut declared = Declared::default();
    let units = cx.optional_list(obj, "units", |cx, v, _| unit(cx, v, &mut declared.units));
    let categories = cx.optional_list(obj, "categories", |cx, v, _| category(cx, v, &mut declared.categories));
    // Values are counts unless the measure says otherwise; a broken measure
    // is already reported, so do not pile range errors on top.
    let is_count = matches!(measure, Some(Measure { format: Format::Count, .. }));

    let mut seen = Seen::default();
    let records = cx.required(obj, "records", |cx, v| {
        cx.list(v, |cx, v, i| {
            let obj = cx.object(v, RECORD_FIELDS)?;
            let (period, unit, category, value) = entry(cx, &obj, &declared, is_count, &mut seen, i)?;
            Some(Record { period, unit, category, value })
        })
    });
    let mut seen = Seen::default();
    let targets = cx.optional_list(obj, "targets", |cx, v, i| {
        let obj = cx.object(v, TARGET_FIELDS)?;
        let label = cx.optional(&obj, "label", Cx::text);
        let (period, unit, category, value) = entry(cx, &obj, &declared, is_count, &mut seen, i)?;
        Some(Target { period, unit, category, value, label: label? })
    });

    Some(Body::Caseload(Caseload {
        measure: measure?,
        units: units?,
        categories: categories?,
        records: records?,
        targets: targets?,
    }))
}
fn measure(cx: &mut Cx, v: &Json<'_>) -> Option<Measure> {
    let obj = cx.object(v, MEASURE_FIELDS)?;
    let label = cx.optional(&obj, "label", Cx::text);
    let unit = cx.optional(&obj, "unit", Cx::text);
    let format = format_of(cx, &obj);
    Some(Measure { label: label?, unit: unit?, format: format? })
}

fn unit(cx: &mut Cx, v: &Json<'_>, ids: &mut IdSet) -> Option<Unit> {
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

fn category(cx: &mut Cx, v: &Json<'_>, ids: &mut IdSet) -> Option<Category> {
    let obj = cx.object(v, CATEGORY_FIELDS)?;
    let id = cx.required(&obj, "id", Cx::id);
    if let Some(id) = &id {
        ids.declare(cx, id);
    }
    let label = cx.required(&obj, "label", Cx::text);
    Some(Category { id: id?, label: label? })
}

/// The (period, unit, category, value) shared by records and targets;
/// reports a repeated triple at the later entry, naming the earlier.
fn entry<'a>(
    cx: &mut Cx,
    obj: &Obj<'a, '_>,
    declared: &Declared,
    is_count: bool,
    seen: &mut Seen<'a>,
    index: usize,
) -> Option<(Period, Option<String>, Option<String>, crate::Value)> {
    let period = cx.required(obj, "period", Cx::period);
    let unit = cx.optional(obj, "unit", |cx, v| declared.units.reference(cx, v, "units"));
    let category = cx.optional(obj, "category", |cx, v| declared.categories.reference(cx, v, "categories"));
    let value = cx.required(obj, "value", |cx, v| cx.value(v, is_count));
    let (period, unit, category, value) = (period?, unit?, category?, value?);

    let key_str = |name: &str| match obj.get(name) {
        Some(Json::Str(s)) => Some(s.as_ref()),
        _ => None,
    };
    match seen.entry((period, key_str("unit"), key_str("category"))) {
        Entry::Occupied(first) => {
            let earlier = cx.sibling(*first.get());
            cx.error(ProblemMessage::Duplicate { earlier, what: Repeated::PeriodUnitCategory });
            None
        }
        Entry::Vacant(slot) => {
            slot.insert(index);
            Some((period, unit, category, value))
        }
    }
}
