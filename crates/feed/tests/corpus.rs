//! The feed corpus: `tests/corpus/valid/*.json` must pass and
//! `tests/corpus/invalid/*.json` must be refused, each with exactly the
//! `path: message` lines (English) of its sibling `*.expected` file
//! (warnings only, for a valid feed; no file means none).
//!
//! After a deliberate change of messages, regenerate the expected files with
//! `OPEKA_BLESS=1 cargo test -p opeka-feed --test corpus` and review the diff.

#![allow(clippy::disallowed_methods, reason = "not in the wasm bundle: std's sort is fine here")]

use std::fs;
use std::path::{Path, PathBuf};

use opeka_feed::validate::{validate, Omitted, Options, Problem};
use opeka_feed::Lang;

fn corpus(sub: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus").join(sub);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn lines(problems: &[Problem], omitted: Omitted) -> String {
    let mut text: String = problems.iter().map(|p| format!("{p}\n")).collect();
    if let Some(more) = omitted.text(Lang::En) {
        text.push_str(&more);
        text.push('\n');
    }
    text
}

/// Compares with (or, blessing, writes) the expected file; returns a failure description.
fn check_expected(feed: &Path, actual: &str) -> Option<String> {
    let expected_path = feed.with_extension("expected");
    if std::env::var_os("OPEKA_BLESS").is_some() {
        if actual.is_empty() {
            let _ = fs::remove_file(&expected_path);
        } else {
            fs::write(&expected_path, actual).expect("write expected file");
        }
        return None;
    }
    let expected = fs::read_to_string(&expected_path).unwrap_or_default();
    (expected != actual).then(|| format!("{}:\n--- expected\n{expected}--- actual\n{actual}", feed.display()))
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
                failures.extend(check_expected(&file, &lines(&checked.warnings, checked.omitted)));
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
                failures.extend(check_expected(&file, &lines(&rejected.problems, rejected.omitted)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
