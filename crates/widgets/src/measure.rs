//! Text widths as the browser will draw them.

use std::cell::RefCell;
use std::collections::HashMap;

use opeka_chart::{PtSansMetrics, TextMeasure};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Measures text with a detached canvas in the widget's own font, so the
/// host page's CSS cannot change the result (plotters' own measurement
/// appends a span to the page's body, where the host's CSS applies).
pub struct CanvasMeasure {
    context: Option<CanvasRenderingContext2d>,
    family: String,
    cache: RefCell<HashMap<(String, u32, bool), f64>>,
}

impl CanvasMeasure {
    /// A measurer for the CSS font family list `family`.
    pub fn new(family: &str) -> Self {
        let context = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        CanvasMeasure { context, family: family.to_owned(), cache: RefCell::default() }
    }

    /// The font family list this measurer measures in.
    pub fn family(&self) -> &str {
        &self.family
    }
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, size_px: f64, bold: bool) -> f64 {
        let Some(context) = &self.context else {
            // No canvas (very old browser): fall back to the shipped font's metrics.
            return PtSansMetrics.width(text, size_px, bold);
        };
        // Sizes are cached at 1/100 px to keep the key hashable.
        let key = (text.to_owned(), (size_px * 100.0).round() as u32, bold);
        if let Some(width) = self.cache.borrow().get(&key) {
            return *width;
        }
        let weight = if bold { "700" } else { "400" };
        // `{size_px}` would link core's float printer; this writes the same.
        let mut font = format!("{weight} ");
        opeka_feed::locale::write_shortest(&mut font, size_px);
        font.push_str("px ");
        font.push_str(&self.family);
        context.set_font(&font);
        let width = context.measure_text(text).map(|m| m.width()).unwrap_or_else(|_| PtSansMetrics.width(text, size_px, bold));
        self.cache.borrow_mut().insert(key, width);
        width
    }
}
