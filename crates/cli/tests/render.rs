//! `opeka render` run as a publisher would: SVG and PNG files, hostile
//! labels, and usage errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use resvg::tiny_skia::Pixmap;

const SAMPLES: [&str; 5] = [
    "kuzbass-caseload",
    "kuzbass-accident-families",
    "kuzbass-council-projects-2024",
    "kuzbass-social-worker-day-2018",
    "vyksa-orphanhood-prevention",
];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("render-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn opeka_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opeka")).args(args).current_dir(dir).env_remove("LANG").output().expect("run opeka")
}

fn opeka(args: &[&str]) -> Output {
    opeka_in(&repo(), args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn feed(name: &str) -> String {
    repo().join("feeds").join(format!("{name}.json")).display().to_string()
}

/// Decodes a PNG file, checking the signature first.
fn read_png(path: &Path) -> Pixmap {
    let bytes = std::fs::read(path).expect("read png");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{} is a PNG", path.display());
    Pixmap::decode_png(&bytes).expect("decode png")
}

/// Pixels clearly darker than the light background: text and marks.
fn dark_pixels(pixmap: &Pixmap, rows: std::ops::Range<u32>) -> usize {
    let w = pixmap.width() as usize;
    pixmap.pixels()[rows.start as usize * w..rows.end as usize * w]
        .iter()
        .filter(|p| u32::from(p.red()) + u32::from(p.green()) + u32::from(p.blue()) < 3 * 128)
        .count()
}

/// What makes an SVG unsafe in a page: scripts, event attributes, outside references.
fn assert_svg_is_safe(svg: &str) {
    assert!(svg.starts_with("<svg "), "{}", &svg[..svg.len().min(100)]);
    for needle in ["<script", "<foreignObject", "<iframe", "<img", "<a ", "xlink:href", "href=\"http", "javascript:", "<!--", "<![CDATA["] {
        assert!(!svg.contains(needle), "{needle} in the SVG");
    }
    // No attribute starting with "on" in any tag.
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e);
        let tag = &rest[start..end];
        for attr in tag.split_whitespace().skip(1) {
            assert!(!attr.to_ascii_lowercase().starts_with("on"), "event attribute in {tag}");
        }
        // Between tags, text has no raw '>' either: every text is escaped.
        let next = rest[end..].find('<').map_or(rest.len(), |n| end + n);
        assert!(!rest[(end + 1).min(next)..next].contains('>'), "unescaped '>' after {tag}");
        rest = &rest[next..];
    }
}

