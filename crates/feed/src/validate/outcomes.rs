//! `kind: outcomes`: projects and their indicators.

use crate::{Body, Direction, Format, Indicator, Observation, Outcomes, Project, Status};

use super::cx::{Cx, IdList, Obj};
use super::envelope::format_of;
use super::json::Json;
use super::message::ProblemMessage;

/// The body's members.
pub(crate) const FIELDS: &[&str] = &["projects"];
/// A project's members.
pub(crate) const PROJECT_FIELDS: &[&str] = &["id", "name", "status", "start", "end", "partners", "summary", "indicators"];
/// An indicator's members.
pub(crate) const INDICATOR_FIELDS: &[&str] = &["id", "label", "format", "unit", "direction", "baseline", "target", "actual"];
/// An observation's members.
pub(crate) const OBSERVATION_FIELDS: &[&str] = &["period", "value"];

const DIRECTIONS: [Direction; 2] = [Direction::Increase, Direction::Decrease];

pub(crate) fn body(cx: &mut Cx, obj: &Obj<'_, '_>) -> Option<Body> {
    let mut ids = IdList::default();
    let projects = cx.required(obj, "projects", |cx, v| cx.list(v, |cx, v, _| project(cx, v, &mut ids)));
    ids.finish(cx);
    Some(Body::Outcomes(Outcomes { projects: projects? }))
}

fn project(cx: &mut Cx, v: &Json<'_>, ids: &mut IdList) -> Option<Project> {
    let obj = cx.object(v, PROJECT_FIELDS)?;
    let id = cx.required(&obj, "id", Cx::id);
    if let Some(id) = &id {
        ids.declare(cx, id);
    }
    let name = cx.required(&obj, "name", Cx::text);
    let status = cx.required(&obj, "status", |cx, v| cx.one_of(v, &Status::ALL, Status::name));
    let start = cx.optional(&obj, "start", Cx::period);
    let end = cx.optional(&obj, "end", Cx::period);
    let partners = cx.optional_list(&obj, "partners", |cx, v, _| cx.text(v));
    let summary = cx.optional(&obj, "summary", Cx::text);
    let mut indicator_ids = IdList::default();
    let indicators = cx.optional_list(&obj, "indicators", |cx, v, _| indicator(cx, v, &mut indicator_ids));
    indicator_ids.finish(cx);
    Some(Project {
        id: id?,
        name: name?,
        status: status?,
        start: start?,
        end: end?,
        partners: partners?,
        summary: summary?,
        indicators: indicators?,
    })
}

fn indicator(cx: &mut Cx, v: &Json<'_>, ids: &mut IdList) -> Option<Indicator> {
    let obj = cx.object(v, INDICATOR_FIELDS)?;
    let id = cx.required(&obj, "id", Cx::id);
    if let Some(id) = &id {
        ids.declare(cx, id);
    }
    let label = cx.required(&obj, "label", Cx::text);
    let format = format_of(cx, &obj);
    let is_count = format == Some(Format::Count);
    let unit = cx.optional(&obj, "unit", Cx::unit);
    let direction = cx.required(&obj, "direction", |cx, v| cx.one_of(v, &DIRECTIONS, Direction::name));
    let baseline = cx.optional(&obj, "baseline", |cx, v| observation(cx, v, is_count));
    let target = cx.optional(&obj, "target", |cx, v| observation(cx, v, is_count));
    let actual = cx.optional_list(&obj, "actual", |cx, v, _| observation(cx, v, is_count));
    let has_actual = matches!(obj.get("actual"), Some(Json::Arr(a)) if !a.is_empty());
    if !obj.has("baseline") && !obj.has("target") && !has_actual {
        cx.error(ProblemMessage::NoObservation);
        return None;
    }
    Some(Indicator {
        id: id?,
        label: label?,
        format: format?,
        unit: unit?,
        direction: direction?,
        baseline: baseline?,
        target: target?,
        actual: actual?,
    })
}

fn observation(cx: &mut Cx, v: &Json<'_>, is_count: bool) -> Option<Observation> {
    let obj = cx.object(v, OBSERVATION_FIELDS)?;
    let period = cx.required(&obj, "period", Cx::period);
    let value = cx.required(&obj, "value", |cx, v| cx.value(v, is_count));
    Some(Observation { period: period?, value: value? })
}
