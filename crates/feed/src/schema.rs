//! The JSON Schema of feed format 1, built from the model's enumerations and
//! the validator's field lists so that the three cannot drift apart.
//!
//! The schema says what JSON Schema can say: shapes, required fields,
//! enumerations, patterns. Cross-references (a record's unit must be
//! declared), uniqueness and the sameness of period granularity are left
//! to the validator. Unknown fields are allowed, as the validator only
//! warns of them.

use schemars::Schema;
use serde_json::{json, Map, Value};

use crate::validate::{awards, caseload, envelope, outcomes, plural_forms};
use crate::{AwardCategory, Format, Kind, Lang, Level, Status, View, FORMAT_VERSION};

const PERIOD_PATTERN: &str = "^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
const DATE_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
const ID_PATTERN: &str = "^[a-z0-9-]{1,64}$";
/// Language keys read as Russian and English, as `Lang::parse` reads them (any case, a region subtag).
const LANG_RU_PATTERN: &str = "^[Rr][Uu]([-_].*)?$";
const LANG_EN_PATTERN: &str = "^[Ee][Nn]([-_].*)?$";

fn r(name: &str) -> Value {
    json!({ "$ref": format!("#/$defs/{name}") })
}

fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|&x| name(x)).collect()
}

/// An object schema. `fields` is the validator's list of known members: every
/// one must have a schema in `props`, and no other may.
fn object(fields: &[&str], props: Value, required: &[&str]) -> Value {
    let Value::Object(props) = props else { unreachable!("props are written as an object literal") };
    let ordered: Map<String, Value> = fields
        .iter()
        .map(|f| {
            let schema = props.get(*f).cloned().unwrap_or_else(|| panic!("no schema for field {f}"));
            ((*f).to_owned(), schema)
        })
        .collect();
    assert_eq!(ordered.len(), props.len(), "schema lists fields the validator does not know: {props:?}");
    json!({ "type": "object", "properties": ordered, "required": required })
}

/// A list of exactly `count` forms of a word.
fn forms(count: usize) -> Value {
    json!({ "type": "array", "items": { "type": "string" }, "minItems": count, "maxItems": count })
}

fn list(item: Value) -> Value {
    json!({ "type": ["array", "null"], "items": item })
}

fn optional(schema: Value) -> Value {
    json!({ "anyOf": [schema, { "type": "null" }] })
}

fn kind_branch(kind: Kind, body: &str) -> Value {
    json!({
        "if": { "properties": { "kind": { "const": kind.name() } }, "required": ["kind"] },
        "then": {
            "$ref": format!("#/$defs/{body}"),
            "properties": { "view": optional(json!({ "enum": names(kind.views(), View::name) })) }
        }
    })
}

