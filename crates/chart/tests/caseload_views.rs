//! The caseload bar views — `ranking`, `composition`, `per-capita` — on the
//! sample feeds: golden SVGs, what a viewer sees, geometry invariants over a
//! sweep of widths, nulls, many units and hostile labels.
//!
//! Regenerate the golden files after an intended change with
//! `OPEKA_BLESS=1 cargo test -p opeka-chart` and review them before committing.

mod common;

use common::{check_snapshot, feed_from_json, geometry_problems, sample_feed, svg_texts};
use opeka_chart::{render, ChartRequest, Lang, Medium, PtSansMetrics, Scene, Shape, Theme, View};
use opeka_feed::ValidFeed;

const VIEWS: [View; 3] = [View::Ranking, View::Composition, View::PerCapita];

fn draw(feed: &ValidFeed, view: View, width: f64, lang: Lang) -> Scene {
    let request = ChartRequest { view: Some(view), width, height: None, medium: Medium::Screen, theme: Theme::Light, lang };
    render(feed, &request, &PtSansMetrics)
}

fn view_name(view: View) -> &'static str {
    match view {
        View::Ranking => "ranking",
        View::Composition => "composition",
        View::PerCapita => "per-capita",
        _ => "other",
    }
}

/// The left edge, top, width and height of a mark.
fn rect(chart: &Scene, i: usize) -> (f64, f64, f64, f64) {
    chart.marks[i].shape.bounds()
}

/// Whether `s` is a whole number grouped by no-break spaces: `2 505`, `32 036`.
fn is_grouped_ru_number(s: &str) -> bool {
    let groups: Vec<&str> = s.split('\u{a0}').collect();
    groups.iter().all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()))
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
}

#[test]
fn golden_svgs() {
    let caseload = sample_feed("kuzbass-caseload");
    for view in VIEWS {
        for lang in Lang::ALL {
            let chart = draw(&caseload, view, 800.0, lang);
            check_snapshot(&format!("kuzbass-caseload.{}.{lang}.800.svg", view_name(view)), &chart.to_svg());
        }
    }
    let families = sample_feed("kuzbass-accident-families");
    for lang in Lang::ALL {
        let chart = draw(&families, View::Composition, 800.0, lang);
        check_snapshot(&format!("kuzbass-accident-families.composition.{lang}.800.svg"), &chart.to_svg());
    }
}

