//! The events a widget dispatches on its element.

use js_sys::{Array, Object, Reflect};
use opeka_feed::validate::{Omitted, Problem, Severity};
use opeka_feed::Lang;
use opeka_widgets::{Failure, RenderedChart};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Fired after each render; `detail` is `{view, width, height}`.
pub const RENDERED: &str = "opeka-rendered";
/// Fired when a load fails; `detail` is `{kind, message, stale, status?, url?,
/// problems: [{path, message, severity}], omitted}` (`stale`: the chart on
/// show stays; `omitted`: problems past the validator's cap).
pub const ERROR: &str = "opeka-error";

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a plain property on a fresh object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), &value.into());
}

fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Tells the page a chart was drawn.
pub fn rendered(host: &HtmlElement, chart: &RenderedChart) {
    let detail = Object::new();
    set(&detail, "view", chart.view.name());
    set(&detail, "width", chart.width);
    set(&detail, "height", chart.height);
    dispatch(host, RENDERED, &detail);
}

/// Tells the page a load failed, with its problems, and logs the same for
/// the page author. `stale`: the chart on show stays, marked stale.
pub fn error(host: &HtmlElement, failure: &Failure, stale: bool) {
    let detail = Object::new();
    let mut omitted = Omitted::default();
    let problems = Array::new();
    let (kind, message) = match failure {
        Failure::Network { url, status, detail: why } => {
            if let Some(status) = status {
                set(&detail, "status", *status);
            }
            set(&detail, "url", url.as_str());
            ("network", format!("could not fetch {url}: {}{why}", status.map(|s| format!("HTTP {s} ")).unwrap_or_default()))
        }
        Failure::Invalid { problems: list, omitted: more } => {
            omitted = *more;
            for problem in list {
                let entry = Object::new();
                set(&entry, "path", problem.path.as_str());
                set(&entry, "message", problem.message(Lang::En));
                set(&entry, "severity", if problem.severity == Severity::Error { "error" } else { "warning" });
                problems.push(&entry);
            }
            let errors = list.iter().filter(|p| p.severity == Severity::Error).count() + more.errors;
            ("invalid", format!("the feed is invalid ({errors} errors)"))
        }
        Failure::NoFeed => ("no-feed", "no src attribute and no inline <script type=\"application/json\"> feed".to_owned()),
    };
    set(&detail, "kind", kind);
    set(&detail, "message", message.as_str());
    set(&detail, "problems", problems.clone());
    set(&detail, "omitted", omitted.total() as u32);
    set(&detail, "stale", stale);
    // One console message, however bad the feed: the validator lists at
    // most 200 problems, then `and N more`.
    let lines = match failure {
        Failure::Invalid { problems, .. } => lines(problems, omitted),
        _ => Vec::new(),
    };
    web_sys::console::error_1(&JsValue::from_str(&format!("opeka-chart: {message}\n{}", lines.join("\n"))));
    dispatch(host, ERROR, &detail);
}

/// The problems as `path: message` lines, then `and N more` past the cap.
pub fn lines(problems: &[Problem], omitted: Omitted) -> Vec<String> {
    problems.iter().map(|p| p.to_string_in(Lang::En)).chain(omitted.text(Lang::En)).collect()
}

/// Logs attribute values that were not understood.
pub fn warn(warnings: &[String]) {
    for warning in warnings {
        web_sys::console::warn_1(&JsValue::from_str(&format!("opeka-chart: {warning}")));
    }
}
