//! The wasm entry for host pages: the logic behind `<opeka-chart>`.
//!
//! The custom element class itself is a few lines of JavaScript (`js/opeka.js`,
//! shipped as `dist/opeka/opeka.js`), because a class extending `HTMLElement`
//! cannot be defined from Rust without `eval`. Each connected element gets an
//! [`OpekaWidget`]; dropping it (on disconnect) frees everything it holds.

mod attributes;
mod events;
mod widget;
pub mod worker;

pub use attributes::{Attributes, ThemeChoice, WorkerChoice};
pub use widget::OpekaWidget;

use wasm_bindgen::prelude::*;

/// talc, not Rust's default dlmalloc: 1 808 bytes less of the download, as
/// fast, for about 2 % more memory on a 15 MB feed (docs/size.md, "A
/// smaller allocator"). The worker's and the deck's modules keep dlmalloc.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Called once by `opeka.js` with its bounded loader (`load`), the chart's
/// pointer and keyboard handling (`interact`) and the downloads menu's
/// click handler (`extras(url)`), from `crates/widgets/js/loader.js` and
/// `interact.js`, which `make dist` puts at its head; `reduce`, which
/// hands a big feed to the page's worker, and `words`, which has the
/// worker's module word a feed's problems on this thread ([`worker`]).
#[wasm_bindgen]
pub fn use_loader(
    load: js_sys::Function,
    interact: js_sys::Function,
    menu: js_sys::Function,
    reduce: js_sys::Function,
    words: js_sys::Function,
) {
    opeka_widgets::fetch::use_loader(load);
    worker::use_worker(reduce, words);
    opeka_widgets::use_interact(interact);
    opeka_widgets::menu::use_extras(menu);
}

/// Runs once when the module loads. In debug builds panics become console
/// errors with their message; release builds leave the hook out (it links
/// the panic-message formatting, see docs/size.md): a panic is then a bare
/// wasm trap — while a widget is set up, the element reports it as an
/// `opeka-error` of kind `module`; elsewhere the console shows
/// `RuntimeError: unreachable`.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}