#[test]
fn ranking_shows_one_bar_per_unit_largest_first() {
    let chart = draw(&sample_feed("kuzbass-caseload"), View::Ranking, 800.0, Lang::Ru);
    assert_eq!(chart.view, View::Ranking);
    let texts = svg_texts(&chart.to_svg());
    assert!(chart.to_svg().contains("<title>Получатели социальных услуг в Кузбассе</title>"));
    assert!(texts.iter().any(|t| t == "Получатели социальных услуг в Кузбассе"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Получатели услуг, человек, июнь\u{a0}2018"), "{texts:?}");
    // Ten municipalities, ten bars, longest first.
    assert_eq!(chart.marks.len(), 10);
    assert!(chart.marks.iter().all(|m| matches!(m.shape, Shape::Rect { .. } | Shape::Bar { .. })));
    let widths: Vec<f64> = (0..10).map(|i| rect(&chart, i).2).collect();
    assert!(widths.windows(2).all(|w| w[0] >= w[1]), "{widths:?}");
    let tops: Vec<f64> = (0..10).map(|i| rect(&chart, i).1).collect();
    assert!(tops.windows(2).all(|w| w[0] < w[1]), "top to bottom: {tops:?}");
    // Novokuznetsk leads in June 2018: 16 600 + 5 840 + 2 193 + 7 403.
    assert_eq!(chart.marks[0].label, "Новокузнецк, июнь\u{a0}2018: 32\u{a0}036\u{a0}человек");
    assert!(chart.marks[9].label.starts_with("Осинники, июнь\u{a0}2018: 2\u{a0}505"), "{}", chart.marks[9].label);
    for unit in ["Новокузнецк", "Кемерово", "Ленинск-Кузнецкий", "Анжеро-Судженск", "Осинники"]
    {
        assert!(texts.iter().any(|t| t == unit), "{unit} not labelled: {texts:?}");
    }
    // Value labels at the bar ends, in Russian digits.
    assert!(texts.iter().any(|t| t == "32\u{a0}036"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "2\u{a0}505"), "{texts:?}");
    let numbers: Vec<&String> = texts.iter().filter(|t| t.starts_with(|c: char| c.is_ascii_digit()) && !t.contains("г.")).collect();
    assert!(numbers.iter().all(|t| is_grouped_ru_number(t)), "{numbers:?}");
    // Each value label sits just right of its bar.
    let (x, _, w, _) = rect(&chart, 0);
    let label = chart.texts.iter().find(|t| t.text == "32\u{a0}036").expect("the top value label");
    assert!(label.x >= x + w && label.x <= x + w + 10.0, "{label:?} after bar ending at {}", x + w);
    // Table and summary.
    assert_eq!(chart.table.columns, vec!["Территория", "Получатели услуг, человек, июнь\u{a0}2018"]);
    assert_eq!(chart.table.rows.len(), 10);
    assert_eq!(chart.table.rows[0], vec!["Новокузнецк", "32\u{a0}036"]);
    assert!(chart.summary.contains("Столбчатая диаграмма: 10\u{a0}территорий, июнь\u{a0}2018"), "{}", chart.summary);
    assert!(chart.summary.contains("Больше всего — Новокузнецк: 32\u{a0}036\u{a0}человек"), "{}", chart.summary);
    assert!(chart.summary.contains("меньше всего — Осинники"), "{}", chart.summary);
    assert!(chart.summary.contains("Всего: "), "{}", chart.summary);
}

#[test]
fn english_ranking_uses_english_words_and_numbers() {
    let chart = draw(&sample_feed("kuzbass-caseload"), View::Ranking, 800.0, Lang::En);
    let texts = svg_texts(&chart.to_svg());
    assert!(texts.iter().any(|t| t == "32,036"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Novokuznetsk"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Service recipients, people, Jun\u{a0}2018"), "{texts:?}");
    assert_eq!(chart.marks[0].label, "Novokuznetsk, Jun\u{a0}2018: 32,036\u{a0}people");
    assert!(chart.summary.contains("Bar chart: 10\u{a0}areas"), "{}", chart.summary);
    assert!(chart.summary.contains("Highest — Novokuznetsk"), "{}", chart.summary);
}

#[test]
fn per_capita_divides_by_population() {
    let chart = draw(&sample_feed("kuzbass-caseload"), View::PerCapita, 800.0, Lang::Ru);
    let texts = svg_texts(&chart.to_svg());
    assert!(texts.iter().any(|t| t == "Получатели услуг на 1\u{a0}000 жителей, июнь\u{a0}2018"), "{texts:?}");
    assert_eq!(chart.marks.len(), 10);
    let widths: Vec<f64> = (0..10).map(|i| rect(&chart, i).2).collect();
    assert!(widths.windows(2).all(|w| w[0] >= w[1]), "{widths:?}");
    // Novokuznetsk: 32 036 / 550 000 × 1 000 = 58,2.
    let novokuznetsk = chart.marks.iter().find(|m| m.label.starts_with("Новокузнецк")).expect("a Novokuznetsk bar");
    assert_eq!(novokuznetsk.label, "Новокузнецк, июнь\u{a0}2018: 58,2 на 1\u{a0}000 жителей (32\u{a0}036\u{a0}человек)");
    assert!(texts.iter().any(|t| t == "58,2"), "{texts:?}");
    assert_eq!(chart.table.columns, vec!["Территория", "Население", "Получатели услуг, человек, июнь\u{a0}2018", "На 1\u{a0}000 жителей"]);
    assert!(chart.table.rows.iter().any(|r| r == &["Новокузнецк", "550\u{a0}000", "32\u{a0}036", "58,2"]), "{:?}", chart.table.rows);
    assert!(chart.summary.contains("Столбчатая диаграмма, на 1\u{a0}000 жителей: 10\u{a0}территорий"), "{}", chart.summary);

    let en = draw(&sample_feed("kuzbass-caseload"), View::PerCapita, 800.0, Lang::En);
    assert!(
        svg_texts(&en.to_svg()).iter().any(|t| t == "Service recipients per 1,000 residents, Jun\u{a0}2018"),
        "{:?}",
        svg_texts(&en.to_svg())
    );
}

const NULLS: &str = r#"{ "opeka": 1, "kind": "caseload", "title": "Семьи по территориям",
  "measure": { "label": "Семьи", "unit": "семей" },
  "units": [ { "id": "a", "label": "Анжеро-Судженск", "population": 72000 },
             { "id": "b", "label": "Белово" },
             { "id": "c", "label": "Кемерово", "population": 556000 },
             { "id": "d", "label": "Юрга", "population": 81000 } ],
  "categories": [ { "id": "x", "label": "Дети" }, { "id": "y", "label": "Пожилые" } ],
  "records": [
    { "period": "2024-Q1", "unit": "a", "category": "x", "value": 120 },
    { "period": "2024-Q2", "unit": "a", "category": "x", "value": 150 },
    { "period": "2024-Q2", "unit": "a", "category": "y", "value": 30 },
    { "period": "2024-Q2", "unit": "b", "category": "x", "value": 400 },
    { "period": "2024-Q2", "unit": "c", "category": "x", "value": 12000 },
    { "period": "2024-Q2", "unit": "c", "category": "y", "value": null },
    { "period": "2024-Q2", "unit": "d", "category": "x", "value": null },
    { "period": "2024-Q2", "category": "x", "value": 99999 } ] }"#;

#[test]
fn nulls_are_written_not_drawn_as_zero() {
    let feed = feed_from_json(NULLS);
    let chart = draw(&feed, View::Ranking, 640.0, Lang::Ru);
    // Records without a unit are left out; Юрга reported only null.
    assert_eq!(chart.marks.len(), 4);
    let labels: Vec<&str> = chart.marks.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels[0], "Кемерово, II\u{a0}кв.\u{a0}2024: 12\u{a0}000\u{a0}семей (данные неполные)");
    assert_eq!(labels[3], "Юрга, II\u{a0}кв.\u{a0}2024: нет данных");
    let texts = svg_texts(&chart.to_svg());
    assert!(texts.iter().any(|t| t == "нет данных"), "{texts:?}");
    assert!(!texts.iter().any(|t| t == "99\u{a0}999"), "the whole is not a unit");
    assert_eq!(chart.table.rows[3], vec!["Юрга", "нет данных"]);
    // The null's mark covers its words, not a zero bar.
    let words = chart.texts.iter().find(|t| t.text == "нет данных").expect("drawn");
    assert_eq!(rect(&chart, 3), (words.x, words.y, words.w, words.h));
    assert!(chart.summary.contains("Нет данных: Юрга"), "{}", chart.summary);
    assert!(geometry_problems(&chart).is_empty(), "{:?}", geometry_problems(&chart));

    // Per capita: Белово has no population: no bar, a note, the table says so.
    let chart = draw(&feed, View::PerCapita, 640.0, Lang::Ru);
    assert_eq!(chart.marks.len(), 3);
    assert!(chart.marks.iter().all(|m| !m.label.starts_with("Белово")));
    let texts = svg_texts(&chart.to_svg());
    assert!(texts.iter().any(|t| t == "Нет данных о населении: Белово."), "{texts:?}");
    let belovo = chart.table.rows.iter().find(|r| r[0] == "Белово").expect("listed in the table");
    assert_eq!(belovo, &["Белово", "нет данных о населении", "400", "нет данных о населении"]);
    assert!(chart.summary.contains("Нет данных о населении: Белово."), "{}", chart.summary);
    let en = draw(&feed, View::PerCapita, 640.0, Lang::En);
    assert!(en.table.rows.iter().any(|r| r[3] == "no population"), "{:?}", en.table.rows);

    // Composition: the null category is left out of Kemerovo's stack.
    let chart = draw(&feed, View::Composition, 640.0, Lang::Ru);
    assert_eq!(chart.marks.len(), 5, "{:?}", chart.marks.iter().map(|m| &m.label).collect::<Vec<_>>());
    assert!(chart.marks.iter().any(|m| m.label == "Анжеро-Судженск, II\u{a0}кв.\u{a0}2024, Пожилые: 30\u{a0}семей"));
    assert_eq!(chart.table.columns, vec!["Территория", "Дети", "Пожилые", "Всего"]);
    assert_eq!(chart.table.rows[0], vec!["Кемерово", "12\u{a0}000", "нет данных", "12\u{a0}000"]);
    assert!(geometry_problems(&chart).is_empty(), "{:?}", geometry_problems(&chart));
}

