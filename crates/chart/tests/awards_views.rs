//! The awards views (`breakdown`, `podium`, `roll`): golden SVGs, what a
//! viewer sees, geometry invariants over widths, themes and languages, and
//! hostile labels.
//!
//! Regenerate the golden files after an intended change with
//! `OPEKA_BLESS=1 cargo test -p opeka-chart` and review the diff. Set
//! `OPEKA_DUMP=/some/dir` to also write every chart drawn by
//! [`dump`] there, for a look in a browser.

#![allow(clippy::disallowed_methods, reason = "not in the wasm bundle: std's sort is fine here")]

mod common;

use common::{check_snapshot, feed_from_json, geometry_problems, roll_json, sample_feed, svg_texts};
use opeka_chart::{render, render_with, ChartRequest, Lang, Medium, PtSansMetrics, Readings, Scene, Shape, Theme, View, MAX_ROWS};
use opeka_feed::ValidFeed;

const SAMPLE: &str = "kuzbass-social-worker-day-2018";
const WIDTHS: [f64; 6] = [320.0, 480.0, 640.0, 800.0, 1280.0, 1920.0];

fn draw(feed: &ValidFeed, view: View, width: f64, lang: Lang, theme: Theme) -> Scene {
    let request = ChartRequest { view: Some(view), width, height: None, medium: Medium::Screen, theme, lang };
    let chart = render(feed, &request, &PtSansMetrics);
    dump(&format!("{view}.{width}.{lang}.{theme}"), &chart);
    chart
}

