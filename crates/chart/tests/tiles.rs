//! The tiles view on every sample feed: golden SVGs, what a viewer sees,
//! tiles derived where a feed has no headline, and geometry invariants over
//! a sweep of widths, languages and themes.
//!
//! Regenerate the golden files after an intended change with
//! `OPEKA_BLESS=1 cargo test -p opeka-chart --test tiles` and review them.

mod common;

use common::{check_snapshot, feed_from_json, geometry_problems, sample_feed, svg_texts, SAMPLES};
use opeka_chart::{render, ChartRequest, Lang, Medium, PtSansMetrics, Scene, Shape, Theme, View};

fn tiles_of(feed: &opeka_feed::ValidFeed, width: f64, lang: Lang) -> Scene {
    let request = ChartRequest { view: Some(View::Tiles), width, height: None, medium: Medium::Screen, theme: Theme::Light, lang };
    render(feed, &request, &PtSansMetrics)
}

fn tiles(feed: &str, width: f64, lang: Lang) -> Scene {
    tiles_of(&sample_feed(feed), width, lang)
}

fn rects(chart: &Scene) -> Vec<(f64, f64, f64, f64)> {
    chart
        .marks
        .iter()
        .map(|m| match m.shape {
            Shape::Rect { x, y, w, h } => (x, y, w, h),
            Shape::Point { .. } | Shape::Bar { .. } => panic!("a tile is a rectangle: {}", m.label),
        })
        .collect()
}

#[test]
fn golden_svgs() {
    for feed in SAMPLES {
        for lang in Lang::ALL {
            let chart = tiles(feed, 800.0, lang);
            assert_eq!(chart.view, View::Tiles);
            check_snapshot(&format!("{feed}.tiles.{lang}.800.svg"), &chart.to_svg());
        }
    }
}

#[test]
fn headline_figures_read_as_written_in_each_language() {
    let chart = tiles("kuzbass-caseload", 800.0, Lang::Ru);
    let texts = svg_texts(&chart.to_svg());
    for expected in ["120", "34", "12\u{a0}000", "1\u{a0}000\u{a0}000", "специалистов", "почти каждый третий кузбассовец"]
    {
        assert!(texts.iter().any(|t| t == expected), "no {expected:?} in {texts:?}");
    }
    assert!(texts.iter().any(|t| t.starts_with("учреждений")), "{texts:?}");
    assert_eq!(chart.marks.len(), 4);
    assert_eq!(chart.marks[2].label, "12\u{a0}000 специалистов");
    assert_eq!(chart.marks[3].label, "1\u{a0}000\u{a0}000 человек под опекой соцзащиты — почти каждый третий кузбассовец");
    assert_eq!(chart.table.rows.len(), 4);
    assert_eq!(chart.table.columns, vec!["Показатель", "Значение", "Примечание"]);
    assert!(
        chart.summary.starts_with("Получатели социальных услуг в Кузбассе. Ключевые цифры (4\u{a0}показателя): 120 учреждений"),
        "{}",
        chart.summary
    );

    let chart = tiles("kuzbass-caseload", 800.0, Lang::En);
    let texts = svg_texts(&chart.to_svg());
    for expected in ["12,000", "1,000,000", "specialists", "almost one resident in three"] {
        assert!(texts.iter().any(|t| t == expected), "no {expected:?} in {texts:?}");
    }
    let numbers = texts.iter().filter(|t| t.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '\u{a0}'));
    assert!(
        numbers.clone().count() == 4 && numbers.clone().all(|t| !t.contains('\u{a0}')),
        "no Russian digit groups in English: {texts:?}"
    );
    assert_eq!(chart.marks[2].label, "12,000 specialists");
}

