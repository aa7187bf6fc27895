//! What the widget's interaction reads from a scene: the legend entries a
//! viewer may click, the chart with series hidden (the axis fitted to the
//! rest, colours kept, the summary and table saying what is hidden), and the
//! tooltip's readings on `trend`, and the same chart drawn unread, whose
//! readings the widget writes only when a viewer asks.

mod common;

use common::{geometry_problems, sample_feed};
use opeka_chart::{
    render, render_hiding, render_with, ChartRequest, Item, Lang, Medium, PtSansMetrics, Readings, Rgb, Scene, Shape, TextRole, Theme, View,
};

fn chart(feed: &str, view: View, lang: Lang, hidden: u64) -> Scene {
    let request = ChartRequest { view: Some(view), width: 800.0, height: None, medium: Medium::Screen, theme: Theme::Light, lang };
    render_hiding(&sample_feed(feed), &request, hidden, &PtSansMetrics)
}

/// The strokes of the drawn lines, in paint order.
fn line_colours(scene: &Scene) -> Vec<Rgb> {
    scene.items.iter().filter_map(|i| if let Item::Line { stroke, .. } = i { Some(*stroke) } else { None }).collect()
}

/// The largest value among the marks of a series other than `except`.
fn top_of_others(scene: &Scene, except: usize) -> f64 {
    scene.marks.iter().filter(|m| m.series_index != except).filter_map(|m| m.value).fold(0.0, f64::max)
}

/// The y of the highest point drawn (the smallest y).
fn highest_point(scene: &Scene) -> f64 {
    scene.marks.iter().filter_map(|m| if let Shape::Point { y, .. } = m.shape { Some(y) } else { None }).fold(f64::INFINITY, f64::min)
}

#[test]
fn nothing_hidden_is_the_chart_as_rendered() {
    for (feed, view) in
        [("kuzbass-caseload", View::Trend), ("kuzbass-caseload", View::Composition), ("kuzbass-social-worker-day-2018", View::Breakdown)]
    {
        let request =
            ChartRequest { view: Some(view), width: 800.0, height: None, medium: Medium::Screen, theme: Theme::Light, lang: Lang::Ru };
        let plain = render(&sample_feed(feed), &request, &PtSansMetrics);
        assert_eq!(plain, chart(feed, view, Lang::Ru, 0), "{feed} {view:?}");
        assert!(plain.keys.len() > 1, "{feed} {view:?}: every legend entry can hide its series");
        assert!(plain.keys.iter().all(|k| !k.hidden));
        assert!(!plain.summary.contains("Скрыто"), "{}", plain.summary);
    }
}

#[test]
fn legend_keys_cover_their_entries_and_only_where_hiding_makes_sense() {
    let scene = chart("kuzbass-caseload", View::Trend, Lang::Ru, 0);
    let legend: Vec<_> = scene.texts_of(TextRole::Legend).collect();
    assert_eq!(scene.keys.len(), 4);
    for (n, (key, text)) in scene.keys.iter().zip(&legend).enumerate() {
        assert_eq!(key.series, n);
        assert_eq!(key.label, text.text, "the key is named as its entry reads");
        assert!(
            key.x <= text.x && key.x + key.w >= text.x + text.w - 0.01 && key.y <= text.y && key.h >= text.h - 0.01,
            "{key:?} {text:?}"
        );
    }
    // A slide scales its keys with everything else: each still covers its entry.
    let request = ChartRequest {
        view: Some(View::Trend),
        width: 1920.0,
        height: Some(1080.0),
        medium: Medium::Slide,
        theme: Theme::Light,
        lang: Lang::Ru,
    };
    let slide = render(&sample_feed("kuzbass-caseload"), &request, &PtSansMetrics);
    assert_eq!(slide.keys.len(), 4);
    for (key, text) in slide.keys.iter().zip(slide.texts_of(TextRole::Legend)) {
        assert!(key.x <= text.x && key.x + key.w >= text.x + text.w - 0.01 && key.y <= text.y + 0.01, "{key:?} {text:?}");
    }
    // Ranking has no series to hide: no keys, and a hidden bit changes nothing.
    let ranking = chart("kuzbass-caseload", View::Ranking, Lang::Ru, 0);
    assert!(ranking.keys.is_empty());
    assert_eq!(ranking, chart("kuzbass-caseload", View::Ranking, Lang::Ru, 1));
}

