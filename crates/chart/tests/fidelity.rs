//! The data-fidelity rules every view keeps, checked on the scene (marks
//! with their data, texts with their boxes and roles), never by scraping
//! SVG: over every sample feed, both languages and widths from 320 to 1920
//! pixels, and on feeds written to provoke each rule.

mod common;

use common::{feed_from_json, sample_feed, SAMPLES};
use opeka_chart::{render, ChartRequest, Lang, Medium, PtSansMetrics, Scene, Shape, TextRole, Theme, View};
use opeka_feed::ValidFeed;

const WIDTHS: [f64; 6] = [320.0, 480.0, 640.0, 800.0, 1280.0, 1920.0];

fn draw(feed: &ValidFeed, view: View, width: f64, height: Option<f64>, medium: Medium, lang: Lang) -> Scene {
    let request = ChartRequest { view: Some(view), width, height, medium, theme: Theme::Light, lang };
    render(feed, &request, &PtSansMetrics)
}

/// Every sample in every view of its kind, both languages, every width.
fn every_sample_scene() -> Vec<(String, Scene)> {
    let mut scenes = Vec::new();
    for name in SAMPLES {
        let feed = sample_feed(name);
        for &view in feed.kind().views() {
            for lang in Lang::ALL {
                for width in WIDTHS {
                    scenes.push((format!("{name} {view} {lang} {width}"), draw(&feed, view, width, None, Medium::Screen, lang)));
                }
                scenes.push((format!("{name} {view} {lang} slide"), draw(&feed, view, 1920.0, Some(1080.0), Medium::Slide, lang)));
            }
        }
    }
    scenes
}

/// Problems with the rule "lengths tell the truth": within a panel, every
/// bar's length per unit of value is the same to 1 % (Tufte's lie factor
/// 1.00 ± 0.01), and every bar starts where its baseline value is on that
/// same scale, so lengths are measured from zero.
fn length_problems(scene: &Scene) -> Vec<String> {
    let mut problems = Vec::new();
    let panels = scene.marks.iter().map(|m| m.panel).max().map_or(0, |p| p + 1);
    for panel in 0..panels {
        let bars: Vec<(f64, f64, f64, f64)> = scene
            .marks
            .iter()
            .filter(|m| m.panel == panel)
            .filter_map(|m| match (m.shape, m.value, m.baseline) {
                (Shape::Bar { x, w, horizontal: true, .. }, Some(v), Some(b)) if v != 0.0 => Some((x, w, v, b)),
                (Shape::Bar { y, h, horizontal: false, .. }, Some(v), Some(b)) if v != 0.0 => Some((y, h, v, b)),
                _ => None,
            })
            .collect();
        if bars.is_empty() {
            continue;
        }
        let rates: Vec<f64> = bars.iter().map(|&(_, len, v, _)| len / v.abs()).collect();
        let (lo, hi) = rates.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), &r| (lo.min(r), hi.max(r)));
        if !(lo > 0.0 && hi / lo <= 1.01) {
            problems.push(format!("panel {panel}: pixels per unit vary from {lo:.4} to {hi:.4}"));
            continue;
        }
        // Where zero is, from each bar: its near edge less its baseline's distance from zero.
        let rate = rates.iter().sum::<f64>() / rates.len() as f64;
        let zeros: Vec<f64> = bars.iter().map(|&(start, _, v, b)| start - b.min(b + v) * rate).collect();
        let (zlo, zhi) = zeros.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &z| (lo.min(z), hi.max(z)));
        if zhi - zlo > 1.0 {
            problems.push(format!("panel {panel}: bars start from different zeros ({zlo:.1} to {zhi:.1})"));
        }
    }
    problems
}

#[test]
fn lengths_tell_the_truth() {
    let mut checked = 0;
    for (what, scene) in every_sample_scene() {
        let problems = length_problems(&scene);
        assert!(problems.is_empty(), "{what}: {problems:?}");
        checked += scene.marks.iter().filter(|m| matches!(m.shape, Shape::Bar { .. })).count();
    }
    assert!(checked > 1000, "only {checked} bars checked");
}