/// Writes the chart's SVG to `$OPEKA_DUMP/<name>.svg` when the variable is set.
fn dump(name: &str, chart: &Scene) {
    if let Some(dir) = std::env::var_os("OPEKA_DUMP") {
        static DRAWN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = DRAWN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let feed: String = chart.table.caption.chars().filter(|c| c.is_alphanumeric()).take(12).collect();
        let path = std::path::Path::new(&dir).join(format!("{feed}.{name}.{n}.svg"));
        std::fs::write(&path, chart.to_svg()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

#[test]
fn golden_svgs() {
    let sample = sample_feed(SAMPLE);
    let roll = feed_from_json(&roll_json(24));
    for lang in Lang::ALL {
        for (feed, view, name) in [(&sample, View::Breakdown, SAMPLE), (&sample, View::Podium, SAMPLE), (&roll, View::Roll, "generated-24")]
        {
            let chart = draw(feed, view, 800.0, lang, Theme::Light);
            check_snapshot(&format!("{name}.{view}.{lang}.800.svg"), &chart.to_svg());
        }
    }
}

#[test]
fn breakdown_shows_bars_by_award_type_split_by_group() {
    let chart = draw(&sample_feed(SAMPLE), View::Breakdown, 800.0, Lang::Ru, Theme::Light);
    assert_eq!(chart.view, View::Breakdown);
    let texts = svg_texts(&chart.to_svg());
    assert!(chart.to_svg().contains("<title>Награды ко Дню социального работника — 2018</title>"));
    assert!(texts.iter().any(|t| t == "Награды ко Дню социального работника — 2018"), "{texts:?}");
    // One bar (a single segment here: every award type is in one group) per award type.
    assert_eq!(chart.marks.len(), 8);
    assert!(chart.marks.iter().all(|m| matches!(m.shape, Shape::Rect { .. } | Shape::Bar { .. })));
    // Sorted by count: the department's 407 first, the two badges last.
    assert!(
        chart.marks[0].label.starts_with("Почётные грамоты и благодарности департамента, Награды департамента: 407"),
        "{}",
        chart.marks[0].label
    );
    assert_eq!(chart.marks[7].label, "Памятный знак «Милосердия, добра и любви», Вручены накануне: 2\u{a0}награды");
    assert!(chart.marks[1].label.ends_with("30\u{a0}наград"), "{}", chart.marks[1].label);
    // Longest bar is the first, widths follow the counts.
    let width = |i: usize| chart.marks[i].shape.bounds().2;
    assert!(width(0) > 10.0 * width(1) && width(1) > width(2), "{} {} {}", width(0), width(1), width(2));
    // Count labels, award labels, level and category, the legend of groups.
    for count in ["407", "30", "28", "20", "15", "5", "2"] {
        assert!(texts.iter().any(|t| t == count), "no count {count}: {texts:?}");
    }
    assert!(texts.iter().any(|t| t == "Медаль «За веру и добро»"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "региональные · медали"), "{texts:?}");
    for group in ["Вручены на приёме", "Вручены накануне", "Награды департамента"] {
        assert!(texts.iter().any(|t| t == group), "legend lacks {group}: {texts:?}");
    }
    // The long council label is wrapped or ellipsized, in full in the table.
    let council = "Почётная грамота и благодарственное письмо Совета народных депутатов";
    assert!(!texts.iter().any(|t| t == council), "{texts:?}");
    assert!(chart.table.rows.iter().any(|r| r[0] == council));
    // Summary: the total with the right plural, each type.
    assert!(chart.summary.contains("Всего 512\u{a0}наград."), "{}", chart.summary);
    assert!(chart.summary.contains("8\u{a0}видов наград"), "{}", chart.summary);
    assert!(
        chart.summary.contains("Губернаторский приём, посвящённый Дню социального работника, 8\u{a0}июня\u{a0}2018\u{a0}г., Кемерово."),
        "{}",
        chart.summary
    );
    assert!(chart.summary.contains("Медаль «За веру и добро» — 15"), "{}", chart.summary);
    // Table: award, level, category, three groups, total; a row per type and a total row.
    assert_eq!(chart.table.columns.len(), 7);
    assert_eq!(chart.table.columns[0], "Награда");
    assert_eq!(chart.table.rows.len(), 9);
    assert_eq!(chart.table.rows[8].last().map(String::as_str), Some("512"));
    assert!(chart.table.rows.iter().any(|r| r[1] == "Региональные" && r[2] == "Медали"));
    assert!(geometry_problems(&chart).is_empty(), "{:?}", geometry_problems(&chart));
}

#[test]
fn breakdown_in_english_and_unspecified_awards() {
    let chart = draw(&sample_feed(SAMPLE), View::Breakdown, 640.0, Lang::En, Theme::Dark);
    let texts = svg_texts(&chart.to_svg());
    assert!(texts.iter().any(|t| t == "Presented the day before"), "{texts:?}");
    assert!(chart.summary.contains("512\u{a0}awards in total."), "{}", chart.summary);
    assert_eq!(chart.table.columns[0], "Award");

    // Grants without an award are drawn last as "other / not specified" and count in totals;
    // without groups there is no legend and one mark per bar.
    let json = r#"{ "opeka": 1, "kind": "awards", "title": "Т",
        "award_types": [ { "id": "a", "label": "Медаль", "level": "federal", "category": "medal" },
                         { "id": "b", "label": "Грамота", "level": "municipal", "category": "diploma" } ],
        "grants": [ { "award": "a", "count": 1 }, { "count": 50 }, { "award": "b", "count": 3 }, { "award": "a", "count": 0 } ] }"#;
    let feed = feed_from_json(json);
    let ru = draw(&feed, View::Breakdown, 480.0, Lang::Ru, Theme::Light);
    let labels: Vec<&str> = ru.marks.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["Грамота: 3\u{a0}награды", "Медаль: 1\u{a0}награда", "Другое / не указано: 50\u{a0}наград"]);
    assert!(ru.summary.contains("Всего 54\u{a0}награды."), "{}", ru.summary);
    assert_eq!(ru.table.columns, ["Награда", "Уровень", "Вид", "Всего"]);
    assert_eq!(ru.table.rows[2], ["Другое / не указано", "—", "—", "50"]);
    let en = draw(&feed, View::Breakdown, 480.0, Lang::En, Theme::Light);
    assert!(en.marks[2].label.starts_with("Other / not specified: 50"), "{}", en.marks[2].label);
    assert!(en.marks[1].label.ends_with("1\u{a0}award"), "{}", en.marks[1].label);
    for chart in [&ru, &en] {
        assert!(geometry_problems(chart).is_empty(), "{:?}", geometry_problems(chart));
    }
}

#[test]
fn breakdown_counts_recipients_when_there_are_no_grants() {
    let chart = draw(&feed_from_json(&roll_json(40)), View::Breakdown, 800.0, Lang::Ru, Theme::Light);
    assert!(chart.summary.contains("Всего 40\u{a0}наград."), "{}", chart.summary);
    assert_eq!(chart.marks.len(), 5);
    assert!(chart.marks[4].label.starts_with("Другое / не указано: "), "{}", chart.marks[4].label);
}

#[test]
fn podium_shows_places_in_order_with_names_and_projects() {
    let chart = draw(&sample_feed(SAMPLE), View::Podium, 800.0, Lang::Ru, Theme::Light);
    assert_eq!(chart.view, View::Podium);
    let texts = svg_texts(&chart.to_svg());
    assert!(texts.iter().any(|t| t == "Региональный конкурс «Лучший по профессии», 2018"), "{texts:?}");
    for numeral in ["1", "2", "3"] {
        assert!(texts.iter().any(|t| t == numeral), "no numeral {numeral}: {texts:?}");
    }
    for place in ["1\u{a0}место", "2\u{a0}место", "3\u{a0}место"] {
        assert!(texts.iter().any(|t| t == place), "no {place}: {texts:?}");
    }
    for name in ["Юлия Владимировна Лякина", "Елена Сергеевна Покачалова", "Светлана Валерьевна Дедова"]
    {
        assert!(texts.iter().any(|t| t == name), "no {name}: {texts:?}");
    }
    assert!(texts.iter().any(|t| t == "Белово"), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Проект: Арт-мастерская")), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Приз: Целевая премия")), "{texts:?}");
    // One card per place, in place order, side by side at 800 px.
    assert_eq!(chart.marks.len(), 3);
    assert!(chart.marks[0].label.starts_with("1\u{a0}место: Юлия Владимировна Лякина, инструктор по труду"), "{}", chart.marks[0].label);
    assert!(chart.marks[2].label.starts_with("3\u{a0}место: Светлана"), "{}", chart.marks[2].label);
    let (x0, y0, ..) = chart.marks[0].shape.bounds();
    let (x1, y1, ..) = chart.marks[1].shape.bounds();
    assert!(x1 > x0 && (y1 - y0).abs() < 0.5, "cards side by side");
    assert!(chart.summary.contains("Призёры конкурсов: 1\u{a0}конкурс, 3\u{a0}места."), "{}", chart.summary);
    assert!(chart.summary.contains("2\u{a0}место: Елена Сергеевна Покачалова"), "{}", chart.summary);
    assert_eq!(chart.table.columns[..4], ["Конкурс", "Год", "Место", "Имя"]);
    assert_eq!(chart.table.rows.len(), 3);
    assert_eq!(chart.table.rows[0][2], "1");
    assert!(geometry_problems(&chart).is_empty(), "{:?}", geometry_problems(&chart));

    // One column at 320 px: cards stacked in place order.
    let narrow = draw(&sample_feed(SAMPLE), View::Podium, 320.0, Lang::En, Theme::Light);
    let tops: Vec<(f64, f64)> = narrow.marks.iter().map(|m| (m.shape.bounds().0, m.shape.bounds().1)).collect();
    assert!(tops.windows(2).all(|w| (w[0].0 - w[1].0).abs() < 0.5 && w[1].1 > w[0].1), "{tops:?}");
    let texts = svg_texts(&narrow.to_svg());
    assert!(texts.iter().any(|t| t == "1st\u{a0}place") && texts.iter().any(|t| t == "3rd\u{a0}place"), "{texts:?}");
    assert!(narrow.summary.contains("Contest winners: 1\u{a0}contest, 3\u{a0}places."), "{}", narrow.summary);
}

