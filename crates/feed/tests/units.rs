//! Units that agree with their numbers: the one helper that writes a number
//! with a feed's unit, the heading form, and what the validator says about
//! units. U+00A0 is written `\u{a0}`.

use opeka_feed::locale::NumberStyle;
use opeka_feed::validate::{validate_str, Options, Problem, Severity};
use opeka_feed::{Body, Format, Lang, UnitWord, ValidFeed};

const RU: Lang = Lang::Ru;
const EN: Lang = Lang::En;
const FULL: NumberStyle = NumberStyle::Full;
const COMPACT: NumberStyle = NumberStyle::Compact;

/// A caseload feed whose measure has `unit` (JSON), in `locale`.
fn caseload(locale: &str, unit: &str) -> String {
    format!(
        r#"{{"opeka": 1, "kind": "caseload", "title": "t", "locale": "{locale}",
            "measure": {{"label": "m", "unit": {unit}}}, "records": []}}"#
    )
}

/// The feed and its warnings; panics with the problems if refused.
fn accepted(json: &str) -> (ValidFeed, Vec<Problem>) {
    match validate_str(json, &Options::default()) {
        Ok(checked) => (checked.feed, checked.warnings),
        Err(rejected) => panic!("refused:\n{rejected}"),
    }
}

/// Every problem of a refused feed, as `path: message` in `lang`.
fn refused(json: &str, lang: Lang) -> Vec<String> {
    match validate_str(json, &Options::default()) {
        Ok(_) => panic!("accepted: {json}"),
        Err(rejected) => rejected.problems.iter().map(|p| p.to_string_in(lang)).collect(),
    }
}

fn measure_unit(feed: &ValidFeed) -> &UnitWord {
    match &feed.body {
        Body::Caseload(c) => c.measure.unit.as_ref().expect("the measure has a unit"),
        _ => panic!("not a caseload"),
    }
}

const FAMILIES: &str = r#"{"ru": ["семья", "семьи", "семей"], "en": ["family", "families"]}"#;

#[test]
fn russian_forms_agree_with_every_number() {
    let (feed, warnings) = accepted(&caseload("ru", FAMILIES));
    assert!(warnings.is_empty(), "{warnings:?}");
    let unit = measure_unit(&feed);
    let cases: &[(f64, &str)] = &[
        (0.0, "0\u{a0}семей"),
        (1.0, "1\u{a0}семья"),
        (2.0, "2\u{a0}семьи"),
        (5.0, "5\u{a0}семей"),
        (11.0, "11\u{a0}семей"),
        (12.0, "12\u{a0}семей"),
        (14.0, "14\u{a0}семей"),
        (21.0, "21\u{a0}семья"),
        (22.0, "22\u{a0}семьи"),
        (25.0, "25\u{a0}семей"),
        (111.0, "111\u{a0}семей"),
        (1.5, "1,5\u{a0}семьи"),
        (1_000_000.0, "1\u{a0}000\u{a0}000\u{a0}семей"),
        (1_000_001.0, "1\u{a0}000\u{a0}001\u{a0}семья"),
        // The digits shown decide: 1,004 is written 1.
        (1.004, "1\u{a0}семья"),
        (-1.0, "\u{2212}1\u{a0}семья"),
    ];
    for &(n, want) in cases {
        assert_eq!(feed.value_with_unit(n, Format::Count, FULL, Some(unit), RU), want, "{n}");
    }
}

#[test]
fn english_forms_agree_with_every_number() {
    let (feed, _) = accepted(&caseload("ru", FAMILIES));
    let unit = measure_unit(&feed);
    let cases: &[(f64, &str)] = &[
        (1.0, "1\u{a0}family"),
        (0.0, "0\u{a0}families"),
        (1.5, "1.5\u{a0}families"),
        (2.0, "2\u{a0}families"),
        (21.0, "21\u{a0}families"),
        (1_000_001.0, "1,000,001\u{a0}families"),
    ];
    for &(n, want) in cases {
        assert_eq!(feed.value_with_unit(n, Format::Count, FULL, Some(unit), EN), want, "{n}");
    }
}

