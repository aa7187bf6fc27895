//! The events a widget dispatches on its element.

use js_sys::{Array, Object, Reflect};
use opeka_feed::locale::join;
use opeka_widgets::{ErrorReport, Failure, RenderedChart};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Fired after each render; `detail` is `{view, width, height}`. A tall
/// chart is then in with its first band, its box at its full height and
/// `aria-busy` until the others are in, a task each.
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
    // The details come from the widget core, so every face reports alike.
    let report = ErrorReport::of(failure);
    let detail = Object::new();
    let problems = Array::new();
    if let Some(status) = report.status {
        set(&detail, "status", status);
    }
    if let Some(url) = &report.url {
        set(&detail, "url", url.as_str());
    }
    for problem in &report.problems {
        let entry = Object::new();
        set(&entry, "path", problem.path.as_str());
        set(&entry, "message", problem.message.as_str());
        set(&entry, "severity", problem.severity);
        problems.push(&entry);
    }
    set(&detail, "kind", report.kind);
    set(&detail, "message", report.message.as_str());
    set(&detail, "problems", problems);
    set(&detail, "omitted", report.omitted as u32);
    set(&detail, "stale", stale);
    // One console message, however bad the feed: the validator lists at
    // most 200 problems, then `and N more`.
    web_sys::console::error_1(&JsValue::from_str(&format!("opeka-chart: {}\n{}", report.message, join(&report.lines, "\n"))));
    dispatch(host, ERROR, &detail);
}

/// Logs attribute values that were not understood.
pub fn warn(warnings: &[String]) {
    for warning in warnings {
        web_sys::console::warn_1(&JsValue::from_str(&format!("opeka-chart: {warning}")));
    }
}
