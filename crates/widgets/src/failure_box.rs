//! The box shown instead of a chart: what went wrong, for the viewer and
//! for the page author.

use opeka_feed::locale::Msg;
use opeka_feed::Lang;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use crate::dom::{append_text, element};
use crate::state::Failure;

/// `<div class="opeka-error" role="alert">`: a headline, a retry button
/// when `retry` is given, and the problems in a `<details>` for the author.
pub fn failure_box(document: &Document, failure: &Failure, lang: Lang, retry: Option<&js_sys::Function>) -> Result<Element, JsValue> {
    let (headline, details): (String, Vec<String>) = match failure {
        Failure::Network { status, url, detail } => {
            // The HTTP status is written as such: the page author looks it up.
            let failed = Msg::NetworkError { status: None }.text(lang);
            let headline = match status {
                Some(code) => format!("{failed} (HTTP {code})."),
                None => format!("{failed}."),
            };
            (headline, vec![format!("{url}: {detail}")])
        }
        Failure::Invalid { problems, omitted } => {
            let mut lines: Vec<String> = problems.iter().map(|p| p.to_string_in(lang)).collect();
            lines.extend(omitted.text(lang));
            (format!("{}.", Msg::FeedInvalid.text(lang)), lines)
        }
        Failure::NoFeed => (format!("{}.", Msg::NoFeed.text(lang)), Vec::new()),
    };
    let root = element(document, "div", "opeka-error")?;
    root.set_attribute("role", "alert")?;
    append_text(&root, "p", &headline)?;
    if let Some(retry) = retry {
        let button = append_text(&root, "button", &Msg::Retry.text(lang))?;
        button.set_attribute("type", "button")?;
        button.set_class_name("opeka-retry");
        button.add_event_listener_with_callback("click", retry)?;
    }
    if !details.is_empty() {
        let author_box = element(document, "details", "opeka-details")?;
        append_text(&author_box, "summary", &Msg::DetailsForAuthor.text(lang))?;
        let list = element(document, "ul", "")?;
        for line in &details {
            append_text(&list, "li", line)?;
        }
        author_box.append_child(&list)?;
        root.append_child(&author_box)?;
    }
    Ok(root)
}