fn defs() -> Value {
    let formats = names(&Format::ALL, Format::name);
    let observation = object(outcomes::OBSERVATION_FIELDS, json!({ "period": r("Period"), "value": r("Value") }), &["period", "value"]);
    json!({
        "Text": {
            "description": "A string in the feed's locale, or an object of translations by language code.",
            "oneOf": [
                { "type": "string" },
                { "type": "object", "minProperties": 1, "additionalProperties": { "type": "string" } }
            ]
        },
        "Unit": {
            "description": "The word after a number: a string used as given (a warning), a list of plural forms in the feed's locale (ru: one, few, many; en: singular, plural), or an object of either by language code. Other languages take a string or at least one form.",
            "oneOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" }, "minItems": 2, "maxItems": 3 },
                {
                    "type": "object", "minProperties": 1,
                    "patternProperties": {
                        LANG_RU_PATTERN: { "anyOf": [{ "type": "string" }, forms(plural_forms(Lang::Ru))] },
                        LANG_EN_PATTERN: { "anyOf": [{ "type": "string" }, forms(plural_forms(Lang::En))] }
                    },
                    "additionalProperties": { "anyOf": [
                        { "type": "string" }, { "type": "array", "items": { "type": "string" }, "minItems": 1 }
                    ] }
                }
            ]
        },
        "Period": { "type": "string", "pattern": PERIOD_PATTERN, "description": "YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD; one granularity per feed." },
        "Date": { "type": "string", "pattern": DATE_PATTERN, "description": "YYYY-MM-DD" },
        "Id": { "type": "string", "pattern": ID_PATTERN },
        "Value": { "type": ["number", "null"], "description": "A finite number, or null for not reported. Counts (format count) must be >= 0." },
        "Format": { "enum": formats, "default": "count" },
        "Figure": object(envelope::FIGURE_FIELDS, json!({
            "label": r("Text"), "value": r("Value"), "format": optional(r("Format")),
            "unit": optional(r("Unit")), "note": optional(r("Text")), "of": r("Value")
        }), &["label", "value"]),
        "Source": object(envelope::SOURCE_FIELDS, json!({
            "name": optional(r("Text")),
            "url": { "type": ["string", "null"], "description": "Only http and https URLs are linked; others are a warning and shown as text." },
            "published": optional(r("Date"))
        }), &[]),
        "Caseload": object(caseload::FIELDS, json!({
            "measure": optional(object(caseload::MEASURE_FIELDS, json!({
                "label": optional(r("Text")), "unit": optional(r("Unit")), "format": optional(r("Format"))
            }), &[])),
            "units": list(object(caseload::UNIT_FIELDS, json!({
                "id": r("Id"), "label": r("Text"),
                "population": { "type": ["number", "null"], "minimum": 0 },
                "group": { "type": ["string", "null"] }
            }), &["id", "label"])),
            "categories": list(object(caseload::CATEGORY_FIELDS, json!({ "id": r("Id"), "label": r("Text") }), &["id", "label"])),
            "records": { "type": "array", "items": object(caseload::RECORD_FIELDS, json!({
                "period": r("Period"), "unit": { "type": ["string", "null"] },
                "category": { "type": ["string", "null"] }, "value": r("Value")
            }), &["period", "value"]) },
            "targets": list(object(caseload::TARGET_FIELDS, json!({
                "period": r("Period"), "unit": { "type": ["string", "null"] },
                "category": { "type": ["string", "null"] }, "value": r("Value"), "label": optional(r("Text"))
            }), &["period", "value"]))
        }), &["records"]),
        "Awards": {
            "allOf": [object(awards::FIELDS, json!({
                "event": optional(object(awards::EVENT_FIELDS, json!({
                    "name": optional(r("Text")), "date": optional(r("Date")), "place": optional(r("Text"))
                }), &[])),
                "award_types": list(object(awards::AWARD_TYPE_FIELDS, json!({
                    "id": r("Id"), "label": r("Text"),
                    "level": { "enum": names(&Level::ALL, Level::name) },
                    "category": { "enum": names(&AwardCategory::ALL, AwardCategory::name) }
                }), &["id", "label", "level", "category"])),
                "groups": list(object(awards::GROUP_FIELDS, json!({ "id": r("Id"), "label": r("Text") }), &["id", "label"])),
                "grants": list(object(awards::GRANT_FIELDS, json!({
                    "award": { "type": ["string", "null"] }, "group": { "type": ["string", "null"] },
                    "count": { "type": "integer", "minimum": 0 }
                }), &["count"])),
                "recipients": list(object(awards::RECIPIENT_FIELDS, json!({
                    "name": r("Text"), "role": optional(r("Text")), "org": optional(r("Text")),
                    "city": optional(r("Text")), "award": { "type": ["string", "null"] }
                }), &["name"])),
                "contests": list(object(awards::CONTEST_FIELDS, json!({
                    "name": optional(r("Text")), "year": { "type": ["integer", "null"], "minimum": 0, "maximum": 9999 },
                    "places": list(object(awards::PLACE_FIELDS, json!({
                        "place": { "type": "integer", "minimum": 1 }, "name": r("Text"),
                        "role": optional(r("Text")), "org": optional(r("Text")), "city": optional(r("Text")),
                        "project": optional(r("Text")), "prize": optional(r("Text"))
                    }), &["place", "name"]))
                }), &[]))
            }), &[])],
            "anyOf": (["grants", "recipients", "contests"].map(|k| json!({
                "required": [k], "properties": { k: { "type": "array" } }
            }))).to_vec()
        },
        "Observation": observation,
        "Outcomes": object(outcomes::FIELDS, json!({
            "projects": { "type": "array", "items": object(outcomes::PROJECT_FIELDS, json!({
                "id": r("Id"), "name": r("Text"),
                "status": { "enum": names(&Status::ALL, Status::name) },
                "start": optional(r("Period")), "end": optional(r("Period")),
                "partners": list(r("Text")), "summary": optional(r("Text")),
                "indicators": list({
                    let mut indicator = object(outcomes::INDICATOR_FIELDS, json!({
                        "id": r("Id"), "label": r("Text"), "format": optional(r("Format")),
                        "unit": optional(r("Unit")),
                        "direction": { "enum": ["increase", "decrease"] },
                        "baseline": optional(r("Observation")), "target": optional(r("Observation")),
                        "actual": list(r("Observation"))
                    }), &["id", "label", "direction"]);
                    indicator["anyOf"] = json!([
                        { "required": ["baseline"], "properties": { "baseline": r("Observation") } },
                        { "required": ["target"], "properties": { "target": r("Observation") } },
                        { "required": ["actual"], "properties": { "actual": { "type": "array", "minItems": 1 } } }
                    ]);
                    indicator
                })
            }), &["id", "name", "status"]) }
        }), &["projects"])
    })
}

