//! Arbitrary bytes into the validator: it must return, never panic or
//! overflow; and where the worker's quick path answers, it answers as the
//! validator does, whether it read the bytes whole or as they came (the
//! worker's streamed bodies), in chunks whose lengths the first byte sets;
//! and any bytes taken as the worker's packed answer (`validate::packed`)
//! unpack, or are refused, without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opeka_feed::validate::{
    packed, read_caseload_quickly, validate, validate_caseload_quickly, validate_locating, Options, StreamedCaseload,
};
use opeka_feed::Lang;

/// A caseload with two units and two categories, for packed records to name.
const PACKED_DOC: &str = r#"{"opeka":1,"kind":"caseload","title":"t","units":[{"id":"u","label":"U"},{"id":"w","label":"W"}],"categories":[{"id":"a","label":"A"},{"id":"b","label":"B"}],"records":[]}"#;

fuzz_target!(|data: &[u8]| {
    if let Ok(checked) = validate(PACKED_DOC.as_bytes(), &Options::default()) {
        let records = packed::unpack(data).map_or(data, |(_, records)| records);
        let _ = checked.with_packed_records(records);
    }
    // Small limits too, so the size and depth checks meet their edges.
    for options in [Options::default(), Options { max_bytes: 256, max_depth: 3 }] {
        if let Some((checked, span)) = validate_caseload_quickly(data, &options) {
            let (full, full_span) = validate_locating(data, &options, "records");
            assert_eq!(full.ok().as_ref(), Some(&checked));
            assert_eq!(full_span, Some(span));
        }
        let chunk = usize::from(data.first().copied().unwrap_or(0) % 64) + 1;
        let mut streamed = StreamedCaseload::with_room(data.len());
        for end in (chunk..data.len()).step_by(chunk).chain([data.len()]) {
            streamed.read(&data[..end]);
        }
        let (whole, streamed) = (read_caseload_quickly(data, &options), streamed.finish(data, &options));
        assert_eq!(whole.as_ref().map(|q| (&q.checked, &q.records, &q.span)), streamed.as_ref().map(|q| (&q.checked, &q.records, &q.span)));
        match validate(data, &options) {
            Ok(checked) => {
                for w in &checked.warnings {
                    let _ = w.to_string_in(Lang::Ru);
                }
            }
            Err(rejected) => {
                assert!(!rejected.problems.is_empty());
                for p in &rejected.problems {
                    let _ = (p.to_string(), p.to_string_in(Lang::Ru));
                }
            }
        }
    }
});
