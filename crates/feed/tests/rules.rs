//! Rules that the corpus cannot show: limits, hostile nesting, languages,
//! and what a valid feed carries.

use opeka_feed::validate::{validate, validate_str, Options, ProblemMessage, Severity};
use opeka_feed::{Body, Lang, SourceUrl, Text};

const MINIMAL: &str = r#"{"opeka": 1, "kind": "caseload", "title": "t", "records": []}"#;

#[test]
fn size_limit_is_checked_before_parsing_and_names_both_sizes() {
    let options = Options { max_bytes: 10, ..Options::default() };
    // Not even JSON: had it been parsed, this would be a syntax error.
    let rejected = validate(b"{{{{{{{{{{{{{{{{{{{{", &options).expect_err("too large");
    assert_eq!(rejected.problems.len(), 1);
    assert_eq!(rejected.problems[0].to_string(), "(root): the feed's size in bytes is 20, more than the limit of 10; not parsed");
    assert_eq!(rejected.problems[0].to_string_in(Lang::Ru), "(root): размер фида в байтах — 20, больше предела в 10; не разбирался");
    // With digit groups, as the widget writes every number; no noun after
    // them, whose form would follow the size's last digits (22 байта).
    let big = ProblemMessage::TooLarge { size: 21_155_692, limit: 16_777_216 };
    assert_eq!(big.text(Lang::Ru), "размер фида в байтах — 21\u{a0}155\u{a0}692, больше предела в 16\u{a0}777\u{a0}216; не разбирался");
    assert_eq!(big.text(Lang::En), "the feed's size in bytes is 21,155,692, more than the limit of 16,777,216; not parsed");
    assert!(validate(MINIMAL.as_bytes(), &Options { max_bytes: MINIMAL.len(), ..Options::default() }).is_ok());
}

#[test]
fn default_limits() {
    assert_eq!(Options::default(), Options { max_bytes: 16 * 1024 * 1024, max_depth: 64 });
}

#[test]
fn hundred_thousand_open_brackets_are_refused_without_overflow() {
    for bytes in [vec![b'['; 100_000], "{\"a\":".repeat(100_000).into_bytes()] {
        let rejected = validate(&bytes, &Options::default()).expect_err("too deep");
        assert_eq!(rejected.problems.len(), 1);
        assert_eq!(rejected.problems[0].message, ProblemMessage::TooDeep { limit: 64 });
    }
    // A deep nest inside a string is only a string.
    let in_string = format!(r#"{{"opeka": 1, "kind": "caseload", "title": "{}", "records": []}}"#, "[".repeat(100_000));
    assert!(validate_str(&in_string, &Options::default()).is_ok());
}

#[test]
fn a_document_too_deep_is_refused_as_such_before_any_syntax_error() {
    let options = |max_depth| Options { max_depth, ..Options::default() };
    let message = |json: &str, max_depth| match validate(json.as_bytes(), &options(max_depth)) {
        Ok(_) => None,
        Err(rejected) => Some(rejected.problems[0].message.clone()),
    };
    let too_deep = |limit| Some(ProblemMessage::TooDeep { limit });
    // A syntax error before the deep part, or after it: too deep either way.
    assert_eq!(message(r#"{"a": x, "b": [[[[]]]]}"#, 3), too_deep(3));
    assert_eq!(message(r#"{"b": [[[[]]]], "a": x}"#, 3), too_deep(3));
    // Unclosed, and deep only in its brackets.
    assert_eq!(message("[[[[", 3), too_deep(3));
    // At the limit it is read (and then judged as a feed); one deeper is not.
    assert_ne!(message("[[[]]]", 3), too_deep(3));
    assert_eq!(message("[[[[]]]]", 3), too_deep(3));
    assert_eq!(message("[]", 0), too_deep(0));
    // Within the limit a syntax error is the syntax error.
    assert!(matches!(message(r#"{"a": x, "b": [[]]}"#, 3), Some(ProblemMessage::Syntax { .. })));
}

#[test]
fn a_higher_depth_limit_still_meets_the_parser_limit_without_overflow() {
    let options = Options { max_depth: usize::MAX, ..Options::default() };
    let rejected = validate(&vec![b'['; 100_000], &options).expect_err("too deep for the parser");
    assert!(matches!(rejected.problems[0].message, ProblemMessage::Syntax { .. }), "{rejected}");
}

#[test]
fn messages_in_russian() {
    let feed = r#"{"opeka": 1, "kind": "caseload", "title": "t",
        "records": [{"period": "2024", "unit": "novokuznetsk", "value": -5}]}"#;
    let rejected = validate_str(feed, &Options::default()).expect_err("invalid");
    let ru: Vec<String> = rejected.problems.iter().map(|p| p.to_string_in(Lang::Ru)).collect();
    assert_eq!(ru, ["records[0].unit: \"novokuznetsk\" не объявлен в units", "records[0].value: ожидается число ≥ 0, получено: -5",]);
    assert_eq!(rejected.problems[1].message(Lang::En), "must be a number ≥ 0, got -5");
    assert_eq!(rejected.problems[1].text(Lang::En), "records[0].value: must be a number ≥ 0, got -5");
}

#[test]
fn every_message_has_both_languages() {
    // Every corpus problem, in Russian, differs from English and is not empty.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/invalid");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("corpus") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let bytes = std::fs::read(&path).expect("read");
            if let Err(rejected) = validate(&bytes, &Options::default()) {
                for p in rejected.problems {
                    let (ru, en) = (p.message(Lang::Ru), p.message(Lang::En));
                    assert!(!ru.is_empty() && ru != en, "{}: {en}", path.display());
                    seen += 1;
                }
            }
        }
    }
    assert!(seen > 50);
}

#[test]
fn non_http_source_url_is_a_warning_and_kept_as_plain_text() {
    let feed = r#"{"opeka": 1, "kind": "caseload", "title": "t", "records": [],
        "source": {"url": "javascript:alert(1)"}}"#;
    let checked = validate_str(feed, &Options::default()).expect("valid with a warning");
    assert_eq!(checked.warnings.len(), 1);
    assert_eq!(checked.warnings[0].severity, Severity::Warning);
    assert_eq!(checked.feed.source.as_ref().and_then(|s| s.url.clone()), Some(SourceUrl::Plain("javascript:alert(1)".into())));

    let feed = feed.replace("javascript:alert(1)", "HTTPS://example.org");
    let checked = validate_str(&feed, &Options::default()).expect("valid");
    assert!(checked.warnings.is_empty());
    assert!(matches!(checked.feed.source.as_ref().and_then(|s| s.url.as_ref()), Some(SourceUrl::Link(_))));
}

#[test]
fn translations_keep_their_order_and_escapes() {
    let feed = r#"{"opeka": 1, "kind": "caseload", "title": {"en": "A \"q\"", "ru": "Б"}, "records": [],
        "locale": "en"}"#;
    let checked = validate_str(feed, &Options::default()).expect("valid");
    assert_eq!(checked.feed.title, Text::Translations(vec![("en".into(), "A \"q\"".into()), ("ru".into(), "Б".into())]));
    assert_eq!(checked.feed.locale, Lang::En);
}

#[test]
fn records_keep_optional_unit_and_category() {
    let feed = r#"{"opeka": 1, "kind": "caseload", "title": "t",
        "units": [{"id": "a", "label": "A"}],
        "records": [{"period": "2024-Q1", "unit": "a", "value": 1}, {"period": "2024-Q2", "value": null}]}"#;
    let checked = validate_str(feed, &Options::default()).expect("valid");
    let Body::Caseload(c) = &checked.feed.body else { panic!("caseload") };
    assert_eq!(c.records[0].unit.as_deref(), Some("a"));
    assert_eq!(c.records[1].unit, None);
    assert_eq!(c.records[1].category, None);
    assert_eq!(c.records[1].value, None);
}

#[test]
fn rejected_lists_warnings_too() {
    let feed = r#"{"opeka": 1, "kind": "caseload", "title": "t", "extra": 1, "records": [{"value": 1}]}"#;
    let rejected = validate_str(feed, &Options::default()).expect_err("invalid");
    let severities: Vec<Severity> = rejected.problems.iter().map(|p| p.severity).collect();
    assert_eq!(severities, [Severity::Warning, Severity::Error]);
    assert_eq!(rejected.errors().count(), 1);
}

#[test]
fn a_utf8_bom_is_skipped() {
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), MINIMAL.as_bytes()].concat();
    assert!(validate(&with_bom, &Options::default()).is_ok());
    // Only at the start: a BOM anywhere else is not whitespace.
    let inside = [b"{\xEF\xBB\xBF".as_slice(), &MINIMAL.as_bytes()[1..]].concat();
    assert!(validate(&inside, &Options::default()).is_err());
}

