//! `OpekaChart` in headless Chromium: mounted like an app mounts it, and
//! checked for what a viewer sees and what the app's callbacks receive.
#![cfg(target_arch = "wasm32")]

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use opeka_leptos::{ChartError, Lang, OpekaChart, Rendered, Theme, View};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const CASELOAD: &str = include_str!("../../../feeds/kuzbass-caseload.json");
const FAMILIES: &str = include_str!("../../../feeds/kuzbass-accident-families.json");
const INVALID: &str = r#"{"opeka": 1, "kind": "caseload", "title": "x", "records": [{"period": "2024-13", "value": 1}]}"#;

#[wasm_bindgen(inline_js = r#"
export function install_spies() {
  if (globalThis.__opekaSpies) return;
  const spies = { intervals: new Set(), observers: new Set() };
  const setInterval = globalThis.setInterval;
  const clearInterval = globalThis.clearInterval;
  globalThis.setInterval = function (...args) { const id = setInterval.apply(this, args); spies.intervals.add(id); return id; };
  globalThis.clearInterval = function (id) { spies.intervals.delete(id); return clearInterval.call(this, id); };
  const Observer = globalThis.ResizeObserver;
  globalThis.ResizeObserver = class extends Observer {
    observe(target, options) { spies.observers.add(this); return super.observe(target, options); }
    disconnect() { spies.observers.delete(this); return super.disconnect(); }
  };
  globalThis.__opekaSpies = spies;
}
export function running_intervals() { return globalThis.__opekaSpies.intervals.size; }
export function connected_observers() { return globalThis.__opekaSpies.observers.size; }
export function data_url(text) { return 'data:application/json;charset=utf-8,' + encodeURIComponent(text); }
export function dead_blob_url() {
  const url = URL.createObjectURL(new Blob(['{}'], { type: 'application/json' }));
  URL.revokeObjectURL(url);
  return url;
}
"#)]
extern "C" {
    fn install_spies();
    fn running_intervals() -> u32;
    fn connected_observers() -> u32;
    fn data_url(text: &str) -> String;
    fn dead_blob_url() -> String;
}

/// A box `width` px wide in the page, with `lang` on it if given.
fn host(width: u32, lang: Option<&str>) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.style().set_property("width", &format!("{width}px")).unwrap();
    if let Some(lang) = lang {
        host.set_attribute("lang", lang).unwrap();
    }
    document.body().unwrap().append_child(&host).unwrap();
    host
}

/// The chart's shadow root inside `host`, once there.
fn shadow(host: &HtmlElement) -> Option<ShadowRoot> {
    host.query_selector(".opeka-chart").ok().flatten().and_then(|e| e.shadow_root())
}

fn svg_attr(host: &HtmlElement, name: &str) -> Option<String> {
    shadow(host)?.query_selector("svg").ok().flatten()?.get_attribute(name)
}

fn title(host: &HtmlElement) -> Option<String> {
    shadow(host)?.query_selector("svg title").ok().flatten()?.text_content()
}

fn error_text(host: &HtmlElement) -> Option<String> {
    shadow(host)?.query_selector(".opeka-error").ok().flatten()?.text_content()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits up to five seconds for `done`.
async fn until(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        sleep(25).await;
    }
    panic!("timed out waiting for {what}");
}

/// Records what the callbacks were given.
#[derive(Clone, Default)]
struct Heard {
    rendered: Arc<Mutex<Vec<Rendered>>>,
    errors: Arc<Mutex<Vec<ChartError>>>,
}

impl Heard {
    fn on_rendered(&self) -> Callback<Rendered> {
        let list = Arc::clone(&self.rendered);
        Callback::new(move |drawn| list.lock().unwrap().push(drawn))
    }
    fn on_error(&self) -> Callback<ChartError> {
        let list = Arc::clone(&self.errors);
        Callback::new(move |error| list.lock().unwrap().push(error))
    }
    fn last_rendered(&self) -> Option<Rendered> {
        self.rendered.lock().unwrap().last().copied()
    }
    fn errors(&self) -> Vec<ChartError> {
        self.errors.lock().unwrap().clone()
    }
}

