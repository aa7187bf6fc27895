//! Puts the chart's SVG into the page without any HTML parsing.

use wasm_bindgen::JsValue;
use web_sys::{DomParser, Element, SupportedType};

/// Replaces the children of `container` with the SVG document `svg`.
///
/// The SVG is parsed as XML (`image/svg+xml`): scripts in it never run and
/// nothing in it is read as HTML. A document that does not parse (which
/// would be a bug in the chart core) is refused rather than shown.
pub fn mount_svg(container: &Element, svg: &str) -> Result<(), JsValue> {
    let parsed = DomParser::new()?.parse_from_string(svg, SupportedType::ImageSvgXml)?;
    let root = parsed.document_element().ok_or_else(|| JsValue::from_str("empty SVG"))?;
    if root.local_name() != "svg" {
        return Err(JsValue::from_str("the chart did not produce an SVG document"));
    }
    root.set_attribute("aria-hidden", "true")?;
    root.set_attribute("focusable", "false")?;
    container.replace_children_with_node_1(&root);
    Ok(())
}