#[test]
fn qualifiers_come_before_the_number_and_roubles_are_marked() {
    let chart = tiles("vyksa-orphanhood-prevention", 800.0, Lang::Ru);
    let texts = chart.texts.clone();
    let find = |s: &str| texts.iter().find(|t| t.text == s).unwrap_or_else(|| panic!("no {s:?} in {texts:?}"));
    let (more, thousand) = (find("более"), find("1\u{a0}000"));
    assert!(more.x + more.w <= thousand.x && (more.y - thousand.y).abs() < thousand.h, "«более» stands before 1 000 on its line");
    let (about, nine_hundred) = (find("порядка"), find("900"));
    assert!(about.x + about.w <= nine_hundred.x);
    // The qualifier sits on the number's baseline: its box ends no lower than the number's.
    assert!(more.y + more.h <= thousand.y + thousand.h + 0.01);
    assert!(svg_texts(&chart.to_svg()).iter().any(|t| t.ends_with('₽')), "{:?}", svg_texts(&chart.to_svg()));
    assert_eq!(chart.marks[1].label, "более 1\u{a0}000 сотрудников получают поддержку");

    let chart = tiles("vyksa-orphanhood-prevention", 800.0, Lang::En);
    assert_eq!(chart.marks[1].label, "more than 1,000 employees supported");
    assert_eq!(chart.marks[2].label, "about 900 children a year at summer camps");
}

#[test]
fn caseload_without_headline_shows_each_category_in_the_latest_period() {
    let chart = tiles("kuzbass-accident-families", 800.0, Lang::Ru);
    let texts = svg_texts(&chart.to_svg());
    assert_eq!(chart.marks.len(), 6, "one tile per category");
    for category in ["Психологическая помощь", "Помощь социальных служб", "Трудоустройство и переобучение"]
    {
        assert!(texts.iter().any(|t| t == category), "no {category} in {texts:?}");
    }
    assert!(texts.iter().any(|t| t == "IV\u{a0}кв.\u{a0}2021"), "the latest period is named: {texts:?}");
    assert!(texts.iter().any(|t| t == "семей"), "the measure's unit: {texts:?}");
    assert_eq!(chart.marks[0].label, "Психологическая помощь, IV\u{a0}кв.\u{a0}2021: 57\u{a0}семей");
    assert_eq!(chart.table.columns, vec!["Категория", "Период", "Значение"]);
    assert_eq!(chart.table.rows[0], vec!["Психологическая помощь", "IV\u{a0}кв.\u{a0}2021", "57\u{a0}семей"]);

    let chart = tiles("kuzbass-accident-families", 800.0, Lang::En);
    assert_eq!(chart.marks[0].label, "Psychological support, Q4\u{a0}2021: 57\u{a0}families");
}

#[test]
fn outcomes_tiles_give_the_latest_actual_against_target_or_baseline() {
    let chart = tiles("kuzbass-council-projects-2024", 800.0, Lang::Ru);
    let texts = svg_texts(&chart.to_svg());
    assert_eq!(chart.marks.len(), 4, "one tile per indicator; projects without indicators have none");
    assert!(texts.iter().any(|t| t == "Жизнь продолжается · 2023"), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("−30\u{a0}%, лучше базового")), "{texts:?}");
    // 20 in 2024 towards 70 in 2025: judged against the plan line (35), the target is not yet due.
    assert!(texts.iter().any(|t| t == "+20, отстаёт от плана на 15"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Цель: 70\u{a0}учреждений (2025)"), "{texts:?}");
    assert!(chart.marks[0].label.starts_with("Жизнь продолжается: "), "{}", chart.marks[0].label);
    assert_eq!(chart.table.columns.len(), 6);

    // An indicator with no actual yet says so; its target is still shown.
    let chart = tiles("vyksa-orphanhood-prevention", 800.0, Lang::Ru);
    assert_eq!(chart.marks.len(), 3, "the headline wins over derived tiles");
}

#[test]
fn outcomes_without_headline_and_without_actuals() {
    let json = r#"{ "opeka": 1, "kind": "outcomes", "title": "Проекты",
        "projects": [ { "id": "p", "name": "Проект", "status": "active", "indicators": [
          { "id": "a", "label": "Доля семей", "format": "percent", "direction": "increase",
            "baseline": { "period": "2021", "value": 40 }, "target": { "period": "2024", "value": 60 } },
          { "id": "b", "label": "Случаи", "direction": "decrease",
            "baseline": { "period": "2021", "value": 100 }, "target": { "period": "2024", "value": 80 },
            "actual": [ { "period": "2023", "value": 75 }, { "period": "2022", "value": 90 }, { "period": "2024", "value": null } ] } ] } ] }"#;
    let chart = tiles_of(&feed_from_json(json), 640.0, Lang::Ru);
    let texts = svg_texts(&chart.to_svg());
    assert!(texts.iter().any(|t| t == "нет данных"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Цель: 60\u{a0}% (2024)"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "75"), "the latest reported actual: {texts:?}");
    // 75 in 2023 towards 80 in 2024 from 100 in 2021: the plan line is at 86,7 in 2023.
    assert!(texts.iter().any(|t| t == "−25\u{a0}%, опережает план на 11,7"), "{texts:?}");
    assert!(geometry_problems(&chart).is_empty());
}

#[test]
fn awards_without_headline_count_each_type_and_the_total() {
    let json = r#"{ "opeka": 1, "kind": "awards", "title": "Награды",
        "award_types": [
          { "id": "m", "label": "Медаль", "level": "regional", "category": "medal" },
          { "id": "d", "label": "Грамота", "level": "department", "category": "diploma" } ],
        "grants": [ { "award": "m", "count": 15 }, { "award": "m", "count": 5 }, { "award": "d", "count": 407 }, { "count": 3 } ] }"#;
    let chart = tiles_of(&feed_from_json(json), 800.0, Lang::Ru);
    let labels: Vec<&str> = chart.marks.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, vec!["Всего наград: 430", "Медаль: 20", "Грамота: 407", "Другое / не указано: 3"]);
    let chart = tiles_of(&feed_from_json(json), 800.0, Lang::En);
    assert_eq!(chart.marks[0].label, "Awards in total: 430");

    let contests = r#"{ "opeka": 1, "kind": "awards", "title": "Конкурсы",
        "contests": [ { "name": "Лучший социальный работник", "year": 2018, "places": [
          { "place": 1, "name": "А" }, { "place": 2, "name": "Б" }, { "place": 3, "name": "В" } ] } ] }"#;
    let chart = tiles_of(&feed_from_json(contests), 800.0, Lang::Ru);
    assert_eq!(chart.marks.len(), 1);
    assert_eq!(chart.marks[0].label, "Лучший социальный работник, 2018: 3\u{a0}места");
}