#[test]
fn hiding_the_largest_trend_series_rescales_the_axis_and_keeps_colours() {
    let all = chart("kuzbass-caseload", View::Trend, Lang::Ru, 0);
    // The series that reaches highest: hiding it must let the rest grow.
    let top = all.marks.iter().filter(|m| m.value.is_some()).max_by(|a, b| a.value.partial_cmp(&b.value).expect("finite")).expect("marks");
    let n = top.series_index;
    let hidden = chart("kuzbass-caseload", View::Trend, Lang::Ru, 1 << n);
    assert!(hidden.marks.iter().all(|m| m.series_index != n), "no mark of the hidden series");
    assert_eq!(hidden.marks.len(), all.marks.iter().filter(|m| m.series_index != n).count());
    assert!(top_of_others(&all, n) < top.value.unwrap_or_default());
    assert!(
        highest_point(&hidden) < highest_point(&all) - 20.0,
        "the other lines fill the plot: {} vs {}",
        highest_point(&hidden),
        highest_point(&all)
    );
    // The other lines keep their colours; the legend keeps every entry in its place.
    let mut expected = line_colours(&all);
    expected.remove(n);
    assert_eq!(line_colours(&hidden), expected);
    assert_eq!(
        hidden.keys.iter().map(|k| (k.x, k.y, k.label.clone())).collect::<Vec<_>>(),
        all.keys.iter().map(|k| (k.x, k.y, k.label.clone())).collect::<Vec<_>>()
    );
    assert_eq!(hidden.keys.iter().map(|k| k.hidden).collect::<Vec<_>>(), (0..4).map(|k| k == n).collect::<Vec<_>>());
    assert!(geometry_problems(&hidden).is_empty(), "{:?}", geometry_problems(&hidden));
    // The readings say what is hidden; the table still holds every series.
    let name = &all.keys[n].label;
    assert!(hidden.summary.ends_with(&format!(" Скрыто: {name}.")), "{}", hidden.summary);
    assert!(hidden.table.caption.ends_with(&format!(" Скрыто: {name}.")), "{}", hidden.table.caption);
    assert_eq!(hidden.table.rows, all.table.rows);
}

#[test]
fn hidden_series_are_named_in_english_and_all_of_them() {
    let scene = chart("kuzbass-caseload", View::Trend, Lang::En, 0b101);
    assert!(scene.summary.ends_with(" Hidden: Home-based care, Residential care."), "{}", scene.summary);
    assert_eq!(scene.marks.iter().map(|m| m.series_index).max(), Some(3));
    assert!(scene.marks.iter().all(|m| m.series_index % 2 == 1));
}

#[test]
fn hiding_a_category_shortens_the_composition_bars() {
    let all = chart("kuzbass-caseload", View::Composition, Lang::Ru, 0);
    let hidden = chart("kuzbass-caseload", View::Composition, Lang::Ru, 1);
    assert!(hidden.marks.iter().all(|m| m.series_index != 0));
    assert!(hidden.keys[0].hidden && !hidden.keys[1].hidden);
    let name = &all.keys[0].label;
    assert!(hidden.summary.ends_with(&format!(" Скрыто: {name}.")), "{}", hidden.summary);
    assert!(hidden.table.caption.ends_with(&format!(" Скрыто: {name}.")), "{}", hidden.table.caption);
    // The longest bar still spans the plot: the axis fits what is shown.
    let right = |s: &Scene| s.marks.iter().map(|m| m.shape.bounds()).map(|(x, _, w, _)| x + w).fold(0.0, f64::max);
    assert!((right(&hidden) - right(&all)).abs() < 0.25 * right(&all), "{} vs {}", right(&hidden), right(&all));
    // The number at each bar's end is the sum of what is shown.
    let values: Vec<String> = hidden.texts_of(TextRole::Value).map(|t| t.text.clone()).collect();
    let first_row: f64 = {
        let y = hidden.marks.iter().map(|m| m.shape.bounds().1).fold(f64::INFINITY, f64::min);
        hidden.marks.iter().filter(|m| (m.shape.bounds().1 - y).abs() < 0.5).filter_map(|m| m.value).sum()
    };
    let written = opeka_feed::locale::format_value(first_row, opeka_feed::Format::Count, Lang::Ru);
    assert!(values.contains(&written), "{written} among {values:?}");
}

#[test]
fn hiding_a_group_shortens_the_breakdown_bars() {
    let all = chart("kuzbass-social-worker-day-2018", View::Breakdown, Lang::Ru, 0);
    let hidden = chart("kuzbass-social-worker-day-2018", View::Breakdown, Lang::Ru, 1 << 2);
    assert_eq!(all.keys.len(), 3);
    assert!(hidden.marks.iter().all(|m| m.series_index != 2 || m.value == Some(0.0)));
    // What the bars add up to loses exactly the hidden group's total (the table's last row).
    let sum = |s: &Scene| s.marks.iter().filter_map(|m| m.value).sum::<f64>();
    let total_row = all.table.rows.last().expect("a total row");
    let column = all.table.columns.iter().position(|c| c == "Награды департамента").expect("the group's column");
    let group_total: f64 = total_row[column].replace('\u{a0}', "").parse().expect("a count");
    assert_eq!(sum(&all) - sum(&hidden), group_total);
    assert!(hidden.summary.ends_with(" Скрыто: Награды департамента."), "{}", hidden.summary);
    assert!(hidden.table.caption.ends_with(" Скрыто: Награды департамента."), "{}", hidden.table.caption);
    assert_eq!(hidden.table.rows, all.table.rows, "the table keeps every count");
}

