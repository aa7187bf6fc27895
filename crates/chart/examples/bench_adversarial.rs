//! Adversarial feeds under the 16 MiB limit: shapes that a linear scan per
//! record, a `Vec::insert` per key or a pairwise label check turn quadratic.
//! Prints bytes, validation time and, for the valid ones, the time to draw
//! the kind's default view and the bar views; never fails on a time.
//!
//! ```sh
//! cargo run --profile native -p opeka-chart --example bench_adversarial [SHAPE…]
//! ```
//!
//! SHAPE is one of `units`, `days`, `unknown-keys`, `empty-records`; all
//! four without one. `tests/bench/adversarial.mjs` generates the same feeds
//! for Chromium.

use std::fmt::Write;
use std::time::{Duration, Instant};

use opeka_chart::{render, ChartRequest, Lang, Medium, PtSansMetrics, Theme, View};
use opeka_feed::validate::{validate, Options};

/// The validator's default limit.
const LIMIT: usize = 16 * 1024 * 1024;

/// A short id for `n`: base 36, so 200 000 ids fit in four characters.
fn id(mut n: usize) -> String {
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(digits[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// (a) 200 000 units, one record each; every fourth unit has a population
/// (all of them would not fit under the limit), the rest are listed as
/// without one under the per-capita chart.
fn many_units() -> String {
    const UNITS: usize = 200_000;
    let mut s = String::from(r#"{"opeka":1,"kind":"caseload","title":"200 000 территорий","units":["#);
    for u in 0..UNITS {
        let sep = if u > 0 { "," } else { "" };
        let population = if u % 4 == 0 { format!(r#","population":{}"#, 100 + u % 900) } else { String::new() };
        let _ = write!(s, r#"{sep}{{"id":"{0}","label":"{0}"{population}}}"#, id(u));
    }
    s.push_str(r#"],"records":["#);
    for u in 0..UNITS {
        let sep = if u > 0 { "," } else { "" };
        let _ = write!(s, r#"{sep}{{"period":"2024","unit":"{}","value":{}}}"#, id(u), u % 97);
    }
    s.push_str("]}");
    s
}

/// (b) 450 000 daily records, newest first (as a log is often written).
fn days_newest_first() -> String {
    const DAYS: i64 = 450_000;
    let last = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default();
    let mut s = String::from(r#"{"opeka":1,"kind":"caseload","title":"450 000 дней","records":["#);
    for d in 0..DAYS {
        let sep = if d > 0 { "," } else { "" };
        let day = last - chrono::Duration::days(d);
        let _ = write!(s, r#"{sep}{{"period":"{}","value":{}}}"#, day.format("%Y-%m-%d"), d % 89);
    }
    s.push_str("]}");
    s
}

/// (c) A valid feed with 1 000 000 members nobody knows.
fn unknown_keys() -> String {
    let mut s = String::from(r#"{"opeka":1,"kind":"caseload","title":"1 000 000 лишних ключей","records":[]"#);
    for k in 0..1_000_000 {
        let _ = write!(s, r#","x{}":0"#, id(k));
    }
    s.push('}');
    s
}

/// (d) Records that are all `{}`, up to the limit.
fn empty_records() -> String {
    let head = r#"{"opeka":1,"kind":"caseload","title":"пустые записи","records":[{}"#;
    let mut s = String::with_capacity(LIMIT);
    s.push_str(head);
    while s.len() + 3 + 2 < LIMIT {
        s.push_str(",{}");
    }
    s.push_str("]}");
    s
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn run(name: &str, json: &str) {
    assert!(json.len() <= LIMIT, "{name}: {} bytes is over the limit", json.len());
    let start = Instant::now();
    let checked = validate(json.as_bytes(), &Options::default());
    let validation = start.elapsed();
    let verdict = match &checked {
        Ok(c) => format!("valid, {} warnings", c.warnings.len()),
        Err(r) => format!("invalid, {} problems", r.problems.len()),
    };
    println!("adversarial: {name}: {} bytes, validation {} ms ({verdict})", json.len(), ms(validation));
    let Ok(checked) = checked else { return };
    let feed = checked.feed;
    let views = feed.kind().views();
    // The default view, then the bar views where the kind has them.
    let mut wanted = vec![views[0]];
    wanted.extend([View::Ranking, View::Composition, View::PerCapita].into_iter().filter(|v| views.contains(v)));
    for view in wanted {
        let request =
            ChartRequest { view: Some(view), width: 800.0, height: None, medium: Medium::Screen, theme: Theme::Light, lang: Lang::Ru };
        let start = Instant::now();
        let svg = render(&feed, &request, &PtSansMetrics).to_svg();
        println!("adversarial: {name}: render {view} 800px {} ms, {} bytes of SVG", ms(start.elapsed()), svg.len());
    }
}

/// A shape's name and the function that writes it.
type Shape = (&'static str, fn() -> String);

fn main() {
    let shapes: [Shape; 4] =
        [("units", many_units), ("days", days_newest_first), ("unknown-keys", unknown_keys), ("empty-records", empty_records)];
    let asked: Vec<String> = std::env::args().skip(1).collect();
    for (name, make) in shapes {
        if asked.is_empty() || asked.iter().any(|a| a == name) {
            run(name, &make());
        }
    }
}