/// The JSON Schema (draft 2020-12) of feed format 1.
pub fn schema() -> Schema {
    let kinds = [Kind::Caseload, Kind::Awards, Kind::Outcomes];
    let mut envelope = object(
        envelope::FEED_FIELDS,
        json!({
            "opeka": { "type": "integer", "const": FORMAT_VERSION, "description": "Format version." },
            "kind": { "enum": kinds.map(Kind::name) },
            "id": r("Id"),
            "title": r("Text"),
            "subtitle": optional(r("Text")),
            "locale": optional(json!({ "enum": names(&Lang::ALL, Lang::code), "default": "ru" })),
            "source": optional(r("Source")),
            "updated": optional(json!({ "anyOf": [
                { "type": "string", "format": "date-time" }, r("Date")
            ] })),
            "notes": list(r("Text")),
            "headline": list(r("Figure")),
            "view": optional(json!({ "enum": names(&View::ALL, View::name) }))
        }),
        &["opeka", "kind", "title"],
    );
    let Value::Object(map) = &mut envelope else { unreachable!("object() builds an object") };
    let mut root = Map::new();
    root.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
    root.insert("title".into(), json!("Opeka feed, format 1"));
    root.insert("description".into(), json!("One JSON document that one Opeka widget renders. See docs/feeds.md."));
    root.append(map);
    root.insert(
        "allOf".into(),
        json!([kind_branch(Kind::Caseload, "Caseload"), kind_branch(Kind::Awards, "Awards"), kind_branch(Kind::Outcomes, "Outcomes")]),
    );
    root.insert("$defs".into(), defs());
    Schema::from(root)
}

/// The schema as pretty-printed JSON with a final newline, as checked in.
pub fn schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema (draft 2020-12) of deck format 1 (`docs/decks.md`).
pub fn deck_schema() -> Schema {
    use crate::deck::{Theme, DECK_VERSION, MIN_AUTOPLAY_SECONDS};
    use crate::validate::deck::{DECK_FIELDS, SLIDE_FIELDS};
    let themes = names(&Theme::ALL, Theme::name);
    let langs = names(&Lang::ALL, Lang::code);
    let slide = object(
        SLIDE_FIELDS,
        json!({
            "feed": { "type": "string", "minLength": 1,
                      "anyOf": [{ "pattern": "^[^:]*$" }, { "pattern": "^[^:]*[/?#]" }, { "pattern": "^[Hh][Tt][Tt][Pp][Ss]?:" }],
                      "description": "The feed's URL, relative to the deck file (or an http(s) URL)." },
            "view": optional(json!({ "enum": names(&View::ALL, View::name), "description": "One of the feed kind's views; default: the feed's own view." })),
            "lang": optional(json!({ "enum": langs, "description": "Default: the deck's lang." })),
            "theme": optional(json!({ "enum": themes, "description": "Default: the deck's theme." })),
            "title": optional(json!({ "$ref": "#/$defs/Text", "description": "Shown instead of the feed's title on this slide." })),
            "note": optional(json!({ "$ref": "#/$defs/Text", "description": "A line under the chart, for the presenter and the meeting papers." }))
        }),
        &["feed"],
    );
    let mut root = object(
        DECK_FIELDS,
        json!({
            "opeka-deck": { "type": "integer", "const": DECK_VERSION, "description": "Deck format version." },
            "title": optional(r("Text")),
            "lang": optional(json!({ "enum": langs, "description": "Default: each feed's locale." })),
            "theme": optional(json!({ "enum": themes, "default": Theme::default().name() })),
            "autoplay": optional(json!({ "type": "integer", "minimum": MIN_AUTOPLAY_SECONDS, "maximum": 86400,
                                         "description": "Seconds per slide when the deck advances by itself; absent: by key or click only." })),
            "loop": optional(json!({ "type": "boolean", "default": false, "description": "Start again after the last slide." })),
            "slides": { "type": "array", "minItems": 1, "items": slide }
        }),
        &["opeka-deck", "slides"],
    );
    let Value::Object(map) = &mut root else { unreachable!("object() builds an object") };
    let mut out = Map::new();
    out.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
    out.insert("title".into(), json!("Opeka deck, format 1"));
    out.insert("description".into(), json!("Slides of Opeka feeds, shown one after another. See docs/decks.md."));
    out.append(map);
    out.insert("$defs".into(), json!({ "Text": defs()["Text"].clone() }));
    Schema::from(out)
}

/// The deck schema as pretty-printed JSON with a final newline, as checked in.
pub fn deck_schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&deck_schema()).unwrap_or_default();
    text.push('\n');
    text
}
