//! The outcomes views (`progress`, `before-after`, `trajectory`) on the
//! sample feeds: golden SVGs, what a viewer sees, geometry invariants over
//! widths, languages and themes, hostile labels and edge cases.
//!
//! Regenerate the golden files after an intended change with
//! `OPEKA_BLESS=1 cargo test -p opeka-chart` and review the diff.

mod common;

use common::{check_snapshot, feed_from_json, geometry_problems, sample_feed, series_lines, svg_texts};
use opeka_chart::{render, ChartRequest, Item, Lang, Medium, PtSansMetrics, Scene, Shape, Theme, View};

const FEEDS: [&str; 2] = ["kuzbass-council-projects-2024", "vyksa-orphanhood-prevention"];
const VIEWS: [View; 3] = [View::Progress, View::BeforeAfter, View::Trajectory];

fn draw(feed: &opeka_feed::ValidFeed, view: View, width: f64, lang: Lang, theme: Theme) -> Scene {
    let request = ChartRequest { view: Some(view), width, height: None, medium: Medium::Screen, theme, lang };
    render(feed, &request, &PtSansMetrics)
}

/// `view` of `feed` 480 px wide and `height` tall, on screen, light.
fn draw_squeezed(feed: &opeka_feed::ValidFeed, view: View, height: f64, lang: Lang) -> Scene {
    let request = ChartRequest { view: Some(view), width: 480.0, height: Some(height), medium: Medium::Screen, theme: Theme::Light, lang };
    render(feed, &request, &PtSansMetrics)
}

/// Writes SVGs to look at into the folder `OPEKA_DUMP` names (nothing without it).
#[test]
fn dump_for_eyes() {
    let Some(dir) = std::env::var_os("OPEKA_DUMP") else { return };
    for feed in FEEDS {
        let valid = sample_feed(feed);
        for view in VIEWS {
            for lang in Lang::ALL {
                for width in [320.0, 800.0, 1280.0] {
                    let chart = draw(&valid, view, width, lang, Theme::Light);
                    let path = std::path::Path::new(&dir).join(format!("{feed}.{view}.{lang}.{width}.svg"));
                    std::fs::write(path, chart.to_svg()).unwrap();
                }
            }
            let chart = draw(&valid, view, 800.0, Lang::Ru, Theme::Dark);
            std::fs::write(std::path::Path::new(&dir).join(format!("{feed}.{view}.dark.svg")), chart.to_svg()).unwrap();
            let chart = draw(&feed_from_json(HOSTILE), view, 320.0, Lang::Ru, Theme::Contrast);
            std::fs::write(std::path::Path::new(&dir).join(format!("hostile.{view}.svg")), chart.to_svg()).unwrap();
        }
    }
}

#[test]
fn golden_svgs() {
    for feed in FEEDS {
        let valid = sample_feed(feed);
        for view in VIEWS {
            for lang in Lang::ALL {
                let chart = draw(&valid, view, 800.0, lang, Theme::Light);
                assert_eq!(chart.view, view);
                check_snapshot(&format!("{feed}.{view}.{lang}.800.svg"), &chart.to_svg());
            }
        }
    }
}

fn has(texts: &[String], wanted: &str) -> bool {
    texts.iter().any(|t| t == wanted)
}