/// The text a name is drawn as, compared without the ellipsis and the
/// hyphen a wrapped name breaks at.
fn drawn_prefix(text: &str) -> &str {
    text.trim_end_matches('…').trim_end_matches('-').trim()
}

/// Marks whose unit, category, indicator or person cannot be read anywhere
/// on the chart: no label, legend entry, axis title or tile text starts it.
fn unnamed_marks(scene: &Scene) -> Vec<String> {
    let names: Vec<&str> =
        scene.texts.iter().filter(|t| !matches!(t.role, TextRole::Note)).map(|t| drawn_prefix(&t.text)).filter(|t| !t.is_empty()).collect();
    scene
        .marks
        .iter()
        .filter(|m| !m.name.is_empty())
        .filter(|m| !names.iter().any(|n| m.name.starts_with(n) || m.series.starts_with(n) || n.starts_with(m.name.as_str())))
        .map(|m| m.name.clone())
        .collect()
}

#[test]
fn no_mark_without_its_name() {
    for (what, scene) in every_sample_scene() {
        let unnamed = unnamed_marks(&scene);
        assert!(unnamed.is_empty(), "{what}: marks without a visible name: {unnamed:?}");
    }
    // The case that failed: composition at 480×400 dropped every other municipality.
    let feed = sample_feed("kuzbass-caseload");
    for lang in Lang::ALL {
        let scene = draw(&feed, View::Composition, 480.0, Some(400.0), Medium::Screen, lang);
        let labelled: Vec<&str> = scene.texts_of(TextRole::Label).map(|t| t.text.as_str()).collect();
        let rows: Vec<&str> = scene.table.rows.iter().map(|r| r[0].as_str()).collect();
        for row in &rows {
            assert!(
                labelled.iter().any(|l| row.starts_with(drawn_prefix(l)) && !drawn_prefix(l).is_empty()),
                "{lang}: {row} unnamed in {labelled:?}"
            );
        }
        assert!(unnamed_marks(&scene).is_empty(), "{lang}: {:?}", unnamed_marks(&scene));
    }
}

const NULLS: &str = r#"{ "opeka": 1, "kind": "caseload", "title": "Нули и пропуски",
  "measure": { "label": "Получатели", "unit": "человек" },
  "units": [ { "id": "a", "label": "Абаза" }, { "id": "b", "label": "Бийск" } ],
  "categories": [ { "id": "home", "label": "На дому" }, { "id": "day", "label": "Дневное" } ],
  "records": [
    { "period": "2024-01", "unit": "a", "category": "home", "value": 10 },
    { "period": "2024-01", "unit": "a", "category": "day", "value": 4 },
    { "period": "2024-02", "unit": "a", "category": "home", "value": null },
    { "period": "2024-02", "unit": "a", "category": "day", "value": 5 },
    { "period": "2024-03", "unit": "a", "category": "home", "value": 12 },
    { "period": "2024-03", "unit": "a", "category": "day", "value": 6 },
    { "period": "2024-03", "unit": "b", "category": "home", "value": null },
    { "period": "2024-03", "unit": "b", "category": "day", "value": null }
  ] }"#;

