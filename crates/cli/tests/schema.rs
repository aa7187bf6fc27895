//! The checked-in schema is the generated one, and every valid feed passes it.
//!
//! Regenerate the file after changing the format with
//! `OPEKA_BLESS=1 cargo test -p opeka-cli --test schema`.

#![allow(clippy::disallowed_methods, reason = "not in the wasm bundle: std's sort is fine here")]

use std::fs;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn schema_file() -> PathBuf {
    repo().join("schema/opeka-feed-1.schema.json")
}

fn deck_schema_file() -> PathBuf {
    repo().join("schema/opeka-deck-1.schema.json")
}

#[test]
fn checked_in_schema_is_the_generated_one() {
    let generated = opeka_feed::schema::schema_json();
    if std::env::var_os("OPEKA_BLESS").is_some() {
        fs::write(schema_file(), &generated).expect("write schema");
    }
    let checked_in = fs::read_to_string(schema_file()).expect("schema/opeka-feed-1.schema.json exists");
    assert!(
        checked_in == generated,
        "schema/opeka-feed-1.schema.json is out of date: run OPEKA_BLESS=1 cargo test -p opeka-cli --test schema"
    );
}

fn validator() -> jsonschema::Validator {
    let text = fs::read_to_string(schema_file()).expect("schema file");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::draft202012::new(&schema).expect("schema is a valid draft 2020-12 schema")
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn samples_and_valid_corpus_match_the_schema() {
    let validator = validator();
    let mut files = json_files(&repo().join("feeds"));
    files.extend(json_files(&repo().join("tests/corpus/valid")));
    assert!(files.len() >= 15);
    for file in files {
        let feed: serde_json::Value = serde_json::from_slice(&fs::read(&file).expect("read")).expect("JSON");
        let errors: Vec<String> = validator.iter_errors(&feed).map(|e| format!("{}: {e}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{}:\n{}", file.display(), errors.join("\n"));
    }
}

#[test]
fn schema_refuses_what_it_can_see() {
    let validator = validator();
    let bad = [
        r#"{"opeka": 1, "kind": "caseload", "title": "t", "records": [{"period": "2024", "value": "12"}]}"#,
        r#"{"opeka": 2, "kind": "caseload", "title": "t", "records": []}"#,
        r#"{"opeka": 1, "kind": "caseload", "title": {}, "records": []}"#,
        r#"{"opeka": 1, "kind": "caseload", "title": "t", "records": [{"period": "2024-13", "value": 1}]}"#,
        r#"{"opeka": 1, "kind": "caseload", "title": "t", "view": "podium", "records": []}"#,
        r#"{"opeka": 1, "kind": "caseload", "title": "t"}"#,
        r#"{"opeka": 1, "kind": "awards", "title": "t"}"#,
        r#"{"opeka": 1, "kind": "awards", "title": "t", "grants": [{"count": 1.5}]}"#,
        r#"{"opeka": 1, "kind": "outcomes", "title": "t", "projects": [{"id": "p", "name": "P", "status": "done"}]}"#,
        r#"{"opeka": 1, "kind": "outcomes", "title": "t", "projects": [{"id": "p", "name": "P", "status": "active",
            "indicators": [{"id": "i", "label": "I", "direction": "up", "actual": []}]}]}"#,
        r#"{"opeka": 1, "kind": "histogram", "title": "t"}"#,
        r#"[]"#,
        r#"{"opeka": 1, "kind": "caseload", "title": "t", "measure": {"unit": {"ru": ["семья", "семей"]}}, "records": []}"#,
        r#"{"opeka": 1, "kind": "caseload", "title": "t", "measure": {"unit": {"en-GB": ["family", "families", "x"]}}, "records": []}"#,
        r#"{"opeka": 1, "kind": "caseload", "title": "t", "measure": {"unit": {"de": []}}, "records": []}"#,
        r#"{"opeka": 1, "kind": "caseload", "title": "t", "measure": {"unit": ["семей"]}, "records": []}"#,
        r#"{"opeka": 1, "kind": "caseload", "title": "t", "headline": [{"label": "l", "value": 1, "unit": 5}], "records": []}"#,
    ];
    for feed in bad {
        let value: serde_json::Value = serde_json::from_str(feed).expect("JSON");
        assert!(!validator.is_valid(&value), "schema accepted {feed}");
    }
}

#[test]
fn checked_in_deck_schema_is_the_generated_one() {
    let generated = opeka_feed::schema::deck_schema_json();
    if std::env::var_os("OPEKA_BLESS").is_some() {
        fs::write(deck_schema_file(), &generated).expect("write deck schema");
    }
    let checked_in = fs::read_to_string(deck_schema_file()).expect("schema/opeka-deck-1.schema.json exists");
    assert!(
        checked_in == generated,
        "schema/opeka-deck-1.schema.json is out of date: run OPEKA_BLESS=1 cargo test -p opeka-cli --test schema"
    );
    let printed = std::process::Command::new(env!("CARGO_BIN_EXE_opeka")).args(["schema", "--deck"]).output().expect("run opeka");
    assert_eq!(String::from_utf8_lossy(&printed.stdout), generated, "opeka schema --deck prints it");
}

#[test]
fn valid_decks_match_the_deck_schema_and_bad_ones_do_not() {
    let text = fs::read_to_string(deck_schema_file()).expect("deck schema file");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("a valid draft 2020-12 schema");
    let mut files = json_files(&repo().join("tests/corpus/decks/valid"));
    files.extend(json_files(&repo().join("examples/decks")));
    assert!(files.len() >= 5);
    for file in files {
        let deck: serde_json::Value = serde_json::from_slice(&fs::read(&file).expect("read")).expect("JSON");
        let errors: Vec<String> = validator.iter_errors(&deck).map(|e| format!("{}: {e}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{}:\n{}", file.display(), errors.join("\n"));
    }
    for name in [
        "version-too-new",
        "version-zero",
        "version-missing",
        "version-string",
        "no-slides",
        "slides-missing",
        "slides-not-array",
        "autoplay-too-short",
        "autoplay-fraction",
        "autoplay-string",
        "autoplay-too-long",
        "loop-not-boolean",
        "enums",
        "feed-missing",
        "feed-urls",
        "texts",
        "slide-not-object",
        "not-object",
        "feed-not-deck",
    ] {
        let file = repo().join(format!("tests/corpus/decks/invalid/{name}.json"));
        let deck: serde_json::Value = serde_json::from_slice(&fs::read(&file).expect("read")).expect("JSON");
        assert!(!validator.is_valid(&deck), "the deck schema accepted {name}");
    }
}
