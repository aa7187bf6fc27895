//! The few DOM helpers the chart box needs.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// A new `<tag class="class">`.
pub fn element(document: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let element = document.create_element(tag)?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    Ok(element)
}

/// A new `<tag>` holding `text` as a text node (never parsed as HTML),
/// appended to `parent`.
pub fn append_text(parent: &Element, tag: &str, text: &str) -> Result<Element, JsValue> {
    let document = parent.owner_document().ok_or_else(|| JsValue::from_str("element has no document"))?;
    let child = document.create_element(tag)?;
    child.set_text_content(Some(text));
    parent.append_child(&child)?;
    Ok(child)
}

/// Shows or hides `element` with the `hidden` attribute (the widget's CSS
/// makes `[hidden]` win over any `display`).
pub fn set_hidden(element: &Element, hidden: bool) -> Result<(), JsValue> {
    element.toggle_attribute_with_force("hidden", hidden).map(|_| ())
}
