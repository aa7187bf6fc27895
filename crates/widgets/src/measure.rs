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
/// Each word is measured once per weight, at `REFERENCE_PX`, and scaled
/// to the size asked for. The first text measured in a font (a family, size
/// and weight) costs the browser 1–5 ms to set that font up, and the tiles
/// view, fitting its numbers, asked for about a hundred sizes: 120 ms of
/// its drawing went to that (docs/performance.md, stop 42). A canvas
/// text's width is linear in its size (Chromium's, to the bit, from 10 to
/// 72 px), and SVG text is laid out at those unhinted widths.
pub struct CanvasMeasure {
    context: Option<CanvasRenderingContext2d>,
    family: String,
    /// Widths at [`REFERENCE_PX`] by word, regular then bold. A sorted
    /// vector, not a `HashMap`: no hashing code in the bundle, and a binary
    /// search is as quick for the few hundred words of a chart.
    cache: RefCell<SortedMap<String, [Option<f64>; 2]>>,
    /// Whether the context was last set to the bold font: setting a font is
    /// a call out of the module and a CSS parse each time.
    bold: Cell<Option<bool>>,
}

/// The size every text is measured at: the font strings below say it, and
/// opeka.js sets those two fonts up while the module downloads.
const REFERENCE_PX: f64 = 100.0;

/// The most words the cache holds; past it, it starts again. Inserting into
/// a sorted vector moves its tail, so an unbounded cache makes a chart of
/// 200 000 labels quadratic; a few thousand still covers any ordinary
/// chart, and a width measured again is the same width.
const CACHE_WORDS: usize = 4096;

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
        // A text is as wide as its words and the spaces between them: each
        // is measured once and met again from the cache, where a whole text
        // is new to it (a label wrapped word by word measured each longer
        // line anew: 1 342 canvas calls laid a register's tiles out,
        // docs/performance.md, stop 56). Chromium shapes a text word by
        // word itself, and its sums are the same to the bit.
        let weight = usize::from(bold);
        let mut reference = 0.0;
        let mut rest = text;
        while !rest.is_empty() {
            // A word up to the next space, or the space itself.
            let (word, after) = rest.split_at(rest.bytes().position(|b| b == b' ').unwrap_or(rest.len()).max(1));
            rest = after;
            if let Some(width) = self.cache.borrow().get(word).and_then(|widths| widths[weight]) {
                reference += width;
                continue;
            }
            if self.bold.replace(Some(bold)) != Some(bold) {
                let mut font = String::from(if bold { "700 100px " } else { "400 100px " });
                font.push_str(&self.family);
                context.set_font(&font);
            }
            let width = context.measure_text(word).map(|m| m.width()).unwrap_or_else(|_| estimate(word, REFERENCE_PX));
            let mut cache = self.cache.borrow_mut();
            if cache.len() >= CACHE_WORDS {
                *cache = SortedMap::new();
            }
            cache.entry_or_default(word.to_owned())[weight] = Some(width);
            reference += width;
        }
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