#[test]
fn a_share_of_a_whole_is_written_out() {
    let json = r#"{ "opeka": 1, "kind": "caseload", "title": "Т",
        "headline": [ { "label": "человек под опекой", "value": 1000000, "of": 2650000, "note": "около" } ],
        "records": [ { "period": "2020", "value": 1 } ] }"#;
    let chart = tiles_of(&feed_from_json(json), 800.0, Lang::Ru);
    let texts = svg_texts(&chart.to_svg());
    assert!(texts.iter().any(|t| t == "из 2\u{a0}650\u{a0}000 (38\u{a0}%)"), "{texts:?}");
    assert_eq!(chart.marks[0].label, "около 1\u{a0}000\u{a0}000 человек под опекой (из 2\u{a0}650\u{a0}000 (38\u{a0}%))");
    let chart = tiles_of(&feed_from_json(json), 800.0, Lang::En);
    assert!(svg_texts(&chart.to_svg()).iter().any(|t| t == "of 2,650,000 (38%)"));
}

#[test]
fn tiles_flow_in_a_grid_by_width_with_equal_heights_in_a_row() {
    let feed = sample_feed("kuzbass-accident-families");
    let columns = |chart: &Scene| {
        let r = rects(chart);
        r.iter().filter(|t| (t.1 - r[0].1).abs() < 0.01).count()
    };
    assert_eq!(columns(&tiles_of(&feed, 320.0, Lang::Ru)), 1);
    assert_eq!(columns(&tiles_of(&feed, 800.0, Lang::Ru)), 3);
    let wide = tiles_of(&sample_feed("kuzbass-caseload"), 1920.0, Lang::Ru);
    assert_eq!(columns(&wide), 4);
    for width in [320.0, 480.0, 800.0, 1280.0, 1920.0] {
        let chart = tiles_of(&feed, width, Lang::En);
        let r = rects(&chart);
        for a in &r {
            for b in &r {
                if (a.1 - b.1).abs() < 0.01 {
                    assert_eq!(a.3, b.3, "tiles in a row are equally tall at {width}");
                    assert_eq!(a.2, b.2, "and equally wide");
                }
            }
        }
        // Every text of a tile stays inside it.
        for t in chart.texts.iter().filter(|t| r.iter().any(|r| t.y >= r.1 && t.y < r.1 + r.3 && t.x >= r.0 && t.x < r.0 + r.2)) {
            let inside = r.iter().any(|r| t.x >= r.0 && t.x + t.w <= r.0 + r.2 + 0.01 && t.y >= r.1 && t.y + t.h <= r.1 + r.3 + 0.01);
            assert!(inside, "{:?} spills out of its tile at {width}", t.text);
        }
    }
    // The number scales with the tile width.
    let number_height = |chart: &Scene| chart.texts.iter().find(|t| t.text == "57").map(|t| t.h).unwrap_or(0.0);
    let narrow = tiles_of(&feed, 480.0, Lang::Ru);
    let slide = render(
        &feed,
        &ChartRequest {
            view: Some(View::Tiles),
            width: 1920.0,
            height: Some(1080.0),
            medium: Medium::Screen,
            theme: Theme::Light,
            lang: Lang::Ru,
        },
        &PtSansMetrics,
    );
    assert!(number_height(&slide) > number_height(&narrow), "{} vs {}", number_height(&slide), number_height(&narrow));
}