#[test]
fn an_html_page_is_named_as_such_not_as_a_syntax_error() {
    for page in ["<!doctype html><title>Login</title>", "\u{feff} \n\t<html>", "<h1>503 Service Unavailable</h1>"] {
        let rejected = validate(page.as_bytes(), &Options::default()).expect_err("not a feed");
        assert_eq!(rejected.problems.len(), 1);
        assert_eq!(rejected.problems[0].message, ProblemMessage::HtmlPage);
        assert_eq!(rejected.problems[0].to_string(), "(root): this is an HTML page, not a feed");
        assert_eq!(rejected.problems[0].to_string_in(Lang::Ru), "(root): это не лента данных, а HTML-страница");
    }
}

#[test]
fn a_million_empty_records_list_two_hundred_problems_and_count_the_rest() {
    let records = vec!["{}"; 1_000_000].join(",");
    let feed = format!(r#"{{"opeka": 1, "kind": "caseload", "title": "t", "records": [{records}]}}"#);
    let rejected = validate_str(&feed, &Options::default()).expect_err("invalid");
    assert_eq!(rejected.problems.len(), opeka_feed::validate::MAX_PROBLEMS);
    // Two errors per record (no period, no value), the first 200 listed.
    assert_eq!(rejected.problems[0].to_string(), "records[0].period: required field is missing");
    assert_eq!(rejected.omitted.errors, 2_000_000 - 200);
    assert_eq!(rejected.omitted.text(Lang::Ru).as_deref(), Some("и ещё 1\u{a0}999\u{a0}800"));
    assert_eq!(rejected.omitted.text(Lang::En).as_deref(), Some("and 1,999,800 more"));
    assert!(rejected.to_string().ends_with("and 1,999,800 more\n"));
}

#[test]
fn warnings_are_capped_too() {
    let fields: Vec<String> = (0..500).map(|i| format!(r#""x{i}": 1"#)).collect();
    let feed = format!(r#"{{"opeka": 1, "kind": "caseload", "title": "t", "records": [], {}}}"#, fields.join(","));
    let checked = validate_str(&feed, &Options::default()).expect("valid with warnings");
    assert_eq!(checked.warnings.len(), 200);
    assert_eq!(checked.omitted.warnings, 300);
    assert!(checked.warnings.iter().all(|w| w.severity == Severity::Warning));
}
