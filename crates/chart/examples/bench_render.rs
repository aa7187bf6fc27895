//! Native rendering benchmark: time to lay out and draw each sample feed in
//! each of its kind's views, and a generated 100 000-record caseload feed.
//! Prints figures only; nothing passes or fails on a time.
//!
//! ```sh
//! cargo run --profile native -p opeka-chart --example bench_render
//! ```

#![allow(clippy::disallowed_methods, reason = "not in the wasm bundle: std's sort is fine here")]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use opeka_chart::{render, ChartRequest, Lang, Medium, PtSansMetrics, Theme};
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
fn bench_feed(name: &str, feed: &ValidFeed, views: &[opeka_chart::View], width: f64, runs: usize) {
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
        bench_feed("generated-100k", &feed, &[opeka_chart::View::Trend], width, 5);
    }
    Ok(())
}