#[test]
fn trend_tooltip_is_the_period_and_every_series_at_it() {
    let scene = chart("kuzbass-caseload", View::Trend, Lang::Ru, 0);
    let i =
        scene.marks.iter().position(|m| m.period.as_deref() == Some("март\u{a0}2018") && m.series_index == 1).expect("a March 2018 point");
    let lines = scene.tooltip(i);
    assert_eq!(lines[0], "март\u{a0}2018");
    assert_eq!(lines.len(), 5, "{lines:?}");
    let row = scene.table.rows.iter().find(|r| r[0] == "март\u{a0}2018").expect("a table row");
    for (n, line) in lines[1..].iter().enumerate() {
        let series = &scene.table.columns[n + 1];
        assert!(line.starts_with(&format!("{series}: {}\u{a0}", row[n + 1])), "{line:?} against {series} = {}", row[n + 1]);
        assert!(line.contains(" к предыдущему периоду"), "{line}");
    }
    // The reading itself names the period and the change from February.
    let mark = &scene.marks[i];
    assert!(mark.label.starts_with(&format!("{}, март\u{a0}2018: ", mark.series)), "{}", mark.label);
    let feb = scene.marks.iter().find(|m| m.series_index == 1 && m.period.as_deref() == Some("февраль\u{a0}2018")).and_then(|m| m.value);
    let change =
        opeka_feed::locale::format_change_in(mark.value.unwrap_or_default(), feb.unwrap_or_default(), opeka_feed::Format::Count, Lang::Ru);
    assert!(mark.label.ends_with(&format!(", {change} к предыдущему периоду")), "{} ({change})", mark.label);
    // The first period has nothing to compare with.
    let first = scene.marks.iter().find(|m| m.series_index == 0).expect("a first point");
    assert!(!first.label.contains("предыдущ"), "{}", first.label);
    // Other views: the mark's own reading.
    let bars = chart("kuzbass-caseload", View::Ranking, Lang::Ru, 0);
    assert_eq!(bars.tooltip(0), vec![bars.marks[0].label.clone()]);
}

#[test]
fn an_unread_chart_is_the_read_one_without_the_trend_points_readings_and_table_rows() {
    let feeds = ["kuzbass-caseload", "kuzbass-accident-families", "kuzbass-social-worker-day-2018", "vyksa-orphanhood-prevention"];
    let mut unread_points = 0;
    for name in feeds {
        let feed = sample_feed(name);
        for &view in feed.kind().views() {
            for (medium, width, hidden) in [(Medium::Screen, 800.0, 0), (Medium::Screen, 360.0, 0b10), (Medium::Slide, 1920.0, 0)] {
                let request = ChartRequest { view: Some(view), width, height: None, medium, theme: Theme::Light, lang: Lang::Ru };
                let read = render_hiding(&feed, &request, hidden, &PtSansMetrics);
                assert_eq!(read, render_with(&feed, &request, hidden, Readings::All, &PtSansMetrics), "{name} {view:?}");
                let unread = render_with(&feed, &request, hidden, Readings::Unread, &PtSansMetrics);
                let context = format!("{name} {view:?} {medium:?} {width}");
                assert!(read.marks.iter().chain(&unread.marks).all(|m| !m.label.is_empty()), "{context}: every mark says something");
                assert_eq!((&unread.items, &unread.summary, &unread.keys), (&read.items, &read.summary, &read.keys), "{context}");
                // The tables that hold a page's first (a trend's latest)
                // 1 000 rows have none drawn unread: the page asks for
                // them as its table is wanted (`Readings::Shown`).
                let shown = render_with(&feed, &request, hidden, Readings::Shown, &PtSansMetrics);
                assert_eq!(shown.table, read.table, "{context}");
                if [View::Trend, View::Ranking, View::Roll, View::Progress, View::BeforeAfter, View::Trajectory, View::Tiles]
                    .contains(&view)
                {
                    assert!(unread.table.rows.is_empty() && !read.table.rows.is_empty(), "{context}: no table rows unread");
                    assert_eq!((&unread.table.caption, &unread.table.columns), (&read.table.caption, &read.table.columns), "{context}");
                } else {
                    assert_eq!(unread.table, read.table, "{context}");
                }
                if view != View::Trend {
                    assert_eq!(unread.marks, read.marks, "{context}");
                    continue;
                }
                // A trend's points have no marks unread; its targets' marks
                // are as read, but for their place in keyboard order.
                let unordered = |m: &opeka_chart::Mark| opeka_chart::Mark { order: 0, ..m.clone() };
                let targets: Vec<_> = read.marks.iter().filter(|m| m.series_index >= read.keys.len()).map(unordered).collect();
                assert_eq!(unread.marks.iter().map(unordered).collect::<Vec<_>>(), targets, "{context}");
                for point in read.marks.iter().filter(|m| m.series_index < read.keys.len()) {
                    assert!(matches!(point.shape, Shape::Point { .. }), "{context}: {}", point.label);
                    unread_points += 1;
                }
            }
        }
    }
    assert!(unread_points > 100, "the trends' points went unread: {unread_points}");
}