#[test]
fn progress_shows_projects_statuses_indicators_and_verdicts() {
    let chart = draw(&sample_feed(FEEDS[0]), View::Progress, 800.0, Lang::Ru, Theme::Light);
    let texts = svg_texts(&chart.to_svg());
    assert!(chart.to_svg().contains("<title>Совместные проекты Совета по вопросам попечительства и Минсоцзащиты Кузбасса</title>"));
    for name in ["Жизнь продолжается", "Дружим с цифрой", "Шаг навстречу", "Новые горизонты", "Театральное лето"]
    {
        assert!(has(&texts, name), "no heading {name}: {texts:?}");
    }
    assert!(has(&texts, "·\u{a0}Завершён") && has(&texts, "·\u{a0}Передан министерству") && has(&texts, "·\u{a0}Планируется"), "{texts:?}");
    for label in ["Нарушения режима", "Поощрения осуждённых", "Участники команды проекта"]
    {
        assert!(has(&texts, label), "no label {label}: {texts:?}");
    }
    // Violations should decrease and did: better; the minus is U+2212.
    assert!(has(&texts, "\u{2212}30\u{a0}%, лучше базового значения"), "{texts:?}");
    assert!(!chart.to_svg().contains("-30"), "a hyphen-minus where U+2212 belongs");
    // Commendations should increase and doubled: better.
    assert!(has(&texts, "×2, лучше базового значения"), "{texts:?}");
    // 20 institutions in 2024 of 70 planned for 2025: behind the plan line (35), not yet "worse than target".
    assert!(has(&texts, "+20, отстаёт от плана на 15"), "{texts:?}");
    // The key, and the tones in the theme's colours (the words say it too).
    for word in ["Базовое значение", "Цель", "Факт"] {
        assert!(has(&texts, word), "key lacks {word}");
    }
    let style = Theme::Light.style();
    assert!(chart.to_svg().contains(&style.good.hex()) || chart.to_svg().to_lowercase().contains(&style.good.hex().to_lowercase()));
    assert!(chart.to_svg().to_lowercase().contains(&style.bad.hex().to_lowercase()));
    // Marks: a point per baseline, a rect per target and actual.
    let labels: Vec<&str> = chart.marks.iter().map(|m| m.label.as_str()).collect();
    assert!(labels.contains(&"Нарушения режима — базовое значение 2022: 100"), "{labels:?}");
    assert!(labels.contains(&"Нарушения режима — факт 2023: 70"), "{labels:?}");
    assert!(labels.contains(&"Учреждения с обновлённой компьютерной техникой — цель 2025: 70\u{a0}учреждений"), "{labels:?}");
    // Violations and commendations: baseline, actual; equipment: all three; the team: its actual.
    assert_eq!(chart.marks.len(), 2 + 2 + 3 + 1);
    // Table: one row per indicator and per project without indicators.
    assert_eq!(chart.table.columns.len(), 8);
    assert_eq!(chart.table.rows.len(), 4 + 5);
    assert!(chart.table.rows.iter().any(|r| r[0] == "Новые горизонты" && r[1] == "Передан министерству"));
    assert!(chart.summary.starts_with("Совместные проекты Совета по вопросам попечительства и Минсоцзащиты Кузбасса. Выполнение показателей проектов: 8\u{a0}проектов, 4\u{a0}показателя."), "{}", chart.summary);
    assert!(
        chart.summary.contains("Нарушения режима — базовое значение 2022: 100, факт 2023: 70, \u{2212}30\u{a0}%, лучше базового значения"),
        "{}",
        chart.summary
    );
}

#[test]
fn english_words_follow_direction_too() {
    let chart = draw(&sample_feed(FEEDS[0]), View::Progress, 800.0, Lang::En, Theme::Light);
    let texts = svg_texts(&chart.to_svg());
    assert!(
        has(&texts, "Life Goes On") && has(&texts, "·\u{a0}Completed") && has(&texts, "·\u{a0}Handed over to the ministry"),
        "{texts:?}"
    );
    assert!(has(&texts, "\u{2212}30%, better than baseline"), "{texts:?}");
    assert!(has(&texts, "+20, behind plan by 15"), "{texts:?}");
    for word in ["Baseline", "Target", "Actual"] {
        assert!(has(&texts, word), "key lacks {word}");
    }
    assert_eq!(chart.table.columns[0], "Project");
}

