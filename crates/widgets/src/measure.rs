//! Text widths as the browser will draw them.

use std::cell::{Cell, RefCell};

use opeka_chart::TextMeasure;
use opeka_feed::collections::SortedMap;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Measures text with a detached canvas in the widget's own font, so the
/// host page's CSS cannot change the result (plotters' own measurement
/// appends a span to the page's body, where the host's CSS applies).
///
/// Each text is measured once per weight, at [`REFERENCE_PX`], and scaled
/// to the size asked for. The first text measured in a font (a family, size
/// and weight) costs the browser 1–5 ms to set that font up, and the tiles
/// view, fitting its numbers, asked for about a hundred sizes: 120 ms of
/// its drawing went to that (docs/performance.md, stop 42). A canvas
/// text's width is linear in its size (Chromium's, to the bit, from 10 to
/// 72 px), and SVG text is laid out at those unhinted widths.
pub struct CanvasMeasure {
    context: Option<CanvasRenderingContext2d>,
    family: String,
    /// Widths at [`REFERENCE_PX`] by text, regular then bold. A sorted
    /// vector, not a `HashMap`: no hashing code in the bundle, and a binary
    /// search is as quick for the few hundred texts of a chart.
    cache: RefCell<SortedMap<String, [Option<f64>; 2]>>,
    /// Whether the context was last set to the bold font: setting a font is
    /// a call out of the module and a CSS parse each time.
    bold: Cell<Option<bool>>,
}

/// The size every text is measured at: the font strings below say it, and
/// opeka.js sets those two fonts up while the module downloads.
const REFERENCE_PX: f64 = 100.0;

/// The most texts the cache holds; past it, it starts again. Inserting into
/// a sorted vector moves its tail, so an unbounded cache makes a chart of
/// 200 000 labels quadratic; a few thousand still covers any ordinary
/// chart and its redraws, and a width measured again is the same width.
const CACHE_TEXTS: usize = 4096;

impl CanvasMeasure {
    /// A measurer for the CSS font family list `family`.
    pub fn new(family: &str) -> Self {
        let context = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            // Our own element and its "2d" context: what they are is known,
            // so no `instanceof` checks (two imports fewer in the download).
            .and_then(|c| c.unchecked_into::<HtmlCanvasElement>().get_context("2d").ok().flatten())
            .map(|c| c.unchecked_into::<CanvasRenderingContext2d>());
        CanvasMeasure { context, family: family.to_owned(), cache: RefCell::default(), bold: Cell::new(None) }
    }

    /// The font family list this measurer measures in.
    pub fn family(&self) -> &str {
        &self.family
    }
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, size_px: f64, bold: bool) -> f64 {
        let Some(context) = &self.context else {
            // No canvas: the browser refused it.
            return estimate(text, size_px);
        };
        let weight = usize::from(bold);
        let cached = self.cache.borrow().get(text).and_then(|widths| widths[weight]);
        let reference = match cached {
            Some(width) => width,
            None => {
                if self.bold.replace(Some(bold)) != Some(bold) {
                    let mut font = String::from(if bold { "700 100px " } else { "400 100px " });
                    font.push_str(&self.family);
                    context.set_font(&font);
                }
                let width = context.measure_text(text).map(|m| m.width()).unwrap_or_else(|_| estimate(text, REFERENCE_PX));
                let mut cache = self.cache.borrow_mut();
                if cache.len() >= CACHE_TEXTS && !cache.contains_key(text) {
                    *cache = SortedMap::new();
                }
                cache.entry_or_default(text.to_owned())[weight] = Some(width);
                width
            }
        };
        reference * size_px / REFERENCE_PX
    }
}

/// A width where the browser gives no canvas (privacy settings can refuse
/// it): 0.6 em a character, wider than PT Sans's average of 0.51, so that
/// texts are laid out with room to spare rather than overlapping. Not the
/// font's own widths: their table is 1.4 KB of the download, for a case
/// this rare.
fn estimate(text: &str, size_px: f64) -> f64 {
    text.chars().count() as f64 * size_px * 0.6
}