#[test]
fn every_sample_renders_to_svg_and_png_at_slide_size() {
    let dir = out_dir();
    for name in SAMPLES {
        for view in [None, Some("tiles")] {
            let suffix = view.unwrap_or("default");
            let svg_path = dir.join(format!("{name}.{suffix}.svg"));
            let png_path = dir.join(format!("{name}.{suffix}.png"));
            for out in [&svg_path, &png_path] {
                let out_s = out.display().to_string();
                let feed_s = feed(name);
                let mut args = vec!["render", feed_s.as_str(), "-o", out_s.as_str()];
                if let Some(v) = view {
                    args.extend(["--view", v]);
                }
                let o = opeka(&args);
                assert_eq!(o.status.code(), Some(0), "{name} {suffix}: {}", stderr(&o));
                assert!(String::from_utf8_lossy(&o.stdout).contains("1920 × 1080"), "{}", String::from_utf8_lossy(&o.stdout));
            }
            let svg = std::fs::read_to_string(&svg_path).expect("svg");
            assert!(svg.contains(r#"width="1920" height="1080""#), "{name}");
            assert!(svg.contains("font-family=\"PT Sans"), "{name}");
            assert_svg_is_safe(&svg);
            let png = read_png(&png_path);
            assert_eq!((png.width(), png.height()), (1920, 1080), "{name}");
            // The title is drawn at the top, and the chart fills more than a sliver.
            assert!(dark_pixels(&png, 0..60) > 300, "{name} {suffix}: no title pixels");
            // Views other than trend and tiles may still be placeholders: a title and a line of text.
            let least = if view.is_some() || name == "kuzbass-caseload" { 3000 } else { 800 };
            assert!(dark_pixels(&png, 0..1080) > least, "{name} {suffix}: blank image");
        }
    }
}

#[test]
fn width_alone_takes_the_charts_own_height_and_themes_and_languages_apply() {
    let dir = out_dir();
    let out = dir.join("tiles-800-dark.png");
    let o = opeka(&[
        "render",
        &feed("kuzbass-accident-families"),
        "--view",
        "tiles",
        "--width",
        "800",
        "--theme",
        "dark",
        "--lang",
        "en",
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let png = read_png(&out);
    assert_eq!(png.width(), 800);
    assert!(png.height() >= 320 && png.height() != 1080, "{}", png.height());
    // A dark background.
    let p = png.pixels()[png.width() as usize * (png.height() as usize - 2) + 2];
    assert!(p.red() < 64 && p.green() < 64 && p.blue() < 64, "{p:?}");

    let svg_out = dir.join("tiles-800-en.svg");
    let o = opeka(&[
        "render",
        &feed("kuzbass-caseload"),
        "--view",
        "tiles",
        "--width",
        "800",
        "--height",
        "500",
        "--lang",
        "en",
        "-o",
        &svg_out.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&svg_out).expect("svg");
    assert!(svg.contains(r#"width="800" height="500""#));
    assert!(svg.contains("12,000"), "English digits");
}

#[test]
fn fonts_are_built_in_so_any_directory_works() {
    let elsewhere = out_dir();
    let out = elsewhere.join("elsewhere.png");
    let o =
        opeka_in(&elsewhere, &["render", &feed("vyksa-orphanhood-prevention"), "--view", "tiles", "--width", "640", "-o", "elsewhere.png"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let png = read_png(&out);
    assert!(dark_pixels(&png, 0..png.height()) > 2000);
}

const HOSTILE: &str = r#"{
  "opeka": 1, "kind": "caseload",
  "title": "<script>alert(1)</script> & \"quotes\" 'single' \u202Eevil ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ",
  "subtitle": "\u200fمرحبا\u202e RTL override <svg onload=alert(5)>",
  "notes": ["</text><script>alert(2)</script>", "&amp; &lt; ]]> <!-- -->"],
  "source": { "name": "<a href=\"http://evil.example\">x</a>", "url": "javascript:alert(3)" },
  "headline": [ { "label": "<img src=x onerror=alert(4)> & \"q\"", "value": 12000, "unit": "<b>u</b>", "note": "\u202E'n'" } ],
  "measure": { "label": "=HYPERLINK(\"x\")", "unit": "<i>people</i>" },
  "categories": [
    { "id": "a", "label": "<img src=x onerror=alert(4)>" },
    { "id": "b", "label": "ЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫЫ" },
    { "id": "c", "label": "\"quoted\" & 'apos' \u200f\u05e9\u05dc\u05d5\u05dd" }
  ],
  "records": [
    { "period": "2024-01", "category": "a", "value": 10 },
    { "period": "2024-02", "category": "b", "value": 20 },
    { "period": "2024-03", "category": "c", "value": 30 }
  ]
}"#;

#[test]
fn hostile_labels_never_become_markup() {
    let dir = out_dir();
    let input = dir.join("hostile.json");
    std::fs::write(&input, HOSTILE).expect("write feed");
    for view in ["trend", "tiles"] {
        for lang in ["ru", "en"] {
            let svg_path = dir.join(format!("hostile.{view}.{lang}.svg"));
            let o = opeka(&[
                "render",
                &input.display().to_string(),
                "--view",
                view,
                "--lang",
                lang,
                "--width",
                "800",
                "-o",
                &svg_path.display().to_string(),
            ]);
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            let svg = std::fs::read_to_string(&svg_path).expect("svg");
            assert_svg_is_safe(&svg);
            assert!(!svg.contains('\u{202e}'), "bidi overrides are dropped");
            assert!(
                svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &apos;single&apos;"),
                "{view}: the title is escaped"
            );
            if view == "tiles" {
                assert!(svg.contains("&lt;img src=x onerror=alert(4)&gt; &amp; &quot;q&quot;"), "the label is escaped");
            }
        }
        let png_path = dir.join(format!("hostile.{view}.png"));
        let o = opeka(&["render", &input.display().to_string(), "--view", view, "-o", &png_path.display().to_string()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(read_png(&png_path).width(), 1920);
    }
}

#[test]
fn invalid_feed_lists_problems_and_exits_1() {
    let dir = out_dir();
    let out = dir.join("never.svg");
    let _ = std::fs::remove_file(&out);
    let o = opeka(&["render", "tests/corpus/invalid/negative-counts.json", "--lang", "en", "-o", &out.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let expected = std::fs::read_to_string(repo().join("tests/corpus/invalid/negative-counts.expected")).expect("expected");
    for line in expected.lines() {
        assert!(err.contains(&format!("tests/corpus/invalid/negative-counts.json: {line}\n")), "{line} missing from:\n{err}");
    }
    assert!(!out.exists(), "no image from an invalid feed");
    let o = opeka(&["render", "feeds/does-not-exist.json", "-o", &out.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn the_error_count_agrees_with_its_noun() {
    let out = out_dir().join("never-counted.svg");
    let cases = [
        ("awards-empty", "en", "(1\u{a0}error); no image written"),
        ("awards-empty", "ru", "(1\u{a0}ошибка), изображение не создано"),
        ("unit-wrong-count", "en", "(5\u{a0}errors); no image written"),
        ("unit-wrong-count", "ru", "(5\u{a0}ошибок), изображение не создано"),
        ("outcomes-mixed-granularity", "ru", "(2\u{a0}ошибки), изображение не создано"),
    ];
    for (name, lang, want) in cases {
        let feed = format!("tests/corpus/invalid/{name}.json");
        let o = opeka(&["render", &feed, "--lang", lang, "-o", &out.display().to_string()]);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert!(err.ends_with(&format!("{want}\n")), "{name} {lang}: {err}");
    }
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let out = out_dir().join("x.svg").display().to_string();
    let caseload = feed("kuzbass-caseload");
    let o = opeka(&["render", &caseload, "--view", "podium", "--lang", "en", "-o", &out]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("trend, ranking, composition, per-capita, tiles"), "{}", stderr(&o));
    let o = opeka(&["render", &feed("kuzbass-social-worker-day-2018"), "--view", "nonsense", "-o", &out]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("breakdown, podium, roll, tiles"), "{}", stderr(&o));
    for args in [
        vec!["render", caseload.as_str(), "-o", "x.jpg"],
        vec!["render", caseload.as_str()],
        vec!["render", caseload.as_str(), "--width", "10", "-o", out.as_str()],
        vec!["render", caseload.as_str(), "--height", "abc", "-o", out.as_str()],
        vec!["render", caseload.as_str(), "--theme", "neon", "-o", out.as_str()],
        vec!["render", caseload.as_str(), "--lang", "de", "-o", out.as_str()],
        vec!["render", "-o", out.as_str()],
    ] {
        let o = opeka(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&o).trim().is_empty(), "{args:?} says why");
    }
}

#[test]
fn help_documents_render() {
    let o = opeka(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("render"));
    let o = opeka(&["render", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    let help = String::from_utf8_lossy(&o.stdout);
    for flag in ["--view", "--lang", "--theme", "--width", "--height", "--output", "1920", "1080", ".png"] {
        assert!(help.contains(flag), "{flag} missing from:\n{help}");
    }
}

#[test]
fn geometry_describes_every_mark_and_text() {
    let dir = out_dir();
    let svg = dir.join("geometry-ranking.svg");
    let json = dir.join("geometry-ranking.json");
    let out = opeka(&[
        "render",
        &feed("kuzbass-caseload"),
        "--view",
        "ranking",
        "--lang",
        "ru",
        "--geometry",
        &json.display().to_string(),
        "-o",
        &svg.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let geometry: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).expect("geometry written")).expect("geometry is JSON");
    assert_eq!(geometry["view"], "ranking");
    assert_eq!(geometry["medium"], "slide", "the default 1920×1080 render is a slide");
    assert_eq!((geometry["width"].as_f64(), geometry["height"].as_f64()), (Some(1920.0), Some(1080.0)));
    let marks = geometry["marks"].as_array().expect("marks");
    // Ten municipalities, each a horizontal bar from zero, named and valued.
    assert_eq!(marks.len(), 10);
    let first = &marks[0];
    assert_eq!(first["name"], "Новокузнецк");
    assert_eq!(first["value"].as_f64(), Some(32036.0));
    assert_eq!(first["baseline"].as_f64(), Some(0.0));
    assert_eq!(first["unit"], "человек");
    assert_eq!(first["label"], "Новокузнецк, июнь\u{a0}2018: 32\u{a0}036\u{a0}человек");
    assert_eq!(first["shape"]["kind"], "bar");
    assert_eq!(first["shape"]["direction"], "horizontal");
    let rate = |m: &serde_json::Value| m["shape"]["w"].as_f64().unwrap_or(0.0) / m["value"].as_f64().unwrap_or(1.0);
    let (lo, hi) = marks.iter().map(rate).fold((f64::INFINITY, 0.0f64), |(lo, hi), r| (lo.min(r), hi.max(r)));
    assert!(hi / lo <= 1.01, "bar lengths proportional to values: {lo}..{hi}");
    let texts = geometry["texts"].as_array().expect("texts");
    let title = texts.iter().find(|t| t["role"] == "title").expect("a title");
    assert_eq!(title["text"], "Получатели социальных услуг в Кузбассе");
    assert!(title["size"].as_f64().unwrap_or(0.0) >= 40.0, "{title}");
    assert!(texts.iter().all(|t| t["size"].as_f64().unwrap_or(0.0) >= 22.0));
    for name in ["Новокузнецк", "Осинники"] {
        assert!(texts.iter().any(|t| t["role"] == "label" && t["text"] == name), "{name} is labelled");
    }

    // --medium screen keeps the web page's sizes.
    let out = opeka(&[
        "render",
        &feed("kuzbass-caseload"),
        "--view",
        "ranking",
        "--medium",
        "screen",
        "--geometry",
        &json.display().to_string(),
        "-o",
        &svg.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let geometry: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).expect("geometry written")).expect("JSON");
    assert_eq!(geometry["medium"], "screen");
    let title = geometry["texts"].as_array().and_then(|t| t.iter().find(|t| t["role"] == "title").cloned()).expect("title");
    assert_eq!(title["size"].as_f64(), Some(18.0));
}
