//! The validator's JSON reader against serde_json, which it replaced: on any
//! bytes, a document serde_json refuses must be refused with the same words,
//! line and column (the first problem), and one it reads must make no syntax
//! problem. serde_json here has its default features, as the wasm bundle had.
//! The trees themselves are compared by `opeka-feed`'s `json_diff_tests`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opeka_feed::validate::{looks_like_html, validate, Options, ProblemMessage};

fuzz_target!(|data: &[u8]| {
    if looks_like_html(data) {
        return;
    }
    let bytes = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    // No size limit, and a depth limit past serde_json's 128, so that both
    // readers meet the same documents and the same recursion limit.
    let options = Options { max_bytes: usize::MAX, max_depth: 1_000 };
    let ours = validate(data, &options);
    let first = ours.as_ref().err().and_then(|r| r.problems.first()).map(|p| &p.message);
    match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(_) => assert!(
            !matches!(first, Some(ProblemMessage::Syntax { .. } | ProblemMessage::NotFinite { .. })),
            "serde_json reads it, we said {first:?}"
        ),
        Err(e) => {
            let full = e.to_string();
            let detail = full.rfind(" at line ").map_or(full.as_str(), |cut| &full[..cut]);
            match first {
                Some(ProblemMessage::NotFinite { line, column }) if detail == "number out of range" => {
                    assert_eq!((*line, *column), (e.line(), e.column()));
                }
                Some(ProblemMessage::Syntax { line, column, detail: code }) => {
                    assert_eq!((*line, *column, code.text()), (e.line(), e.column(), detail));
                }
                other => panic!("serde_json says {full}, we said {other:?}"),
            }
        }
    }
});