#[test]
fn before_after_pairs_baseline_with_actual_or_a_marked_target() {
    let chart = draw(&sample_feed(FEEDS[1]), View::BeforeAfter, 800.0, Lang::Ru, Theme::Light);
    let texts = svg_texts(&chart.to_svg());
    assert!(has(&texts, "Профилактика социального сиротства в Выксе"));
    assert!(has(&texts, "Эффективная поддержка семей: возможность измениться"), "{texts:?}");
    assert!(has(&texts, "Было 2021") && has(&texts, "Цель 2024") && has(&texts, "Стало 2021"), "{texts:?}");
    assert!(has(&texts, "Цель \u{2212}33\u{a0}%, нет фактических данных"), "{texts:?}");
    assert!(has(&texts, "Цель (нет фактических данных)"), "the key says the hatched bar is a target: {texts:?}");
    assert!(has(&texts, "66,7") && has(&texts, "30\u{a0}человек"), "{texts:?}");
    let labels: Vec<&str> = chart.marks.iter().map(|m| m.label.as_str()).collect();
    assert!(labels.contains(&"Социальные сироты — цель 2024: 66,7"), "{labels:?}");
    assert!(labels.contains(&"Социальные сироты — базовое значение 2021: 100"), "{labels:?}");
    assert!(chart.marks.iter().all(|m| matches!(m.shape, Shape::Rect { .. } | Shape::Bar { .. })));

    let chart = draw(&sample_feed(FEEDS[0]), View::BeforeAfter, 800.0, Lang::Ru, Theme::Light);
    let texts = svg_texts(&chart.to_svg());
    assert!(has(&texts, "Стало 2023") && has(&texts, "\u{2212}30\u{a0}%, лучше базового значения"), "{texts:?}");
    assert!(chart.summary.contains("Показатели проектов: было и стало"), "{}", chart.summary);
}

#[test]
fn trajectory_draws_a_panel_per_indicator_and_the_plan_without_actuals() {
    let chart = draw(&sample_feed(FEEDS[1]), View::Trajectory, 800.0, Lang::Ru, Theme::Light);
    let texts = svg_texts(&chart.to_svg());
    assert!(has(&texts, "Социальные сироты") && has(&texts, "Специалисты, обученные работе с семьёй в кризисе"), "{texts:?}");
    assert!(has(&texts, "нет фактических данных"), "{texts:?}");
    // The planned line is one dashed line, left to right (the one indicator
    // with a baseline and a target), the actuals never a line here (one point).
    let plans: Vec<_> =
        chart.items.iter().filter_map(|i| if let Item::Dashed { from, to, .. } = i { Some((*from, *to)) } else { None }).collect();
    assert!(plans.len() == 1 && plans[0].0 .0 < plans[0].1 .0, "{plans:?}");
    let svg = chart.to_svg();
    assert_eq!(series_lines(&svg), 0, "{svg}");
    assert_eq!(svg.matches(" stroke-dasharray=\"6 4\"").count(), 1, "{svg}");
    // On a slide the dashes grow with the scene: 2.5 times at 1920 × 1080.
    let request = ChartRequest {
        view: Some(View::Trajectory),
        width: 1920.0,
        height: Some(1080.0),
        medium: Medium::Slide,
        theme: Theme::Light,
        lang: Lang::Ru,
    };
    let slide = render(&sample_feed(FEEDS[1]), &request, &PtSansMetrics).to_svg();
    assert_eq!(slide.matches(" stroke-dasharray=\"15 10\"").count(), 1, "{slide}");
    for year in ["2021", "2022", "2023", "2024"] {
        assert!(has(&texts, year), "period axis lacks {year}: {texts:?}");
    }
    let labels: Vec<&str> = chart.marks.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(
        labels,
        vec![
            "Социальные сироты — базовое значение 2021: 100",
            "Социальные сироты — цель 2024: 66,7",
            "Специалисты, обученные работе с семьёй в кризисе — факт 2021: 30\u{a0}человек",
        ]
    );
    let en = draw(&sample_feed(FEEDS[1]), View::Trajectory, 800.0, Lang::En, Theme::Light);
    assert!(has(&svg_texts(&en.to_svg()), "no actuals yet"));

    // Projects without indicators are listed; actuals start from the baseline.
    let chart = draw(&sample_feed(FEEDS[0]), View::Trajectory, 800.0, Lang::Ru, Theme::Light);
    let texts = svg_texts(&chart.to_svg());
    assert!(texts.iter().any(|t| t.starts_with("Без показателей: Новые горизонты (передан министерству)")), "{texts:?}");
    assert_eq!(series_lines(&chart.to_svg()), 3, "baseline → actual in three panels");
    assert!(chart.marks.iter().all(|m| matches!(m.shape, Shape::Point { .. })));
}

