//! The trend view on the sample feeds: golden SVGs, what a viewer sees, and
//! geometry invariants over a sweep of widths.
//!
//! Golden files live in `tests/snapshots/`. After an intended change to the
//! drawing, regenerate them with
//!
//! ```sh
//! OPEKA_BLESS=1 cargo test -p opeka-chart
//! ```
//!
//! and review the diff (or open the SVGs) before committing.

mod common;

use common::{check_snapshot, drawn_points, feed_from_json, geometry_problems, sample_feed, svg_texts};
use opeka_chart::{render, render_with, ChartRequest, Lang, Medium, PtSansMetrics, Readings, Scene, Shape, TextRole, Theme, View};

fn trend(feed: &str, width: f64, lang: Lang) -> Scene {
    let request = ChartRequest { view: Some(View::Trend), width, height: None, medium: Medium::Screen, theme: Theme::Light, lang };
    render(&sample_feed(feed), &request, &PtSansMetrics)
}

#[test]
fn golden_svgs() {
    for feed in ["kuzbass-caseload", "kuzbass-accident-families"] {
        for lang in Lang::ALL {
            let chart = trend(feed, 800.0, lang);
            check_snapshot(&format!("{feed}.trend.{lang}.800.svg"), &chart.to_svg());
        }
    }
}

/// Whether `s` is a whole number with groups of three digits split by
/// no-break spaces: `0`, `2 500`, `12 000`.
fn is_grouped_ru_number(s: &str) -> bool {
    let groups: Vec<&str> = s.split('\u{a0}').collect();
    let digits = |g: &&str| g.chars().all(|c| c.is_ascii_digit());
    !groups.is_empty() && groups.iter().all(digits) && (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3)
}

#[test]
fn caseload_trend_shows_what_a_viewer_expects() {
    let chart = trend("kuzbass-caseload", 800.0, Lang::Ru);
    assert_eq!(chart.view, View::Trend);
    let texts = svg_texts(&chart.to_svg());
    assert!(chart.to_svg().contains("<title>Получатели социальных услуг в Кузбассе</title>"));
    assert!(texts.iter().any(|t| t == "Получатели социальных услуг в Кузбассе"), "{texts:?}");
    // One line per category; the caseload has no gap where every municipality is null.
    assert_eq!(chart.to_svg().matches("<polyline").count(), 4);
    for category in
        ["Социальное обслуживание на дому", "Полустационарное обслуживание", "Стационарное обслуживание", "Срочное социальное обслуживание"]
    {
        assert!(texts.iter().any(|t| t == category), "legend lacks {category}: {texts:?}");
    }
    // Value ticks: whole numbers grouped by no-break spaces, 0 among them.
    let numeric: Vec<&String> =
        texts.iter().filter(|t| t.chars().next().is_some_and(|c| c.is_ascii_digit()) && !t.contains("г.")).collect();
    assert!(numeric.len() >= 3, "{texts:?}");
    assert!(numeric.iter().all(|t| is_grouped_ru_number(t)), "{numeric:?}");
    assert!(numeric.iter().any(|t| t.contains('\u{a0}')), "{numeric:?}");
    // Russian month names on the period axis, the year on the first tick.
    let months = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
    let ticks: Vec<&String> = texts.iter().filter(|t| months.iter().any(|m| t.starts_with(m))).collect();
    assert!(ticks.len() >= 3, "{texts:?}");
    assert!(ticks[0].contains("2016"), "{ticks:?}");
    // Frame texts.
    assert!(texts.iter().any(|t| t.starts_with("Источник: Администрация Кемеровской области")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("данные на 30\u{a0}июня\u{a0}2018\u{a0}г.")), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Получатели услуг, человек"), "{texts:?}");
    // One mark per datum: 4 categories × 30 months.
    assert_eq!(chart.marks.len(), 120);
    let mark = &chart.marks[0];
    assert_eq!(mark.series, "Социальное обслуживание на дому");
    assert!(mark.label.starts_with("Социальное обслуживание на дому, январь\u{a0}2016: "), "{}", mark.label);
    assert!(mark.label.ends_with("\u{a0}человек"), "{}", mark.label);
    // The osinniki day-care null in August 2017 leaves the sum incomplete, not a gap.
    assert!(chart
        .marks
        .iter()
        .any(|m| m.label.starts_with("Полустационарное обслуживание, август\u{a0}2017") && m.label.ends_with("(данные неполные)")));
    // Table and summary.
    assert_eq!(chart.table.columns.len(), 5);
    assert_eq!(chart.table.rows.len(), 30);
    assert!(chart.summary.contains("Линейный график: 4\u{a0}ряда, 30\u{a0}периодов"), "{}", chart.summary);
    assert!(chart.summary.contains("июнь\u{a0}2018"), "{}", chart.summary);
}

#[test]
fn english_uses_english_words_and_numbers() {
    let chart = trend("kuzbass-caseload", 800.0, Lang::En);
    let texts = svg_texts(&chart.to_svg());
    assert!(chart.to_svg().contains("<title>People receiving social services in Kuzbass</title>"));
    assert!(texts.iter().any(|t| t == "Home-based care"), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Source: Kemerovo Region Administration")), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Jan")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains(',') && t.chars().next().is_some_and(|c| c.is_ascii_digit())), "{texts:?}");
    assert!(
        chart.summary.starts_with("People receiving social services in Kuzbass. Line chart: 4\u{a0}series, 30\u{a0}periods"),
        "{}",
        chart.summary
    );
    assert!(chart.marks[0].label.starts_with("Home-based care, Jan\u{a0}2016: "), "{}", chart.marks[0].label);
}

