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

/// How many series lines the SVG draws: its solid polylines (a plan's
/// dashed line is a polyline too).
pub fn series_lines(svg: &str) -> usize {
    svg.lines().filter(|line| line.starts_with("<polyline") && !line.contains(" stroke-dasharray=")).count()
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

/// An awards feed: a roll of `n` recipients over four award types (a few without one),
/// with Russian names, roles, organisations and cities.
pub fn roll_json(n: usize) -> String {
    let first = ["Анна", "Ирина", "Ольга", "Татьяна", "Светлана", "Елена", "Наталья", "Мария", "Сергей", "Андрей", "Николай", "Владимир"];
    let patronymic = ["Ивановна", "Петровна", "Сергеевна", "Николаевна", "Александровна", "Викторовна"];
    let last = ["Иванова", "Кузнецова", "Смирнова", "Попова", "Васильева", "Петрова", "Соколова", "Михайлова", "Новикова", "Фёдорова"];
    let roles = [
        "социальный работник",
        "специалист по социальной работе",
        "психолог",
        "заведующий отделением",
        "медицинская сестра",
        "юрисконсульт",
    ];
    let orgs = [
        "КЦСОН г. Кемерово",
        "Центр социальной помощи семье и детям",
        "Дом-интернат для престарелых и инвалидов",
        "Социально-реабилитационный центр для несовершеннолетних",
        "Управление социальной защиты населения",
    ];
    let cities = ["Кемерово", "Новокузнецк", "Прокопьевск", "Белово", "Междуреченск", "Юрга", "Анжеро-Судженск"];
    let awards = ["medal-faith", "medal-75", "council-diploma", "department"];
    let recipients: Vec<String> = (0..n)
        .map(|i| {
            let name = format!("{} {} {}", last[i % last.len()], first[(i / 3) % first.len()], patronymic[(i / 7) % patronymic.len()]);
            let award = if i % 29 == 5 { String::new() } else { format!(r#", "award": "{}""#, awards[(i * 7 / 5) % awards.len()]) };
            let city = if i % 11 == 3 { String::new() } else { format!(r#", "city": "{}""#, cities[i % cities.len()]) };
            format!(r#"{{ "name": "{name}", "role": "{}", "org": "{}"{city}{award} }}"#, roles[i % roles.len()], orgs[(i / 2) % orgs.len()])
        })
        .collect();
    format!(
        r#"{{ "opeka": 1, "kind": "awards",
        "title": {{ "ru": "Награждённые ко Дню социального работника", "en": "Social Worker Day honours" }},
        "award_types": [
          {{ "id": "medal-faith", "label": {{ "ru": "Медаль «За веру и добро»", "en": "Medal “For Faith and Kindness”" }}, "level": "regional", "category": "medal" }},
          {{ "id": "medal-75", "label": {{ "ru": "Медаль «75 лет Кемеровской области»", "en": "Medal “75 Years of the Kemerovo Region”" }}, "level": "regional", "category": "medal" }},
          {{ "id": "council-diploma", "label": {{ "ru": "Почётная грамота Совета народных депутатов", "en": "Diploma of the Council of People's Deputies" }}, "level": "regional", "category": "diploma" }},
          {{ "id": "department", "label": {{ "ru": "Благодарность департамента", "en": "Department letter of thanks" }}, "level": "department", "category": "letter" }}
        ],
        "recipients": [{}] }}"#,
        recipients.join(",\n")
    )
}
