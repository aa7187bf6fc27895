//! `opeka render`: draw a feed to SVG, PNG or PDF without a browser, through
//! the same `opeka_chart::render` the widgets use, measured with PT Sans.
//!
//! PNG goes through resvg with the PT Sans files built into the binary, so
//! the text is rasterized in the font it was laid out with, on any machine,
//! from any directory; system fonts are never consulted.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use opeka_chart::{render, ChartRequest, Medium, PtSansMetrics, Scene, Shape, Theme, View};
use opeka_feed::validate::validate;
use opeka_feed::Lang;

use super::lang::{resolve, LangArg};
use super::output::line;
use super::validate::{describe, read_checked};
use super::USAGE_ERROR;

/// PT Sans Regular, as shipped in `assets/fonts` (SIL Open Font License).
pub(crate) const PT_SANS_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/PTSans-Regular.ttf");
/// PT Sans Bold, as shipped in `assets/fonts`.
pub(crate) const PT_SANS_BOLD: &[u8] = include_bytes!("../../../assets/fonts/PTSans-Bold.ttf");

/// The canvas when neither `--width` nor `--height` is given: a full-HD slide.
const SLIDE: (u32, u32) = (1920, 1080);

/// Draw a feed as an SVG, PNG or PDF image (for slides, reports, previews).
///
/// The format follows the extension of OUT (`.svg`, `.png` or `.pdf`), or --format. The size is
/// 1920 × 1080 by default; with only --width the chart takes the height its
/// view needs. Exits with 0 when the image is written, 1 when the feed is
/// invalid or unreadable or the image cannot be written, 2 on a usage error
/// (an unknown view, an unsupported extension).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Feed file to draw
    #[arg(value_name = "FEED")]
    feed: PathBuf,
    /// View to draw: one of the feed kind's views (caseload: trend, ranking, composition, per-capita, tiles;
    /// awards: breakdown, podium, roll, tiles; outcomes: progress, before-after, trajectory, tiles)
    /// [default: the feed's own view, else its kind's first]
    #[arg(long, value_name = "VIEW")]
    view: Option<String>,
    /// Language of the chart and of the messages [default: the chart in the feed's locale;
    /// messages from LANG if it is ru or en, else ru]
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Colour theme
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    theme: ThemeArg,
    /// Width in pixels [default: 1920]
    #[arg(long, value_name = "PX", value_parser = clap::value_parser!(u32).range(240..=8192))]
    width: Option<u32>,
    /// Height in pixels [default: 1080 at the default width, else the chart's own height]
    #[arg(long, value_name = "PX", value_parser = clap::value_parser!(u32).range(120..=8192))]
    height: Option<u32>,
    /// How type is sized: `slide` in proportion to the canvas (legible on a projector),
    /// `screen` in pixels as on a web page [default: slide, or screen when --width is given]
    #[arg(long, value_enum)]
    medium: Option<MediumArg>,
    /// Also write the chart's geometry (every mark with its data and shape, every text
    /// with its box, size and role) as JSON to this file
    #[arg(long, value_name = "OUT.json")]
    geometry: Option<PathBuf>,
    /// Where to write the image: OUT.svg, OUT.png or OUT.pdf
    #[arg(short = 'o', long = "output", value_name = "OUT", required = true)]
    output: PathBuf,
    /// The image format [default: from the extension of OUT]
    #[arg(long, value_enum)]
    format: Option<ImageFormat>,
}

/// The values of `--medium`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MediumArg {
    /// Type in pixels, as on a web page.
    Screen,
    /// Type in proportion to the canvas, for projectors and slides.
    Slide,
}

/// The values of `--theme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    /// Dark text on white.
    Light,
    /// Light text on a dark background.
    Dark,
    /// Black on white, thick lines, larger text (projectors).
    Contrast,
}

impl From<ThemeArg> for Theme {
    fn from(arg: ThemeArg) -> Theme {
        match arg {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
            ThemeArg::Contrast => Theme::Contrast,
        }
    }
}