#[test]
fn geometry_holds_at_every_width_theme_and_language() {
    for feed in FEEDS {
        let valid = sample_feed(feed);
        for view in VIEWS {
            for width in [320.0, 480.0, 640.0, 800.0, 1280.0, 1920.0] {
                for lang in Lang::ALL {
                    for theme in Theme::ALL {
                        let chart = draw(&valid, view, width, lang, theme);
                        let problems = geometry_problems(&chart);
                        assert!(problems.is_empty(), "{feed} {view} {width} {lang} {theme}:\n{}", problems.join("\n"));
                        assert!(chart.height >= opeka_chart::default_height(view, width));
                        assert!(!chart.marks.is_empty());
                    }
                }
            }
        }
    }
}

#[test]
fn explicit_small_heights_keep_everything_on_the_canvas() {
    let valid = sample_feed(FEEDS[0]);
    for view in VIEWS {
        for height in [120.0, 200.0, 300.0] {
            let chart = draw_squeezed(&valid, view, height, Lang::Ru);
            assert_eq!(chart.height, height);
            let problems = geometry_problems(&chart);
            assert!(problems.is_empty(), "{view} {height}:\n{}", problems.join("\n"));
        }
    }
}

const HOSTILE: &str = r#"{
  "opeka": 1, "kind": "outcomes",
  "title": "<script>alert(1)</script> & \"quotes\" ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ",
  "projects": [
    { "id": "p1", "name": "<img src=x onerror=alert(2)> ЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫ слово слово слово слово слово слово слово слово слово",
      "status": "active",
      "indicators": [
        { "id": "a", "label": "=HYPERLINK(\"x\") \u202eRTL\u202c ШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШШ",
          "format": "percent", "unit": "<i>ЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩ</i>", "direction": "decrease",
          "baseline": { "period": "2020-01", "value": 1e12 }, "target": { "period": "2020-02", "value": -5 },
          "actual": [ { "period": "2020-01", "value": 3 }, { "period": "2020-03", "value": null }, { "period": "2024-12", "value": 999999999 } ] },
        { "id": "b", "label": "\"quoted\" & 'apos'", "direction": "increase",
          "actual": [ { "period": "2021-05", "value": 0 } ] }
      ] },
    { "id": "p2", "name": "</text><script>alert(3)</script>", "status": "handed-over" }
  ]
}"#;

#[test]
fn hostile_labels_are_escaped_and_stay_on_the_canvas() {
    let valid = feed_from_json(HOSTILE);
    for view in VIEWS {
        for width in [320.0, 800.0, 1920.0] {
            for lang in Lang::ALL {
                let chart = draw(&valid, view, width, lang, Theme::Contrast);
                for needle in ["<script", "<img", "<i>", "</text><"] {
                    assert!(!chart.to_svg().contains(needle), "{needle} in the {view} SVG at {width}");
                }
                assert!(!chart.to_svg().contains('\u{202e}'), "bidi overrides must not reach the SVG");
                let problems = geometry_problems(&chart);
                assert!(problems.is_empty(), "{view} {width} {lang}:\n{}", problems.join("\n"));
            }
        }
    }
}

#[test]
fn edge_feed_project_without_indicators_and_indicator_with_only_actuals() {
    let json = r#"{ "opeka": 1, "kind": "outcomes", "title": "Край",
        "projects": [
          { "id": "empty", "name": "Пустой проект", "status": "planned" },
          { "id": "only", "name": "Только факт", "status": "active", "indicators": [
            { "id": "x", "label": "Семьи", "format": "count", "unit": "семей", "direction": "increase",
              "actual": [ { "period": "2023-Q1", "value": 5 }, { "period": "2023-Q3", "value": 12 } ] } ] } ] }"#;
    let valid = feed_from_json(json);
    for view in VIEWS {
        for width in [320.0, 800.0] {
            for lang in Lang::ALL {
                let chart = draw(&valid, view, width, lang, Theme::Dark);
                let problems = geometry_problems(&chart);
                assert!(problems.is_empty(), "{view} {width} {lang}:\n{}", problems.join("\n"));
                let texts = svg_texts(&chart.to_svg());
                assert!(texts.iter().any(|t| t.contains("Пустой проект")), "{view}: {texts:?}");
                assert!(texts.iter().any(|t| t == "Семьи"), "{view}: {texts:?}");
                assert_eq!(chart.table.rows.len(), 2);
                assert!(!chart.summary.is_empty());
            }
        }
    }
    let chart = draw(&valid, View::Trajectory, 800.0, Lang::Ru, Theme::Light);
    assert_eq!(series_lines(&chart.to_svg()), 1);
    assert!(chart.marks.iter().any(|m| m.label == "Семьи — факт III\u{a0}кв.\u{a0}2023: 12\u{a0}семей"), "{:?}", chart.marks);
    let chart = draw(&valid, View::Progress, 800.0, Lang::Ru, Theme::Light);
    assert_eq!(chart.marks.len(), 1);
    assert!(chart.table.rows[0][2] == "—" && chart.table.rows[1][5].starts_with("12\u{a0}семей"), "{:?}", chart.table.rows);
}