#[test]
fn geometry_holds_at_every_width_language_and_theme() {
    for feed in SAMPLES {
        let valid = sample_feed(feed);
        for width in [320.0, 400.0, 480.0, 640.0, 800.0, 1024.0, 1280.0, 1600.0, 1920.0] {
            for lang in Lang::ALL {
                for theme in Theme::ALL {
                    let request = ChartRequest { view: Some(View::Tiles), width, height: None, medium: Medium::Screen, theme, lang };
                    let chart = render(&valid, &request, &PtSansMetrics);
                    let problems = geometry_problems(&chart);
                    assert!(problems.is_empty(), "{feed} {width} {lang} {theme}:\n{}", problems.join("\n"));
                    assert!(chart.height >= opeka_chart::default_height(View::Tiles, width));
                    assert_eq!(chart.marks.len(), chart.table.rows.len(), "{feed} {width}: every tile drawn");
                    assert!(!chart.marks.is_empty());
                }
            }
        }
    }
}

#[test]
fn explicit_heights_shrink_the_type_then_drop_rows() {
    let valid = sample_feed("kuzbass-accident-families");
    for (width, height) in [(480.0, 120.0), (480.0, 300.0), (800.0, 200.0), (1920.0, 1080.0), (320.0, 480.0)] {
        let request = ChartRequest {
            view: Some(View::Tiles),
            width,
            height: Some(height),
            medium: Medium::Screen,
            theme: Theme::Contrast,
            lang: Lang::Ru,
        };
        let chart = render(&valid, &request, &PtSansMetrics);
        assert_eq!(chart.height, height);
        let problems = geometry_problems(&chart);
        assert!(problems.is_empty(), "{width}×{height}:\n{}", problems.join("\n"));
        assert_eq!(chart.table.rows.len(), 6, "the table keeps every tile");
    }
}

const HOSTILE: &str = r#"{
  "opeka": 1, "kind": "caseload", "title": "<script>alert(1)</script> & \"q\"",
  "headline": [
    { "label": "<img src=x onerror=alert(4)> \u202Eevil", "value": 1e300, "format": "rub", "unit": "<b>u</b>", "note": "\u202E&amp;" },
    { "label": "ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ", "value": 123456789012, "unit": "ЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫ", "note": "very long qualifier note that goes on and on and on" },
    { "label": "null", "value": null },
    { "label": "'single' \"double\"", "value": -5.25, "format": "percent", "of": 0 }
  ],
  "records": [ { "period": "2020", "value": 1 } ]
}"#;

#[test]
fn hostile_headlines_are_escaped_and_fit() {
    let valid = feed_from_json(HOSTILE);
    for width in [320.0, 800.0, 1920.0] {
        for lang in Lang::ALL {
            let chart = tiles_of(&valid, width, lang);
            for needle in ["<script", "<img", "<b>", "\u{202e}"] {
                assert!(!chart.to_svg().contains(needle), "{needle:?} in the SVG at {width}");
            }
            assert!(chart.to_svg().contains("&lt;script&gt;"));
            let problems = geometry_problems(&chart);
            assert!(problems.is_empty(), "{width} {lang}:\n{}", problems.join("\n"));
            assert_eq!(chart.marks.len(), 4);
            assert!(
                chart.marks[2].label.ends_with(if lang == Lang::Ru { "нет данных" } else { "not reported" }),
                "{}",
                chart.marks[2].label
            );
        }
    }
}