#[test]
fn a_trend_is_placed_read_a_period_at_a_time_or_with_its_rows_as_when_all_is_read() {
    // A ranking's table with its rows is every unit's, as read.
    for name in ["kuzbass-caseload", "kuzbass-accident-families"] {
        let feed = sample_feed(name);
        let request = ChartRequest::new(800.0, Lang::Ru);
        let request = ChartRequest { view: Some(View::Ranking), ..request };
        let read = render_with(&feed, &request, 0, Readings::All, &PtSansMetrics);
        assert_eq!(render_with(&feed, &request, 0, Readings::Rows, &PtSansMetrics), read, "{name}");
    }
    let mut periods = 0;
    for name in ["kuzbass-caseload", "kuzbass-accident-families", "kuzbass-social-worker-day-2018", "vyksa-orphanhood-prevention"] {
        let feed = sample_feed(name);
        for (medium, width, hidden) in [(Medium::Screen, 800.0, 0), (Medium::Screen, 360.0, 0b10), (Medium::Slide, 1920.0, 0)] {
            let request = ChartRequest { view: Some(View::Trend), width, height: None, medium, theme: Theme::Light, lang: Lang::Ru };
            let context = format!("{name} {medium:?} {width}");
            let read = render_with(&feed, &request, hidden, Readings::All, &PtSansMetrics);
            if read.view != View::Trend {
                continue;
            }
            let placed = render_with(&feed, &request, hidden, Readings::Places, &PtSansMetrics);
            assert_eq!((&placed.items, &placed.summary, &placed.keys), (&read.items, &read.summary, &read.keys), "{context}");
            assert!(placed.table.rows.is_empty(), "{context}: no table rows placed only");
            // With its rows: placed, and the table as read.
            let rows = render_with(&feed, &request, hidden, Readings::Rows, &PtSansMetrics);
            assert_eq!((&rows.marks, &rows.items), (&placed.marks, &placed.items), "{context}");
            assert_eq!(rows.table, read.table, "{context}");
            // As the page shows it: the same, for a table within 1 000 rows.
            assert_eq!(render_with(&feed, &request, hidden, Readings::Shown, &PtSansMetrics), rows, "{context}");
            // The same marks in the same places and keyboard order; a
            // point's texts empty, a target's as read.
            assert_eq!(placed.marks.len(), read.marks.len(), "{context}");
            for (p, r) in placed.marks.iter().zip(&read.marks) {
                assert_eq!((p.shape, p.series_index, p.order, p.panel), (r.shape, r.series_index, r.order, r.panel), "{context}");
                let target = r.series_index >= read.keys.len();
                assert_eq!(p.label.is_empty(), !target, "{context}: {}", r.label);
                if target {
                    assert_eq!(p, r, "{context}");
                }
            }
            // Each period's points read on their own are the read ones there.
            let xs: Vec<f64> = read.marks.iter().filter(|m| m.series_index < read.keys.len()).map(point_x).collect();
            for &x in xs.iter().step_by(7) {
                let between = render_with(&feed, &request, hidden, Readings::Between(x - 0.3, x + 0.3), &PtSansMetrics);
                let points: Vec<_> = between.marks.iter().filter(|m| m.series_index < read.keys.len()).collect();
                let expected: Vec<_> =
                    read.marks.iter().filter(|m| m.series_index < read.keys.len() && (point_x(m) - x).abs() <= 0.3).collect();
                assert!(!points.is_empty(), "{context}: {x}");
                assert_eq!(points.len(), expected.len(), "{context}: {x}");
                for (b, r) in points.iter().zip(&expected) {
                    assert_eq!((&b.label, &b.period, b.value, b.shape), (&r.label, &r.period, r.value, r.shape), "{context}: {x}");
                }
                assert!(between.table.rows.is_empty(), "{context}");
                periods += 1;
            }
        }
    }
    assert!(periods > 20, "{periods}");
}

/// A point's x.
fn point_x(mark: &opeka_chart::Mark) -> f64 {
    match mark.shape {
        Shape::Point { x, .. } => x,
        _ => f64::NAN,
    }
}