#[test]
fn actuals_in_any_order_are_drawn_in_the_order_of_their_periods() {
    // Most feeds list an indicator's actuals oldest first, and those are
    // not sorted again; a feed listing them newest first, or shuffled,
    // draws the same chart: the latest actual is the latest period's.
    let feed = |actual: &str| {
        feed_from_json(&format!(
            r#"{{"opeka":1,"kind":"outcomes","title":"Порядок","projects":[{{"id":"p","name":"Проект","status":"active","indicators":[
            {{"id":"i","label":"Показатель","format":"count","direction":"increase","baseline":{{"period":"2019-01","value":10}},
              "target":{{"period":"2024-12","value":100}},"actual":[{actual}]}}]}}]}}"#
        ))
    };
    let in_order = r#"{"period":"2021-03","value":30},{"period":"2022-06","value":55},{"period":"2023-09","value":70}"#;
    let newest_first = r#"{"period":"2023-09","value":70},{"period":"2022-06","value":55},{"period":"2021-03","value":30}"#;
    let shuffled = r#"{"period":"2022-06","value":55},{"period":"2023-09","value":70},{"period":"2021-03","value":30}"#;
    for view in VIEWS {
        let drawn = draw(&feed(in_order), view, 800.0, Lang::Ru, Theme::Light);
        let texts = svg_texts(&drawn.to_svg());
        // The verdict: the latest actual, 70, is seven times the baseline.
        assert!(texts.iter().any(|t| t.starts_with("×7,")), "{view}: judged by the latest actual, 70 in September 2023: {texts:?}");
        for other in [newest_first, shuffled] {
            let again = draw(&feed(other), view, 800.0, Lang::Ru, Theme::Light);
            assert_eq!(again.to_svg(), drawn.to_svg(), "{view}, actuals {other}");
        }
    }
}

