//! The widget's stylesheet, shared by every widget on the page.

use crate::WIDGET_CSS;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, ShadowRoot};

thread_local! {
    // One constructed sheet for all widgets: parsed once, and allowed by a
    // strict `style-src 'self'` (a <style> element would need 'unsafe-inline').
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new()
        .and_then(|sheet| sheet.replace_sync(WIDGET_CSS).map(|_| sheet))
        .ok();
}

/// Applies the widget stylesheet to `root`.
pub fn adopt_stylesheet(root: &ShadowRoot) -> Result<(), JsValue> {
    SHEET.with(|sheet| {
        let sheet = sheet.as_ref().ok_or_else(|| JsValue::from_str("constructed stylesheets are not supported"))?;
        let sheets = js_sys::Array::of1(sheet);
        js_sys::Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &sheets).map(|_| ())
    })
}
