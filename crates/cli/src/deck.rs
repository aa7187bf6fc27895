//! `opeka deck`: a deck (`docs/decks.md`) as slides for meeting papers — a
//! PDF of one vector page per slide, or one PNG per slide — drawn by the same
//! chart code as the browser's deck, in the `slide` medium at 1920 × 1080.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use opeka_chart::{render, ChartRequest, Medium, PtSansMetrics, Theme, View};
use opeka_feed::deck::{self, validate_deck, SlideSettings};
use opeka_feed::locale::{count_noun, Noun};
use opeka_feed::validate::{validate, Options};
use opeka_feed::{Lang, ValidFeed};

use super::lang::{resolve, LangArg};
use super::output::line;
use super::render::{rasterize, svg_problems};
use super::validate::{describe, read_checked, read_limited};
use super::USAGE_ERROR;

/// Every slide's canvas: a full-HD slide.
const SLIDE: (f64, f64) = (1920.0, 1080.0);

/// Draw every slide of a deck: a PDF of one page per slide (vector, text
/// selectable, PT Sans embedded), or one PNG per slide into a directory.
///
/// Feeds are read relative to the deck file. Exits with 0 when every slide
/// is written, 1 when the deck or a slide's feed is missing or invalid (then
/// nothing is written) or the output cannot be written, 2 on a usage error.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Deck file (`opeka-deck` 1)
    #[arg(value_name = "DECK")]
    deck: PathBuf,
    /// Where to write: OUT.pdf, or a directory (existing, or a path ending in /) for 01.png, 02.png, …
    #[arg(short = 'o', long = "output", value_name = "OUT", required = true)]
    output: PathBuf,
    /// The folder a site serves, for feeds written from the site's root (`/feeds/…`)
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
    /// Language of the messages [default: from LANG if it is ru or en, else ru]; the slides
    /// are in the deck's language
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

fn say(lang: Lang, ru: &str, en: &str) -> String {
    match lang {
        Lang::Ru => ru.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// What to write.
enum Output {
    Pdf(PathBuf),
    Pngs(PathBuf),
}

fn output_kind(path: &Path) -> Option<Output> {
    let text = path.as_os_str().to_string_lossy();
    if text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) || path.is_dir() {
        return Some(Output::Pngs(path.to_owned()));
    }
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    (ext == "pdf").then(|| Output::Pdf(path.to_owned()))
}

impl From<deck::Theme> for ThemeOf {
    fn from(theme: deck::Theme) -> ThemeOf {
        ThemeOf(match theme {
            deck::Theme::Light => Theme::Light,
            deck::Theme::Dark => Theme::Dark,
            deck::Theme::Contrast => Theme::Contrast,
        })
    }
}

/// A deck theme as the chart's.
struct ThemeOf(Theme);

/// `%XX` escapes of a URL path decoded (`Отчёт%202024.json`); a broken escape stays as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, ..) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The file a slide's `feed` names: relative to the deck's directory, or to
/// `--root` for an address from the site's root.
fn feed_file(url: &str, deck_dir: &Path, root: Option<&Path>, lang: Lang) -> Result<PathBuf, String> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Err(say(
            lang,
            "opeka deck читает только файлы: сохраните фид рядом с презентацией и укажите путь к нему",
            "opeka deck reads files only: save the feed beside the deck and give its path",
        ));
    }
    // The query and fragment mean something to a web server, not to a file.
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let path = percent_decode(path);
    if let Some(from_root) = path.strip_prefix('/') {
        return match root {
            Some(root) => Ok(root.join(from_root)),
            None => Err(say(
                lang,
                "адрес от корня сайта: укажите --root ПАПКА (папку, которую отдаёт сайт) или путь относительно презентации",
                "an address from the site's root: give --root DIR (the folder the site serves) or a path relative to the deck",
            )),
        };
    }
    Ok(deck_dir.join(path))
}