#[test]
fn podium_sorts_places_and_handles_many_contests() {
    let json = r#"{ "opeka": 1, "kind": "awards", "title": "Конкурсы",
        "contests": [
          { "name": "Первый", "year": 2020, "places": [ { "place": 3, "name": "В" }, { "place": 1, "name": "А" }, { "place": 2, "name": "Б" } ] },
          { "places": [ { "place": 1, "name": "Г", "prize": "Диплом" } ] },
          { "name": "Пустой", "places": [] } ] }"#;
    let feed = feed_from_json(json);
    let chart = draw(&feed, View::Podium, 1280.0, Lang::Ru, Theme::Contrast);
    let labels: Vec<&str> = chart.marks.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["1\u{a0}место: А", "2\u{a0}место: Б", "3\u{a0}место: В", "1\u{a0}место: Г. Приз: Диплом"]);
    let texts = svg_texts(&chart.to_svg());
    assert!(
        texts.iter().any(|t| t == "Первый, 2020") && texts.iter().any(|t| t == "Конкурс") && texts.iter().any(|t| t == "Пустой"),
        "{texts:?}"
    );
    assert!(chart.summary.contains("3\u{a0}конкурса, 4\u{a0}места"), "{}", chart.summary);
    assert!(geometry_problems(&chart).is_empty(), "{:?}", geometry_problems(&chart));
}

