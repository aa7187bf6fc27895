//! The wasm entry for host pages: the logic behind `<opeka-chart>`.
//!
//! The custom element class itself is a few lines of JavaScript (`js/opeka.js`,
//! shipped as `dist/opeka/opeka.js`), because a class extending `HTMLElement`
//! cannot be defined from Rust without `eval`. Each connected element gets an
//! [`OpekaWidget`]; dropping it (on disconnect) frees everything it holds.

mod attributes;
mod events;
mod fetch;
mod style;
mod widget;

pub use attributes::{Attributes, ThemeChoice};
pub use widget::OpekaWidget;

use wasm_bindgen::prelude::*;

/// Runs once when the module loads: panics become console errors instead of
/// silent traps, so a page author can report them.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}