#[test]
fn quarterly_feed_draws_one_line_per_category() {
    let chart = trend("kuzbass-accident-families", 800.0, Lang::Ru);
    assert_eq!(chart.to_svg().matches("<polyline").count(), 6);
    assert_eq!(chart.marks.len(), 72);
    let texts = svg_texts(&chart.to_svg());
    assert!(texts.iter().any(|t| t.contains("кв.")), "{texts:?}");
}

#[test]
fn geometry_holds_at_every_width_theme_and_language() {
    for feed in ["kuzbass-caseload", "kuzbass-accident-families"] {
        let valid = sample_feed(feed);
        for width in [320.0, 480.0, 640.0, 800.0, 1280.0, 1920.0] {
            for lang in Lang::ALL {
                for theme in Theme::ALL {
                    let request = ChartRequest { view: Some(View::Trend), width, height: None, medium: Medium::Screen, theme, lang };
                    let chart = render(&valid, &request, &PtSansMetrics);
                    let problems = geometry_problems(&chart);
                    assert!(problems.is_empty(), "{feed} {width} {lang} {theme}:\n{}", problems.join("\n"));
                    assert!(chart.height >= opeka_chart::default_height(View::Trend, width));
                    assert_eq!(chart.marks.iter().filter(|m| matches!(m.shape, Shape::Point { .. })).count(), chart.marks.len());
                }
            }
        }
    }
}

#[test]
fn explicit_small_heights_keep_everything_on_the_canvas() {
    let valid = sample_feed("kuzbass-caseload");
    for height in [120.0, 200.0, 300.0] {
        let request = ChartRequest {
            view: Some(View::Trend),
            width: 480.0,
            height: Some(height),
            medium: Medium::Screen,
            theme: Theme::Light,
            lang: Lang::Ru,
        };
        let chart = render(&valid, &request, &PtSansMetrics);
        assert_eq!(chart.height, height);
        let problems = geometry_problems(&chart);
        assert!(problems.is_empty(), "{height}:\n{}", problems.join("\n"));
    }
}

/// A caseload of four categories over 36 months, titled `title`, with
/// (`framed`) or without what its frame may give up: a subtitle, a note and
/// a source.
fn four_categories(title: &str, framed: bool) -> opeka_feed::ValidFeed {
    let frame = if framed {
        r#""subtitle": "по видам обслуживания и территориям",
  "notes": ["Помесячная разбивка по территориям — иллюстративная; итоговые показатели — опубликованные."],
  "source": { "name": "Администрация Кемеровской области", "published": "2018-06-08" }, "updated": "2018-06-30","#
    } else {
        ""
    };
    let categories = [
        "Социальное обслуживание на дому",
        "Полустационарное обслуживание",
        "Стационарное обслуживание",
        "Срочное социальное обслуживание",
    ];
    let records: Vec<String> = (0..36)
        .flat_map(|month| {
            (0..4).map(move |c| {
                format!(
                    r#"{{ "period": "{}-{:02}", "category": "c{c}", "value": {} }}"#,
                    2016 + month / 12,
                    month % 12 + 1,
                    8000 + c * 11000 + month * 90
                )
            })
        })
        .collect();
    let categories: Vec<String> = categories.iter().enumerate().map(|(i, l)| format!(r#"{{ "id": "c{i}", "label": "{l}" }}"#)).collect();
    feed_from_json(&format!(
        r#"{{ "opeka": 1, "kind": "caseload", "title": "{title}", {frame}
  "measure": {{ "label": "Получатели услуг", "unit": ["человек", "человека", "человек"] }},
  "categories": [{}], "records": [{}] }}"#,
        categories.join(", "),
        records.join(", ")
    ))
}

