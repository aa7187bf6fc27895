//! Component tests in headless Chromium: `FeedChart` mounted on the sample
//! feeds, checked for what a viewer would see.
#![cfg(all(target_arch = "wasm32", feature = "leptos"))]

use std::sync::Arc;

use leptos::prelude::*;
use opeka_chart::Theme;
use opeka_feed::validate::{validate, Options};
use opeka_feed::{Lang, View};
use opeka_widgets::{Failure, FeedChart, FeedState};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod common;

use common::{ready, CASELOAD};

wasm_bindgen_test_configure!(run_in_browser);


/// Mounts the chart in a fresh box of `width` px and returns the box.
fn mount(state: FeedState, lang: Lang, width: f64) -> (HtmlElement, impl Drop) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <FeedChart
                state=Signal::stored(state)
                view=Signal::stored(Some(View::Trend))
                lang=Signal::stored(lang)
                theme=Signal::stored(Theme::Light)
                width=Signal::stored(width)
            />
        }
    });
    (host, handle)
}

/// Lets effects run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn texts(root: &Element) -> Vec<String> {
    let list = root.query_selector_all("svg text").unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.text_content()).map(|t| t.trim().to_owned()).collect()
}

#[wasm_bindgen_test]
async fn trend_of_the_caseload_sample_reads_right_in_russian() {
    let (host, _handle) = mount(ready(CASELOAD), Lang::Ru, 800.0);
    settle().await;
    let svg = host.query_selector("svg").unwrap().expect("an SVG chart is mounted");
    assert_eq!(svg.get_attribute("width").as_deref(), Some("800"));
    let title = svg.query_selector("title").unwrap().and_then(|t| t.text_content());
    assert_eq!(title.as_deref(), Some("Получатели социальных услуг в Кузбассе"));
    let texts = texts(&host);
    assert!(texts.iter().any(|t| t == "Получатели социальных услуг в Кузбассе"), "title drawn: {texts:?}");
    assert_eq!(host.query_selector_all("svg polyline").unwrap().length(), 4, "one series per category");
    let grouped: Vec<_> = texts
        .iter()
        .filter(|t| t.contains('\u{a0}') && t.chars().all(|c| c.is_ascii_digit() || c == '\u{a0}'))
        .collect();
    assert!(!grouped.is_empty(), "tick labels like 20\u{a0}000: {texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("янв")), "Russian month ticks: {texts:?}");
    let rows = host.query_selector_all("table tbody tr").unwrap().length();
    assert_eq!(rows, 30, "a table row per month");
    host.remove();
}

#[wasm_bindgen_test]
async fn english_viewer_gets_english_labels() {
    let (host, _handle) = mount(ready(CASELOAD), Lang::En, 640.0);
    settle().await;
    let texts = texts(&host);
    assert!(texts.iter().any(|t| t == "People receiving social services in Kuzbass"), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Jan")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains(',') && t.chars().all(|c| c.is_ascii_digit() || c == ',')), "{texts:?}");
    host.remove();
}

#[wasm_bindgen_test]
async fn an_invalid_feed_shows_its_problems_and_no_chart() {
    let problems = match validate(br#"{"opeka": 1, "kind": "caseload", "title": "x", "records": [{"period": "2024-13", "value": 1}]}"#, &Options::default()) {
        Err(rejected) => rejected.problems,
        Ok(_) => panic!("expected the feed to be refused"),
    };
    let (host, _handle) = mount(FeedState::Failed(Arc::new(Failure::Invalid { problems, omitted: Default::default() })), Lang::Ru, 640.0);
    settle().await;
    assert!(host.query_selector("svg").unwrap().is_none(), "no chart from an invalid feed");
    let error = host.query_selector(".opeka-error").unwrap().and_then(|e| e.text_content()).unwrap_or_default();
    assert!(error.contains("в данных есть ошибки"), "{error}");
    assert!(error.contains("records[0].period"), "{error}");
    host.remove();
}