#[test]
fn nulls_are_gaps_never_zeros() {
    let feed = feed_from_json(NULLS);
    for (lang, words) in [(Lang::Ru, "нет данных"), (Lang::En, "not reported")] {
        let trend = draw(&feed, View::Trend, 800.0, None, Medium::Screen, lang);
        // «На дому» in February is null in its only unit: no point, and the table says so.
        let home: Vec<&opeka_chart::Mark> = trend.marks.iter().filter(|m| m.series == "На дому").collect();
        assert_eq!(home.len(), 2, "{lang}: {home:?}");
        assert!(home.iter().all(|m| m.value.is_some_and(|v| v > 0.0)));
        let february = trend.table.rows.iter().find(|r| r[0].starts_with("фев") || r[0].starts_with("Feb")).expect("February row");
        assert!(february.contains(&words.to_owned()), "{lang}: {february:?}");

        let ranking = draw(&feed, View::Ranking, 800.0, None, Medium::Screen, lang);
        // Бийск reported nothing in March: no bar and no zero, but the words where the bar would be.
        let biysk: Vec<&opeka_chart::Mark> = ranking.marks.iter().filter(|m| m.name == "Бийск").collect();
        assert_eq!(biysk.len(), 1);
        assert_eq!(biysk[0].value, None);
        assert!(!matches!(biysk[0].shape, Shape::Bar { .. }));
        assert!(ranking.texts.iter().any(|t| t.text == words), "{lang}");
        assert!(ranking.table.rows.iter().any(|r| r[0] == "Бийск" && r.contains(&words.to_owned())), "{lang}: {:?}", ranking.table.rows);
        for view in [View::Composition, View::Tiles, View::PerCapita] {
            let scene = draw(&feed, view, 800.0, None, Medium::Screen, lang);
            assert!(scene.marks.iter().all(|m| m.name != "Бийск" || m.value.is_none()), "{view} {lang}: a null drawn as a value");
        }
    }
}

const SHARE: &str = r#"{ "opeka": 1, "kind": "outcomes", "title": "Доля семей",
  "projects": [ { "id": "p", "name": "Семья рядом", "status": "active", "indicators": [
    { "id": "share", "label": "Доля семей, вышедших из кризиса", "format": "percent", "direction": "increase",
      "baseline": { "period": "2022", "value": 61.5 }, "target": { "period": "2025", "value": 75 },
      "actual": [ { "period": "2024", "value": 70.8 } ] } ] } ] }"#;

#[test]
fn percentages_change_in_points() {
    let feed = feed_from_json(SHARE);
    for (lang, points) in [(Lang::Ru, "+9,3\u{a0}п.\u{a0}п."), (Lang::En, "+9.3\u{a0}pp")] {
        for view in [View::Progress, View::BeforeAfter, View::Trajectory, View::Tiles] {
            let scene = draw(&feed, view, 800.0, None, Medium::Screen, lang);
            let mut readings: Vec<String> = scene.texts.iter().map(|t| t.text.clone()).collect();
            readings.extend(scene.table.rows.iter().flatten().cloned());
            readings.push(scene.summary.clone());
            let all = readings.join("\n");
            assert!(!all.contains("+15"), "{view} {lang}: a relative percent of a percent:\n{all}");
            if view != View::BeforeAfter {
                assert!(all.contains(points), "{view} {lang}: no change in points:\n{all}");
            }
        }
    }
}