#[test]
fn a_squeezed_trend_gives_up_its_frame_before_its_legend() {
    let title = "Получатели социальных услуг в Кузбассе";
    let (framed, bare) = (four_categories(title, true), four_categories(title, false));
    let drawn = |feed: &opeka_feed::ValidFeed, width: f64, height: f64, lang: Lang| {
        let request =
            ChartRequest { view: Some(View::Trend), width, height: Some(height), medium: Medium::Screen, theme: Theme::Light, lang };
        render(feed, &request, &PtSansMetrics)
    };
    let frame_lines = |chart: &Scene| chart.texts_of(TextRole::Subtitle).count() + chart.texts_of(TextRole::Note).count();
    let mut kept_for_the_legend = 0;
    for width in [330.0, 480.0, 800.0] {
        for lang in Lang::ALL {
            let request = ChartRequest { view: Some(View::Trend), width, height: None, medium: Medium::Screen, theme: Theme::Light, lang };
            let whole_frame = frame_lines(&render(&framed, &request, &PtSansMetrics));
            for height in (120..=480).step_by(10).map(f64::from) {
                let chart = drawn(&framed, width, height, lang);
                let problems = geometry_problems(&chart);
                assert!(problems.is_empty(), "{width}×{height} {lang}:\n{}", problems.join("\n"));
                let legend = chart.texts_of(TextRole::Legend).count();
                assert!(legend == 0 || legend == 4, "{width}×{height} {lang}: the legend is whole or gone ({legend} of 4)");
                let frame = frame_lines(&chart);
                if legend == 0 {
                    // Kept only where giving the frame up would not have made room.
                    assert_eq!(
                        drawn(&bare, width, height, lang).texts_of(TextRole::Legend).count(),
                        0,
                        "{width}×{height} {lang}: the frame's {frame} lines kept, the legend left out"
                    );
                } else if frame < whole_frame {
                    kept_for_the_legend += 1;
                }
            }
        }
    }
    assert!(kept_for_the_legend > 0, "no height gave frame lines up and kept the legend");
}

#[test]
fn a_squeezed_title_or_subtitle_ends_in_an_ellipsis_where_it_was_cut() {
    let feed = four_categories("Численность получателей социальных услуг в Кемеровской области — Кузбассе по видам обслуживания", true);
    let lines = |chart: &Scene, role: TextRole| chart.texts_of(role).map(|t| t.text.clone()).collect::<Vec<_>>();
    let mut cut = 0;
    for width in [330.0, 480.0] {
        for lang in Lang::ALL {
            let request =
                |height| ChartRequest { view: Some(View::Trend), width, height, medium: Medium::Screen, theme: Theme::Light, lang };
            let natural = render(&feed, &request(None), &PtSansMetrics);
            for role in [TextRole::Title, TextRole::Subtitle] {
                let whole = lines(&natural, role);
                assert!(!whole.concat().contains('…'), "{width} {lang} {role:?}: laid out whole: {whole:?}");
                assert!(role != TextRole::Title || whole.len() >= 2, "{width} {lang}: the title wraps: {whole:?}");
                for height in (120..=400).step_by(10).map(f64::from) {
                    let kept = lines(&render(&feed, &request(Some(height)), &PtSansMetrics), role);
                    let Some((last, first)) = kept.split_last() else { continue };
                    if kept.len() == whole.len() {
                        assert_eq!(kept, whole, "{width}×{height} {lang} {role:?}: every line kept as laid out");
                        continue;
                    }
                    cut += 1;
                    let shown = last
                        .strip_suffix('…')
                        .unwrap_or_else(|| panic!("{width}×{height} {lang} {role:?}: {kept:?} cut without an ellipsis"));
                    let text = [first, &[shown.trim_end().to_owned()]].concat().join(" ");
                    assert!(whole.join(" ").starts_with(&text), "{width}×{height} {lang} {role:?}: {kept:?} is not the start of {whole:?}");
                }
            }
        }
    }
    assert!(cut > 0, "no height cut a title or a subtitle");
}