#[test]
fn people_agree_too() {
    let people = r#"{"ru": ["человек", "человека", "человек"], "en": ["person", "people"]}"#;
    let (feed, _) = accepted(&caseload("ru", people));
    let unit = measure_unit(&feed);
    assert_eq!(feed.value_with_unit(25_433.0, Format::Count, FULL, Some(unit), RU), "25\u{a0}433\u{a0}человека");
    assert_eq!(feed.value_with_unit(25_435.0, Format::Count, FULL, Some(unit), RU), "25\u{a0}435\u{a0}человек");
    assert_eq!(feed.value_with_unit(25_433.0, Format::Count, FULL, Some(unit), EN), "25,433\u{a0}people");
    assert_eq!(feed.unit_heading(unit, RU), "человек");
    assert_eq!(feed.unit_heading(unit, EN), "people");
}

#[test]
fn compact_numbers_and_signs_take_the_many_form() {
    let (feed, _) = accepted(&caseload("ru", FAMILIES));
    let unit = measure_unit(&feed);
    let cases: &[(f64, Format, NumberStyle, Lang, &str)] = &[
        (1_500_000.0, Format::Count, COMPACT, RU, "1,5\u{a0}млн\u{a0}семей"),
        (1_000_000.0, Format::Count, COMPACT, RU, "1\u{a0}млн\u{a0}семей"),
        (21_000.0, Format::Count, COMPACT, RU, "21\u{a0}тыс.\u{a0}семей"),
        (1_500_000.0, Format::Count, COMPACT, EN, "1.5M\u{a0}families"),
        (1_000_000.0, Format::Count, COMPACT, EN, "1M\u{a0}families"),
        // Below a thousand the compact number has no scale word: the digits decide.
        (21.0, Format::Count, COMPACT, RU, "21\u{a0}семья"),
        (1.25, Format::Count, COMPACT, RU, "1,25\u{a0}семьи"),
        (1.0, Format::Count, COMPACT, EN, "1\u{a0}family"),
        // «21 % семей»: the word hangs on процент.
        (21.0, Format::Percent, FULL, RU, "21\u{a0}%\u{a0}семей"),
        (1.0, Format::Percent, FULL, EN, "1%\u{a0}families"),
        // Index and ratio agree with their digits.
        (21.0, Format::Index, FULL, RU, "21\u{a0}семья"),
        (1.5, Format::Ratio, FULL, RU, "1,5\u{a0}семьи"),
    ];
    for &(n, format, style, lang, want) in cases {
        assert_eq!(feed.value_with_unit(n, format, style, Some(unit), lang), want, "{n} {format:?} {style:?} {lang}");
    }
}

#[test]
fn the_form_alone_matches_the_written_number() {
    let (feed, _) = accepted(&caseload("ru", FAMILIES));
    let unit = measure_unit(&feed);
    assert_eq!(feed.unit_form(unit, 22.0, Format::Count, FULL, RU), "семьи");
    assert_eq!(feed.unit_form(unit, 1.0, Format::Count, FULL, EN), "family");
    assert_eq!(feed.unit_form(unit, 1_000_000.0, Format::Count, COMPACT, RU), "семей");
    assert_eq!(feed.unit_form(unit, 1_001.0, Format::Count, FULL, RU), "семья");
    assert_eq!(feed.unit_form(unit, f64::NAN, Format::Count, FULL, RU), "семей");
    assert_eq!(feed.unit_heading(unit, RU), "семей");
    assert_eq!(feed.unit_heading(unit, EN), "families");
}

