//! Feeds too big to draw in full: a bar chart draws its first 200 rows
//! (the latest 200 periods), a trend its 20 lines with the largest latest
//! values, a composition its 11 largest categories and «Другое» — and each
//! says so under the chart and in its summary, while the table keeps
//! what the chart leaves out (bars) or says what it left out (lines), up
//! to its own cap of 1 000 rows (the rest counted).
#![allow(
    clippy::disallowed_methods,
    clippy::disallowed_types,
    reason = "tests build their feeds with std formatting and count with std sets"
)]

mod common;

use common::{drawn_points, feed_from_json};
use opeka_chart::{render, render_with, ChartRequest, Lang, Medium, PtSansMetrics, Readings, Scene, TextRole, Theme, View};

fn draw(json: &str, view: View, lang: Lang) -> Scene {
    let request = ChartRequest { view: Some(view), width: 800.0, height: None, medium: Medium::Screen, theme: Theme::Light, lang };
    render(&feed_from_json(json), &request, &PtSansMetrics)
}

/// `units` municipalities, unit `i` serving `i + 1` people in June 2024
/// (so the largest is the last declared), every fourth with a population;
/// with `categories`, unit `i`'s value goes to category `i % categories`.
fn by_units(units: usize, categories: usize) -> String {
    let unit_list: Vec<String> = (0..units)
        .map(|i| {
            let population = if i % 4 == 0 { format!(r#", "population": {}"#, 1000 + i) } else { String::new() };
            format!(r#"{{ "id": "u{i}", "label": "Территория {i}"{population} }}"#)
        })
        .collect();
    let category_list: Vec<String> = (0..categories).map(|c| format!(r#"{{ "id": "c{c}", "label": "Категория {c}" }}"#)).collect();
    let records: Vec<String> = (0..units)
        .map(|i| {
            let category = if categories > 0 { format!(r#", "category": "c{}""#, i % categories) } else { String::new() };
            format!(r#"{{ "period": "2024-06", "unit": "u{i}"{category}, "value": {} }}"#, i + 1)
        })
        .collect();
    format!(
        r#"{{ "opeka": 1, "kind": "caseload", "title": "Получатели", "measure": {{ "label": "Получатели" }},
            "units": [{}], "categories": [{}], "records": [{}] }}"#,
        unit_list.join(","),
        category_list.join(","),
        records.join(",")
    )
}

/// The notes under the chart, with no-break spaces as plain ones.
fn notes(scene: &Scene) -> String {
    plain(&scene.texts_of(TextRole::Note).map(|t| t.text.as_str()).collect::<Vec<_>>().join(" "))
}

/// The summary, with no-break spaces (between a number's groups, and a
/// number and its noun) as plain ones.
fn summary(scene: &Scene) -> String {
    plain(&scene.summary)
}

fn plain(text: &str) -> String {
    text.replace('\u{a0}', " ")
}

#[test]
fn a_ranking_of_many_units_draws_the_largest_200_and_tabulates_all() {
    let scene = draw(&by_units(1_000, 0), View::Ranking, Lang::Ru);
    assert_eq!(scene.marks.len(), 200, "one bar per drawn row");
    // Largest first: unit 999 (value 1 000) down to unit 800.
    assert!(scene.marks[0].label.starts_with("Территория 999,"), "{}", scene.marks[0].label);
    assert!(scene.marks[199].label.starts_with("Территория 800,"), "{}", scene.marks[199].label);
    assert_eq!(scene.table.rows.len(), 1_000, "the table keeps every row");
    let note = "На графике — 200 строк из 1 000, с наибольшими значениями; больше — в таблице данных.";
    assert!(notes(&scene).contains("На графике — 200 строк из"), "{}", notes(&scene));
    assert!(summary(&scene).ends_with(note), "{}", scene.summary);

    let en = draw(&by_units(1_000, 0), View::Ranking, Lang::En);
    assert!(
        summary(&en).ends_with("The chart shows 200 rows of 1,000, those with the largest values; the data table has more."),
        "{}",
        en.summary
    );
}

#[test]
fn a_ranking_at_the_cap_draws_every_row_without_a_note() {
    let scene = draw(&by_units(200, 0), View::Ranking, Lang::Ru);
    assert_eq!(scene.marks.len(), 200);
    assert!(!summary(&scene).contains("На графике —"), "{}", scene.summary);
}

#[test]
fn per_capita_names_a_few_units_without_population_and_counts_the_rest() {
    // 1 000 units, 250 with a population: 250 bars (200 drawn), 750 unnamed.
    let scene = draw(&by_units(1_000, 0), View::PerCapita, Lang::Ru);
    assert_eq!(scene.marks.len(), 200);
    assert_eq!(scene.table.rows.len(), 1_000);
    assert!(summary(&scene).contains("и ещё 740"), "ten named, the rest counted: {}", scene.summary);
    assert!(scene.summary.len() < 2_000, "the accessible name stays short: {} bytes", scene.summary.len());
    assert!(summary(&scene).contains("На графике — 200 строк из 250"), "{}", scene.summary);
}

#[test]
fn a_composition_of_many_categories_folds_the_smallest_into_other() {
    let scene = draw(&by_units(300, 40), View::Composition, Lang::Ru);
    // Eleven categories of their own, «Другое» and the total.
    assert_eq!(scene.table.columns.len(), 1 + 11 + 1 + 1, "{:?}", scene.table.columns);
    assert_eq!(scene.table.columns[12], "Другое");
    // The largest categories are those of the largest units: c39 (unit 299) and down.
    // Unit i (value i + 1) reports category i % 40: c0–c19 have eight units,
    // c20–c39 seven, so the largest eleven are c9–c19, in declared order.
    let kept: Vec<String> = (9..=19).map(|c| format!("Категория {c}")).collect();
    assert_eq!(scene.table.columns[1..12], kept[..], "{:?}", scene.table.columns);
    assert!(notes(&scene).contains("«Другое» — ещё 29 категорий вместе."), "{}", notes(&scene));
    // Folding keeps the totals: the total column still adds up every unit.
    let total: f64 = scene.table.rows.iter().map(|r| r[13].replace('\u{a0}', "").parse::<f64>().unwrap_or(0.0)).sum();
    assert_eq!(total, (1..=300).sum::<usize>() as f64);
    assert_eq!(scene.marks.len(), 200, "one segment for each of the 200 drawn units");
}

#[test]
fn a_composition_of_many_periods_draws_the_latest() {
    let records: Vec<String> = (0..400).map(|d| format!(r#"{{ "period": "{}", "value": {} }}"#, day(d), d + 1)).rev().collect();
    let json = format!(r#"{{ "opeka": 1, "kind": "caseload", "title": "Обращения", "records": [{}] }}"#, records.join(","));
    let scene = draw(&json, View::Composition, Lang::Ru);
    assert_eq!(scene.marks.len(), 200);
    assert_eq!(scene.table.rows.len(), 400);
    let values: Vec<Option<f64>> = scene.marks.iter().map(|m| m.value).collect();
    assert_eq!(values.iter().flatten().copied().fold(f64::INFINITY, f64::min), 201.0, "the earliest drawn is day 201");
    assert_eq!(values.iter().flatten().copied().fold(0.0, f64::max), 400.0, "the latest day is drawn");
    assert!(summary(&scene).contains("На графике — последние 200 периодов из 400"), "{}", scene.summary);
}

#[test]
fn a_trend_of_many_units_draws_the_20_largest_latest() {
    let scene = draw(&by_units(500, 0), View::Trend, Lang::Ru);
    let series: Vec<&str> = scene.table.columns[1..].iter().map(String::as_str).collect();
    assert_eq!(series.len(), 20, "{series:?}");
    assert_eq!(series[0], "Территория 480", "declared order among the kept");
    assert_eq!(series[19], "Территория 499");
    assert!(notes(&scene).contains("На графике и в таблице — 20 рядов из 500"), "{}", notes(&scene));
    assert!(
        summary(&scene).ends_with("На графике и в таблице — 20 рядов из 500, с наибольшими последними значениями."),
        "{}",
        scene.summary
    );
    let drawn_series: std::collections::BTreeSet<usize> = scene.marks.iter().map(|m| m.series_index).collect();
    assert_eq!(drawn_series.len(), 20);
}

/// Day `d` after 1 January 2024, as `YYYY-MM-DD`.
fn day(d: usize) -> String {
    let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default() + chrono::Days::new(d as u64);
    date.format("%Y-%m-%d").to_string()
}

#[test]
fn a_ranking_table_drawn_unread_has_no_rows_shown_its_first_1000_counting_the_rest_read_every_row_a_trend_every_period() {
    // Drawn unread (a page's first drawing), no rows; as the page's table
    // shows it, its first 1 000 and a count of the rest; read (the page's
    // CSV), every unit. The drawing is the same.
    let request =
        ChartRequest { view: Some(View::Ranking), width: 800.0, height: None, medium: Medium::Screen, theme: Theme::Light, lang: Lang::Ru };
    let feed = feed_from_json(&by_units(1_500, 0));
    let unread = render_with(&feed, &request, 0, Readings::Unread, &PtSansMetrics);
    assert_eq!((unread.table.rows.len(), unread.table.more_rows), (0, 1_500));
    let shown = render_with(&feed, &request, 0, Readings::Shown, &PtSansMetrics);
    assert_eq!((shown.table.rows.len(), shown.table.more_rows), (1_000, 500));
    assert_eq!((&shown.marks, &shown.texts), (&unread.marks, &unread.texts));
    // Largest first: the table's last row is the thousandth largest.
    assert_eq!(shown.table.rows[999][0], "Территория 500", "{:?}", shown.table.rows[999]);
    let ranking = draw(&by_units(1_500, 0), View::Ranking, Lang::Ru);
    assert_eq!((ranking.table.rows.len(), ranking.table.more_rows), (1_500, 0));
    assert_eq!(ranking.table.rows[..1_000], shown.table.rows[..]);
    assert_eq!(plain(&ranking.table.rows[1_499][1]), "1", "{:?}", ranking.table.rows[1_499]);

    // A daily trend of 1 200 days: every day is in the table (its CSV),
    // nothing is counted after them, and the caption says which the page's
    // table shows: the latest 1 000 (crates/widgets/js/interact.js).
    let records: Vec<String> = (0..1_200).map(|d| format!(r#"{{ "period": "{}", "value": {} }}"#, day(d), d + 1)).collect();
    let json = format!(r#"{{ "opeka": 1, "kind": "caseload", "title": "Обращения", "records": [{}] }}"#, records.join(","));
    let trend = draw(&json, View::Trend, Lang::Ru);
    assert_eq!((trend.table.rows.len(), trend.table.more_rows), (1_200, 0));
    // As the page's table shows it (opened, printed): only the latest 1 000
    // are formatted, the rows and caption of the whole table's end; the
    // points placed, as with every row.
    let request =
        ChartRequest { view: Some(View::Trend), width: 800.0, height: None, medium: Medium::Screen, theme: Theme::Light, lang: Lang::Ru };
    let shown = render_with(&feed_from_json(&json), &request, 0, Readings::Shown, &PtSansMetrics);
    assert_eq!(shown.table.rows[..], trend.table.rows[200..]);
    assert_eq!((&shown.table.caption, shown.table.more_rows), (&trend.table.caption, 0));
    let rows = render_with(&feed_from_json(&json), &request, 0, Readings::Rows, &PtSansMetrics);
    assert_eq!(rows.table, trend.table);
    assert_eq!((&shown.marks, &shown.items), (&rows.marks, &rows.items));
    assert_eq!(plain(&trend.table.rows[0][1]), "1", "{:?}", trend.table.rows[0]);
    assert_eq!(plain(&trend.table.rows[200][1]), "201", "{:?}", trend.table.rows[200]);
    assert_eq!(plain(&trend.table.rows[1_199][1]), "1 200", "{:?}", trend.table.rows[1_199]);
    assert_eq!(plain(&trend.table.caption), "Обращения. Последние 1 000 строк из 1 200.");
    let english = draw(&json, View::Trend, Lang::En);
    assert_eq!(english.table.caption, "Обращения. The latest 1,000\u{a0}rows of 1,200.");
    // The chart itself still draws every day, from the first.
    let values: Vec<f64> = trend.marks.iter().filter_map(|m| m.value).collect();
    assert_eq!((values.iter().copied().fold(f64::MAX, f64::min), values.iter().copied().fold(0.0, f64::max)), (1.0, 1_200.0));

    // A table within the cap counts nothing, and its caption is the title.
    assert_eq!(draw(&by_units(999, 0), View::Ranking, Lang::Ru).table.more_rows, 0);
    let short: Vec<String> = (0..1_000).map(|d| format!(r#"{{ "period": "{}", "value": {} }}"#, day(d), d + 1)).collect();
    let short = draw(
        &format!(r#"{{ "opeka": 1, "kind": "caseload", "title": "Обращения", "records": [{}] }}"#, short.join(",")),
        View::Trend,
        Lang::Ru,
    );
    assert_eq!((short.table.rows.len(), short.table.caption.as_str()), (1_000, "Обращения"));
}

#[test]
fn a_long_trend_drawn_unread_has_marks_for_its_targets_only() {
    // Two lines of 3 000 days with a day missing now and then (a line
    // broken into runs), one line short enough to keep every point, and a
    // target. Unread (a page's first drawing), only the target has a mark:
    // 7 000 points' marks were a quarter of a page's memory for a chart
    // whose readings nobody had asked for yet. Read, every point has one,
    // also those its line's drawing leaves out (each line is downsampled on
    // its own, so another line may keep that period): a tooltip, the marks
    // of one period, then names every line with a value there.
    let days: Vec<usize> = (0..3_000).filter(|d| d % 97 != 5).collect();
    let mut records = Vec::new();
    for &d in &days {
        for c in 0..2 {
            records.push(format!(r#"{{ "period": "{}", "category": "c{c}", "value": {} }}"#, day(d), (d * 7 + c * 31) % 500));
        }
    }
    for d in 0..40 {
        records.push(format!(r#"{{ "period": "{}", "category": "c2", "value": {d} }}"#, day(d * 75)));
    }
    let json = format!(
        r#"{{ "opeka": 1, "kind": "caseload", "title": "Обращения",
        "categories": [{{ "id": "c0", "label": "Один" }}, {{ "id": "c1", "label": "Два" }}, {{ "id": "c2", "label": "Три" }}],
        "records": [{}], "targets": [{{ "period": "{}", "category": "c1", "value": 400 }}] }}"#,
        records.join(","),
        day(2_000)
    );
    let feed = feed_from_json(&json);
    for width in [360.0, 800.0, 1920.0] {
        let request =
            ChartRequest { view: Some(View::Trend), width, height: None, medium: Medium::Screen, theme: Theme::Light, lang: Lang::Ru };
        let unread = render_with(&feed, &request, 0, Readings::Unread, &PtSansMetrics);
        let labels: Vec<&str> = unread.marks.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(labels, ["Цель, 23\u{a0}июня\u{a0}2029\u{a0}г.: 400"], "at {width} px");
        let read = render_with(&feed, &request, 0, Readings::All, &PtSansMetrics);
        assert_eq!((read.items.len(), &read.summary), (unread.items.len(), &unread.summary), "at {width} px: the same drawing");
        assert_eq!(read.marks.iter().filter(|m| m.series_index == 2).count(), 40, "at {width} px, every point of the short line");
        for line in 0..2 {
            assert_eq!(
                read.marks.iter().filter(|m| m.series_index == line && m.label.starts_with(["Один", "Два"][line])).count(),
                days.len(),
                "at {width} px, line {line}"
            );
        }
        // A period's marks (what a tooltip lists) hold both long lines, wherever they were cut.
        let mut lines_by_period: Vec<(String, Vec<usize>)> = Vec::new();
        for mark in read.marks.iter().filter(|m| m.series_index < 2 && !m.label.starts_with("Цель")) {
            let period = mark.period.clone().unwrap_or_default();
            match lines_by_period.iter_mut().find(|(p, _)| *p == period) {
                Some((_, lines)) => lines.push(mark.series_index),
                None => lines_by_period.push((period, vec![mark.series_index])),
            }
        }
        assert_eq!(lines_by_period.len(), days.len(), "at {width} px");
        for (period, lines) in &lines_by_period {
            assert_eq!(lines, &[0, 1], "at {width} px, {period}");
        }
        // Each line's drawing is still cut to the plot's width: fewer points than marks.
        let drawn = drawn_points(&read).len();
        assert!(drawn < read.marks.len(), "at {width} px: {drawn} points drawn, {} marks", read.marks.len());
    }
}

/// An outcomes feed of `projects` projects, each with two indicators (a
/// baseline, a target and six yearly actuals).
fn outcomes(projects: usize) -> String {
    let list: Vec<String> = (0..projects)
        .map(|p| {
            let indicators: Vec<String> = (0..2)
                .map(|i| {
                    let actual: Vec<String> =
                        (2019..2025).map(|y| format!(r#"{{ "period": "{y}", "value": {} }}"#, (p * 7 + i * 13 + y) % 200)).collect();
                    format!(
                        r#"{{ "id": "i{i}", "label": "Показатель {i} проекта {p}", "direction": "{}",
                            "baseline": {{ "period": "2018", "value": {} }}, "target": {{ "period": "2025", "value": {} }},
                            "actual": [{}] }}"#,
                        if i == 0 { "increase" } else { "decrease" },
                        100 + p % 50,
                        150 + p % 30,
                        actual.join(",")
                    )
                })
                .collect();
            format!(r#"{{ "id": "p{p}", "name": "Проект {p}", "status": "active", "indicators": [{}] }}"#, indicators.join(","))
        })
        .collect();
    format!(r#"{{ "opeka": 1, "kind": "outcomes", "title": "Проекты", "projects": [{}] }}"#, list.join(","))
}

/// PT Sans metrics that count the texts measured.
#[derive(Default)]
struct CountingMetrics(std::cell::Cell<usize>);

impl opeka_chart::TextMeasure for CountingMetrics {
    fn width(&self, text: &str, size_px: f64, bold: bool) -> f64 {
        self.0.set(self.0.get() + 1);
        PtSansMetrics.width(text, size_px, bold)
    }
}

/// The scene's texts without the note that counts what a stack left out,
/// and that note, with no-break spaces as plain ones.
fn without_note(scene: &Scene) -> (Vec<&opeka_chart::TextBox>, Option<String>) {
    let (notes, texts): (Vec<_>, Vec<_>) = scene.texts.iter().partition(|t| t.role == TextRole::Note && t.text.starts_with("…и ещё"));
    assert!(notes.len() <= 1, "{} notes", notes.len());
    (texts, notes.first().map(|t| plain(&t.text)))
}

/// "…и ещё 3 950 показателей (см. таблицу данных)", written out here.
fn indicators_left_out(n: usize) -> String {
    let number = if n >= 1_000 { format!("{} {:03}", n / 1_000, n % 1_000) } else { n.to_string() };
    let ending = match (n % 10, n % 100) {
        (_, 11..=14) => "ей",
        (1, _) => "ь",
        (2..=4, _) => "я",
        _ => "ей",
    };
    format!("…и ещё {number} показател{ending} (см. таблицу данных)")
}

#[test]
fn a_big_outcomes_feed_lays_out_only_what_its_canvas_can_hold() {
    // 2 000 projects (4 000 indicators) against their first 300: both fill
    // the largest canvas, which holds fewer than 300 projects in any view.
    let (big, first) = (feed_from_json(&outcomes(2_000)), feed_from_json(&outcomes(300)));
    for view in [View::Progress, View::BeforeAfter, View::Trajectory, View::Tiles] {
        let request =
            ChartRequest { view: Some(view), width: 960.0, height: None, medium: Medium::Screen, theme: Theme::Light, lang: Lang::Ru };
        let (big_measure, first_measure) = (CountingMetrics::default(), CountingMetrics::default());
        let (a, b) = (render(&big, &request, &big_measure), render(&first, &request, &first_measure));
        assert_eq!(a.height, 8192.0, "{view}: the largest canvas");
        // The same drawing, but for the note under a stack or a grid, which
        // counts the indicators each feed left to the table.
        let (a_texts, a_note) = without_note(&a);
        let (b_texts, b_note) = without_note(&b);
        assert_eq!((&a.marks, &a_texts, &a.items), (&b.marks, &b_texts, &b.items), "{view}: the same drawing");
        if matches!(view, View::Progress | View::BeforeAfter | View::Trajectory) {
            let mut drawn: Vec<usize> = a.marks.iter().map(|m| m.panel).collect();
            drawn.dedup();
            assert!(drawn.len() > 50 && drawn.len() < 600, "{view}: {} indicators drawn", drawn.len());
            let note = a.texts.iter().find(|t| t.text.starts_with("…и ещё")).expect("a note");
            let lowest = a.marks.iter().map(|m| m.shape.bounds()).map(|(_, y, _, h)| y + h).fold(0.0, f64::max);
            assert!(note.y >= lowest && note.y + note.h <= a.height, "{view}: the note at {} under the marks to {lowest}", note.y);
            assert_eq!(a_note.as_deref(), Some(indicators_left_out(4_000 - drawn.len()).as_str()), "{view}");
            assert_eq!(b_note.as_deref(), Some(indicators_left_out(600 - drawn.len()).as_str()), "{view}");
        } else {
            assert_eq!((a_note, b_note), (None, None), "{view}");
        }
        // Laid out as far as the canvas reaches, not for every indicator
        // (the before-after measures each distinct caption of its bars
        // once, for their common width; both feeds have the same).
        assert_eq!(big_measure.0.get(), first_measure.0.get(), "{view}: texts measured");
        // The table has every indicator (read: the page's CSV). It has no
        // rows drawn unread (a page's first drawing), and as the page
        // shows it, its first 1 000, counting the rest: the same marks and
        // texts either way (the tiles past those the canvas holds are
        // left empty unless tabled). The summary reads out 50.
        assert_eq!((a.table.rows.len(), a.table.more_rows), (4_000, 0), "{view}");
        for (readings, held) in [(Readings::Unread, 0), (Readings::Shown, 1_000)] {
            let drawn = render_with(&big, &request, 0, readings, &PtSansMetrics);
            assert_eq!((drawn.table.rows.len(), drawn.table.more_rows), (held, 4_000 - held), "{view}, {readings:?}");
            assert_eq!(drawn.table.rows[..], a.table.rows[..held], "{view}, {readings:?}");
            assert_eq!((&drawn.marks, &drawn.texts, &drawn.summary), (&a.marks, &a.texts, &a.summary), "{view}, {readings:?}");
        }
        let told = summary(&a);
        assert!(told.contains("Показатель 1 проекта 24"), "{view}: {told}");
        assert!(!told.contains("проекта 25"), "{view}: {told}");
        assert!(told.ends_with("…и ещё 3 950 показателей (см. таблицу данных)."), "{view}: {told}");
        assert!(a.summary.len() < 12_000, "{view}: {} bytes", a.summary.len());
    }
}

#[test]
fn a_register_of_tiles_without_a_height_keeps_its_type_past_the_largest_canvas() {
    // The size of each tile's texts by role and weight: the figure, the
    // kicker, the label and the verdict.
    let sizes = |scene: &Scene| {
        let mut sizes: Vec<(TextRole, bool, u64)> = scene
            .texts
            .iter()
            .filter(|t| !matches!(t.role, TextRole::Title | TextRole::Subtitle | TextRole::Note))
            .map(|t| (t.role, t.bold, t.size.to_bits()))
            .collect();
        sizes.sort_by_key(|&(role, bold, size)| (format!("{role:?}"), bold, size));
        sizes.dedup();
        sizes
    };
    let tiles = |projects: usize, height: Option<f64>| {
        let request =
            ChartRequest { view: Some(View::Tiles), width: 960.0, height, medium: Medium::Screen, theme: Theme::Light, lang: Lang::Ru };
        render(&feed_from_json(&outcomes(projects)), &request, &PtSansMetrics)
    };
    // 40 projects' 80 tiles fill more than the default height at the
    // type's own size, and less than the largest canvas.
    let (fits, register) = (tiles(40, None), tiles(2_000, None));
    assert!(fits.height > 1_000.0 && fits.height < 8_192.0, "{}", fits.height);
    assert_eq!(register.height, 8_192.0, "the largest canvas");
    assert!(!sizes(&fits).is_empty());
    // The 2 000 projects' 4 000 tiles, which no canvas holds, in the same
    // type: not the smallest, which fit a few more of them and left the
    // rest to the table all the same.
    assert_eq!(sizes(&register), sizes(&fits));
    assert!(register.marks.len() > 150, "{} tiles drawn", register.marks.len());
    assert_eq!(register.table.rows.len(), 4_000, "the table has every tile");
    // A height asked for that cannot hold them all still shrinks the type,
    // to show as many as it can (`explicit_heights_shrink_the_type_then_drop_rows`).
    let asked = tiles(2_000, Some(8_192.0));
    let figure = |scene: &Scene| scene.texts.iter().filter(|t| t.role == TextRole::Value).map(|t| t.size).fold(0.0, f64::max);
    assert!(figure(&asked) < figure(&register), "{} against {}", figure(&asked), figure(&register));
    assert!(asked.marks.len() > register.marks.len());
}
