//! The fields every kind shares: version, kind, titles, source, headline, view.

use crate::{Feed, Figure, Format, Kind, Lang, Source, SourceUrl, View, FORMAT_VERSION};

use super::cx::{Cx, Obj};
use super::json::Json;
use super::message::{Expected, ProblemMessage};
use super::{awards, caseload, outcomes};

/// The envelope's members.
pub(crate) const FEED_FIELDS: &[&str] =
    &["opeka", "kind", "id", "title", "subtitle", "locale", "source", "updated", "notes", "headline", "view"];
/// A source's members.
pub(crate) const SOURCE_FIELDS: &[&str] = &["name", "url", "published"];
/// A headline figure's members.
pub(crate) const FIGURE_FIELDS: &[&str] = &["label", "value", "format", "unit", "note", "of"];

const KINDS: [Kind; 3] = [Kind::Caseload, Kind::Awards, Kind::Outcomes];

/// The members of a feed of `kind`; all kinds' when it is not known, so that
/// a typo in `kind` does not also flag every body field.
fn known_fields(kind: Option<Kind>) -> Vec<&'static str> {
    let bodies: Vec<Kind> = kind.map_or_else(|| KINDS.to_vec(), |k| vec![k]);
    let mut known = FEED_FIELDS.to_vec();
    for k in bodies {
        known.extend_from_slice(match k {
            Kind::Caseload => caseload::FIELDS,
            Kind::Awards => awards::FIELDS,
            Kind::Outcomes => outcomes::FIELDS,
        });
    }
    known
}

/// Checks a whole document; `None` when any error was found.
pub(crate) fn feed(cx: &mut Cx, root: &Json<'_>) -> Option<Feed> {
    let Json::Obj(_) = root else {
        cx.object(root, &[]);
        return None;
    };
    // Peek at the kind first (quietly; it is checked below) to know which members are known.
    let peek_kind = match root {
        Json::Obj(members) => members.iter().find(|(k, _)| k == "kind").and_then(|(_, v)| match v {
            Json::Str(s) => KINDS.into_iter().find(|k| k.name() == s.as_ref()),
            _ => None,
        }),
        _ => None,
    };
    let obj = cx.object(root, &known_fields(peek_kind))?;

    let version = cx.required(&obj, "opeka", version);
    if version.is_none() && obj.get("opeka").and_then(Json::as_f64).is_some_and(|v| v > f64::from(FORMAT_VERSION)) {
        // A newer format may mean anything below: other complaints would mislead.
        return None;
    }
    let kind = cx.required(&obj, "kind", |cx, v| cx.one_of(v, &KINDS, Kind::name));
    let id = cx.optional(&obj, "id", Cx::id);
    let title = cx.required(&obj, "title", Cx::text);
    let subtitle = cx.optional(&obj, "subtitle", Cx::text);
    let locale = cx.optional(&obj, "locale", |cx, v| cx.one_of(v, &Lang::ALL, Lang::code));
    // Units below read their bare lists of forms in this language.
    cx.locale = locale.flatten().unwrap_or_default();
    let source = cx.optional(&obj, "source", source);
    let updated = cx.optional(&obj, "updated", Cx::updated);
    let notes = cx.optional_list(&obj, "notes", |cx, v, _| cx.text(v));
    let headline = cx.optional_list(&obj, "headline", |cx, v, _| figure(cx, v));
    let view = cx.optional(&obj, "view", |cx, v| view(cx, v, kind));
    let body = match kind {
        Some(Kind::Caseload) => caseload::body(cx, &obj),
        Some(Kind::Awards) => awards::body(cx, &obj),
        Some(Kind::Outcomes) => outcomes::body(cx, &obj),
        None => None,
    };

    Some(Feed {
        version: version?,
        id: id?,
        title: title?,
        subtitle: subtitle?,
        locale: locale?.unwrap_or_default(),
        source: source?,
        updated: updated?,
        notes: notes?,
        headline: headline?,
        view: view?,
        body: body?,
    })
}

fn version(cx: &mut Cx, v: &Json<'_>) -> Option<u32> {
    let n = cx.whole(v, i64::MIN, Expected::Integer)?;
    let supported = FORMAT_VERSION;
    if n > i64::from(supported) {
        cx.error(ProblemMessage::VersionTooNew { got: n.to_string(), supported });
        None
    } else if n < 1 {
        cx.error(ProblemMessage::VersionUnsupported { got: n.to_string(), supported });
        None
    } else {
        Some(supported)
    }
}

fn source(cx: &mut Cx, v: &Json<'_>) -> Option<Source> {
    let obj = cx.object(v, SOURCE_FIELDS)?;
    let name = cx.optional(&obj, "name", Cx::text);
    let url = cx.optional(&obj, "url", source_url);
    let published = cx.optional(&obj, "published", Cx::date);
    Some(Source { name: name?, url: url?, published: published? })
}

/// Only http(s) may ever become a link: `javascript:` and friends stay text.
fn source_url(cx: &mut Cx, v: &Json<'_>) -> Option<SourceUrl> {
    let s = cx.str(v)?;
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        Some(SourceUrl::Link(s.to_owned()))
    } else {
        cx.warn(ProblemMessage::NotLinkUrl { got: super::path::quote(s) });
        Some(SourceUrl::Plain(s.to_owned()))
    }
}

/// A Format member, `count` when absent.
pub(crate) fn format_of(cx: &mut Cx, obj: &Obj<'_, '_>) -> Option<Format> {
    cx.optional(obj, "format", |cx, v| cx.one_of(v, &Format::ALL, Format::name)).map(Option::unwrap_or_default)
}

fn figure(cx: &mut Cx, v: &Json<'_>) -> Option<Figure> {
    let obj = cx.object(v, FIGURE_FIELDS)?;
    let label = cx.required(&obj, "label", Cx::text);
    let format = format_of(cx, &obj);
    let is_count = format == Some(Format::Count);
    let value = cx.required(&obj, "value", |cx, v| cx.value(v, is_count));
    let unit = cx.optional(&obj, "unit", Cx::unit);
    let note = cx.optional(&obj, "note", Cx::text);
    let of = cx.optional(&obj, "of", |cx, v| cx.value(v, is_count));
    Some(Figure { label: label?, value: value?, format: format?, unit: unit?, note: note?, of: of?.flatten() })
}

fn view(cx: &mut Cx, v: &Json<'_>, kind: Option<Kind>) -> Option<View> {
    let Some(kind) = kind else {
        return cx.one_of(v, &View::ALL, View::name);
    };
    let s = cx.str(v)?;
    match View::parse(s).filter(|view| kind.views().contains(view)) {
        Some(view) => Some(view),
        None => {
            let allowed = kind.views().iter().map(|v| v.name()).collect();
            cx.error(ProblemMessage::ViewNotOfKind { got: super::path::quote(s), kind: kind.name(), allowed });
            None
        }
    }
}