#[test]
fn roll_lays_out_240_names_in_columns_grouped_by_award() {
    let feed = feed_from_json(&roll_json(240));
    let chart = draw(&feed, View::Roll, 1280.0, Lang::Ru, Theme::Light);
    assert_eq!(chart.view, View::Roll);
    assert_eq!(chart.marks.len(), 240, "every recipient drawn");
    let texts = svg_texts(&chart.to_svg());
    for heading in ["Медаль «За веру и добро»", "Медаль «75 лет Кемеровской области»", "Благодарность департамента", "Другое / не указано"]
    {
        assert!(texts.iter().any(|t| t == heading), "no heading {heading}: {texts:?}");
    }
    assert!(texts.iter().any(|t| t == "Иванова Анна Ивановна"), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("социальный работник\u{a0}· КЦСОН г. Кемерово")), "{texts:?}");
    // Several columns, and the canvas grew to hold them.
    let mut columns: Vec<i64> = chart.marks.iter().map(|m| m.shape.bounds().0.round() as i64).collect();
    columns.sort_unstable();
    columns.dedup();
    assert!(columns.len() >= 5, "{columns:?}");
    assert!(chart.height > opeka_chart::default_height(View::Roll, 1280.0));
    assert!(chart.summary.contains("Список награждённых: 240\u{a0}получателей."), "{}", chart.summary);
    assert!(chart.summary.contains("Другое / не указано — 9"), "{}", chart.summary);
    assert_eq!(chart.table.rows.len(), 240);
    assert_eq!(chart.table.columns, ["Имя", "Должность", "Организация", "Город", "Награда"]);
    assert!(geometry_problems(&chart).is_empty(), "{:?}", geometry_problems(&chart));

    // At 320 px one column; what the largest canvas cannot hold is counted under the list.
    let narrow = draw(&feed, View::Roll, 320.0, Lang::Ru, Theme::Light);
    assert!(narrow.marks.iter().all(|m| (m.shape.bounds().0 - narrow.marks[0].shape.bounds().0).abs() < 0.5));
    let shown = narrow.marks.len();
    if shown < 240 {
        let note = format!("…и ещё {}\u{a0}", 240 - shown);
        assert!(svg_texts(&narrow.to_svg()).iter().any(|t| t.starts_with(&note)), "no note {note}");
    }
    assert_eq!(narrow.table.rows.len(), 240);
}

