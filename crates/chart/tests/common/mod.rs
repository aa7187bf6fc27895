//! Shared helpers for the chart tests: loading sample feeds, geometry checks.

#![allow(dead_code)]

use std::path::PathBuf;

use opeka_chart::{Item, Scene, Shape};
use opeka_feed::validate::{validate, validate_str, Options};
use opeka_feed::ValidFeed;

/// Every sample feed in `feeds/`, by name.
pub const SAMPLES: [&str; 5] = [
    "kuzbass-caseload",
    "kuzbass-accident-families",
    "kuzbass-council-projects-2024",
    "kuzbass-social-worker-day-2018",
    "vyksa-orphanhood-prevention",
];

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Loads and validates `feeds/<name>.json`.
pub fn sample_feed(name: &str) -> ValidFeed {
    let path = repo_root().join("feeds").join(format!("{name}.json"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match validate(&bytes, &Options::default()) {
        Ok(checked) => checked.feed,
        Err(rejected) => panic!("{name} is refused:\n{rejected}"),
    }
}

/// Validates a feed written in a test.
pub fn feed_from_json(json: &str) -> ValidFeed {
    match validate_str(json, &Options::default()) {
        Ok(checked) => checked.feed,
        Err(rejected) => panic!("test feed is refused:\n{rejected}"),
    }
}

/// Every problem with the chart's geometry: texts overlapping each other,
/// texts and marks leaving the canvas.
pub fn geometry_problems(chart: &Scene) -> Vec<String> {
    let mut problems = Vec::new();
    let eps = 0.01;
    let inside = |x: f64, y: f64, w: f64, h: f64| x >= -eps && y >= -eps && x + w <= chart.width + eps && y + h <= chart.height + eps;
    for t in &chart.texts {
        if !inside(t.x, t.y, t.w, t.h) {
            problems.push(format!("text {:?} at ({:.1}, {:.1}, {:.1}×{:.1}) leaves the canvas", t.text, t.x, t.y, t.w, t.h));
        }
    }
    for (i, a) in chart.texts.iter().enumerate() {
        for b in &chart.texts[i + 1..] {
            if a.overlaps(b) {
                problems.push(format!("{:?} overlaps {:?}", a.text, b.text));
            }
        }
    }
    for m in &chart.marks {
        let (x, y, w, h) = m.shape.bounds();
        let ok = match m.shape {
            // A point's centre must be on the canvas; its hit circle may graze the edge.
            Shape::Point { x, y, .. } => inside(x, y, 0.0, 0.0),
            Shape::Rect { .. } | Shape::Bar { .. } => inside(x, y, w, h),
        };
        if !ok {
            problems.push(format!("mark {:?} leaves the canvas", m.label));
        }
    }
    problems
}

/// The points of the chart's lines, in order.
pub fn drawn_points(chart: &Scene) -> Vec<(f64, f64)> {
    chart
        .items
        .iter()
        .flat_map(|item| match item {
            Item::Line { points, .. } => points.clone(),
            _ => Vec::new(),
        })
        .collect()
}

/// The text content of every `<text>` element, unescaped.
pub fn svg_texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        rest = &rest[start..];
        let Some(open_end) = rest.find('>') else { break };
        let Some(close) = rest.find("</text>") else { break };
        let content = rest[open_end + 1..close].trim();
        out.push(content.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&"));
        rest = &rest[close..];
    }
    out
}

/// Compares `actual` with the golden file `tests/snapshots/<name>`; with
/// `OPEKA_BLESS` set, writes it instead.
pub fn check_snapshot(name: &str, actual: &str) {
    let path = repo_root().join("crates/chart/tests/snapshots").join(name);
    if std::env::var_os("OPEKA_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run with OPEKA_BLESS=1 to create it)", path.display()));
    if expected != actual {
        let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "{name} differs from the golden file at line {}:\n  golden: {}\n  actual: {}\n(run with OPEKA_BLESS=1 if the change is intended)",
            line + 1,
            expected.lines().nth(line).unwrap_or(""),
            actual.lines().nth(line).unwrap_or("")
        );
    }
}
