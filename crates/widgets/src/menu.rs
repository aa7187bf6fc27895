//! The downloads menu and the full-screen button: buttons after the data table, with its label and
//! its items' labels from the catalogue. The popup and what it does (the
//! keys, the downloads themselves) is `js/opeka-extras.js`, which loads only
//! when a reader first presses the button: a page that nobody downloads
//! from never fetches it.

use std::cell::RefCell;

use js_sys::Function;
use opeka_feed::locale::Msg;
use opeka_feed::Lang;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use crate::dom::{append_text, element, set_hidden};

/// Which controls a widget shows besides the chart and its table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Controls {
    /// The downloads menu (the default).
    #[default]
    Menu,
    /// No menu: for screens nobody downloads from (`controls="none"`).
    None,
}

thread_local! {
    /// The click and keydown handler of every menu button: loads the
    /// extras module and opens the menu (`extras` in `js/loader.js`).
    static OPEN: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Gives the widgets the click and keydown handler of their menu buttons:
/// `opeka.js` passes `extras(url)` of `js/loader.js` with the URL of the
/// `opeka-extras.js` beside it. Boxes made before this have no menu action.
pub fn use_extras(open: Function) {
    OPEN.with(|slot| slot.replace(Some(open)));
}

/// Where the Leptos component's menu finds `opeka-extras.js` (resolved
/// against the page's base URL), unless [`use_extras_url`] says otherwise.
#[cfg(feature = "loader")]
pub const DEFAULT_EXTRAS_URL: &str = "opeka-extras.js";

/// Makes the menus of boxes created from now on load `opeka-extras.js`
/// from `url` (resolved against the page's base URL).
#[cfg(feature = "loader")]
pub fn use_extras_url(url: &str) {
    use_extras(extras_snippet(url));
}

#[cfg(feature = "loader")]
#[wasm_bindgen(module = "/js/loader.js")]
extern "C" {
    #[wasm_bindgen(js_name = extras)]
    fn extras_snippet(url: &str) -> Function;
}

/// The handler for a new menu button: the one given, else (in the Leptos
/// component) the default URL's.
fn open_handler() -> Option<Function> {
    #[cfg(feature = "loader")]
    if OPEN.with(|slot| slot.borrow().is_none()) {
        use_extras_url(DEFAULT_EXTRAS_URL);
    }
    OPEN.with(|slot| slot.borrow().clone())
}

/// A box's menu: `<div class="opeka-menu">` with its button. Only what a
/// reader meets before opening it is made here: the button, its
/// `aria-haspopup` and the items' labels (`data-labels`, one a line, from the
/// catalogue). The popup itself, its roles and its keys are made by the
/// extras module when it first opens, so that they cost the page nothing
/// until then.
pub(crate) struct Menu {
    root: Element,
    full: Element,
    button: Element,
}

impl Menu {
    /// A closed menu, its button wired to the extras module.
    pub fn new(document: &Document) -> Result<Menu, JsValue> {
        let root = element(document, "div", "opeka-menu")?;
        // The full-screen button, before the menu's: `name="full"` tells the
        // extras module to show the chart full-screen rather than open the
        // menu (the same handler; `f` on a focused widget presses it too).
        let full = append_text(&root, "button", "")?;
        full.set_attribute("name", "full")?;
        let button = append_text(&root, "button", "")?;
        // `aria-expanded` is set only while the menu is open, as the ARIA
        // practices advise for menu buttons.
        button.set_attribute("aria-haspopup", "menu")?;
        if let Some(open) = open_handler() {
            full.add_event_listener_with_callback("click", &open)?;
            button.add_event_listener_with_callback("click", &open)?;
            button.add_event_listener_with_callback("keydown", &open)?;
        }
        Ok(Menu { root, full, button })
    }

    /// The menu's element, to place after the data table.
    pub fn element(&self) -> &Element {
        &self.root
    }

    /// Writes the labels in `lang` and shows the menu unless `controls`
    /// hides it.
    pub fn show(&self, lang: Lang, controls: Controls) -> Result<(), JsValue> {
        self.full.set_text_content(Some(&Msg::FullScreen.text(lang)));
        self.button.set_text_content(Some(&Msg::Download.text(lang)));
        self.root.set_attribute("data-labels", &Msg::DownloadItems.text(lang))?;
        set_hidden(&self.root, controls == Controls::None)
    }

    /// Names the files the menu saves: `{name}.png`, `.svg`, `.csv`.
    pub fn set_file_name(&self, name: &str) -> Result<(), JsValue> {
        self.root.set_attribute("data-file", name)
    }
}