#[test]
fn a_squeezed_stack_says_how_many_indicators_or_projects_it_left_to_the_table() {
    // Kuzbass's council projects: 8 projects, 4 indicators (2, 1 and 1 in
    // the first three; the other five have none), each indicator drawn with
    // its marks on a panel of its own.
    let valid = sample_feed(FEEDS[0]);
    let names = |lang: Lang| -> Vec<String> {
        let feed = valid.feed();
        let opeka_feed::Body::Outcomes(outcomes) = &feed.body else { panic!("an outcomes feed") };
        outcomes.projects.iter().map(|p| p.name.get(lang, feed.locale).to_owned()).collect()
    };
    let left_out =
        |chart: &Scene| -> Option<String> { chart.texts.iter().find(|t| t.text.starts_with('…')).map(|t| t.text.replace('\u{a0}', " ")) };
    for view in [View::Progress, View::BeforeAfter] {
        for lang in Lang::ALL {
            let names = names(lang);
            assert_eq!(names.len(), 8);
            let whole = draw(&valid, view, 480.0, lang, Theme::Light);
            assert_eq!(left_out(&whole), None, "{view} {lang}: drawn whole, no note");
            let mut counts = Vec::new();
            for height in [260.0, 320.0, 400.0, 520.0, 600.0, 700.0, 800.0, 900.0] {
                let chart = draw_squeezed(&valid, view, height, lang);
                let problems = geometry_problems(&chart);
                assert!(problems.is_empty(), "{view} {lang} {height}:\n{}", problems.join("\n"));
                let mut drawn: Vec<usize> = chart.marks.iter().map(|m| m.panel).collect();
                drawn.dedup();
                let headings = chart.texts.iter().filter(|t| names.contains(&t.text)).count();
                let (indicators, projects) = (4 - drawn.len(), 8 - headings);
                // The indicators when any is left out, else the projects.
                let expected = match (lang, indicators, projects) {
                    (_, 0, 0) => None,
                    (Lang::Ru, 1, _) => Some("…и ещё 1 показатель (см. таблицу данных)".to_owned()),
                    (Lang::Ru, 2..=4, _) => Some(format!("…и ещё {indicators} показателя (см. таблицу данных)")),
                    (Lang::En, 1, _) => Some("…and 1 indicator not shown (see the data table)".to_owned()),
                    (Lang::En, 2..=4, _) => Some(format!("…and {indicators} indicators not shown (see the data table)")),
                    (Lang::Ru, 0, 1) => Some("…и ещё 1 проект (см. таблицу данных)".to_owned()),
                    (Lang::Ru, 0, 2..=4) => Some(format!("…и ещё {projects} проекта (см. таблицу данных)")),
                    (Lang::Ru, 0, _) => Some(format!("…и ещё {projects} проектов (см. таблицу данных)")),
                    (Lang::En, 0, 1) => Some("…and 1 project not shown (see the data table)".to_owned()),
                    (Lang::En, 0, _) => Some(format!("…and {projects} projects not shown (see the data table)")),
                    _ => unreachable!("{indicators} indicators left out of 4"),
                };
                assert_eq!(left_out(&chart), expected, "{view} {lang} {height}");
                // Under every heading and indicator drawn.
                if let Some(note) = chart.texts.iter().find(|t| t.text.starts_with('…')) {
                    let marks = chart.marks.iter().map(|m| {
                        let (_, y, _, h) = m.shape.bounds();
                        y + h
                    });
                    let headings = chart.texts.iter().filter(|t| names.contains(&t.text)).map(|t| t.y);
                    let lowest = marks.chain(headings).fold(0.0, f64::max);
                    assert!(note.y >= lowest, "{view} {lang} {height}: the note at {} over what is drawn to {lowest}", note.y);
                }
                counts.push((indicators, projects));
            }
            assert!(counts.iter().any(|&(i, _)| i > 1), "{view} {lang}: {counts:?}");
            assert!(counts.iter().any(|&(i, p)| i == 0 && p > 0), "{view} {lang}: {counts:?}");
        }
    }
    // A slide holds every indicator but not every project without one: it
    // draws the headings that fit above its last line, and counts the rest
    // there, without the pointer to a table it does not have.
    let request = ChartRequest {
        view: Some(View::Progress),
        width: 1920.0,
        height: Some(1080.0),
        medium: Medium::Slide,
        theme: Theme::Light,
        lang: Lang::Ru,
    };
    let slide = render(&valid, &request, &PtSansMetrics);
    let drawn = names(Lang::Ru).iter().filter(|name| slide.texts.iter().any(|t| &t.text == *name)).count();
    assert_eq!(left_out(&slide), Some(format!("…и ещё {} проектов", 8 - drawn)));
    assert!(drawn >= 3, "every project with indicators");
}

