//! Prints how fast the validator reads a large caseload feed (native).
//! A measurement, not a test: it never fails on a time.
//!
//! `cargo run --profile native -p opeka-feed --example bench_validate`

#![allow(clippy::disallowed_methods, reason = "not in the wasm bundle: std's sort is fine here")]

use std::fmt::Write;
use std::time::{Duration, Instant};

use opeka_feed::validate::{validate, Options};

const UNITS: usize = 40;
const CATEGORIES: usize = 5;
const MONTHS: usize = 500;

/// A caseload feed of UNITS × CATEGORIES × MONTHS = 100 000 records, laid
/// out one record a line as publishers' tools tend to write them.
fn caseload_feed() -> String {
    let mut s = String::from("{\n \"opeka\": 1,\n \"kind\": \"caseload\",\n \"title\": {\"ru\": \"Нагрузка\", \"en\": \"Caseload\"},\n");
    s.push_str(" \"units\": [\n");
    for u in 0..UNITS {
        let sep = if u + 1 < UNITS { "," } else { "" };
        let _ = writeln!(
            s,
            "  {{\"id\": \"unit-{u}\", \"label\": {{\"ru\": \"Территория {u}\", \"en\": \"Unit {u}\"}}, \"population\": {}}}{sep}",
            10_000 + u * 137
        );
    }
    s.push_str(" ],\n \"categories\": [\n");
    for c in 0..CATEGORIES {
        let sep = if c + 1 < CATEGORIES { "," } else { "" };
        let _ = writeln!(s, "  {{\"id\": \"category-{c}\", \"label\": \"Категория {c}\"}}{sep}");
    }
    s.push_str(" ],\n \"records\": [\n");
    let total = UNITS * CATEGORIES * MONTHS;
    let mut n = 0;
    for m in 0..MONTHS {
        let (year, month) = (2000 + m / 12, m % 12 + 1);
        for u in 0..UNITS {
            for c in 0..CATEGORIES {
                n += 1;
                let sep = if n < total { "," } else { "" };
                let value = (m * 7 + u * 13 + c * 31) % 5000;
                let _ = writeln!(
                    s,
                    "  {{\"period\": \"{year}-{month:02}\", \"unit\": \"unit-{u}\", \"category\": \"category-{c}\", \"value\": {value}}}{sep}"
                );
            }
        }
    }
    s.push_str(" ]\n}\n");
    s
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let feed = caseload_feed();
    let records = UNITS * CATEGORIES * MONTHS;
    let mb = feed.len() as f64 / 1_000_000.0;
    let options = Options { max_bytes: 64 * 1024 * 1024, ..Options::default() };

    let mut times = Vec::new();
    for _ in 0..9 {
        let start = Instant::now();
        let result = validate(feed.as_bytes(), &options);
        times.push(start.elapsed());
        assert!(result.is_ok(), "the generated feed must be valid");
    }
    let t = median(times);
    let ms = t.as_secs_f64() * 1000.0;
    println!("validate native: {records} records, {mb:.1} MB, {ms:.0} ms, {:.1} MB/s", mb / t.as_secs_f64());

    // The parse alone, for comparison: what the walk costs on top of it.
    let mut times = Vec::new();
    for _ in 0..9 {
        let start = Instant::now();
        let value: Result<serde_json::Value, _> = serde_json::from_slice(feed.as_bytes());
        times.push(start.elapsed());
        assert!(value.is_ok());
    }
    let t = median(times);
    println!(
        "serde_json::Value parse only (reference): {records} records, {mb:.1} MB, {:.0} ms, {:.1} MB/s",
        t.as_secs_f64() * 1000.0,
        mb / t.as_secs_f64()
    );
}