/// The image formats written (`--format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImageFormat {
    /// SVG, as the widget draws it.
    Svg,
    /// PNG, rasterized by resvg.
    Png,
    /// PDF: one vector page, text selectable, PT Sans embedded.
    Pdf,
}

fn image_format(path: &Path) -> Option<ImageFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "svg" => Some(ImageFormat::Svg),
        "png" => Some(ImageFormat::Png),
        "pdf" => Some(ImageFormat::Pdf),
        _ => None,
    }
}

fn say(lang: Lang, ru: &str, en: &str) -> String {
    match lang {
        Lang::Ru => ru.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// Renders the feed, writes the image, and returns the exit code.
pub fn run(args: &Args) -> ExitCode {
    let lang = resolve(args.lang);
    let Some(format) = args.format.or_else(|| image_format(&args.output)) else {
        eprintln!(
            "{}: {}",
            args.output.display(),
            say(lang, "укажите файл .svg, .png или .pdf (или --format)", "the output must be a .svg, .png or .pdf file (or give --format)")
        );
        return ExitCode::from(USAGE_ERROR);
    };
    let name = args.feed.display();
    let refused = |errors: &str| match lang {
        Lang::Ru => format!("фид не прошёл проверку ({errors}), изображение не создано"),
        Lang::En => format!("the feed is invalid ({errors}); no image written"),
    };
    let checked = match read_checked(&args.feed, lang, validate, refused) {
        Ok(checked) => checked,
        Err(code) => return code,
    };
    for warning in &checked.warnings {
        eprintln!("{name}: {}", describe(warning, lang));
    }
    if let Some(more) = checked.omitted.text(lang) {
        eprintln!("{name}: {more}");
    }
    let feed = &checked.feed;
    let kind_views = feed.kind().views();
    let view = match args.view.as_deref() {
        None => None,
        Some(asked) => match View::parse(asked.trim()).filter(|v| kind_views.contains(v)) {
            Some(v) => Some(v),
            None => {
                let names: Vec<&str> = kind_views.iter().map(|v| v.name()).collect();
                let kind = feed.kind().name();
                eprintln!(
                    "{}",
                    match lang {
                        Lang::Ru => format!("вид «{asked}» не подходит для фида вида {kind}; возможные: {}", names.join(", ")),
                        Lang::En => format!("view \"{asked}\" is not one of the {kind} views: {}", names.join(", ")),
                    }
                );
                return ExitCode::from(USAGE_ERROR);
            }
        },
    };
    let (width, height) = match (args.width, args.height) {
        (None, None) => (SLIDE.0, Some(SLIDE.1)),
        (None, Some(h)) => (SLIDE.0, Some(h)),
        (Some(w), h) => (w, h),
    };
    let chart_lang = match args.lang {
        Some(LangArg::Ru) => Lang::Ru,
        Some(LangArg::En) => Lang::En,
        None => feed.locale,
    };
    let medium = match (args.medium, args.width) {
        (Some(MediumArg::Screen), _) | (None, Some(_)) => Medium::Screen,
        (Some(MediumArg::Slide), _) | (None, None) => Medium::Slide,
    };
    let request =
        ChartRequest { view, width: f64::from(width), height: height.map(f64::from), medium, theme: args.theme.into(), lang: chart_lang };
    let chart = render(feed, &request, &PtSansMetrics);
    let svg = chart.to_svg();
    let problems = svg_problems(&svg);
    if !problems.is_empty() {
        // Never expected: the chart escapes every text. Refuse rather than write it.
        for p in &problems {
            eprintln!("{}: {p}", args.output.display());
        }
        return ExitCode::FAILURE;
    }
    let written = match format {
        ImageFormat::Svg => std::fs::write(&args.output, svg.as_bytes()).map_err(|e| e.to_string()),
        ImageFormat::Png => rasterize(&svg).and_then(|png| std::fs::write(&args.output, png).map_err(|e| e.to_string())),
        ImageFormat::Pdf => super::pdf::document(std::slice::from_ref(&svg), Some(&chart.title))
            .map_err(|(_, e)| e)
            .and_then(|pdf| std::fs::write(&args.output, pdf).map_err(|e| e.to_string())),
    };
    if let Err(e) = written {
        eprintln!("{}: {}: {e}", args.output.display(), say(lang, "не удалось записать изображение", "cannot write the image"));
        return ExitCode::FAILURE;
    }
    if let Some(path) = &args.geometry {
        let json = serde_json::to_string_pretty(&geometry(&chart)).unwrap_or_default();
        if let Err(e) = std::fs::write(path, json + "\n") {
            eprintln!("{}: {}: {e}", path.display(), say(lang, "не удалось записать геометрию", "cannot write the geometry"));
            return ExitCode::FAILURE;
        }
    }
    line(&format!("{}: {} × {}, {}", args.output.display(), chart.width, chart.height, chart.view));
    ExitCode::SUCCESS
}

/// The chart's geometry as the README documents it: the canvas, every mark
/// with its data and shape, every text with its box, size and role.
pub fn geometry(scene: &Scene) -> serde_json::Value {
    use serde_json::json;
    let marks: Vec<serde_json::Value> = scene
        .marks
        .iter()
        .map(|m| {
            let shape = match m.shape {
                Shape::Bar { x, y, w, h, horizontal } => {
                    json!({"kind": "bar", "x": x, "y": y, "w": w, "h": h, "direction": if horizontal { "horizontal" } else { "vertical" }})
                }
                Shape::Rect { x, y, w, h } => json!({"kind": "rect", "x": x, "y": y, "w": w, "h": h}),
                Shape::Point { x, y, r, .. } => json!({"kind": "point", "x": x, "y": y, "r": r}),
            };
            json!({
                "series": m.series,
                "name": m.name,
                "period": m.period,
                "label": m.label,
                "value": m.value,
                "unit": m.unit,
                "baseline": m.baseline,
                "panel": m.panel,
                "order": m.order,
                "shape": shape,
            })
        })
        .collect();
    let texts: Vec<serde_json::Value> = scene
        .texts
        .iter()
        .map(|t| json!({"text": t.text, "x": t.x, "y": t.y, "w": t.w, "h": t.h, "size": t.size, "bold": t.bold, "role": t.role.name()}))
        .collect();
    json!({
        "width": scene.width,
        "height": scene.height,
        "view": scene.view.name(),
        "medium": scene.medium.name(),
        "title": scene.title,
        "marks": marks,
        "texts": texts,
    })
}

/// The fonts resvg may use: the two PT Sans faces and nothing else.
fn font_database() -> resvg::usvg::fontdb::Database {
    let mut fonts = resvg::usvg::fontdb::Database::new();
    fonts.load_font_data(PT_SANS_REGULAR.to_vec());
    fonts.load_font_data(PT_SANS_BOLD.to_vec());
    fonts.set_sans_serif_family("PT Sans");
    fonts
}

/// Rasterizes an SVG at its own size into PNG bytes.
pub fn rasterize(svg: &str) -> Result<Vec<u8>, String> {
    let options = resvg::usvg::Options {
        font_family: "PT Sans".to_owned(),
        fontdb: Arc::new(font_database()),
        resources_dir: None,
        // The chart never refers to images; nothing is ever read from disk.
        image_href_resolver: resvg::usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..resvg::usvg::Options::default()
    };
    let tree = resvg::usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| format!("cannot allocate a {} × {} image", size.width(), size.height()))?;
    resvg::render(&tree, resvg::tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// What would make an SVG unsafe to put in a page or open in a browser:
/// a script, an element that can hold HTML, an event attribute (`on…=`), a
/// reference to anything outside the document (`href` other than `#id`),
/// or a `<`/`>` not part of markup (unescaped text). Empty when it is safe.
pub fn svg_problems(svg: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find(['<', '>']) {
        if rest[start..].starts_with('>') {
            problems.push("a '>' outside markup: text is not escaped".to_owned());
            rest = &rest[start + 1..];
            continue;
        }
        let Some(end) = rest[start..].find('>') else {
            problems.push("an unclosed tag".to_owned());
            break;
        };
        let tag = &rest[start + 1..start + end];
        rest = &rest[start + end + 1..];
        if tag.starts_with('?') || tag.starts_with('/') {
            continue;
        }
        if tag.starts_with('!') {
            problems.push(format!("<{tag}>: comments, CDATA and declarations are not expected"));
            continue;
        }
        if tag.contains('<') {
            problems.push(format!("<{tag}>: a '<' inside a tag"));
        }
        let name: String = tag.chars().take_while(|c| !c.is_whitespace() && *c != '/').collect();
        let lower = name.to_ascii_lowercase();
        if matches!(lower.as_str(), "script" | "foreignobject" | "iframe" | "object" | "embed" | "image" | "use" | "a" | "style") {
            problems.push(format!("<{name}> element"));
        }
        for (attr, value) in attributes(&tag[name.len()..]) {
            let attr_lower = attr.to_ascii_lowercase();
            if attr_lower.starts_with("on") {
                problems.push(format!("<{name}> has an event attribute {attr}"));
            }
            if (attr_lower == "href" || attr_lower.ends_with(":href") || attr_lower == "src") && !value.starts_with('#') {
                problems.push(format!("<{name}> refers outside the document: {attr}=\"{value}\""));
            }
            if value.to_ascii_lowercase().contains("url(") && !value.contains("url(#") {
                problems.push(format!("<{name}> {attr} loads a URL"));
            }
        }
    }
    problems
}

/// The `name="value"` pairs of a tag's attribute text.
fn attributes(mut text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    loop {
        text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let Some(eq) = text.find('=') else { break };
        let name = text[..eq].trim().to_owned();
        let after = text[eq + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            out.push((name, after.split_whitespace().next().unwrap_or("").to_owned()));
            break;
        };
        let body = &after[1..];
        let close = body.find(quote).unwrap_or(body.len());
        out.push((name, body[..close].to_owned()));
        text = body.get(close + 1..).unwrap_or("");
    }
    out
}

#[cfg(test)]
mod tests {
    use opeka_chart::BAND_HEIGHT;
    use opeka_feed::validate::{validate_str, Options};
    use resvg::tiny_skia::Pixmap;

    use super::*;

    #[test]
    fn safe_svg_passes_and_unsafe_ones_are_named() {
        let safe = r##"<?xml version="1.0"?><svg width="10" height="10" xmlns="http://www.w3.org/2000/svg"><title>A &lt;b&gt;</title><text x="1" font-family="PT Sans">&lt;script&gt; &amp; &quot;</text><rect fill="url(#g)"/></svg>"##;
        assert_eq!(svg_problems(safe), Vec::<String>::new());
        for unsafe_svg in [
            r#"<svg><script>alert(1)</script></svg>"#,
            r#"<svg><rect onclick="alert(1)"/></svg>"#,
            r#"<svg><rect ONLOAD='x'/></svg>"#,
            r#"<svg><image xlink:href="http://example.com/x.png"/></svg>"#,
            r#"<svg><a href="https://example.com">x</a></svg>"#,
            r#"<svg><text>a > b</text></svg>"#,
            r#"<svg><foreignObject><div/></foreignObject></svg>"#,
            r#"<svg><rect fill="url(http://x/y)"/></svg>"#,
        ] {
            assert!(!svg_problems(unsafe_svg).is_empty(), "{unsafe_svg}");
        }
    }

    #[test]
    fn format_follows_the_extension() {
        assert_eq!(image_format(Path::new("a/b.SVG")), Some(ImageFormat::Svg));
        assert_eq!(image_format(Path::new("b.png")), Some(ImageFormat::Png));
        assert_eq!(image_format(Path::new("c.Pdf")), Some(ImageFormat::Pdf));
        assert_eq!(image_format(Path::new("b.jpg")), None);
        assert_eq!(image_format(Path::new("b")), None);
    }

    #[test]
    fn text_is_drawn_in_pt_sans() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="#FFFFFF"/><text x="4" y="30" font-family="PT Sans, Arial, sans-serif" font-size="24" fill="#000000">Кузбасс 12 000</text></svg>"##;
        let png = rasterize(svg).expect("rasterize");
        let pixmap = Pixmap::decode_png(&png).expect("decode");
        assert_eq!((pixmap.width(), pixmap.height()), (200, 40));
        let dark = pixmap.pixels().iter().filter(|p| p.red() < 128).count();
        assert!(dark > 100, "the text is drawn: {dark} dark pixels");
    }

    /// An awards feed of `n` recipients, a roll of as many names.
    fn awards(n: usize) -> String {
        let recipients: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"name":"Иванова Мария Петровна {i}","role":"специалист по социальной работе","org":"ГКУ «Центр социальной поддержки населения» № {i}","city":"Кемерово","award":"medal"}}"#))
            .collect();
        format!(
            r#"{{"opeka":1,"kind":"awards","title":"Награждённые","award_types":[{{"id":"medal","label":"Медаль «За веру и добро»","level":"regional","category":"medal"}}],"recipients":[{}]}}"#,
            recipients.join(",")
        )
    }

    /// An outcomes feed of `n` projects, each with a rising and a falling indicator.
    fn register(n: usize) -> String {
        let projects: Vec<String> = (0..n)
            .map(|p| {
                let indicator = |i: usize, direction: &str| {
                    let actual: Vec<String> = (0..5).map(|k| format!(r#"{{"period":"{}","value":{}}}"#, 2019 + k, (p * 7 + i * 13 + k * 11) % 200)).collect();
                    format!(
                        r#"{{"id":"i{i}","label":"Показатель {i} проекта {p}","format":"count","direction":"{direction}","baseline":{{"period":"2018","value":{}}},"target":{{"period":"2025","value":{}}},"actual":[{}]}}"#,
                        100 + p % 50,
                        150 + p % 30,
                        actual.join(",")
                    )
                };
                format!(r#"{{"id":"p{p}","name":"Проект номер {p}","status":"active","indicators":[{},{}]}}"#, indicator(0, "increase"), indicator(1, "decrease"))
            })
            .collect();
        format!(r#"{{"opeka":1,"kind":"outcomes","title":"Проекты","projects":[{}]}}"#, projects.join(","))
    }

    /// The SVG documents in a page's `<div>` of them (`Scene::to_svg_bands`).
    fn svg_documents(div: &str) -> Vec<String> {
        let inside = div
            .strip_prefix("<div xmlns=\"http://www.w3.org/1999/xhtml\" aria-hidden=\"true\">")
            .and_then(|rest| rest.strip_suffix("</div>"));
        inside.expect("an XHTML div").split_inclusive("</svg>\n").map(str::to_owned).collect()
    }

    fn pixmap(svg: &str) -> Pixmap {
        Pixmap::decode_png(&rasterize(svg).expect("rasterized")).expect("a PNG")
    }

    /// A tall chart's bands, drawn one under the other, are the whole chart
    /// pixel for pixel, within a shade: every item that reaches into a band
    /// is in it.
    #[test]
    fn a_tall_charts_bands_draw_the_whole_chart() {
        for (feed, view, width) in
            [(awards(200), View::Roll, 960.0), (register(120), View::Progress, 720.0), (register(60), View::Trajectory, 390.0)]
        {
            let feed = match validate_str(&feed, &Options::default()) {
                Ok(checked) => checked.feed,
                Err(rejected) => panic!("{view:?}: the test feed is refused: {rejected}"),
            };
            let request =
                ChartRequest { view: Some(view), width, height: None, medium: Medium::Screen, theme: Theme::Light, lang: Lang::Ru };
            let scene = render(&feed, &request, &PtSansMetrics);
            let bands = svg_documents(&scene.to_svg_bands());
            let tall = scene.height as u32;
            assert!(tall > 2 * BAND_HEIGHT + 100, "{view:?}: {tall} px is tall enough for three bands");
            assert_eq!(bands.len(), tall.div_ceil(BAND_HEIGHT) as usize, "{view:?}: a band per {BAND_HEIGHT} px");
            let whole = pixmap(&scene.to_svg());
            let row = whole.width() as usize * 4;
            for (k, band) in bands.iter().enumerate() {
                let top = k as u32 * BAND_HEIGHT;
                let shown = BAND_HEIGHT.min(tall - top);
                assert!(
                    band.starts_with(&format!(
                        "<svg role=\"img\" width=\"{width}\" height=\"{shown}\" viewBox=\"0 {top} {width} {shown}\" "
                    )),
                    "{view:?} band {k}"
                );
                // Drawn with 4 px more above and below: at an image's edge
                // tiny-skia smooths a glyph that runs past it otherwise
                // than inside one, so the band's own rows are compared away
                // from the edges; an item missing from the band is missing
                // from them. A line cut at the image's edge is smoothed a
                // shade otherwise along its length too (by 16 of 255 at
                // most here): a pixel may differ by less than the palest
                // item on the canvas does (the grid, 28 from white).
                let widened = band.replacen(
                    &format!("height=\"{shown}\" viewBox=\"0 {top} {width} {shown}\""),
                    &format!("height=\"{}\" viewBox=\"0 {} {width} {}\"", shown + 8, i64::from(top) - 4, shown + 8),
                    1,
                );
                let drawn = pixmap(&widened);
                assert_eq!((drawn.width(), drawn.height()), (whole.width(), shown + 8), "{view:?} band {k}");
                let got = &drawn.data()[4 * row..(4 + shown) as usize * row];
                let want = &whole.data()[top as usize * row..(top + shown) as usize * row];
                let differ: Vec<usize> = (0..got.len()).filter(|&i| got[i].abs_diff(want[i]) > 20).map(|i| i / 4).collect();
                let at = differ.first().map(|i| (i % whole.width() as usize, i / whole.width() as usize + top as usize));
                assert!(differ.is_empty(), "{view:?} band {k}: {} pixels differ from the whole chart's, the first at {at:?}", differ.len());
            }
            // Each band draws only what reaches into it.
            let elements = |svg: &str| svg.lines().filter(|l| l.starts_with("<text")).count();
            let written: usize = bands.iter().map(|b| elements(b)).sum();
            assert!(written < elements(&scene.to_svg()) * 11 / 10, "{view:?}: {written} texts in the bands");
        }
    }

    /// A chart no taller than two bands is one document, the whole chart's.
    #[test]
    fn a_chart_of_two_bands_or_less_is_one_document() {
        let feed = match validate_str(&awards(40), &Options::default()) {
            Ok(checked) => checked.feed,
            Err(rejected) => panic!("the test feed is refused: {rejected}"),
        };
        let request = ChartRequest {
            view: Some(View::Roll),
            width: 960.0,
            height: None,
            medium: Medium::Screen,
            theme: Theme::Light,
            lang: Lang::Ru,
        };
        let scene = render(&feed, &request, &PtSansMetrics);
        assert!(scene.height > 300.0 && scene.height <= f64::from(2 * BAND_HEIGHT), "{}", scene.height);
        assert_eq!(svg_documents(&scene.to_svg_bands()), vec![scene.to_svg()]);
    }
}