#[test]
fn composition_stacks_categories_by_unit_with_a_legend() {
    let chart = draw(&sample_feed("kuzbass-caseload"), View::Composition, 800.0, Lang::Ru);
    let texts = svg_texts(&chart.to_svg());
    for category in
        ["Социальное обслуживание на дому", "Полустационарное обслуживание", "Стационарное обслуживание", "Срочное социальное обслуживание"]
    {
        assert!(texts.iter().any(|t| t == category), "legend lacks {category}: {texts:?}");
    }
    // 10 units × 4 categories, stacked left to right without gaps or overlap.
    assert_eq!(chart.marks.len(), 40);
    for bar in chart.marks.chunks(4) {
        let unit = bar[0].label.split(',').next().unwrap_or_default();
        assert!(bar.iter().all(|m| m.label.starts_with(unit)), "{bar:?}");
        for pair in bar.windows(2) {
            let (a, b) = (pair[0].shape.bounds(), pair[1].shape.bounds());
            assert!((a.0 + a.2 - b.0).abs() < 0.01 && a.1 == b.1, "{pair:?}");
        }
    }
    assert_eq!(chart.marks[0].label, "Новокузнецк, июнь\u{a0}2018, Социальное обслуживание на дому: 16\u{a0}600\u{a0}человек");
    assert_eq!(chart.marks[0].series, "Социальное обслуживание на дому");
    // Segment values where they fit, totals at the ends.
    assert!(texts.iter().any(|t| t == "16\u{a0}600"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "32\u{a0}036"), "{texts:?}");
    // Markers in the legend and the segments: not colour alone.
    assert!(chart.to_svg().matches("<polygon").count() >= 3 * 10, "markers knocked out of the segments");
    assert_eq!(chart.table.columns.len(), 6);
    assert_eq!(chart.table.rows[0][0], "Новокузнецк");
    assert_eq!(chart.table.rows[0][5], "32\u{a0}036");
    assert!(chart.summary.contains("Диаграмма с накоплением: 10\u{a0}территорий, июнь\u{a0}2018, 4\u{a0}категории"), "{}", chart.summary);
    assert!(chart.summary.contains("Крупнейшая категория (июнь\u{a0}2018) — Социальное обслуживание на дому"), "{}", chart.summary);
}