#[test]
fn a_squeezed_trajectory_gives_up_its_source_line_and_plot_height_for_a_panel() {
    // Vyksa's sample, with its source line and without it: its frame's one
    // line that a height may take.
    let json = std::fs::read_to_string(common::repo_root().join("feeds/vyksa-orphanhood-prevention.json")).expect("the sample");
    let start = json.find("\n \"source\": {").expect("a source");
    let end = start + json[start..].find("\n },").expect("its end") + "\n },".len();
    let (framed, bare) = (feed_from_json(&json), feed_from_json(&format!("{}{}", &json[..start], &json[end..])));
    let panels = |chart: &Scene| {
        let mut drawn: Vec<usize> = chart.marks.iter().map(|m| m.panel).collect();
        drawn.dedup();
        drawn.len()
    };
    let credit = |chart: &Scene| chart.texts.iter().any(|t| t.text.contains("ОМК") || t.text.contains("OMK"));
    let mut given_up = 0;
    for lang in Lang::ALL {
        for width in [390.0, 480.0] {
            let squeezed = |feed: &opeka_feed::ValidFeed, height: f64| {
                let request = ChartRequest {
                    view: Some(View::Trajectory),
                    width,
                    height: Some(height),
                    medium: Medium::Screen,
                    theme: Theme::Light,
                    lang,
                };
                render(feed, &request, &PtSansMetrics)
            };
            let total = panels(&draw(&framed, View::Trajectory, width, lang, Theme::Light));
            for height in (200..=700).step_by(10).map(f64::from) {
                let chart = squeezed(&framed, height);
                let problems = geometry_problems(&chart);
                assert!(problems.is_empty(), "{lang} {width}×{height}:\n{}", problems.join("\n"));
                let note = chart.texts.iter().find(|t| t.text.starts_with('…')).map(|t| t.text.replace('\u{a0}', " "));
                let left_out = total - panels(&chart);
                let counted = (left_out > 0).then(|| match lang {
                    Lang::Ru => format!("…и ещё {left_out} {}", if left_out == 1 { "показатель" } else { "показателя" }),
                    Lang::En => format!("…and {left_out} indicator"),
                });
                assert_eq!(note.is_some(), counted.is_some(), "{lang} {width}×{height}: {note:?}");
                if let (Some(note), Some(counted)) = (&note, &counted) {
                    assert!(note.starts_with(counted.as_str()), "{lang} {width}×{height}: {note:?}, not {counted:?}");
                }
                if panels(&chart) == 0 {
                    assert_eq!(panels(&squeezed(&bare, height)), 0, "{lang} {width}×{height}: the source line kept, no panel drawn");
                } else if !credit(&chart) {
                    given_up += 1;
                }
            }
        }
    }
    assert!(given_up > 0, "no height gave the source line up for a panel");
}

#[test]
fn a_squeezed_trajectory_says_how_many_indicators_it_left_to_the_table() {
    // The council's 4 indicators, a panel each in one column at 480 px,
    // and the 5 projects without indicators listed under the grid.
    let valid = sample_feed(FEEDS[0]);
    for lang in Lang::ALL {
        let whole = draw(&valid, View::Trajectory, 480.0, lang, Theme::Light);
        assert!(!whole.texts.iter().any(|t| t.text.starts_with('…')), "{lang}: drawn whole, no note");
        let mut counts = Vec::new();
        for height in [400.0, 700.0, 1000.0, 1300.0, 1600.0] {
            let chart = draw_squeezed(&valid, View::Trajectory, height, lang);
            let problems = geometry_problems(&chart);
            assert!(problems.is_empty(), "{lang} {height}:\n{}", problems.join("\n"));
            let mut drawn: Vec<usize> = chart.marks.iter().map(|m| m.panel).collect();
            drawn.dedup();
            let hidden = 4 - drawn.len();
            let note = chart.texts.iter().find(|t| t.text.starts_with('…'));
            let expected = match (lang, hidden) {
                (_, 0) => None,
                (Lang::Ru, 1) => Some("…и ещё 1 показатель (см. таблицу данных)".to_owned()),
                (Lang::Ru, n) => Some(format!("…и ещё {n} показателя (см. таблицу данных)")),
                (Lang::En, 1) => Some("…and 1 indicator not shown (see the data table)".to_owned()),
                (Lang::En, n) => Some(format!("…and {n} indicators not shown (see the data table)")),
            };
            assert_eq!(note.map(|t| t.text.replace('\u{a0}', " ")), expected, "{lang} {height}");
            if let Some(note) = note {
                // Under the panels drawn, above the list of projects without indicators.
                let lowest = chart.texts.iter().filter(|t| t.y < note.y).map(|t| t.y + t.h).fold(0.0, f64::max);
                let marks = chart.marks.iter().map(|m| m.shape.bounds()).map(|(_, y, _, h)| y + h).fold(0.0, f64::max);
                let list = chart.texts.iter().find(|t| t.text.contains("Театральное") || t.text.contains("Theatre")).expect("the list");
                assert!(note.y >= marks.max(lowest) && note.y + note.h <= list.y, "{lang} {height}: the note at {}", note.y);
            }
            counts.push(hidden);
        }
        assert!(counts.contains(&0) && counts.iter().any(|&n| n > 1), "{lang}: {counts:?}");
    }
}
