//! Units that agree with their numbers («21 семья», «22 семьи», «25 семей»),
//! read from the chart's own text boxes, mark labels (the tooltips'
//! text), summary and table, in every place a number is written with its
//! unit, for ru and en.

mod common;

use common::feed_from_json;
use opeka_chart::{render, ChartRequest, Lang, Medium, PtSansMetrics, Scene, Shape, TextRole, Theme, View};

/// The numbers every place is checked with, and the words a reader expects after them.
const CASES: [(f64, &str, &str, &str, &str); 11] = [
    (0.0, "0", "семей", "0", "families"),
    (1.0, "1", "семья", "1", "family"),
    (2.0, "2", "семьи", "2", "families"),
    (5.0, "5", "семей", "5", "families"),
    (11.0, "11", "семей", "11", "families"),
    (21.0, "21", "семья", "21", "families"),
    (22.0, "22", "семьи", "22", "families"),
    (25.0, "25", "семей", "25", "families"),
    (111.0, "111", "семей", "111", "families"),
    (1.5, "1,5", "семьи", "1.5", "families"),
    (1_000_000.0, "1\u{a0}000\u{a0}000", "семей", "1,000,000", "families"),
];

const UNIT: &str = r#"{ "ru": ["семья", "семьи", "семей"], "en": ["family", "families"] }"#;

fn draw(json: &str, view: View, lang: Lang) -> Scene {
    let request = ChartRequest { view: Some(view), width: 960.0, height: None, medium: Medium::Screen, theme: Theme::Light, lang };
    render(&feed_from_json(json), &request, &PtSansMetrics)
}

/// What a reader sees for case `i` in `lang`: the number and the agreeing word.
fn expected(i: usize, lang: Lang) -> (String, &'static str) {
    let (_, ru_n, ru_w, en_n, en_w) = CASES[i];
    match lang {
        Lang::Ru => (ru_n.to_owned(), ru_w),
        Lang::En => (en_n.to_owned(), en_w),
    }
}

/// A caseload feed with one municipality per case, each serving `value` families in June 2024.
fn caseload() -> String {
    let units: Vec<String> = (0..CASES.len()).map(|i| format!(r#"{{ "id": "u{i}", "label": "Территория {i}" }}"#)).collect();
    let records: Vec<String> =
        CASES.iter().enumerate().map(|(i, c)| format!(r#"{{ "period": "2024-06", "unit": "u{i}", "value": {} }}"#, c.0)).collect();
    format!(
        r#"{{ "opeka": 1, "kind": "caseload", "title": "Семьи", "measure": {{ "label": {{ "ru": "Получатели", "en": "Served" }}, "unit": {UNIT} }},
            "units": [{}], "records": [{}] }}"#,
        units.join(","),
        records.join(",")
    )
}

#[test]
fn tooltips_agree() {
    // A mark's label is what its tooltip and the screen reader say.
    for lang in Lang::ALL {
        let scene = draw(&caseload(), View::Ranking, lang);
        for (i, _) in CASES.iter().enumerate() {
            let (number, word) = expected(i, lang);
            let mark = scene.marks.iter().find(|m| m.name == format!("Территория {i}")).unwrap_or_else(|| panic!("{i} has no mark"));
            assert!(mark.label.ends_with(&format!(": {number}\u{a0}{word}")), "{lang}: {:?}", mark.label);
            assert_eq!(mark.unit.as_deref(), Some(word), "{lang} {i}");
        }
    }
}

#[test]
fn tiles_agree() {
    let figures: Vec<String> = CASES
        .iter()
        .enumerate()
        .map(|(i, c)| format!(r#"{{ "label": {{ "ru": "Показатель {i}", "en": "Figure {i}" }}, "value": {}, "unit": {UNIT} }}"#, c.0))
        .collect();
    let json = format!(r#"{{ "opeka": 1, "kind": "caseload", "title": "Плитки", "headline": [{}], "records": [] }}"#, figures.join(","));
    for lang in Lang::ALL {
        let scene = draw(&json, View::Tiles, lang);
        assert_eq!(scene.marks.len(), CASES.len(), "{lang}");
        for (i, mark) in scene.marks.iter().enumerate() {
            let (number, word) = expected(i, lang);
            let (x, y, w, h) = mark.shape.bounds();
            let inside: Vec<&str> = scene
                .texts
                .iter()
                .filter(|t| t.x >= x && t.x + t.w <= x + w + 0.5 && t.y >= y && t.y + t.h <= y + h + 0.5)
                .map(|t| t.text.as_str())
                .collect();
            assert!(inside.contains(&number.as_str()), "{lang} {i}: {inside:?}");
            assert!(inside.contains(&word), "{lang} {i}: the tile's unit should be {word}: {inside:?}");
        }
    }
}

#[test]
fn value_labels_agree() {
    // Progress writes each indicator's values under its track: «Факт 2024: 21 семья».
    let indicators: Vec<String> = CASES
        .iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                r#"{{ "id": "i{i}", "label": "Показатель {i}", "direction": "increase", "unit": {UNIT}, "actual": [ {{ "period": "2024", "value": {} }} ] }}"#,
                c.0
            )
        })
        .collect();
    let json = format!(
        r#"{{ "opeka": 1, "kind": "outcomes", "title": "Итоги", "projects": [ {{ "id": "p", "name": "Проект", "status": "active", "indicators": [{}] }} ] }}"#,
        indicators.join(",")
    );
    for lang in Lang::ALL {
        let scene = draw(&json, View::Progress, lang);
        let values: Vec<&str> = scene.texts_of(TextRole::Value).map(|t| t.text.as_str()).collect();
        for i in 0..CASES.len() {
            let (number, word) = expected(i, lang);
            let want = format!(" 2024: {number}\u{a0}{word}");
            assert!(values.iter().any(|v| v.ends_with(&want)), "{lang} {i}: no value label ending {want:?} in {values:?}");
        }
    }
}

#[test]
fn summaries_agree() {
    for (i, c) in CASES.iter().enumerate() {
        let json = format!(
            r#"{{ "opeka": 1, "kind": "caseload", "title": "Семьи", "measure": {{ "unit": {UNIT} }},
                "records": [ {{ "period": "2024-05", "value": 3 }}, {{ "period": "2024-06", "value": {} }} ] }}"#,
            c.0
        );
        for lang in Lang::ALL {
            let (number, word) = expected(i, lang);
            let scene = draw(&json, View::Trend, lang);
            assert!(scene.summary.contains(&format!("{number}\u{a0}{word}")), "{lang} {i}: {}", scene.summary);
        }
    }
}

#[test]
fn headings_take_the_many_form_and_cells_stay_numbers() {
    for (lang, heading, many) in [(Lang::Ru, "Получатели, семей", "семей"), (Lang::En, "Served, families", "families")]
    {
        let scene = draw(&caseload(), View::Ranking, lang);
        assert!(scene.table.columns.iter().any(|c| c.starts_with(heading)), "{lang}: {:?}", scene.table.columns);
        assert!(scene.texts_of(TextRole::Axis).any(|t| t.text.starts_with(heading)), "{lang}: the axis title");
        // Cells hold the numbers alone, so that a spreadsheet reads them as numbers.
        for row in &scene.table.rows {
            assert!(!row[1].contains(many), "{lang}: {row:?}");
        }
        // Bars stay honest whatever the words.
        assert!(scene.marks.iter().filter(|m| m.value.is_some_and(|v| v > 0.0)).all(|m| matches!(m.shape, Shape::Bar { .. })));
    }
}