#[test]
fn no_unit_no_number_and_empty_units() {
    let (feed, _) = accepted(&caseload("ru", FAMILIES));
    let unit = measure_unit(&feed);
    assert_eq!(feed.value_with_unit(12_000.0, Format::Count, FULL, None, RU), "12\u{a0}000");
    assert_eq!(feed.value_with_unit(f64::NAN, Format::Count, FULL, Some(unit), RU), "—");
    assert_eq!(feed.value_with_unit(f64::INFINITY, Format::Count, COMPACT, Some(unit), EN), "—");
    let (feed, _) = accepted(&caseload("ru", r#""""#));
    assert_eq!(feed.value_with_unit(5.0, Format::Count, FULL, Some(measure_unit(&feed)), RU), "5");
}

#[test]
fn languages_fall_back_as_texts_do_and_keep_their_own_rule() {
    // Only Russian given: an English viewer reads the Russian word, agreeing by the Russian rule.
    let (feed, _) = accepted(&caseload("en", r#"{"ru": ["семья", "семьи", "семей"]}"#));
    let unit = measure_unit(&feed);
    assert_eq!(feed.value_with_unit(2.0, Format::Count, FULL, Some(unit), EN), "2\u{a0}семьи");
    // A bare list is in the feed's locale.
    let (feed, warnings) = accepted(&caseload("en", r#"["family", "families"]"#));
    assert!(warnings.is_empty(), "{warnings:?}");
    let unit = measure_unit(&feed);
    assert_eq!(feed.value_with_unit(1.0, Format::Count, FULL, Some(unit), RU), "1\u{a0}family");
    assert_eq!(feed.value_with_unit(3.0, Format::Count, FULL, Some(unit), RU), "3\u{a0}families");
    let (feed, _) = accepted(&caseload("ru", r#"["семья", "семьи", "семей"]"#));
    let unit = measure_unit(&feed);
    assert_eq!(feed.value_with_unit(21.0, Format::Count, FULL, Some(unit), RU), "21\u{a0}семья");
    // Region subtags take their language's rule.
    let (feed, warnings) = accepted(&caseload("ru", r#"{"ru-RU": ["семья", "семьи", "семей"]}"#));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(feed.value_with_unit(3.0, Format::Count, FULL, Some(measure_unit(&feed)), RU), "3\u{a0}семьи");
    // A language without a rule: its last form for every number.
    let (feed, warnings) = accepted(&caseload("ru", r#"{"de": ["Familie", "Familien"]}"#));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(feed.value_with_unit(1.0, Format::Count, FULL, Some(measure_unit(&feed)), RU), "1\u{a0}Familien");
}

#[test]
fn a_plain_string_is_used_as_given_with_a_warning() {
    let (feed, warnings) = accepted(&caseload("ru", r#"{"ru": "семей", "en": "families"}"#));
    let unit = measure_unit(&feed);
    assert_eq!(feed.value_with_unit(1.0, Format::Count, FULL, Some(unit), RU), "1\u{a0}семей");
    assert_eq!(feed.value_with_unit(1.0, Format::Count, FULL, Some(unit), EN), "1\u{a0}families");
    let lines: Vec<String> = warnings.iter().map(|w| w.to_string_in(EN)).collect();
    assert_eq!(
        lines,
        [
            r#"measure.unit.ru: one form given; give ["…", "…", "…"] so that numbers agree"#,
            r#"measure.unit.en: one form given; give ["…", "…"] so that numbers agree"#,
        ]
    );
    assert!(warnings.iter().all(|w| w.severity == Severity::Warning));
    assert_eq!(
        warnings[0].to_string_in(RU),
        r#"measure.unit.ru: указана одна форма; укажите ["…", "…", "…"], чтобы слово согласовалось с числами"#
    );
    // A plain string for the whole unit is in the feed's locale.
    let (_, warnings) = accepted(&caseload("ru", r#""семей""#));
    let lines: Vec<String> = warnings.iter().map(|w| w.to_string_in(EN)).collect();
    assert_eq!(lines, [r#"measure.unit: one form given; give ["…", "…", "…"] so that numbers agree"#]);
    let (_, warnings) = accepted(&caseload("en", r#""families""#));
    let lines: Vec<String> = warnings.iter().map(|w| w.to_string_in(EN)).collect();
    assert_eq!(lines, [r#"measure.unit: one form given; give ["…", "…"] so that numbers agree"#]);
    // No rule, no count to ask for: no warning.
    let (_, warnings) = accepted(&caseload("ru", r#"{"de": "Familien"}"#));
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn wrong_counts_are_errors_naming_path_and_count() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "ru",
            r#"{"ru": ["семья", "семей"], "en": ["family", "families"]}"#,
            r#"measure.unit.ru: a Russian word takes 3 forms (one, few, many), as ["семья", "семьи", "семей"]; got 2"#,
            r#"measure.unit.ru: для русского слова нужны 3 формы (одна, несколько, много), например ["семья", "семьи", "семей"]; получено: 2"#,
        ),
        (
            "ru",
            r#"{"ru": ["семья", "семьи", "семей"], "en": ["family", "families", "familys"]}"#,
            r#"measure.unit.en: an English word takes 2 forms (singular, plural), as ["family", "families"]; got 3"#,
            r#"measure.unit.en: для английского слова нужны 2 формы (единственное и множественное число), например ["family", "families"]; получено: 3"#,
        ),
        (
            "en",
            r#"["семья", "семьи", "семей"]"#,
            r#"measure.unit: an English word takes 2 forms (singular, plural), as ["family", "families"]; got 3"#,
            r#"measure.unit: для английского слова нужны 2 формы (единственное и множественное число), например ["family", "families"]; получено: 3"#,
        ),
        (
            "ru",
            r#"[]"#,
            r#"measure.unit: a Russian word takes 3 forms (one, few, many), as ["семья", "семьи", "семей"]; got 0"#,
            r#"measure.unit: для русского слова нужны 3 формы (одна, несколько, много), например ["семья", "семьи", "семей"]; получено: 0"#,
        ),
        (
            "ru",
            r#"{"de": []}"#,
            "measure.unit.de: the list of forms is empty: give at least one",
            "measure.unit.de: список форм пуст: нужна хотя бы одна",
        ),
        (
            "ru",
            r#"{"ru": ["семья", 2, "семей"]}"#,
            "measure.unit.ru[1]: must be a string, got 2",
            "measure.unit.ru[1]: ожидается строка, получено: 2",
        ),
        (
            "ru",
            r#"{"ru": {"one": "семья"}}"#,
            "measure.unit.ru: must be a string or a list of forms, got an object",
            "measure.unit.ru: ожидается строка или список форм, получено: объект",
        ),
        (
            "ru",
            "5",
            "measure.unit: must be a string, a list of forms or an object of them by language, got 5",
            "measure.unit: ожидается строка, список форм или объект из них по языкам, получено: 5",
        ),
        (
            "ru",
            "{}",
            "measure.unit: translation object is empty: at least one language is needed",
            "measure.unit: объект переводов пуст: нужен хотя бы один язык",
        ),
    ];
    for &(locale, unit, en, ru) in cases {
        let json = caseload(locale, unit);
        assert_eq!(refused(&json, EN), [en], "{unit}");
        assert_eq!(refused(&json, RU), [ru], "{unit}");
    }
}

#[test]
fn figures_and_indicators_take_units_too() {
    let json = r#"{"opeka": 1, "kind": "outcomes", "title": "t",
        "headline": [{"label": "l", "value": 3, "unit": {"en": ["family"]}}],
        "projects": [{"id": "p", "name": "n", "status": "active", "indicators": [
            {"id": "i", "label": "l", "direction": "increase", "unit": {"ru": "человек"}, "target": {"period": "2024", "value": 1}}
        ]}]}"#;
    let problems = match validate_str(json, &Options::default()) {
        Ok(_) => panic!("accepted"),
        Err(rejected) => rejected.problems,
    };
    let lines: Vec<String> = problems.iter().map(|p| format!("{p}")).collect();
    assert_eq!(
        lines,
        [
            r#"headline[0].unit.en: an English word takes 2 forms (singular, plural), as ["family", "families"]; got 1"#,
            r#"projects[0].indicators[0].unit.ru: one form given; give ["…", "…", "…"] so that numbers agree"#,
        ]
    );
    assert_eq!(problems[1].severity, Severity::Warning);
}