#[test]
fn a_roll_longer_than_the_largest_canvas_fills_its_columns_and_counts_the_rest() {
    // Only the names that might fit are laid out (a roll of 10 000 laid
    // out every one): the columns still fill to the foot of the largest
    // canvas, one as low as another, and the note counts every name not drawn.
    let feed = feed_from_json(&roll_json(6000));
    for width in [1280.0, 320.0] {
        let chart = draw(&feed, View::Roll, width, Lang::Ru, Theme::Light);
        let drawn = chart.marks.len();
        assert!(drawn > 100 && drawn < 6000, "{width}: {drawn} drawn");
        // "…и ещё 5 300 получателей", the number grouped by a no-break space.
        let texts = svg_texts(&chart.to_svg());
        let note = texts.iter().find_map(|t| t.strip_prefix("…и ещё ")).unwrap_or_else(|| panic!("{width}: no note"));
        let counted: String = note.chars().take_while(|c| c.is_ascii_digit() || *c == '\u{a0}').filter(char::is_ascii_digit).collect();
        assert_eq!(counted, (6000 - drawn).to_string(), "{width}: {note}");
        assert_eq!(chart.table.rows.len(), 6000);
        // Each column's lowest entry: within one entry of the others', and
        // near the foot of a canvas at its largest.
        let mut columns: Vec<(i64, f64)> = Vec::new();
        for mark in &chart.marks {
            let (x, y, _, h) = mark.shape.bounds();
            match columns.iter_mut().find(|(cx, _)| *cx == x.round() as i64) {
                Some((_, bottom)) => *bottom = bottom.max(y + h),
                None => columns.push((x.round() as i64, y + h)),
            }
        }
        let tallest = chart.marks.iter().map(|m| m.shape.bounds().3).fold(0.0, f64::max);
        let (low, high) = columns.iter().fold((f64::MAX, 0.0f64), |(lo, hi), (_, b)| (lo.min(*b), hi.max(*b)));
        assert!(high - low <= tallest + 12.0, "{width}: column feet {columns:?}, an entry up to {tallest}");
        assert_eq!(chart.height, 8192.0, "{width}");
        assert!(high > chart.height - 200.0, "{width}: the columns end at {high} of {}", chart.height);
        if width > 1000.0 {
            assert!(columns.len() >= 5, "{columns:?}");
        }
    }
}

#[test]
fn a_roll_drawn_unread_tables_no_rows_shown_its_first_rows_counting_the_rest() {
    // As a page draws it (`Readings::Unread`): the same drawing, and no
    // table rows; as its table shows them (`Readings::Shown`), the first
    // MAX_ROWS recipients written out and the rest counted (a roll of
    // 30 000 wrote out every one, most of its drawing's time); read for
    // its CSV (`Readings::Rows`), every recipient.
    let feed = feed_from_json(&roll_json(2500));
    let request =
        ChartRequest { view: Some(View::Roll), width: 1280.0, height: None, medium: Medium::Screen, theme: Theme::Light, lang: Lang::Ru };
    let read = render(&feed, &request, &PtSansMetrics);
    let unread = render_with(&feed, &request, 0, Readings::Unread, &PtSansMetrics);
    let shown = render_with(&feed, &request, 0, Readings::Shown, &PtSansMetrics);
    assert_eq!(read.table.rows.len(), 2500);
    assert_eq!((unread.table.rows.len(), unread.table.more_rows), (0, 2500));
    assert_eq!((shown.table.rows.len(), shown.table.more_rows), (MAX_ROWS, 2500 - MAX_ROWS));
    assert_eq!(shown.table.rows[..], read.table.rows[..MAX_ROWS]);
    assert_eq!((&unread.table.caption, &unread.table.columns), (&read.table.caption, &read.table.columns));
    assert_eq!(shown.to_svg(), read.to_svg());
    assert_eq!(unread.to_svg(), read.to_svg());
    assert_eq!((&unread.summary, &unread.marks), (&read.summary, &read.marks));
    // The rows in the roll's order: by award type, then as the feed lists them.
    assert_eq!(read.table.rows[0][4], "Медаль «За веру и добро»");
    assert_eq!(read.table.rows[2499][4], "Другое / не указано");
    let rows = render_with(&feed, &request, 0, Readings::Rows, &PtSansMetrics);
    assert_eq!((rows.table.rows, rows.table.more_rows), (read.table.rows, 0));
}

