//! Text widths as the browser will draw them.

use std::cell::{Cell, RefCell};

use opeka_chart::TextMeasure;
use opeka_feed::collections::SortedMap;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Measures text with a detached canvas in the widget's own font, so the
/// host page's CSS cannot change the result (plotters' own measurement
/// appends a span to the page's body, where the host's CSS applies).
pub struct CanvasMeasure {
    context: Option<CanvasRenderingContext2d>,
    family: String,
    /// Widths by text, then by (size in 1/100 px, bold). A sorted vector,
    /// not a `HashMap`: no hashing code in the bundle, a binary search is as
    /// quick for the few hundred texts of a chart, and a hit needs no
    /// allocation. A text comes in few sizes, so those are scanned.
    cache: RefCell<SortedMap<String, Widths>>,
    /// The font the context was last set to, (size in 1/100 px, bold): a
    /// chart measures runs of texts in one font, and setting it again is
    /// a call out of the module and a CSS parse each time.
    font: Cell<Option<(u32, bool)>>,
}

/// A text's widths: (size in 1/100 px, bold, width).
type Widths = Vec<(u32, bool, f64)>;

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
        CanvasMeasure { context, family: family.to_owned(), cache: RefCell::default(), font: Cell::new(None) }
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
        // Sizes are cached at 1/100 px to keep the key exact.
        let size = (size_px * 100.0).round() as u32;
        let cached =
            self.cache.borrow().get(text).and_then(|sizes| sizes.iter().find(|(s, b, _)| (*s, *b) == (size, bold)).map(|(_, _, w)| *w));
        if let Some(width) = cached {
            return width;
        }
        if self.font.replace(Some((size, bold))) != Some((size, bold)) {
            let weight = if bold { "700" } else { "400" };
            // `{size_px}` would link core's float printer; this writes the same.
            let mut font = format!("{weight} ");
            opeka_feed::locale::write_shortest(&mut font, size_px);
            font.push_str("px ");
            font.push_str(&self.family);
            context.set_font(&font);
        }
        let width = context.measure_text(text).map(|m| m.width()).unwrap_or_else(|_| estimate(text, size_px));
        let mut cache = self.cache.borrow_mut();
        if cache.len() >= CACHE_TEXTS && !cache.contains_key(text) {
            *cache = SortedMap::new();
        }
        cache.entry_or_default(text.to_owned()).push((size, bold, width));
        width
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