#[wasm_bindgen_test]
async fn src_is_fetched_and_drawn_at_the_width_of_its_box() {
    let host = host(640, None);
    let heard = Heard::default();
    let (on_rendered, on_error) = (heard.on_rendered(), heard.on_error());
    let src = data_url(CASELOAD);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <OpekaChart src=src view=View::Trend lang=Lang::Ru theme=Theme::Light on_rendered on_error /> }
    });
    until("the chart", || title(&host).is_some()).await;
    assert_eq!(title(&host).as_deref(), Some("Получатели социальных услуг в Кузбассе"));
    assert_eq!(svg_attr(&host, "width").as_deref(), Some("640"));
    let drawn = heard.last_rendered().expect("on_rendered was called");
    assert_eq!((drawn.view, drawn.width), (View::Trend, 640.0));
    assert!(heard.errors().is_empty());
    // The table is built when its toggle is first opened.
    let rows = || shadow(&host).unwrap().query_selector_all("table tbody tr").unwrap().length();
    assert_eq!(rows(), 0, "no table before it is wanted");
    shadow(&host).unwrap().query_selector(".opeka-table").unwrap().unwrap().set_attribute("open", "").unwrap();
    until("the table", || rows() > 0).await;
    assert_eq!(rows(), 30, "the data table has a row per month");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn feed_text_is_drawn_and_new_text_redraws() {
    let host = host(600, None);
    let text = RwSignal::new(String::new());
    let handle = leptos::mount::mount_to(host.clone(), move || view! { <OpekaChart feed=text lang=Lang::En /> });
    sleep(100).await;
    assert!(title(&host).is_none(), "no chart before the app has its feed");
    text.set(CASELOAD.to_owned());
    until("the case-load chart", || title(&host).as_deref() == Some("People receiving social services in Kuzbass")).await;
    text.set(FAMILIES.to_owned());
    until("the second feed's chart", || title(&host).is_some_and(|t| !t.contains("People receiving"))).await;
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_big_feed_text_without_the_workers_files_is_read_on_the_main_thread() {
    // 1 MB and more goes to the worker, whose files this page does not
    // have (opeka-worker-host.js is not beside it): the component says so
    // in the console and reads the feed itself. (With the files, the
    // example app's end-to-end test, tests/e2e/leptos-app.test.mjs.)
    let big = format!("{CASELOAD}{}", " ".repeat(1_000_000));
    let host = host(600, None);
    let heard = Heard::default();
    let on_error = heard.on_error();
    let handle = leptos::mount::mount_to(host.clone(), move || view! { <OpekaChart feed=big.clone() lang=Lang::En on_error /> });
    until("the chart", || title(&host).is_some()).await;
    assert_eq!(title(&host).as_deref(), Some("People receiving social services in Kuzbass"));
    assert!(heard.errors().is_empty());
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn changing_the_view_language_and_width_redraws() {
    let host = host(800, None);
    let heard = Heard::default();
    let on_rendered = heard.on_rendered();
    let view = RwSignal::new(View::Trend);
    let lang = RwSignal::new(Lang::Ru);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <OpekaChart feed=CASELOAD view=view lang=lang on_rendered /> }
    });
    until("the trend", || heard.last_rendered().is_some_and(|d| d.view == View::Trend)).await;
    assert_eq!(shadow(&host).unwrap().query_selector_all("svg polyline").unwrap().length(), 4, "a line per category");

    view.set(View::Ranking);
    until("the ranking", || heard.last_rendered().is_some_and(|d| d.view == View::Ranking)).await;
    assert_eq!(shadow(&host).unwrap().query_selector_all("svg polyline").unwrap().length(), 0, "bars, not lines");

    lang.set(Lang::En);
    until("English", || title(&host).as_deref() == Some("People receiving social services in Kuzbass")).await;

    host.style().set_property("width", "500px").unwrap();
    until("the new width", || svg_attr(&host, "width").as_deref() == Some("500")).await;
    assert_eq!(heard.last_rendered().map(|d| d.width), Some(500.0));
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn the_language_comes_from_the_page_when_not_given() {
    let host = host(600, Some("en"));
    let handle = leptos::mount::mount_to(host.clone(), move || view! { <OpekaChart feed=CASELOAD /> });
    until("the chart", || title(&host).is_some()).await;
    assert_eq!(title(&host).as_deref(), Some("People receiving social services in Kuzbass"));
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn an_invalid_feed_shows_its_problems_and_calls_on_error_with_paths() {
    let host = host(640, None);
    let heard = Heard::default();
    let on_error = heard.on_error();
    let handle = leptos::mount::mount_to(host.clone(), move || view! { <OpekaChart feed=INVALID lang=Lang::Ru on_error /> });
    until("the error box", || error_text(&host).is_some()).await;
    let text = error_text(&host).unwrap_or_default();
    assert!(text.contains("в данных есть ошибки"), "{text}");
    assert!(text.contains("records[0].period"), "{text}");
    assert!(shadow(&host).unwrap().query_selector("svg").unwrap().is_none(), "no chart from an invalid feed");
    let errors = heard.errors();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].kind, "invalid");
    assert!(errors[0].message.starts_with("the feed is invalid"), "{}", errors[0].message);
    let problem = errors[0].problems.iter().find(|p| p.path == "records[0].period").expect("the period's problem by path");
    assert_eq!(problem.severity, "error");
    assert!(!problem.message.is_empty());
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_failed_fetch_reports_the_url_and_offers_a_retry() {
    let host = host(640, None);
    let heard = Heard::default();
    let on_error = heard.on_error();
    let src = dead_blob_url();
    let asked = src.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || view! { <OpekaChart src=asked lang=Lang::En on_error /> });
    until("the error", || !heard.errors().is_empty()).await;
    let error = heard.errors().remove(0);
    assert_eq!((error.kind, error.url.as_deref()), ("network", Some(src.as_str())));
    until("the retry button", || shadow(&host).and_then(|s| s.query_selector("button").ok().flatten()).is_some()).await;
    let button: HtmlElement = shadow(&host).unwrap().query_selector("button").unwrap().unwrap().unchecked_into();
    button.click();
    until("a second attempt", || heard.errors().len() == 2).await;
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn no_src_and_no_feed_is_reported() {
    let host = host(640, None);
    let heard = Heard::default();
    let on_error = heard.on_error();
    let handle = leptos::mount::mount_to(host.clone(), move || view! { <OpekaChart lang=Lang::En on_error /> });
    until("the error", || !heard.errors().is_empty()).await;
    assert_eq!(heard.errors()[0].kind, "no-feed");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn removal_stops_the_timer_and_the_observer_and_empties_the_box() {
    install_spies();
    let (intervals, observers) = (running_intervals(), connected_observers());
    let host = host(640, None);
    let src = data_url(FAMILIES);
    let handle = leptos::mount::mount_to(host.clone(), move || view! { <OpekaChart src=src refresh=30 /> });
    until("the chart", || title(&host).is_some()).await;
    assert_eq!(running_intervals(), intervals + 1, "the refresh timer runs");
    assert_eq!(connected_observers(), observers + 1, "the width is observed");
    drop(handle);
    sleep(50).await;
    assert_eq!(running_intervals(), intervals, "the refresh timer was cleared");
    assert_eq!(connected_observers(), observers, "the observer was disconnected");
    assert!(host.query_selector(".opeka-chart").unwrap().is_none(), "nothing of the chart stays in the page");
    host.remove();
}