#[test]
fn roll_without_awards_is_one_list_and_explicit_heights_cut_it_short() {
    let json = r#"{ "opeka": 1, "kind": "awards", "title": "Волонтёры года",
        "recipients": [ { "name": "Анна" }, { "name": "Борис", "city": "Юрга" }, { "name": "Вера", "role": "волонтёр", "org": "Серебряный возраст" } ] }"#;
    let chart = draw(&feed_from_json(json), View::Roll, 640.0, Lang::En, Theme::Light);
    assert_eq!(chart.marks.len(), 3);
    assert_eq!(chart.table.columns, ["Name", "Role", "Organisation", "City"]);
    assert_eq!(chart.marks[2].label, "Вера — волонтёр, Серебряный возраст");
    assert!(chart.summary.contains("List of recipients: 3\u{a0}recipients."), "{}", chart.summary);
    assert!(svg_texts(&chart.to_svg()).iter().any(|t| t == "волонтёр\u{a0}· Серебряный возраст"));

    let feed = feed_from_json(&roll_json(60));
    for height in [120.0, 200.0, 400.0] {
        let request = ChartRequest {
            view: Some(View::Roll),
            width: 480.0,
            height: Some(height),
            medium: Medium::Screen,
            theme: Theme::Light,
            lang: Lang::Ru,
        };
        let chart = render(&feed, &request, &PtSansMetrics);
        assert_eq!(chart.height, height);
        assert!(chart.marks.len() < 60);
        assert!(geometry_problems(&chart).is_empty(), "{height}: {:?}", geometry_problems(&chart));
        if height >= 200.0 {
            assert!(svg_texts(&chart.to_svg()).iter().any(|t| t.starts_with("…и ещё")), "{height}");
        }
    }
}

#[test]
fn explicit_small_heights_keep_bars_and_cards_on_the_canvas() {
    let sample = sample_feed(SAMPLE);
    for view in [View::Breakdown, View::Podium] {
        for height in [120.0, 200.0, 300.0] {
            for width in [320.0, 800.0] {
                let request = ChartRequest {
                    view: Some(view),
                    width,
                    height: Some(height),
                    medium: Medium::Screen,
                    theme: Theme::Light,
                    lang: Lang::Ru,
                };
                let chart = render(&sample, &request, &PtSansMetrics);
                assert_eq!(chart.height, height);
                assert!(geometry_problems(&chart).is_empty(), "{view} {width}×{height}: {:?}", geometry_problems(&chart));
            }
        }
    }
}

#[test]
fn geometry_holds_at_every_width_theme_and_language() {
    let feeds = [(SAMPLE, sample_feed(SAMPLE)), ("generated-240", feed_from_json(&roll_json(240)))];
    for (name, feed) in &feeds {
        for view in [View::Breakdown, View::Podium, View::Roll] {
            for width in WIDTHS {
                for lang in Lang::ALL {
                    for theme in Theme::ALL {
                        let chart = draw(feed, view, width, lang, theme);
                        let problems = geometry_problems(&chart);
                        assert!(problems.is_empty(), "{name} {view} {width} {lang} {theme}:\n{}", problems.join("\n"));
                        assert!(chart.height >= opeka_chart::default_height(view, width));
                        assert!(chart.marks.iter().all(|m| matches!(m.shape, Shape::Rect { .. } | Shape::Bar { .. })));
                        assert_eq!(chart.view, view);
                    }
                }
            }
        }
    }
}

const HOSTILE: &str = r#"{
  "opeka": 1, "kind": "awards",
  "title": "<script>alert(1)</script> & \"quotes\" 'single'",
  "event": { "name": "</text><script>alert(2)</script>", "place": "&amp; ]]>" },
  "award_types": [
    { "id": "a", "label": "<img src=x onerror=alert(3)>", "level": "federal", "category": "order" },
    { "id": "b", "label": "WORD400", "level": "other", "category": "other" },
    { "id": "c", "label": "\"quoted\" & 'apos' \u200f\u202eRTL", "level": "municipal", "category": "letter" }
  ],
  "groups": [ { "id": "g", "label": "<b>group</b>" }, { "id": "h", "label": "WORD400" } ],
  "grants": [
    { "award": "a", "group": "g", "count": 3 }, { "award": "a", "group": "h", "count": 4 },
    { "award": "b", "group": "h", "count": 1000000 }, { "award": "c", "count": 2 }, { "count": 1 }
  ],
  "recipients": [
    { "name": "<script>x</script>", "role": "WORD400", "org": "& \"org\"", "city": "<i>city</i>", "award": "a" },
    { "name": "WORD400", "award": "b" },
    { "name": "=HYPERLINK(\"x\")" }
  ],
  "contests": [ { "name": "<!-- contest -->", "year": 2024, "places": [
    { "place": 1, "name": "WORD400", "role": "<u>role</u>", "org": "WORD400", "city": "&", "project": "WORD400 WORD400", "prize": "<prize>" },
    { "place": 2, "name": "\"Q\" & 'A'" },
    { "place": 12, "name": "Двенадцатый" }
  ] } ]
}"#;

