//! The published sample feeds are valid, with no warnings, and every field
//! they carry reaches the model.

#![allow(clippy::disallowed_methods, reason = "not in the wasm bundle: std's sort is fine here")]

use std::path::PathBuf;

use opeka_feed::validate::{validate, Options};
use opeka_feed::{Body, Kind, SourceUrl, Text};

fn samples() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../feeds");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("feeds/ is readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| (p.display().to_string(), std::fs::read(&p).expect("sample is readable")))
        .collect();
    out.sort();
    out
}

#[test]
fn every_sample_is_valid_without_warnings() {
    let all = samples();
    assert_eq!(all.len(), 5, "expected the five sample feeds");
    for (name, bytes) in all {
        match validate(&bytes, &Options::default()) {
            Ok(checked) => assert!(checked.warnings.is_empty(), "{name}: {:?}", checked.warnings),
            Err(rejected) => panic!("{name} rejected:\n{rejected}"),
        }
    }
}

fn load(name: &str) -> opeka_feed::ValidFeed {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../feeds");
    let bytes = std::fs::read(dir.join(name)).expect("sample is readable");
    validate(&bytes, &Options::default()).expect("sample is valid").feed
}

#[test]
fn caseload_sample_is_fully_read() {
    let feed = load("kuzbass-caseload.json");
    assert_eq!(feed.kind(), Kind::Caseload);
    assert_eq!(feed.id.as_deref(), Some("kuzbass-caseload"));
    assert!(matches!(&feed.title, Text::Translations(t) if t[0].0 == "ru" && t[1].0 == "en"));
    assert!(feed.subtitle.is_some() && feed.updated.is_some() && !feed.headline.is_empty());
    let Body::Caseload(c) = &feed.body else { panic!("not a caseload") };
    assert!(!c.units.is_empty() && !c.categories.is_empty());
    assert!(c.records.len() > 1000, "{}", c.records.len());
    assert!(c.records.iter().all(|r| r.unit.is_some()));
}

#[test]
fn awards_sample_is_fully_read() {
    let feed = load("kuzbass-social-worker-day-2018.json");
    let Body::Awards(a) = &feed.body else { panic!("not awards") };
    assert!(a.event.as_ref().is_some_and(|e| e.date.is_some()));
    assert!(!a.award_types.is_empty() && !a.grants.is_empty());
    assert_eq!(feed.headline[0].value, Some(105.0));
}

#[test]
fn outcomes_samples_are_fully_read() {
    for name in ["kuzbass-council-projects-2024.json", "vyksa-orphanhood-prevention.json"] {
        let feed = load(name);
        let Body::Outcomes(o) = &feed.body else { panic!("not outcomes") };
        assert!(!o.projects.is_empty(), "{name}");
        assert!(o.projects.iter().flat_map(|p| &p.indicators).count() > 0, "{name}");
        if let Some(url) = feed.source.as_ref().and_then(|s| s.url.as_ref()) {
            assert!(matches!(url, SourceUrl::Link(_)), "{name}");
        }
    }
}
