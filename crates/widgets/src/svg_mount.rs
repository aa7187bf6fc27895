//! Puts the chart's SVG into the page without any HTML parsing.

use wasm_bindgen::JsValue;
use web_sys::{DomParser, Element, SupportedType};

/// Replaces the children of `container` with `charts`: an XHTML `<div>`
/// of the chart's SVG documents from the top (one but for a tall chart's
/// bands: [`opeka_chart::write_svg_bands`]; the stylesheet lays out each
/// only near the screen).
///
/// It is parsed as XML: scripts in it never run and nothing in it is read
/// as HTML. A document that does not parse (which would be a bug in the
/// chart core) is refused rather than shown.
pub fn mount_svg(container: &Element, charts: &str) -> Result<(), JsValue> {
    let parsed = DomParser::new()?.parse_from_string(charts, SupportedType::ApplicationXhtmlXml)?;
    // A document that does not parse has a `<parsererror>` or nothing.
    let root = parsed.document_element().filter(|root| root.local_name() == "div");
    let root = root.ok_or_else(|| JsValue::from_str("unparsed SVG"))?;
    container.replace_children_with_node_1(&root);
    Ok(())
}