/// Reads and checks one slide's feed; `Err` holds the lines that say why not.
fn slide_feed(settings: &SlideSettings<'_>, deck_dir: &Path, root: Option<&Path>, lang: Lang) -> Result<ValidFeed, Vec<String>> {
    let at = settings.path("feed");
    let file = feed_file(settings.feed, deck_dir, root, lang).map_err(|e| vec![format!("{at}: \"{}\": {e}", settings.feed)])?;
    let name = file.display();
    let options = Options::default();
    let bytes = match read_limited(&file, options.max_bytes) {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(too_large)) => return Err(vec![format!("{at}: {name}: {}", too_large.to_string_in(lang))]),
        Err(e) => return Err(vec![format!("{at}: {name}: {}: {e}", say(lang, "не удалось прочитать файл", "cannot read the file"))]),
    };
    let checked = match validate(&bytes, &options) {
        Ok(checked) => checked,
        Err(rejected) => {
            let mut lines: Vec<String> = rejected.problems.iter().map(|p| format!("{at}: {name}: {}", describe(p, lang))).collect();
            if let Some(more) = rejected.omitted.text(lang) {
                lines.push(format!("{at}: {name}: {more}"));
            }
            let errors = count_noun((rejected.errors().count() + rejected.omitted.errors) as f64, Noun::Error, lang);
            lines.push(format!(
                "{at}: {name}: {}",
                match lang {
                    Lang::Ru => format!("фид не прошёл проверку ({errors})"),
                    Lang::En => format!("the feed is invalid ({errors})"),
                }
            ));
            return Err(lines);
        }
    };
    for warning in &checked.warnings {
        eprintln!("{at}: {name}: {}", describe(warning, lang));
    }
    let feed = checked.feed;
    if let Some(view) = settings.view {
        let kind = feed.kind();
        if !kind.views().contains(&view) {
            let allowed: Vec<&str> = kind.views().iter().map(|v| v.name()).collect();
            let message =
                opeka_feed::validate::ProblemMessage::ViewNotOfKind { got: format!("\"{}\"", view.name()), kind: kind.name(), allowed };
            return Err(vec![format!("{}: {}", settings.path("view"), message.text(lang))]);
        }
    }
    Ok(feed)
}

/// Draws one slide as SVG.
fn slide_svg(settings: &SlideSettings<'_>, feed: &ValidFeed) -> String {
    let shown = settings.slide.apply(feed);
    let view: Option<View> = settings.view;
    let request = ChartRequest {
        view,
        width: SLIDE.0,
        height: Some(SLIDE.1),
        medium: Medium::Slide,
        theme: ThemeOf::from(settings.theme).0,
        lang: settings.lang_for(feed),
    };
    render(&shown, &request, &PtSansMetrics).to_svg()
}

