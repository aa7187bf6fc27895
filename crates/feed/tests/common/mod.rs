//! What the corpus tests of feeds and decks share: listing a corpus folder,
//! writing problems as lines, and comparing them with (or, with
//! `OPEKA_BLESS=1`, writing) the expected file.

#![allow(dead_code, clippy::disallowed_methods, reason = "each test binary uses what it needs; std's sort is fine outside the bundle")]

use std::fs;
use std::path::{Path, PathBuf};

use opeka_feed::validate::{Omitted, Problem};
use opeka_feed::Lang;

/// The `*.json` files of `tests/corpus/<sub>`, in name order.
pub fn corpus(sub: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus").join(sub);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// `path: message` lines in `lang`, then `and N more` past the cap.
pub fn lines(problems: &[Problem], omitted: Omitted, lang: Lang) -> String {
    let mut text: String = problems.iter().map(|p| format!("{}\n", p.to_string_in(lang))).collect();
    if let Some(more) = omitted.text(lang) {
        text.push_str(&more);
        text.push('\n');
    }
    text
}

/// Compares `actual` with the file at `expected` (or, blessing, writes it;
/// an empty text removes it); returns a failure description naming `what`.
pub fn check_expected(expected: &Path, what: &str, actual: &str) -> Option<String> {
    if std::env::var_os("OPEKA_BLESS").is_some() {
        if actual.is_empty() {
            let _ = fs::remove_file(expected);
        } else {
            fs::write(expected, actual).expect("write expected file");
        }
        return None;
    }
    let wanted = fs::read_to_string(expected).unwrap_or_default();
    (wanted != actual).then(|| format!("{what}:\n--- expected\n{wanted}--- actual\n{actual}"))
}
