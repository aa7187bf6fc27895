//! The feed corpus: `tests/corpus/valid/*.json` must pass and
//! `tests/corpus/invalid/*.json` must be refused, each with exactly the
//! `path: message` lines (English) of its sibling `*.expected` file
//! (warnings only, for a valid feed; no file means none).
//!
//! After a deliberate change of messages, regenerate the expected files with
//! `OPEKA_BLESS=1 cargo test -p opeka-feed --test corpus` and review the diff.

#![allow(clippy::disallowed_methods, reason = "not in the wasm bundle: std's sort is fine here")]

mod common;

use std::fs;
use std::path::Path;

use common::{corpus, lines};

use opeka_feed::validate::{validate, Options};
use opeka_feed::Lang;

/// Compares a feed's lines with its sibling `.expected` file.
fn check(feed: &Path, actual: &str) -> Option<String> {
    common::check_expected(&feed.with_extension("expected"), &feed.display().to_string(), actual)
}

#[test]
fn valid_corpus_passes_with_expected_warnings() {
    let files = corpus("valid");
    assert!(files.len() >= 10, "valid corpus is too small");
    let mut failures = Vec::new();
    for file in files {
        let bytes = fs::read(&file).expect("read corpus file");
        match validate(&bytes, &Options::default()) {
            Ok(checked) => {
                assert!(checked.warnings.iter().all(|w| !w.is_error()));
                failures.extend(check(&file, &lines(&checked.warnings, checked.omitted, Lang::En)));
            }
            Err(rejected) => failures.push(format!("{}: rejected\n{rejected}", file.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn invalid_corpus_is_refused_with_expected_problems() {
    let files = corpus("invalid");
    assert!(files.len() >= 30, "invalid corpus is too small");
    let mut failures = Vec::new();
    for file in files {
        let bytes = fs::read(&file).expect("read corpus file");
        match validate(&bytes, &Options::default()) {
            Ok(_) => failures.push(format!("{}: accepted", file.display())),
            Err(rejected) => {
                if std::env::var_os("OPEKA_BLESS").is_none() && !file.with_extension("expected").exists() {
                    failures.push(format!("{}: no .expected file", file.display()));
                }
                assert!(rejected.errors().count() > 0);
                failures.extend(check(&file, &lines(&rejected.problems, rejected.omitted, Lang::En)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