#[test]
fn hostile_labels_are_escaped_and_stay_on_the_canvas() {
    let word = "Ж".repeat(400);
    let json = HOSTILE.replace("WORD400", &word);
    let feed = feed_from_json(&json);
    for view in [View::Breakdown, View::Podium, View::Roll] {
        for width in [320.0, 800.0, 1920.0] {
            for lang in Lang::ALL {
                let chart = draw(&feed, view, width, lang, Theme::Contrast);
                for needle in ["<script", "<img", "<b>", "<i>", "<u>", "<prize>", "<!--", "]]>"] {
                    assert!(!chart.to_svg().contains(needle), "{needle} in the {view} SVG at {width}");
                }
                assert!(chart.to_svg().contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
                assert!(!chart.to_svg().contains('\u{202e}'), "bidi overrides must not reach the SVG");
                assert!(!chart.to_svg().contains(&word), "a 400-letter word is never drawn whole");
                let problems = geometry_problems(&chart);
                assert!(problems.is_empty(), "{view} {width} {lang}:\n{}", problems.join("\n"));
                assert!(!chart.marks.is_empty());
                if view == View::Breakdown {
                    assert!(
                        chart.summary.contains(if lang == Lang::Ru {
                            "Всего 1\u{a0}000\u{a0}010\u{a0}наград."
                        } else {
                            "1,000,010\u{a0}awards in total."
                        }),
                        "{}",
                        chart.summary
                    );
                    assert!(chart.table.rows.iter().any(|r| r[0] == word), "the table keeps the whole label");
                }
            }
        }
    }
}

#[test]
fn feeds_without_what_a_view_needs_say_so() {
    let json = r#"{ "opeka": 1, "kind": "awards", "title": "Только конкурсы",
        "contests": [ { "name": "К", "places": [ { "place": 1, "name": "А" } ] } ] }"#;
    let feed = feed_from_json(json);
    let chart = draw(&feed, View::Breakdown, 480.0, Lang::Ru, Theme::Light);
    assert!(svg_texts(&chart.to_svg()).iter().any(|t| t == "нет данных"));
    assert!(chart.summary.ends_with("Нет данных."), "{}", chart.summary);
    assert!(chart.marks.is_empty());
    assert!(geometry_problems(&chart).is_empty());
    // The roll names the people a feed names: here the contest's winners, under the contest.
    let roll = draw(&feed, View::Roll, 480.0, Lang::Ru, Theme::Light);
    let texts = svg_texts(&roll.to_svg());
    assert!(texts.iter().any(|t| t == "К") && texts.iter().any(|t| t == "А"), "{texts:?}");
    assert_eq!(roll.marks.len(), 1);
    assert_eq!(roll.table.rows, vec![vec!["А", "", "", "", "К"]]);
    assert!(roll.summary.contains("1\u{a0}получатель"), "{}", roll.summary);
    assert!(geometry_problems(&roll).is_empty());
    let json = r#"{ "opeka": 1, "kind": "awards", "title": "Только гранты", "grants": [ { "count": 5 } ] }"#;
    let chart = draw(&feed_from_json(json), View::Podium, 480.0, Lang::En, Theme::Light);
    assert!(svg_texts(&chart.to_svg()).iter().any(|t| t == "no data"));
    assert!(chart.summary.ends_with("No data."), "{}", chart.summary);
}
