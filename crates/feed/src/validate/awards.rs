//! `kind: awards`: event, award types, groups, grants, recipients, contests.

use crate::{AwardCategory, AwardType, Awards, Body, Contest, ContestPlace, Event, Grant, Group, Level, Recipient};

use super::cx::{Cx, IdList, IdSet, Obj};
use super::json::Json;
use super::message::{Expected, ProblemMessage};

/// The body's members.
pub(crate) const FIELDS: &[&str] = &["event", "award_types", "groups", "grants", "recipients", "contests"];
/// An event's members.
pub(crate) const EVENT_FIELDS: &[&str] = &["name", "date", "place"];
/// An award type's members.
pub(crate) const AWARD_TYPE_FIELDS: &[&str] = &["id", "label", "level", "category"];
/// A group's members.
pub(crate) const GROUP_FIELDS: &[&str] = &["id", "label"];
/// A grant's members.
pub(crate) const GRANT_FIELDS: &[&str] = &["award", "group", "count"];
/// A recipient's members.
pub(crate) const RECIPIENT_FIELDS: &[&str] = &["name", "role", "org", "city", "award"];
/// A contest's members.
pub(crate) const CONTEST_FIELDS: &[&str] = &["name", "year", "places"];
/// A contest place's members.
pub(crate) const PLACE_FIELDS: &[&str] = &["place", "name", "role", "org", "city", "project", "prize"];

pub(crate) fn body(cx: &mut Cx, obj: &Obj<'_, '_>) -> Option<Body> {
    let event = cx.optional(obj, "event", event);
    let mut award_ids = IdList::default();
    let award_types = cx.optional_list(obj, "award_types", |cx, v, _| award_type(cx, v, &mut award_ids));
    let award_ids = award_ids.finish(cx);
    let mut group_ids = IdList::default();
    let groups = cx.optional_list(obj, "groups", |cx, v, _| group(cx, v, &mut group_ids));
    let group_ids = group_ids.finish(cx);
    let grants = cx.optional_list(obj, "grants", |cx, v, _| grant(cx, v, &award_ids, &group_ids));
    let recipients = cx.optional_list(obj, "recipients", |cx, v, _| recipient(cx, v, &award_ids));
    let contests = cx.optional_list(obj, "contests", |cx, v, _| contest(cx, v));
    if !["grants", "recipients", "contests"].iter().any(|k| obj.has(k)) {
        cx.error(ProblemMessage::NoAwardsData);
        return None;
    }
    Some(Body::Awards(Awards {
        event: event?,
        award_types: award_types?,
        groups: groups?,
        grants: grants?,
        recipients: recipients?,
        contests: contests?,
    }))
}

fn event(cx: &mut Cx, v: &Json<'_>) -> Option<Event> {
    let obj = cx.object(v, EVENT_FIELDS)?;
    let name = cx.optional(&obj, "name", Cx::text);
    let date = cx.optional(&obj, "date", Cx::date);
    let place = cx.optional(&obj, "place", Cx::text);
    Some(Event { name: name?, date: date?, place: place? })
}

fn award_type(cx: &mut Cx, v: &Json<'_>, ids: &mut IdList) -> Option<AwardType> {
    let obj = cx.object(v, AWARD_TYPE_FIELDS)?;
    let id = cx.required(&obj, "id", Cx::id);
    if let Some(id) = &id {
        ids.declare(cx, id);
    }
    let label = cx.required(&obj, "label", Cx::text);
    let level = cx.required(&obj, "level", |cx, v| cx.one_of(v, &Level::ALL, Level::name));
    let category = cx.required(&obj, "category", |cx, v| cx.one_of(v, &AwardCategory::ALL, AwardCategory::name));
    Some(AwardType { id: id?, label: label?, level: level?, category: category? })
}

fn group(cx: &mut Cx, v: &Json<'_>, ids: &mut IdList) -> Option<Group> {
    let obj = cx.object(v, GROUP_FIELDS)?;
    let id = cx.required(&obj, "id", Cx::id);
    if let Some(id) = &id {
        ids.declare(cx, id);
    }
    let label = cx.required(&obj, "label", Cx::text);
    Some(Group { id: id?, label: label? })
}

fn grant(cx: &mut Cx, v: &Json<'_>, awards: &IdSet, groups: &IdSet) -> Option<Grant> {
    let obj = cx.object(v, GRANT_FIELDS)?;
    let award = cx.optional(&obj, "award", |cx, v| awards.reference(cx, v, "award_types").map(|(id, _)| id));
    let group = cx.optional(&obj, "group", |cx, v| groups.reference(cx, v, "groups").map(|(id, _)| id));
    let count = cx.required(&obj, "count", |cx, v| cx.whole(v, 0, Expected::WholeNonNegative));
    Some(Grant { award: award?, group: group?, count: u64::try_from(count?).ok()? })
}

fn recipient(cx: &mut Cx, v: &Json<'_>, awards: &IdSet) -> Option<Recipient> {
    let obj = cx.object(v, RECIPIENT_FIELDS)?;
    let name = cx.required(&obj, "name", Cx::text);
    let role = cx.optional(&obj, "role", Cx::text);
    let org = cx.optional(&obj, "org", Cx::text);
    let city = cx.optional(&obj, "city", Cx::text);
    let award = cx.optional(&obj, "award", |cx, v| awards.reference(cx, v, "award_types").map(|(id, _)| id));
    Some(Recipient { name: name?, role: role?, org: org?, city: city?, award: award? })
}

fn contest(cx: &mut Cx, v: &Json<'_>) -> Option<Contest> {
    let obj = cx.object(v, CONTEST_FIELDS)?;
    let name = cx.optional(&obj, "name", Cx::text);
    let year = cx.optional(&obj, "year", |cx, v| {
        let y = cx.whole(v, 0, Expected::Integer)?;
        i32::try_from(y).ok().filter(|y| *y <= 9999).or_else(|| {
            cx.error(ProblemMessage::WrongType { expected: Expected::Integer, got: super::message::Got::of(v) });
            None
        })
    });
    let places = cx.optional_list(&obj, "places", |cx, v, _| place(cx, v));
    Some(Contest { name: name?, year: year?, places: places? })
}

fn place(cx: &mut Cx, v: &Json<'_>) -> Option<ContestPlace> {
    let obj = cx.object(v, PLACE_FIELDS)?;
    let place = cx.required(&obj, "place", |cx, v| cx.whole(v, 1, Expected::WholeAtLeastOne));
    let name = cx.required(&obj, "name", Cx::text);
    let role = cx.optional(&obj, "role", Cx::text);
    let org = cx.optional(&obj, "org", Cx::text);
    let city = cx.optional(&obj, "city", Cx::text);
    let project = cx.optional(&obj, "project", Cx::text);
    let prize = cx.optional(&obj, "prize", Cx::text);
    let place = place.and_then(|p| u32::try_from(p).ok());
    Some(ContestPlace { place: place?, name: name?, role: role?, org: org?, city: city?, project: project?, prize: prize? })
}