const HOSTILE: &str = r#"{
  "opeka": 1, "kind": "caseload",
  "title": "<script>alert(1)</script> & \"quotes\" 'single' ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ",
  "subtitle": "\u200fمرحبا\u202e RTL override \u2066isolate\u2069",
  "notes": ["</text><script>alert(2)</script>", "&amp; &lt; ]]> <!-- -->"],
  "source": { "name": "<b>bold</b> & co", "url": "javascript:alert(3)" },
  "measure": { "label": "=HYPERLINK(\"x\")", "unit": "<i>people</i>" },
  "categories": [
    { "id": "a", "label": "<img src=x onerror=alert(4)>" },
    { "id": "b", "label": "ЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫ" },
    { "id": "c", "label": "\"quoted\" & 'apos' \u200f\u05e9\u05dc\u05d5\u05dd" }
  ],
  "records": [
    { "period": "2024-01", "category": "a", "value": 10 },
    { "period": "2024-02", "category": "a", "value": null },
    { "period": "2024-03", "category": "a", "value": 30 },
    { "period": "2024-04", "category": "a", "value": 25 },
    { "period": "2024-01", "category": "b", "value": 5 },
    { "period": "2024-04", "category": "b", "value": 7 },
    { "period": "2024-02", "category": "c", "value": 1000000 }
  ],
  "targets": [ { "period": "2024-12", "category": "a", "value": 40, "label": "<target> & \"goal\"" } ]
}"#;