#[test]
fn verdicts_respect_the_calendar() {
    // «Дружим с цифрой»: 0 in 2023, 20 in 2024, target 70 in 2025. In 2024 it is behind the
    // plan line (35), not "worse than target".
    let feed = sample_feed("kuzbass-council-projects-2024");
    for (lang, wrong, right) in [(Lang::Ru, "хуже цели", "отстаёт от плана на 15"), (Lang::En, "worse than target", "behind plan by 15")]
    {
        for view in [View::Progress, View::Trajectory, View::BeforeAfter, View::Tiles] {
            let scene = draw(&feed, view, 1280.0, None, Medium::Screen, lang);
            let mut readings: Vec<String> = scene.texts.iter().map(|t| t.text.clone()).collect();
            readings.extend(scene.table.rows.iter().flatten().cloned());
            let all = readings.join("\n");
            assert!(!all.to_lowercase().contains(wrong), "{view} {lang}: judged against a target not yet due:\n{all}");
            assert!(all.contains(right), "{view} {lang}: no plan verdict:\n{all}");
        }
    }
    // From the target's period on, the target judges.
    let due = SHARE.replace(r#""period": "2025", "value": 75"#, r#""period": "2024", "value": 75"#);
    let scene = draw(&feed_from_json(&due), View::Progress, 800.0, None, Medium::Screen, Lang::Ru);
    assert!(scene.table.rows.iter().flatten().any(|c| c.contains("хуже цели")), "{:?}", scene.table.rows);
}

#[test]
fn targets_are_written() {
    for (name, feed) in [
        ("council", sample_feed("kuzbass-council-projects-2024")),
        ("vyksa", sample_feed("vyksa-orphanhood-prevention")),
        ("share", feed_from_json(SHARE)),
    ] {
        for (lang, word) in [(Lang::Ru, "Цель"), (Lang::En, "Target")] {
            let opeka_feed::Body::Outcomes(outcomes) = &feed.body else { panic!("outcomes") };
            for view in [View::Progress, View::Trajectory] {
                for width in [320.0, 800.0] {
                    let scene = draw(&feed, view, width, None, Medium::Screen, lang);
                    let texts: Vec<&str> = scene.texts.iter().map(|t| t.text.as_str()).collect();
                    for indicator in outcomes.projects.iter().flat_map(|p| &p.indicators) {
                        let Some(target) = indicator.target.as_ref().filter(|t| t.value.is_some()) else { continue };
                        let written = format!("{word} {}:", target.period);
                        assert!(texts.iter().any(|t| t.contains(&written)), "{name} {view} {lang} {width}: {written} missing in {texts:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn units_are_joined_by_a_no_break_space() {
    let mut checked = 0;
    for (what, scene) in every_sample_scene() {
        for mark in &scene.marks {
            if let (Some(unit), Some(_)) = (&mark.unit, mark.value) {
                assert!(mark.label.contains(&format!("\u{a0}{unit}")), "{what}: {:?} is not joined to {unit:?}", mark.label);
                checked += 1;
            }
        }
        for t in scene.texts_of(TextRole::Value) {
            let chars: Vec<char> = t.text.chars().collect();
            let loose = chars.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == ' ' && w[2].is_alphabetic());
            assert!(!loose, "{what}: {:?} breaks between a number and its word", t.text);
        }
    }
    assert!(checked > 500, "only {checked} marks with units");
}

#[test]
fn slides_read_from_the_back_of_the_room() {
    for name in SAMPLES {
        let feed = sample_feed(name);
        for &view in feed.kind().views() {
            for lang in Lang::ALL {
                let scene = draw(&feed, view, 1920.0, Some(1080.0), Medium::Slide, lang);
                let what = format!("{name} {view} {lang}");
                assert_eq!((scene.width, scene.height, scene.medium), (1920.0, 1080.0, Medium::Slide), "{what}");
                let title = scene.texts_of(TextRole::Title).next().unwrap_or_else(|| panic!("{what}: no title"));
                assert!(title.size >= 40.0, "{what}: title {} px", title.size);
                for t in &scene.texts {
                    assert!(t.size >= 22.0, "{what}: {:?} at {} px", t.text, t.size);
                }
                // The content fills the canvas: what is drawn reaches across and down it.
                let right = scene
                    .texts
                    .iter()
                    .map(|t| t.x + t.w)
                    .chain(scene.marks.iter().map(|m| m.shape.bounds()).map(|(x, _, w, _)| x + w))
                    .fold(0.0, f64::max);
                let bottom = scene
                    .texts
                    .iter()
                    .map(|t| t.y + t.h)
                    .chain(scene.marks.iter().map(|m| m.shape.bounds()).map(|(_, y, _, h)| y + h))
                    .fold(0.0, f64::max);
                // (A chart that can only say why it has no marks says it in the middle.)
                if !scene.marks.is_empty() {
                    assert!(right >= 0.7 * scene.width, "{what}: content ends at x = {right:.0}");
                    assert!(bottom >= 0.7 * scene.height, "{what}: content ends at y = {bottom:.0}");
                }
                assert!(common::geometry_problems(&scene).is_empty(), "{what}: {:?}", common::geometry_problems(&scene));
                // An outcomes slide that leaves indicators out says so, without
                // the screen's pointer to a table the slide does not have.
                if let (opeka_feed::Body::Outcomes(outcomes), View::Progress | View::BeforeAfter | View::Trajectory) =
                    (&feed.feed().body, view)
                {
                    let indicators: usize = outcomes.projects.iter().map(|p| p.indicators.len()).sum();
                    let mut drawn: Vec<usize> = scene.marks.iter().map(|m| m.panel).collect();
                    drawn.dedup();
                    let note = scene.texts.iter().find(|t| t.text.starts_with('…'));
                    if drawn.len() < indicators {
                        let note = note.unwrap_or_else(|| panic!("{what}: {} of {indicators} indicators drawn, no note", drawn.len()));
                        let n = (indicators - drawn.len()).to_string();
                        assert!(
                            note.text.contains(&n) && !note.text.contains("табл") && !note.text.contains("table"),
                            "{what}: {}",
                            note.text
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_podium_slide_shows_every_place_in_every_theme() {
    let feed = sample_feed("kuzbass-social-worker-day-2018");
    let places = match &feed.body {
        opeka_feed::Body::Awards(awards) => awards.contests.iter().map(|c| c.places.len()).sum::<usize>(),
        _ => panic!("the sample is an awards feed"),
    };
    assert!(places >= 3, "the sample has {places} places");
    for theme in [Theme::Light, Theme::Contrast] {
        for lang in Lang::ALL {
            let request =
                ChartRequest { view: Some(View::Podium), width: 1920.0, height: Some(1080.0), medium: Medium::Slide, theme, lang };
            let scene = render(&feed, &request, &PtSansMetrics);
            let what = format!("{theme:?} {lang}");
            // A projector's larger type must not push a place off the slide: the cards' type shrinks instead.
            assert_eq!(scene.marks.len(), places, "{what}: {} of {places} places drawn", scene.marks.len());
            for t in &scene.texts {
                assert!(t.size >= 22.0, "{what}: {:?} at {} px", t.text, t.size);
                // A slide has no data table to send a reader to.
                assert!(!t.text.contains("таблиц") && !t.text.contains("table"), "{what}: {:?}", t.text);
            }
            assert!(common::geometry_problems(&scene).is_empty(), "{what}: {:?}", common::geometry_problems(&scene));
        }
    }
}

/// The rule "the summary reads as written": a screen reader says the
/// summary aloud, so no sentence of it ends twice (a date such as
/// «6 июня 2025 г.» ends a sentence with its own full stop).
#[test]
fn summaries_end_each_sentence_once() {
    // The samples' periods are months; days and years end in «г.».
    let mut scenes = every_sample_scene();
    for period in ["2025-06-06", "2025"] {
        let feed = feed_from_json(&format!(
            r#"{{"opeka":1,"kind":"caseload","title":"t","units":[{{"id":"u","label":"U"}},{{"id":"w","label":"W"}}],"categories":[{{"id":"a","label":"A"}}],"records":[{{"period":"{period}","unit":"u","category":"a","value":1}},{{"period":"{period}","unit":"w","category":"a","value":2}}]}}"#
        ));
        for &view in feed.kind().views() {
            for lang in Lang::ALL {
                scenes.push((format!("{period} {view} {lang}"), draw(&feed, view, 800.0, None, Medium::Screen, lang)));
            }
        }
    }
    let problems: Vec<String> = scenes
        .into_iter()
        .filter(|(_, scene)| scene.summary.contains("..") || scene.summary.contains(". ."))
        .map(|(name, scene)| format!("{name}: {}", scene.summary))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
