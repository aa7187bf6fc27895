//! `opeka deck` and `opeka render … -o chart.pdf`, run as a presenter would;
//! the PDFs are read back with a PDF parser: pages, extractable Russian
//! text, embedded fonts.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use lopdf::{Dictionary, Document, Object};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn out_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("deck-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn opeka(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opeka")).args(args).current_dir(repo()).env_remove("LANG").output().expect("run opeka")
}

/// Standard error with no-break spaces (between a number and its noun) as plain ones.
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).replace('\u{a0}', " ")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).replace('\u{a0}', " ")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

/// The text of a PDF without whitespace: svg2pdf places every glyph itself,
/// and pdf-extract reads the gaps between them as spaces.
fn text_of(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("extract text");
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    match object {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

fn dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match resolve(doc, object)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// The fonts of a resource dictionary and of every form XObject it uses, to any depth.
fn fonts_in<'a>(doc: &'a Document, resources: &'a Dictionary, depth: usize, out: &mut Vec<&'a Dictionary>) {
    if depth > 16 {
        return;
    }
    if let Some(fonts) = resources.get(b"Font").ok().and_then(|f| dict(doc, f)) {
        for (_, font) in fonts.iter() {
            out.extend(dict(doc, font));
        }
    }
    if let Some(xobjects) = resources.get(b"XObject").ok().and_then(|x| dict(doc, x)) {
        for (_, xobject) in xobjects.iter() {
            if let Some(inner) = dict(doc, xobject).and_then(|x| x.get(b"Resources").ok()).and_then(|r| dict(doc, r)) {
                fonts_in(doc, inner, depth + 1, out);
            }
        }
    }
}

/// Whether a font (Type0 with its descendant, or simple) has a font file stream embedded.
fn embedded(doc: &Document, font: &Dictionary) -> bool {
    let descriptor = |d: &Dictionary| d.get(b"FontDescriptor").ok().and_then(|fd| dict(doc, fd)).cloned();
    let mut descriptors: Vec<Dictionary> = descriptor(font).into_iter().collect();
    if let Some(Object::Array(kids)) = font.get(b"DescendantFonts").ok().and_then(|k| resolve(doc, k)) {
        for kid in kids {
            descriptors.extend(dict(doc, kid).and_then(descriptor));
        }
    }
    descriptors.iter().any(|d| {
        [&b"FontFile2"[..], b"FontFile3", b"FontFile"]
            .iter()
            .any(|key| d.get(key).ok().and_then(|f| resolve(doc, f)).is_some_and(|f| matches!(f, Object::Stream(_))))
    })
}

/// Checks every page's fonts: at least one, each embedded; returns the base font names.
fn page_fonts(doc: &Document) -> Vec<String> {
    let mut names = Vec::new();
    for (number, page_id) in doc.get_pages() {
        let page = doc.get_dictionary(page_id).expect("page");
        let resources = page.get(b"Resources").ok().and_then(|r| dict(doc, r)).expect("page resources");
        let mut fonts = Vec::new();
        fonts_in(doc, resources, 0, &mut fonts);
        assert!(!fonts.is_empty(), "page {number} uses no font");
        for font in fonts {
            let name = font.get(b"BaseFont").ok().and_then(|n| n.as_name().ok()).map(|n| String::from_utf8_lossy(n).into_owned());
            assert!(embedded(doc, font), "page {number}: font {name:?} is not embedded");
            names.extend(name);
        }
    }
    names
}

#[test]
fn the_ceremony_deck_makes_a_four_page_pdf_with_russian_text_in_embedded_pt_sans() {
    let dir = out_dir("ceremony");
    let pdf_path = dir.join("ceremony.pdf");
    let o = opeka(&["deck", "examples/decks/ceremony.json", "-o", &pdf_path.display().to_string()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("ceremony.pdf: 4 слайда, 1920 × 1080"), "{}", stdout(&o));
    let bytes = std::fs::read(&pdf_path).expect("read pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    let doc = Document::load_mem(&bytes).expect("parse pdf");
    assert_eq!(doc.get_pages().len(), 4, "one page per slide");
    for (_, page_id) in doc.get_pages() {
        let page = doc.get_dictionary(page_id).expect("page");
        let media_box = page.get(b"MediaBox").and_then(Object::as_array).expect("media box");
        let size: Vec<f32> = media_box.iter().map(|n| n.as_float().expect("number")).collect();
        assert_eq!(size, [0.0, 0.0, 1440.0, 810.0], "a 1920 × 1080 slide at 0.75 pt per pixel");
    }
    let names = page_fonts(&doc);
    assert!(names.iter().all(|n| n.contains("PTSans")), "{names:?}");
    let text = text_of(&bytes);
    for expected in [
        "Награды ко Дню социального работника — 2018",
        "Награды по видам",
        "«Лучший по профессии»: призёры",
        "Награждённые",
        "Региональный конкурс профессионального мастерства",
        // Every place of the podium, in the contrast theme's larger type, and the roll's names.
        "1\u{a0}место",
        "2\u{a0}место",
        "3\u{a0}место",
        "Светлана Валерьевна Дедова",
    ] {
        assert!(text.contains(&squeeze(expected)), "{expected:?} not in the extracted text:\n{text}");
    }
    assert!(!text.contains(&squeeze("см. таблицу данных")), "a slide points at no table:\n{text}");
}

#[test]
fn a_directory_gets_one_png_per_slide() {
    let dir = out_dir("pngs");
    let target = format!("{}/slides/", dir.display());
    let o = opeka(&["deck", "examples/decks/ceremony.json", "-o", &target, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for n in ["01", "02", "03", "04"] {
        let png = std::fs::read(dir.join("slides").join(format!("{n}.png"))).expect("png written");
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).expect("decode");
        assert_eq!((pixmap.width(), pixmap.height()), (1920, 1080));
    }
    assert!(!dir.join("slides/05.png").exists());
}

#[test]
fn a_missing_or_invalid_feed_names_its_slide_and_writes_nothing() {
    let dir = out_dir("bad-feeds");
    write(&dir, "bad.json", r#"{"opeka": 1, "kind": "caseload", "title": "t", "records": [{"period": "2024", "value": "12"}]}"#);
    std::fs::copy(repo().join("feeds/kuzbass-caseload.json"), dir.join("caseload.json")).expect("copy feed");
    let deck = write(
        &dir,
        "deck.json",
        r#"{"opeka-deck": 1, "slides": [{"feed": "caseload.json"}, {"feed": "missing.json"}, {"feed": "bad.json"}, {"feed": "caseload.json", "view": "podium"}]}"#,
    );
    let pdf = dir.join("out.pdf");
    let o = opeka(&["deck", &deck, "-o", &pdf.display().to_string(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("slides[1].feed: ") && err.contains("missing.json: cannot read the file"), "{err}");
    assert!(err.contains("slides[2].feed: ") && err.contains("records[0].value: must be a number ≥ 0, got the string \"12\""), "{err}");
    assert!(
        err.contains("slides[3].view: \"podium\" is not a view of caseload feeds; allowed: trend, ranking, composition, per-capita, tiles"),
        "{err}"
    );
    assert!(err.contains("3 slides could not be prepared; no PDF written"), "{err}");
    assert!(!err.contains("slides[0]"), "{err}");
    assert!(!pdf.exists(), "no PDF is written");

    let o = opeka(&["deck", &deck, "-o", &pdf.display().to_string(), "--lang", "ru"]);
    let err = stderr(&o);
    assert!(err.contains("не удалось прочитать файл") && err.contains("не удалось подготовить 3 слайда; PDF не создан"), "{err}");
    assert!(!pdf.exists());
}

#[test]
fn an_invalid_deck_is_explained_in_both_languages() {
    let dir = out_dir("bad-deck");
    let deck =
        write(&dir, "deck.json", r#"{"opeka-deck": 1, "autoplay": 3, "theme": "neon", "slides": [{"feed": "a.json", "view": "pie"}]}"#);
    let pdf = dir.join("out.pdf").display().to_string();
    let o = opeka(&["deck", &deck, "-o", &pdf, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("autoplay: must be a whole number of seconds, at least 5, got 3"), "{err}");
    assert!(err.contains("theme: \"neon\" is not one of: light, dark, contrast"), "{err}");
    assert!(err.contains("slides[0].view: \"pie\" is not one of: trend"), "{err}");
    assert!(err.contains("the deck is invalid (3 errors); no slides written"), "{err}");
    let o = opeka(&["deck", &deck, "-o", &pdf, "--lang", "ru"]);
    let err = stderr(&o);
    assert!(err.contains("autoplay: ожидается целое число секунд, не меньше 5, получено: 3"), "{err}");
    assert!(err.contains("презентация не прошла проверку (3 ошибки), слайды не созданы"), "{err}");

    let newer = write(&dir, "newer.json", r#"{"opeka-deck": 2, "slides": []}"#);
    let o = opeka(&["deck", &newer, "-o", &pdf, "--lang", "en"]);
    assert!(stderr(&o).contains("opeka-deck: deck format version 2 is newer than the supported version 1; update Opeka"), "{}", stderr(&o));
    assert!(!Path::new(&pdf).exists());
}

#[test]
fn the_output_must_be_a_pdf_or_a_directory() {
    let o = opeka(&["deck", "examples/decks/ceremony.json", "-o", "slides.png", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("the output must be a .pdf file or a directory"), "{}", stderr(&o));
}

#[test]
fn render_writes_a_one_page_pdf_by_extension_or_format() {
    let dir = out_dir("render-pdf");
    for (name, extra) in [("chart.pdf", None), ("chart.out", Some("pdf"))] {
        let out = dir.join(name).display().to_string();
        let mut args = vec!["render", "feeds/kuzbass-social-worker-day-2018.json", "--view", "podium", "--theme", "contrast", "-o", &out];
        if let Some(format) = extra {
            args.extend(["--format", format]);
        }
        let o = opeka(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let bytes = std::fs::read(&out).expect("pdf written");
        let doc = Document::load_mem(&bytes).expect("parse pdf");
        assert_eq!(doc.get_pages().len(), 1);
        assert!(!page_fonts(&doc).is_empty());
        let text = text_of(&bytes);
        assert!(text.contains(&squeeze("Награды ко Дню социального работника — 2018")), "{text}");
    }
}