#[test]
fn hostile_labels_are_escaped_and_stay_on_the_canvas() {
    let valid = feed_from_json(HOSTILE);
    for width in [320.0, 800.0] {
        for lang in Lang::ALL {
            let request =
                ChartRequest { view: Some(View::Trend), width, height: None, medium: Medium::Screen, theme: Theme::Contrast, lang };
            let chart = render(&valid, &request, &PtSansMetrics);
            for needle in ["<script", "<img", "<b>", "<i>", "<target>", "<!--", "]]>", "javascript:"] {
                assert!(!chart.to_svg().contains(needle), "{needle} in the SVG at {width}");
            }
            assert!(chart.to_svg().contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
            assert!(!chart.to_svg().contains('\u{202e}') && !chart.to_svg().contains('\u{2066}'), "bidi overrides must not reach the SVG");
            let problems = geometry_problems(&chart);
            assert!(problems.is_empty(), "{width} {lang}:\n{}", problems.join("\n"));
            // Nulls are gaps: category a breaks after January; b has no February–March.
            assert_eq!(chart.to_svg().matches("<polyline").count(), 1, "only a's March–April run is a line");
            assert!(chart.marks.iter().any(|m| m.label.starts_with("<target>")), "the target is a mark");
        }
    }
}

#[test]
fn markers_only_when_points_are_few_and_long_series_are_downsampled() {
    // 600 months: more than the marker limit; at 320 px more than 2 points a pixel.
    let mut records = Vec::new();
    for i in 0..600 {
        let (y, m) = (1980 + i / 12, i % 12 + 1);
        let value = if i == 300 { 5000 } else { 100 + (i * 37) % 50 };
        records.push(format!(r#"{{ "period": "{y}-{m:02}", "value": {value} }}"#));
    }
    let json = format!(r#"{{ "opeka": 1, "kind": "caseload", "title": "Long", "records": [{}] }}"#, records.join(","));
    let valid = feed_from_json(&json);
    let request = ChartRequest { view: None, width: 320.0, height: None, medium: Medium::Screen, theme: Theme::Light, lang: Lang::Ru };
    let chart = render(&valid, &request, &PtSansMetrics);
    assert_eq!(chart.to_svg().matches("<polyline").count(), 1);
    assert!(!chart.to_svg().contains("<circle"), "no markers on 600 points");
    let line = drawn_points(&chart);
    assert!(line.len() < 600, "downsampled to {}", line.len());
    // Read, every month has its reading, kept in the drawing or not.
    assert_eq!(chart.marks.len(), 600);
    let spike = chart.marks.iter().find(|m| m.label.contains("5\u{a0}000")).map(|m| m.shape.bounds());
    let Some((x, y, w, h)) = spike else { panic!("no reading of the spike") };
    assert!(line.contains(&(x + w / 2.0, y + h / 2.0)), "the spike survives downsampling");
    assert_eq!(chart.table.rows.len(), 600, "the table keeps every period");
    assert!(geometry_problems(&chart).is_empty());
}

#[test]
fn a_large_feed_renders_in_time_bounded_by_width() {
    // 100 000 records: 50 units × 2 000 days.
    let mut records = String::new();
    let start = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let units: Vec<String> = (0..50).map(|u| format!(r#"{{ "id": "u{u}", "label": "Unit {u}" }}"#)).collect();
    for d in 0..2000 {
        let day = start + chrono::Duration::days(d);
        for u in 0..50 {
            if !records.is_empty() {
                records.push(',');
            }
            records.push_str(&format!(
                r#"{{"period":"{}","unit":"u{u}","category":"c","value":{}}}"#,
                day.format("%Y-%m-%d"),
                (d * 7 + u * 13) % 97
            ));
        }
    }
    let json = format!(
        r#"{{ "opeka": 1, "kind": "caseload", "title": "Big", "units": [{}], "categories": [{{ "id": "c", "label": "C" }}], "records": [{records}] }}"#,
        units.join(",")
    );
    let valid = feed_from_json(&json);
    let request =
        ChartRequest { view: Some(View::Trend), width: 640.0, height: None, medium: Medium::Screen, theme: Theme::Light, lang: Lang::En };
    // Drawn unread, as a page first draws it: no mark per point.
    let chart = render_with(&valid, &request, 0, Readings::Unread, &PtSansMetrics);
    assert_eq!(chart.to_svg().matches("<polyline").count(), 1);
    assert!(drawn_points(&chart).len() <= 2 * 640, "{}", drawn_points(&chart).len());
    assert!(chart.marks.is_empty(), "{} marks", chart.marks.len());
    // Read (a viewer points), each day has its reading.
    let read = render(&valid, &request, &PtSansMetrics);
    assert_eq!((read.marks.len(), drawn_points(&read).len()), (2000, drawn_points(&chart).len()));
    assert!(geometry_problems(&read).is_empty());
}

#[test]
fn a_view_the_kind_lacks_falls_back_to_the_kinds_own() {
    // A view the kind lacks falls back to the kind's own.
    let awards = sample_feed("kuzbass-social-worker-day-2018");
    let request =
        ChartRequest { view: Some(View::Trend), width: 480.0, height: None, medium: Medium::Screen, theme: Theme::Light, lang: Lang::Ru };
    let chart = render(&awards, &request, &PtSansMetrics);
    assert_ne!(chart.view, View::Trend);
    assert!(geometry_problems(&chart).is_empty());
}

#[test]
fn feed_without_categories_or_units_draws_one_line_named_by_its_measure() {
    let json = r#"{ "opeka": 1, "kind": "caseload", "title": "T", "measure": { "label": "Семьи", "unit": "семей" },
        "records": [ { "period": "2020", "value": 1 }, { "period": "2021", "value": 2 }, { "period": "2022", "value": 3 } ] }"#;
    let chart = render(&feed_from_json(json), &ChartRequest::new(480.0, Lang::Ru), &PtSansMetrics);
    assert_eq!(chart.to_svg().matches("<polyline").count(), 1);
    assert_eq!(chart.table.columns, vec!["Период".to_owned(), "Семьи".to_owned()]);
    assert!(chart.marks[2].label.starts_with("Семьи, 2022: 3\u{a0}семей"), "{}", chart.marks[2].label);
}

#[test]
fn units_without_categories_draw_one_line_per_unit_and_targets_join_their_line() {
    let json = r#"{ "opeka": 1, "kind": "caseload", "title": "По территориям",
        "units": [ { "id": "k", "label": "Кемерово" }, { "id": "n", "label": "Новокузнецк" } ],
        "records": [
          { "period": "2023-Q1", "unit": "k", "value": 10 }, { "period": "2023-Q2", "unit": "k", "value": 12 },
          { "period": "2023-Q1", "unit": "n", "value": 20 }, { "period": "2023-Q2", "unit": "n", "value": 18 } ],
        "targets": [
          { "period": "2023-Q4", "unit": "k", "value": 15, "label": "План Кемерово" } ] }"#;
    let chart = render(&feed_from_json(json), &ChartRequest::new(640.0, Lang::Ru), &PtSansMetrics);
    assert_eq!(chart.to_svg().matches("<polyline").count(), 2);
    assert_eq!(chart.table.columns, vec!["Период", "Кемерово", "Новокузнецк"]);
    let texts = svg_texts(&chart.to_svg());
    assert!(texts.iter().any(|t| t == "План Кемерово: 15"), "{texts:?}");
    assert!(
        chart.marks.iter().any(|m| m.label.starts_with("План Кемерово, IV")),
        "{:?}",
        chart.marks.iter().map(|m| &m.label).collect::<Vec<_>>()
    );
    assert!(chart.summary.contains("План Кемерово"), "{}", chart.summary);
    assert!(geometry_problems(&chart).is_empty());
}

#[test]
fn lines_of_units_are_the_same_whatever_order_the_records_come_in() {
    // The trend tries the key after the last one found before it searches
    // (feeds list each period's units in one order): records in declared
    // order, in another, reversed and shuffled draw the same chart, each
    // line named by its own unit.
    let units = r#"[{"id":"k","label":"Кемерово"},{"id":"n","label":"Новокузнецк"},{"id":"p","label":"Прокопьевск"}]"#;
    let record = |(period, unit, value): &(&str, &str, u32)| format!(r#"{{"period":"{period}","unit":"{unit}","value":{value}}}"#);
    let mut records = Vec::new();
    for (q, period) in ["2023-Q1", "2023-Q2", "2023-Q3"].iter().enumerate() {
        for (u, unit) in ["k", "n", "p"].iter().enumerate() {
            records.push((*period, *unit, 10 * u as u32 + q as u32));
        }
    }
    let draw = |records: &[(&str, &str, u32)]| {
        let listed: Vec<String> = records.iter().map(record).collect();
        let json = format!(
            r#"{{"opeka":1,"kind":"caseload","title":"t","units":{units},"records":[{}],"targets":[{{"period":"2023-Q4","unit":"n","value":15}}]}}"#,
            listed.join(",")
        );
        render(&feed_from_json(&json), &ChartRequest::new(640.0, Lang::Ru), &PtSansMetrics)
    };
    let declared = draw(&records);
    assert_eq!(declared.table.columns, vec!["Период", "Кемерово", "Новокузнецк", "Прокопьевск"]);
    let values: Vec<&[String]> = declared.table.rows.iter().map(|row| &row[1..]).collect();
    assert_eq!(values, [["0", "10", "20"], ["1", "11", "21"], ["2", "12", "22"]], "each unit's values in its own column");
    let by_other_order: Vec<_> = records.chunks(3).flat_map(|c| [c[2], c[0], c[1]]).collect();
    let reversed: Vec<_> = records.iter().rev().copied().collect();
    let shuffled: Vec<_> = [4, 0, 8, 2, 6, 1, 7, 3, 5].iter().map(|&i| records[i]).collect();
    for (name, order) in [("another order", by_other_order), ("reversed", reversed), ("shuffled", shuffled)] {
        let chart = draw(&order);
        assert_eq!(chart.table, declared.table, "{name}");
        assert_eq!(chart.summary, declared.summary, "{name}");
        assert!(chart.to_svg() == declared.to_svg(), "{name}: SVG differs");
    }
}

#[test]
fn extreme_values_and_single_points_still_lay_out() {
    for (a, b) in [(1e300, 1e300), (0.0, 1e-300), (1e15, 0.0), (0.0, 0.0)] {
        let json = format!(
            r#"{{ "opeka": 1, "kind": "caseload", "title": "Край", "measure": {{ "format": "rub" }},
                "records": [ {{ "period": "2020-01-01", "value": {a} }}, {{ "period": "2020-01-02", "value": {b} }} ] }}"#
        );
        for width in [320.0, 1920.0] {
            let chart = render(&feed_from_json(&json), &ChartRequest::new(width, Lang::En), &PtSansMetrics);
            assert!(geometry_problems(&chart).is_empty(), "{a} {b} {width}: {:?}", geometry_problems(&chart));
            assert_eq!(chart.marks.len(), 2);
        }
    }
    let json = r#"{ "opeka": 1, "kind": "caseload", "title": "Один", "records": [ { "period": "2020", "value": 5 } ] }"#;
    let chart = render(&feed_from_json(json), &ChartRequest::new(480.0, Lang::Ru), &PtSansMetrics);
    assert_eq!(chart.marks.len(), 1);
    assert!(chart.to_svg().contains("<circle"), "a lone point gets a marker");
    assert!(geometry_problems(&chart).is_empty());
}