/// Reads the deck and its feeds, draws every slide, writes the output; returns the exit code.
pub fn run(args: &Args) -> ExitCode {
    let lang = resolve(args.lang);
    let Some(output) = output_kind(&args.output) else {
        eprintln!(
            "{}: {}",
            args.output.display(),
            say(
                lang,
                "укажите файл .pdf или папку (путь, оканчивающийся на /)",
                "the output must be a .pdf file or a directory (a path ending in /)"
            )
        );
        return ExitCode::from(USAGE_ERROR);
    };
    let name = args.deck.display();
    let refused = |errors: &str| match lang {
        Lang::Ru => format!("презентация не прошла проверку ({errors}), слайды не созданы"),
        Lang::En => format!("the deck is invalid ({errors}); no slides written"),
    };
    let checked = match read_checked(&args.deck, lang, validate_deck, refused) {
        Ok(checked) => checked,
        Err(code) => return code,
    };
    for warning in &checked.warnings {
        eprintln!("{name}: {}", describe(warning, lang));
    }
    let deck = &checked.deck;
    let deck_dir = args.deck.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let deck_dir = if deck_dir.as_os_str().is_empty() { PathBuf::from(".") } else { deck_dir };

    // Every slide's feed first: one bad feed means no output at all, and every problem is told at once.
    let mut feeds = Vec::with_capacity(deck.slides.len());
    let mut failed = 0;
    for settings in deck.all_settings() {
        match slide_feed(&settings, &deck_dir, args.root.as_deref(), lang) {
            Ok(feed) => feeds.push(feed),
            Err(lines) => {
                failed += 1;
                for l in lines {
                    eprintln!("{name}: {l}");
                }
            }
        }
    }
    if failed > 0 {
        let slides = count_noun(failed as f64, Noun::Slide, lang);
        eprintln!(
            "{name}: {}",
            match (lang, &output) {
                (Lang::Ru, Output::Pdf(_)) => format!("не удалось подготовить {slides}; PDF не создан"),
                (Lang::Ru, Output::Pngs(_)) => format!("не удалось подготовить {slides}; изображения не созданы"),
                (Lang::En, Output::Pdf(_)) => format!("{slides} could not be prepared; no PDF written"),
                (Lang::En, Output::Pngs(_)) => format!("{slides} could not be prepared; no images written"),
            }
        );
        return ExitCode::FAILURE;
    }

    let mut svgs = Vec::with_capacity(feeds.len());
    for (settings, feed) in deck.all_settings().zip(&feeds) {
        let svg = slide_svg(&settings, feed);
        let problems = svg_problems(&svg);
        if !problems.is_empty() {
            // Never expected: the chart escapes every text. Refuse rather than write it.
            for p in &problems {
                eprintln!("{name}: slides[{}]: {p}", settings.index);
            }
            return ExitCode::FAILURE;
        }
        svgs.push(svg);
    }

    let written = match &output {
        Output::Pdf(path) => write_pdf(path, &svgs, deck.title_in(deck.lang.unwrap_or(lang)), lang),
        Output::Pngs(dir) => write_pngs(dir, &svgs, lang),
    };
    match written {
        Ok(what) => {
            line(&what);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn write_pdf(path: &Path, svgs: &[String], title: Option<&str>, lang: Lang) -> Result<String, String> {
    let cannot = say(lang, "не удалось записать PDF", "cannot write the PDF");
    let pdf = super::pdf::document(svgs, title).map_err(|(page, e)| format!("{}: {cannot} ({page}): {e}", path.display()))?;
    std::fs::write(path, &pdf).map_err(|e| format!("{}: {cannot}: {e}", path.display()))?;
    let slides = count_noun(svgs.len() as f64, Noun::Slide, lang);
    Ok(format!("{}: {slides}, {} × {}", path.display(), SLIDE.0, SLIDE.1))
}

fn write_pngs(dir: &Path, svgs: &[String], lang: Lang) -> Result<String, String> {
    let cannot = say(lang, "не удалось записать изображение", "cannot write the image");
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {cannot}: {e}", dir.display()))?;
    // 01.png … 99.png, then as many digits as the last number needs, so that names sort in order.
    let digits = svgs.len().to_string().len().max(2);
    for (i, svg) in svgs.iter().enumerate() {
        let path = dir.join(format!("{:0digits$}.png", i + 1));
        let png = rasterize(svg).map_err(|e| format!("{}: {cannot}: {e}", path.display()))?;
        std::fs::write(&path, png).map_err(|e| format!("{}: {cannot}: {e}", path.display()))?;
    }
    let slides = count_noun(svgs.len() as f64, Noun::Slide, lang);
    Ok(format!("{}: {slides}, {} × {}", dir.display(), SLIDE.0, SLIDE.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_found_beside_the_deck() {
        let dir = Path::new("decks");
        assert_eq!(feed_file("../feeds/a.json", dir, None, Lang::En), Ok(PathBuf::from("decks/../feeds/a.json")));
        assert_eq!(feed_file("a%20b.json?v=2#x", dir, None, Lang::En), Ok(PathBuf::from("decks/a b.json")));
        assert_eq!(feed_file("/feeds/a.json", dir, Some(Path::new("site")), Lang::En), Ok(PathBuf::from("site/feeds/a.json")));
        assert!(feed_file("/feeds/a.json", dir, None, Lang::En).is_err_and(|e| e.contains("--root")));
        assert!(feed_file("HTTPS://x/a.json", dir, None, Lang::Ru).is_err_and(|e| e.contains("только файлы")));
    }

    #[test]
    fn output_is_a_pdf_or_a_directory() {
        assert!(matches!(output_kind(Path::new("a/slides.PDF")), Some(Output::Pdf(_))));
        assert!(matches!(output_kind(Path::new("slides/")), Some(Output::Pngs(_))));
        assert!(matches!(output_kind(Path::new(".")), Some(Output::Pngs(_))));
        assert!(output_kind(Path::new("slides.png")).is_none());
    }
}
