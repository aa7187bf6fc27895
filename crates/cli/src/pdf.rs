//! PDF output: one vector page per chart, through svg2pdf.
//!
//! Each chart's SVG is parsed by usvg with the PT Sans files built into the
//! binary (as PNGs are, in `render.rs`), turned into a form XObject by
//! svg2pdf — text stays text, in a subset of PT Sans embedded in the file,
//! so it can be selected, searched and copied — and placed on its own page.
//! svg2pdf 0.13 is built on usvg 0.45, so this parse uses the usvg it
//! re-exports, not resvg's 0.49 one.

use std::sync::Arc;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use svg2pdf::usvg;

use super::render::{PT_SANS_BOLD, PT_SANS_REGULAR};

/// Points per SVG (CSS) pixel: a 1920 × 1080 slide is a 1440 × 810 pt page (20 × 11.25 in).
const POINTS_PER_PIXEL: f32 = 0.75;

/// The fonts usvg may use: the two PT Sans faces and nothing else.
fn font_database() -> usvg::fontdb::Database {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(PT_SANS_REGULAR.to_vec());
    fonts.load_font_data(PT_SANS_BOLD.to_vec());
    fonts.set_sans_serif_family("PT Sans");
    fonts
}

/// Parses a chart's SVG with the embedded fonts; nothing is read from disk.
fn tree(svg: &str, fonts: &Arc<usvg::fontdb::Database>) -> Result<usvg::Tree, String> {
    let options = usvg::Options {
        font_family: "PT Sans".to_owned(),
        fontdb: Arc::clone(fonts),
        resources_dir: None,
        // The chart never refers to images; nothing is ever read from disk.
        image_href_resolver: usvg::ImageHrefResolver { resolve_data: Box::new(|_, _, _| None), resolve_string: Box::new(|_, _| None) },
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())
}

/// Hands out object numbers for the whole document.
struct Refs(i32);

impl Refs {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

/// A PDF of one page per SVG, each page the SVG's size; `title` goes into
/// the document information. Fails (naming the page, from 1) when an SVG
/// cannot be parsed or converted.
pub fn document(svgs: &[String], title: Option<&str>) -> Result<Vec<u8>, (usize, String)> {
    let fonts = Arc::new(font_database());
    let mut refs = Refs(0);
    let catalog = refs.next();
    let page_tree = refs.next();
    let mut pdf = Pdf::new();
    let mut pages = Vec::with_capacity(svgs.len());
    for (i, svg) in svgs.iter().enumerate() {
        let tree = tree(svg, &fonts).map_err(|e| (i + 1, e))?;
        let options = svg2pdf::ConversionOptions { embed_text: true, ..svg2pdf::ConversionOptions::default() };
        let (chunk, form) = svg2pdf::to_chunk(&tree, options).map_err(|e| (i + 1, e.to_string()))?;
        // Give the chunk's objects numbers of their own in this document.
        // Its numbers are small and dense (from 1), so a list maps them.
        let mut renumbered: Vec<Option<Ref>> = Vec::new();
        let chunk = chunk.renumber(|old| {
            let slot = usize::try_from(old.get()).unwrap_or(0);
            if renumbered.len() <= slot {
                renumbered.resize(slot + 1, None);
            }
            *renumbered[slot].get_or_insert_with(|| refs.next())
        });
        let form = usize::try_from(form.get())
            .ok()
            .and_then(|slot| renumbered.get(slot).copied().flatten())
            .ok_or((i + 1, "svg2pdf".to_owned()))?;
        let (w, h) = (tree.size().width() * POINTS_PER_PIXEL, tree.size().height() * POINTS_PER_PIXEL);
        let page = refs.next();
        let contents = refs.next();
        let mut content = Content::new();
        // The form is drawn into the unit square: scale it to the page.
        content.save_state().transform([w, 0.0, 0.0, h, 0.0, 0.0]).x_object(Name(b"S")).restore_state();
        pdf.stream(contents, &content.finish());
        let mut p = pdf.page(page);
        p.media_box(Rect::new(0.0, 0.0, w, h)).parent(page_tree).contents(contents);
        p.resources().x_objects().pair(Name(b"S"), form);
        p.finish();
        pdf.extend(&chunk);
        pages.push(page);
    }
    pdf.catalog(catalog).pages(page_tree);
    let count = i32::try_from(pages.len()).unwrap_or(i32::MAX);
    pdf.pages(page_tree).kids(pages).count(count);
    let info = refs.next();
    let mut document_info = pdf.document_info(info);
    document_info.producer(TextStr("Opeka (svg2pdf)"));
    if let Some(title) = title {
        document_info.title(TextStr(title));
    }
    document_info.finish();
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_follow_the_svgs() {
        let svg = |w: u32| {
            format!(
                r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="100"><text x="4" y="30" font-family="PT Sans" font-size="24">Кузбасс</text></svg>"##
            )
        };
        let pdf = document(&[svg(200), svg(400)], Some("Проба")).expect("pdf");
        assert!(pdf.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("/Count 2"), "two pages");
        assert!(text.contains("/MediaBox [0 0 150 75]") && text.contains("/MediaBox [0 0 300 75]"), "pages in points");
        assert!(document(&["<svg".to_owned()], None).is_err_and(|(page, _)| page == 1));
    }
}