#[test]
fn composition_without_units_stacks_by_period() {
    let chart = draw(&sample_feed("kuzbass-accident-families"), View::Composition, 800.0, Lang::Ru);
    // 12 quarters × 6 categories, earliest at the top.
    assert_eq!(chart.marks.len(), 72);
    assert!(chart.marks[0].label.starts_with("I\u{a0}кв.\u{a0}2019, Психологическая помощь: 17\u{a0}семей"), "{}", chart.marks[0].label);
    assert!(chart.marks[71].label.starts_with("IV\u{a0}кв.\u{a0}2021, "), "{}", chart.marks[71].label);
    assert_eq!(chart.table.rows.len(), 12);
    assert_eq!(chart.table.columns[0], "Период");
    let texts = svg_texts(&chart.to_svg());
    assert!(texts.iter().any(|t| t == "I\u{a0}кв.\u{a0}2019"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Семьи, получившие помощь, семей"), "{texts:?}");
    assert!(
        chart.summary.contains("12\u{a0}периодов (I\u{a0}кв.\u{a0}2019 — IV\u{a0}кв.\u{a0}2021), 6\u{a0}категорий"),
        "{}",
        chart.summary
    );
    // The feed's own view is composition.
    let own = render(&sample_feed("kuzbass-accident-families"), &ChartRequest::new(800.0, Lang::Ru), &PtSansMetrics);
    assert_eq!(own.view, View::Composition);
}

#[test]
fn ranking_without_units_ranks_categories() {
    let chart = draw(&sample_feed("kuzbass-accident-families"), View::Ranking, 640.0, Lang::En);
    assert_eq!(chart.marks.len(), 6);
    assert_eq!(chart.table.columns[0], "Category");
    let widths: Vec<f64> = (0..6).map(|i| rect(&chart, i).2).collect();
    assert!(widths.windows(2).all(|w| w[0] >= w[1]), "{widths:?}");
    // No units, no population: the per-capita view says so.
    let chart = draw(&sample_feed("kuzbass-accident-families"), View::PerCapita, 640.0, Lang::Ru);
    assert!(chart.marks.is_empty());
    assert!(svg_texts(&chart.to_svg()).iter().any(|t| t == "Нет данных о населении"), "{:?}", svg_texts(&chart.to_svg()));
}

#[test]
fn geometry_holds_at_every_width_theme_and_language() {
    let feeds = [sample_feed("kuzbass-caseload"), sample_feed("kuzbass-accident-families"), feed_from_json(NULLS)];
    for feed in &feeds {
        for view in VIEWS {
            for width in [320.0, 480.0, 640.0, 800.0, 1280.0, 1920.0] {
                for lang in Lang::ALL {
                    for theme in Theme::ALL {
                        let request = ChartRequest { view: Some(view), width, height: None, medium: Medium::Screen, theme, lang };
                        let chart = render(feed, &request, &PtSansMetrics);
                        let problems = geometry_problems(&chart);
                        assert!(
                            problems.is_empty(),
                            "{} {view:?} {width} {lang} {theme}:\n{}",
                            feed.title.get(lang, feed.locale),
                            problems.join("\n")
                        );
                        assert!(chart.height >= opeka_chart::default_height(view, width));
                        assert!(chart.marks.iter().all(|m| matches!(m.shape, Shape::Rect { .. } | Shape::Bar { .. })));
                        // Every row is labelled: no row label was dropped for want of room.
                        let labels = chart.table.rows.iter().filter(|r| chart.marks.iter().any(|m| m.label.starts_with(&r[0]))).count();
                        assert!(labels > 0 || chart.marks.is_empty());
                    }
                }
            }
        }
    }
}

fn many_units(n: usize) -> String {
    let units: Vec<String> = (0..n)
        .map(|i| {
            format!(r#"{{ "id": "u{i}", "label": "Муниципальный округ № {i} с длинным названием", "population": {} }}"#, 10_000 + i * 1000)
        })
        .collect();
    let records: Vec<String> = (0..n)
        .flat_map(|i| {
            [("a", 100 + i * 37 % 500), ("b", 50 + i * 13 % 200)]
                .map(|(c, v)| format!(r#"{{ "period": "2024", "unit": "u{i}", "category": "{c}", "value": {v} }}"#))
        })
        .collect();
    format!(
        r#"{{ "opeka": 1, "kind": "caseload", "title": "Много территорий",
            "categories": [ {{ "id": "a", "label": "На дому" }}, {{ "id": "b", "label": "Стационар" }} ],
            "units": [{}], "records": [{}] }}"#,
        units.join(","),
        records.join(",")
    )
}

#[test]
fn many_units_grow_the_chart_and_every_bar_is_labelled() {
    let feed = feed_from_json(&many_units(30));
    for view in VIEWS {
        for width in [320.0, 800.0] {
            let chart = draw(&feed, view, width, Lang::Ru);
            let bars = chart.table.rows.len();
            assert_eq!(bars, 30);
            assert!(chart.height > 30.0 * 20.0, "{view:?} {width}: {}", chart.height);
            assert!(geometry_problems(&chart).is_empty(), "{view:?} {width}: {:?}", geometry_problems(&chart));
            // Every unit's label (or its first line) is on the canvas.
            let texts = svg_texts(&chart.to_svg());
            let row_labels = texts.iter().filter(|t| t.starts_with("Муниципальный") || t.starts_with("Муници")).count();
            assert_eq!(row_labels, 30, "{view:?} {width}: {texts:?}");
            // Bars do not overlap each other vertically.
            let mut tops: Vec<(f64, f64)> = chart.marks.iter().map(|m| m.shape.bounds()).map(|(_, y, _, h)| (y, h)).collect();
            tops.dedup();
            assert!(tops.windows(2).all(|w| w[0].0 + w[0].1 <= w[1].0 + 0.01), "{view:?} {width}");
        }
    }
}

#[test]
fn explicit_small_heights_keep_everything_on_the_canvas() {
    let feed = sample_feed("kuzbass-caseload");
    for view in VIEWS {
        for height in [120.0, 200.0, 300.0] {
            let request = ChartRequest {
                view: Some(view),
                width: 480.0,
                height: Some(height),
                medium: Medium::Screen,
                theme: Theme::Light,
                lang: Lang::Ru,
            };
            let chart = render(&feed, &request, &PtSansMetrics);
            // Too small for a line per municipality, the chart grows rather than drop names.
            assert!(chart.height >= height, "{view:?} {height}: {}", chart.height);
            assert!(chart.height <= 480.0, "{view:?} {height}: {}", chart.height);
            let problems = geometry_problems(&chart);
            assert!(problems.is_empty(), "{view:?} {height}:\n{}", problems.join("\n"));
        }
    }
}

const HOSTILE: &str = r#"{
  "opeka": 1, "kind": "caseload",
  "title": "<script>alert(1)</script> & \"quotes\"",
  "subtitle": "\u200fمرحبا\u202e RTL override \u2066isolate\u2069",
  "measure": { "label": "=HYPERLINK(\"x\")", "unit": "<i>people</i>" },
  "units": [
    { "id": "a", "label": "<img src=x onerror=alert(4)>", "population": 1000 },
    { "id": "b", "label": "ЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫ", "population": 0 },
    { "id": "c", "label": "\"quoted\" & 'apos' \u200f\u05e9\u05dc\u05d5\u05dd очень длинное название территории из многих слов подряд", "population": 5 },
    { "id": "d-blank", "label": "   \n\t  " }
  ],
  "categories": [
    { "id": "x", "label": "</text><script>alert(2)</script>" },
    { "id": "y", "label": "&amp; &lt; ]]> <!-- -->" }
  ],
  "records": [
    { "period": "2024-01", "unit": "a", "category": "x", "value": 10 },
    { "period": "2024-01", "unit": "a", "category": "y", "value": 1e15 },
    { "period": "2024-01", "unit": "b", "category": "x", "value": 0 },
    { "period": "2024-01", "unit": "c", "category": "y", "value": 0.001 },
    { "period": "2024-01", "unit": "d-blank", "category": "x", "value": null }
  ]
}"#;

#[test]
fn hostile_labels_are_escaped_and_stay_on_the_canvas() {
    let feed = feed_from_json(HOSTILE);
    for view in VIEWS {
        for width in [320.0, 800.0, 1920.0] {
            for lang in Lang::ALL {
                let request = ChartRequest { view: Some(view), width, height: None, medium: Medium::Screen, theme: Theme::Contrast, lang };
                let chart = render(&feed, &request, &PtSansMetrics);
                for needle in ["<script", "<img", "<i>", "<!--", "]]>", "</text><"] {
                    assert!(!chart.to_svg().contains(needle), "{needle} in the {view:?} SVG at {width}");
                }
                assert!(
                    !chart.to_svg().contains('\u{202e}') && !chart.to_svg().contains('\u{2066}'),
                    "bidi overrides must not reach the SVG"
                );
                let problems = geometry_problems(&chart);
                assert!(problems.is_empty(), "{view:?} {width} {lang}:\n{}", problems.join("\n"));
                assert!(chart.marks.iter().all(|m| m.shape.bounds().2.is_finite() && m.shape.bounds().2 >= 0.0));
                // The table keeps the long label whole; the canvas shows it cut.
                if view != View::PerCapita {
                    let long = chart.table.rows.iter().find(|r| r[0].starts_with("ЫЫЫ")).map(|r| r[0].clone()).unwrap_or_default();
                    assert!(long.chars().count() > 100, "{view:?}: {long}");
                    assert!(!svg_texts(&chart.to_svg()).iter().any(|t| t == &long));
                }
                // A blank label falls back to the id.
                if view == View::Ranking {
                    assert!(chart.table.rows.iter().any(|r| r[0] == "d-blank"), "{:?}", chart.table.rows);
                    assert!(svg_texts(&chart.to_svg()).iter().any(|t| t == "d-blank"));
                }
            }
        }
    }
}
