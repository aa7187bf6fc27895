//! Native rendering benchmark: time to lay out and draw each sample feed in
//! each of its kind's views, a generated 100 000-record caseload feed, and
//! the big awards and outcomes feeds of `tests/bench/big-feeds.mjs` laid
//! out as a page first lays them out (no table rows; docs/performance.md,
//! stop 53). Prints figures only; nothing passes or fails on a time.
//!
//! ```sh
//! cargo run --profile native -p opeka-chart --example bench_render
//! ```

#![allow(clippy::disallowed_methods, reason = "not in the wasm bundle: std's sort is fine here")]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use opeka_chart::{render, render_with, ChartRequest, Lang, Medium, PtSansMetrics, Readings, Theme, View};
use opeka_feed::validate::{validate, validate_str, Options};
use opeka_feed::ValidFeed;

const SAMPLES: [&str; 5] = [
    "kuzbass-caseload",
    "kuzbass-accident-families",
    "kuzbass-council-projects-2024",
    "kuzbass-social-worker-day-2018",
    "vyksa-orphanhood-prevention",
];

/// The median of `runs` timings of `f`, and its last result.
fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let out = f();
        times.push(start.elapsed());
        last = Some(out);
    }
    times.sort();
    let Some(out) = last else { unreachable!("at least one run") };
    (times[times.len() / 2], out)
}

/// Milliseconds, with two places below 1 ms.
fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 1.0 {
        format!("{ms:.2}")
    } else {
        format!("{ms:.1}")
    }
}

fn kb(bytes: usize) -> String {
    format!("{:.0} KB", bytes as f64 / 1024.0)
}

/// Renders every view of `feed` and prints one line each.
fn bench_feed(name: &str, feed: &ValidFeed, views: &[View], width: f64, runs: usize) {
    let lang = Lang::Ru;
    for &view in views {
        let request = ChartRequest { view: Some(view), width, height: None, medium: Medium::Screen, theme: Theme::Light, lang };
        // Layout and writing together, as a widget's redraw does both.
        let (time, svg) = median(runs, || render(feed, &request, &PtSansMetrics).to_svg());
        println!("render native: {name} {view} {lang} {width}px: {} ms, {}", ms(time), kb(svg.len()));
    }
}

/// A caseload feed of 50 units × 2 000 days = 100 000 records.
fn big_caseload_json() -> String {
    let start = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    let units: Vec<String> = (0..50).map(|u| format!(r#"{{ "id": "u{u}", "label": "Территория {u}" }}"#)).collect();
    let mut records = String::with_capacity(8_000_000);
    for d in 0..2000i64 {
        let day = start + chrono::Duration::days(d);
        for u in 0..50i64 {
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
    format!(
        r#"{{ "opeka": 1, "kind": "caseload", "title": "100 000 записей", "units": [{}],
            "categories": [{{ "id": "c", "label": "Все услуги" }}], "records": [{records}] }}"#,
        units.join(",")
    )
}

/// `tests/bench/big-feed-bench.mjs`'s `generatedAwards(n)`: `n` recipients
/// of four award types (every thirteenth without one) and one contest.
fn big_awards_json(n: usize) -> String {
    let types = [
        ("medal", "Медаль «За веру и добро»"),
        ("diploma", "Почётная грамота губернатора"),
        ("letter", "Благодарственное письмо"),
        ("badge", "Нагрудный знак «Милосердие»"),
    ];
    let award_types: Vec<String> =
        types.iter().map(|(id, label)| format!(r#"{{"id":"{id}","label":"{label}","level":"regional","category":"{id}"}}"#)).collect();
    let recipients: Vec<String> = (0..n)
        .map(|i| {
            let award = if i % 13 == 5 { String::new() } else { format!(r#","award":"{}""#, types[i % 4].0) };
            format!(
                r#"{{"name":"Иванова Мария Петровна {i}","role":"специалист по социальной работе","org":"ГКУ «Центр социальной поддержки населения» № {}","city":"Кемерово"{award}}}"#,
                i % 97
            )
        })
        .collect();
    let places: Vec<String> = (1..=3).map(|p| format!(r#"{{"place":{p},"name":"Победитель {p}","org":"КЦСОН г. Кемерово"}}"#)).collect();
    format!(
        r#"{{"opeka":1,"kind":"awards","title":"Награждённые ко Дню социального работника","award_types":[{}],"recipients":[{}],"contests":[{{"name":"Лучший социальный работник","year":2024,"places":[{}]}}]}}"#,
        award_types.join(","),
        recipients.join(","),
        places.join(",")
    )
}

/// `tests/bench/big-feed-bench.mjs`'s `generatedOutcomes(n)`: `n` projects,
/// each with two indicators (a baseline, a target and six yearly actuals).
fn big_outcomes_json(n: usize) -> String {
    let projects: Vec<String> = (0..n)
        .map(|p| {
            let indicators: Vec<String> = (0..2)
                .map(|i| {
                    let actual: Vec<String> =
                        (0..6).map(|k| format!(r#"{{"period":"{}","value":{}}}"#, 2019 + k, (p * 7 + i * 13 + 2019 + k) % 200)).collect();
                    format!(
                        r#"{{"id":"i{i}","label":{{"ru":"Показатель {i} проекта {p}","en":"Indicator {i}"}},"format":"count","direction":"{}","baseline":{{"period":"2018","value":{}}},"target":{{"period":"2025","value":{}}},"actual":[{}]}}"#,
                        if i == 1 { "decrease" } else { "increase" },
                        100 + p % 50,
                        150 + p % 30,
                        actual.join(",")
                    )
                })
                .collect();
            format!(
                r#"{{"id":"p{p}","name":{{"ru":"Проект номер {p}","en":"Project {p}"}},"status":"active","summary":{{"ru":"Краткое описание проекта {p}"}},"indicators":[{}]}}"#,
                indicators.join(",")
            )
        })
        .collect();
    format!(r#"{{"opeka":1,"kind":"outcomes","title":"Проекты: {n}","projects":[{}]}}"#, projects.join(","))
}

/// Validates a generated big feed and lays `view` out at 960 px as a page
/// first does (`Readings::Places`: no table rows), then with every table
/// row (`render`, as the CLI): the validation the median of three runs,
/// each layout of five.
fn bench_big(name: &str, json: &str, view: View) -> Result<(), Box<dyn std::error::Error>> {
    let options = Options { max_bytes: json.len() + 1, ..Options::default() };
    let (time, checked) = median(3, || validate_str(json, &options));
    let feed = checked?.feed;
    println!("validate native: {name}: {} ms, {} of JSON", ms(time), kb(json.len()));
    let request =
        ChartRequest { view: Some(view), width: 960.0, height: None, medium: Medium::Screen, theme: Theme::Light, lang: Lang::Ru };
    let (first, _) = median(5, || render_with(&feed, &request, 0, Readings::Places, &PtSansMetrics));
    let (all, svg) = median(5, || render(&feed, &request, &PtSansMetrics).to_svg());
    println!(
        "layout native: {name} {view} 960px: {} ms as a page first lays it out, {} ms with every table row and the SVG ({})",
        ms(first),
        ms(all),
        kb(svg.len())
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let feeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../feeds");
    let options = Options::default();
    for name in SAMPLES {
        let bytes = std::fs::read(feeds.join(format!("{name}.json")))?;
        let feed = validate(&bytes, &options)?.feed;
        bench_feed(name, &feed, feed.kind().views(), 800.0, 21);
    }

    let json = big_caseload_json();
    let options = Options { max_bytes: json.len() + 1, ..Options::default() };
    let (time, checked) = median(3, || validate_str(&json, &options));
    let feed = checked?.feed;
    println!("validate native: generated-100k caseload: {} ms, {} of JSON", ms(time), kb(json.len()));
    for width in [800.0, 1920.0] {
        bench_feed("generated-100k", &feed, &[View::Trend], width, 5);
    }

    bench_big("generated awards of 10 000", &big_awards_json(10_000), View::Roll)?;
    bench_big("generated outcomes of 2 000", &big_outcomes_json(2_000), View::Tiles)?;
    bench_big("generated outcomes of 8 000", &big_outcomes_json(8_000), View::Progress)?;
    Ok(())
}
