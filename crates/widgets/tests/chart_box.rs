//! `ChartBox` in headless Chromium, without Leptos: each state it shows,
//! checked on the DOM it builds.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use opeka_chart::{Medium, Theme};
use opeka_feed::validate::{validate, Options, Problem};
use opeka_feed::{Lang, View};
use opeka_widgets::{ChartBox, Controls, Failure, FeedState, Settings};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod common;

use common::{ready, CASELOAD};

wasm_bindgen_test_configure!(run_in_browser);

fn problems_of(json: &str) -> Vec<Problem> {
    match validate(json.as_bytes(), &Options::default()) {
        Err(rejected) => rejected.problems,
        Ok(_) => panic!("expected the feed to be refused"),
    }
}

fn settings(lang: Lang, width: f64) -> Settings {
    Settings { view: Some(View::Trend), lang, theme: Theme::Light, width, height: None, controls: Controls::Menu, medium: Medium::Screen }
}

fn network_failure() -> FeedState {
    FeedState::Failed(Arc::new(Failure::Network { url: "/feeds/missing.json".into(), status: Some(404), detail: "Not Found".into() }))
}

/// A new box in the page.
fn new_box() -> ChartBox {
    let document = web_sys::window().unwrap().document().unwrap();
    let chart_box = ChartBox::new(&document).unwrap();
    document.body().unwrap().append_child(chart_box.element()).unwrap();
    chart_box
}

fn find(chart_box: &ChartBox, selector: &str) -> Option<Element> {
    chart_box.element().query_selector(selector).unwrap()
}

fn is_hidden(chart_box: &ChartBox, selector: &str) -> bool {
    find(chart_box, selector).unwrap_or_else(|| panic!("no {selector}")).has_attribute("hidden")
}

/// Opens the data table's toggle, as a reader does: a table is built when
/// first wanted, and when its toggle is open as the chart is drawn, once
/// the drawing is done ([`settled`]).
fn open_table(chart_box: &ChartBox) {
    find(chart_box, ".opeka-table").expect("the table's toggle").set_attribute("open", "").unwrap();
}

/// Lets the page's queued microtasks run.
async fn settled() {
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::UNDEFINED)).await;
}

fn text_of(chart_box: &ChartBox, selector: &str) -> String {
    find(chart_box, selector).and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
fn loading_shows_a_skeleton_the_size_of_the_chart() {
    let mut chart_box = new_box();
    let root = chart_box.element().clone();
    assert_eq!(root.class_name(), "opeka");
    assert_eq!(chart_box.show(&FeedState::Loading, &Settings { height: Some(420.0), ..settings(Lang::Ru, 640.0) }), None);
    assert!(!is_hidden(&chart_box, ".opeka-skeleton"));
    assert!(is_hidden(&chart_box, ".opeka-figure"));
    assert!(find(&chart_box, ".opeka-error").is_none());
    let skeleton: HtmlElement = find(&chart_box, ".opeka-skeleton").unwrap().unchecked_into();
    assert_eq!(skeleton.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(skeleton.style().get_property_value("height").unwrap(), "420px");
    assert_eq!(text_of(&chart_box, ".opeka-skeleton .opeka-visually-hidden"), "Загрузка данных…");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("ru"));
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("light"));
    drop(chart_box);
    assert!(!root.is_connected(), "dropping the box removes it from the page");
}

#[wasm_bindgen_test]
async fn a_ready_feed_shows_the_chart_its_summary_and_its_table() {
    let mut chart_box = new_box();
    chart_box.show(&FeedState::Loading, &settings(Lang::Ru, 800.0));
    let drawn = chart_box.show(&ready(CASELOAD), &settings(Lang::Ru, 800.0)).expect("a chart is drawn");
    assert_eq!((drawn.view, drawn.width), (View::Trend, 800.0));
    assert!(drawn.height > 0.0);
    assert!(is_hidden(&chart_box, ".opeka-skeleton"));
    assert!(!is_hidden(&chart_box, ".opeka-figure"));
    let svg = find(&chart_box, ".opeka-svg svg").expect("the SVG is mounted");
    assert_eq!(svg.get_attribute("width").as_deref(), Some("800"));
    // Hidden from screen readers with the <div> that holds the chart's SVGs
    // (a tall chart's bands): the box reads out the summary.
    let svgs = svg.parent_element().expect("the SVGs' <div>");
    assert_eq!((svgs.local_name().as_str(), svgs.get_attribute("aria-hidden").as_deref()), ("div", Some("true")));
    assert_eq!(text_of(&chart_box, "svg title"), "Получатели социальных услуг в Кузбассе");
    let svg_box = find(&chart_box, ".opeka-svg").unwrap();
    assert_eq!(svg_box.get_attribute("role").as_deref(), Some("img"));
    // One tab stop, before the table's toggle (the legend's buttons go between them).
    assert_eq!(svg_box.get_attribute("tabindex").as_deref(), Some("0"));
    let figure = find(&chart_box, ".opeka-figure").unwrap();
    assert_eq!(figure.first_element_child().map(|e| e.class_name()).as_deref(), Some("opeka-svg"));
    // Then the table's toggle, and last the buttons (full screen, downloads).
    assert_eq!(figure.last_element_child().and_then(|e| e.previous_element_sibling()).map(|e| e.local_name()).as_deref(), Some("details"));
    assert_eq!(figure.last_element_child().map(|e| e.class_name()).as_deref(), Some("opeka-menu"));
    let summary = svg_box.get_attribute("aria-label").unwrap_or_default();
    assert!(summary.contains("Получатели социальных услуг"), "{summary}");
    assert_eq!(text_of(&chart_box, ".opeka-table > summary"), "Таблица данных");
    assert!(find(&chart_box, ".opeka-table table").is_none(), "the table is built when first wanted");
    // Drawn again with its toggle open: the table comes with the chart.
    open_table(&chart_box);
    chart_box.show(&ready(CASELOAD), &settings(Lang::Ru, 800.0)).expect("redrawn");
    settled().await;
    assert!(text_of(&chart_box, ".opeka-table caption").contains("Получатели социальных услуг"));
    let rows = chart_box.element().query_selector_all(".opeka-table tbody tr").unwrap().length();
    assert_eq!(rows, 30, "a table row per month");
    let row_header = find(&chart_box, ".opeka-table tbody tr > th").unwrap();
    assert_eq!(row_header.get_attribute("scope").as_deref(), Some("row"));
    assert_eq!(find(&chart_box, ".opeka-table thead th").unwrap().get_attribute("scope").as_deref(), Some("col"));

    // Redrawn in English and narrower: one SVG and one table, replaced.
    let drawn = chart_box.show(&ready(CASELOAD), &settings(Lang::En, 500.0)).expect("redrawn");
    settled().await;
    assert_eq!(drawn.width, 500.0);
    assert_eq!(chart_box.element().query_selector_all("svg").unwrap().length(), 1);
    assert_eq!(chart_box.element().query_selector_all("table").unwrap().length(), 1);
    assert_eq!(text_of(&chart_box, "svg title"), "People receiving social services in Kuzbass");
    assert_eq!(text_of(&chart_box, ".opeka-table > summary"), "Data table");
}

#[wasm_bindgen_test]
async fn the_downloads_menu_follows_the_table_and_names_its_files() {
    let mut chart_box = new_box();
    let per_capita = Settings { view: Some(View::PerCapita), ..settings(Lang::Ru, 800.0) };
    chart_box.show(&FeedState::Loading, &per_capita);
    open_table(&chart_box);
    chart_box.show(&ready(CASELOAD), &per_capita).expect("a chart is drawn");
    settled().await;
    // Tab order: the chart, the table's toggle, then the menu (after the
    // chart, `interact`'s legend buttons, tooltip, outline and live region).
    let figure = find(&chart_box, ".opeka-figure").unwrap();
    let children = figure.query_selector_all(":scope > *").unwrap();
    let children: Vec<String> =
        (0..children.length()).filter_map(|i| children.item(i)).map(|n| n.unchecked_into::<Element>().class_name()).collect();
    assert_eq!(children, ["opeka-svg", "opeka-keys", "opeka-tip", "opeka-ring", "opeka-visually-hidden", "opeka-table", "opeka-menu"]);
    let menu = find(&chart_box, ".opeka-menu").unwrap();
    assert!(!menu.has_attribute("hidden"));
    // The full-screen button first, then the menu's.
    let full = find(&chart_box, ".opeka-menu > button[name=full]").unwrap();
    assert_eq!(full.text_content().as_deref(), Some("На весь экран"));
    assert_eq!(full.next_element_sibling().and_then(|b| b.get_attribute("aria-haspopup")).as_deref(), Some("menu"));
    let button = find(&chart_box, ".opeka-menu > [aria-haspopup]").unwrap();
    assert_eq!(button.text_content().as_deref(), Some("Скачать"));
    assert_eq!(button.get_attribute("aria-haspopup").as_deref(), Some("menu"));
    assert_eq!(menu.get_attribute("data-labels").as_deref(), Some("Рисунок PNG\nРисунок SVG\nТаблица CSV"));
    assert_eq!(menu.get_attribute("data-file").as_deref(), Some("kuzbass-caseload-per-capita"), "the feed's id and the view");

    // The table's cells are text as shown; the CSV download reads the
    // numbers back from them (opeka-extras.js, tested end to end).
    let cells = chart_box.element().query_selector_all(".opeka-table tbody td").unwrap();
    let cells: Vec<String> = (0..cells.length()).filter_map(|i| cells.item(i)).map(|n| n.text_content().unwrap_or_default()).collect();
    assert!(cells.iter().any(|text| text == "71\u{a0}000") && cells.iter().any(|text| text == "60,7"), "{cells:?}");

    // English: its labels and its convention; `Controls::None` hides the menu.
    chart_box.show(&ready(CASELOAD), &Settings { lang: Lang::En, controls: Controls::None, ..per_capita }).expect("redrawn");
    settled().await;
    assert_eq!(button.text_content().as_deref(), Some("Download"));
    assert_eq!(menu.get_attribute("data-labels").as_deref(), Some("PNG image\nSVG image\nCSV table"));
    assert!(menu.has_attribute("hidden"), "controls none hides the menu");
    assert!(find(&chart_box, ".opeka-table td").is_some_and(|td| td.text_content().as_deref() == Some("71,000")), "English digit groups");
}

#[wasm_bindgen_test]
fn a_slide_fills_its_box_with_type_in_proportion() {
    let mut chart_box = new_box();
    let slide = Settings { height: Some(720.0), medium: Medium::Slide, ..settings(Lang::Ru, 1280.0) };
    let drawn = chart_box.show(&ready(CASELOAD), &slide).expect("a slide is drawn");
    assert_eq!((drawn.width, drawn.height), (1280.0, 720.0), "the slide fills the box it is given");
    let title_size = |chart_box: &ChartBox| {
        let title = find(chart_box, "svg text").expect("a title");
        title.get_attribute("font-size").unwrap_or_default().parse::<f64>().unwrap_or(0.0)
    };
    let on_slide = title_size(&chart_box);
    chart_box.show(&ready(CASELOAD), &settings(Lang::Ru, 1280.0));
    let on_screen = title_size(&chart_box);
    assert!(on_slide > 1.5 * on_screen, "a slide's title ({on_slide}) is far larger than a page's ({on_screen})");
}

#[wasm_bindgen_test]
fn an_invalid_feed_shows_its_problems_without_a_retry_button() {
    let mut chart_box = new_box();
    chart_box.show(&ready(CASELOAD), &settings(Lang::Ru, 640.0));
    let problems = problems_of(r#"{"opeka": 1, "kind": "caseload", "title": "x", "records": [{"period": "2024-13", "value": 1}]}"#);
    let failed = FeedState::Failed(Arc::new(Failure::Invalid { problems, omitted: Default::default() }));
    assert_eq!(chart_box.show(&failed, &settings(Lang::Ru, 640.0)), None);
    assert!(is_hidden(&chart_box, ".opeka-skeleton"));
    assert!(is_hidden(&chart_box, ".opeka-figure"));
    assert!(find(&chart_box, "svg").is_none(), "the old chart is gone");
    let error = find(&chart_box, ".opeka-error").expect("a failure box");
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    assert!(text_of(&chart_box, ".opeka-error > p").contains("в данных есть ошибки"));
    assert!(find(&chart_box, ".opeka-retry").is_none(), "trying again cannot fix a feed");
    let items = chart_box.element().query_selector_all(".opeka-details li").unwrap();
    let paths: Vec<String> = (0..items.length()).filter_map(|i| items.item(i)).filter_map(|n| n.text_content()).collect();
    assert!(paths.iter().any(|p| p.starts_with("records[0].period")), "{paths:?}");
    assert!(!text_of(&chart_box, ".opeka-details > summary").is_empty());
}

#[wasm_bindgen_test]
fn a_network_failure_offers_a_retry_that_calls_back() {
    let mut chart_box = new_box();
    let retries = Rc::new(Cell::new(0));
    let counted = Rc::clone(&retries);
    chart_box.on_retry(move || counted.set(counted.get() + 1));
    let failed = network_failure();
    chart_box.show(&failed, &settings(Lang::En, 640.0));
    let headline = text_of(&chart_box, ".opeka-error > p");
    assert!(headline.contains("HTTP 404"), "{headline}");
    assert_eq!(text_of(&chart_box, ".opeka-details li"), "/feeds/missing.json: Not Found");
    let button: HtmlElement = find(&chart_box, "button.opeka-retry").expect("a retry button").unchecked_into();
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(button.text_content().as_deref(), Some("Try again"));
    button.click();
    assert_eq!(retries.get(), 1);

    // The same failure again (a resize) keeps the box, and an open <details>.
    let details = find(&chart_box, ".opeka-details").unwrap();
    details.set_attribute("open", "").unwrap();
    chart_box.show(&failed, &settings(Lang::En, 500.0));
    assert!(details.is_connected() && details.has_attribute("open"));
    assert_eq!(chart_box.element().query_selector_all(".opeka-error").unwrap().length(), 1);

    // Loading after a retry: only the skeleton.
    chart_box.show(&FeedState::Loading, &settings(Lang::En, 500.0));
    assert!(find(&chart_box, ".opeka-error").is_none());
    assert!(!is_hidden(&chart_box, ".opeka-skeleton"));
}

#[wasm_bindgen_test]
fn without_a_retry_callback_there_is_no_button() {
    let mut chart_box = new_box();
    chart_box.show(&network_failure(), &settings(Lang::Ru, 640.0));
    assert!(text_of(&chart_box, ".opeka-error > p").contains("HTTP 404"));
    assert!(find(&chart_box, ".opeka-retry").is_none());
}

#[wasm_bindgen_test]
async fn feed_text_stays_text() {
    let hostile = CASELOAD.replacen("Получатели социальных услуг в Кузбассе", "<img src=x onerror=alert(1)>", 1);
    let mut chart_box = new_box();
    chart_box.show(&FeedState::Loading, &settings(Lang::Ru, 640.0));
    open_table(&chart_box);
    chart_box.show(&ready(&hostile), &settings(Lang::Ru, 640.0)).expect("drawn");
    settled().await;
    assert!(find(&chart_box, "img").is_none());
    assert_eq!(text_of(&chart_box, "svg title"), "<img src=x onerror=alert(1)>");
    assert!(text_of(&chart_box, ".opeka-table caption").contains("<img src=x onerror=alert(1)>"));
}

#[wasm_bindgen_test]
fn a_stale_chart_keeps_its_drawing_under_a_dated_marker_with_a_retry() {
    let mut chart_box = new_box();
    let retries = Rc::new(Cell::new(0));
    let counted = Rc::clone(&retries);
    chart_box.on_retry(move || counted.set(counted.get() + 1));
    chart_box.show(&ready(CASELOAD), &settings(Lang::Ru, 640.0)).expect("drawn");
    assert!(is_hidden(&chart_box, ".opeka-stale"), "no marker on a fresh chart");
    let at = opeka_feed::Date::from_ymd_opt(2026, 3, 12).and_then(|d| d.and_hm_opt(10, 40)).unwrap();
    chart_box.set_stale(Some(at));
    assert!(find(&chart_box, "svg").is_some(), "the chart stays");
    let marker = find(&chart_box, ".opeka-stale").expect("a marker");
    assert_eq!(marker.get_attribute("role").as_deref(), Some("status"));
    assert!(!marker.has_attribute("hidden"));
    assert_eq!(text_of(&chart_box, ".opeka-stale > span"), "Данные на 12\u{a0}марта, 10:40 — обновить не удалось");
    let button: HtmlElement = find(&chart_box, ".opeka-stale button").expect("a retry button").unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("Повторить"));
    button.click();
    assert_eq!(retries.get(), 1);

    // A redraw in English rewrites the marker; clearing it takes it down.
    chart_box.show(&ready(CASELOAD), &settings(Lang::En, 640.0)).expect("redrawn");
    assert_eq!(text_of(&chart_box, ".opeka-stale > span"), "Data as of 12\u{a0}March, 10:40 — could not update");
    chart_box.set_stale(None);
    assert!(is_hidden(&chart_box, ".opeka-stale"));
    assert!(find(&chart_box, "svg").is_some());
}

#[wasm_bindgen_test]
fn a_capped_problem_list_ends_with_the_count_of_the_rest() {
    let mut chart_box = new_box();
    let records = vec!["{}"; 300].join(",");
    let json = format!(r#"{{"opeka": 1, "kind": "caseload", "title": "t", "records": [{records}]}}"#);
    let rejected = validate(json.as_bytes(), &Options::default()).expect_err("invalid");
    let failed = FeedState::Failed(Arc::new(Failure::Invalid { problems: rejected.problems, omitted: rejected.omitted }));
    chart_box.show(&failed, &settings(Lang::Ru, 640.0));
    let items = chart_box.element().query_selector_all(".opeka-details li").unwrap();
    assert_eq!(items.length(), 201);
    assert_eq!(items.item(200).and_then(|n| n.text_content()).as_deref(), Some("и ещё 400"));
}

#[wasm_bindgen_test]
fn texts_measured_in_turn_in_two_fonts_each_get_their_own() {
    use opeka_chart::TextMeasure;
    use opeka_widgets::CanvasMeasure;
    let family = "Arial, sans-serif";
    // The measurer sets the canvas's font only when it changes: texts met
    // in turn in two fonts must each be measured in their own, as a fresh
    // measurer measures each.
    let texts =
        [("Получатели", 12.0, false), ("услуг", 24.0, true), ("Кузбасс", 12.0, false), ("2016", 24.0, false), ("январь", 24.0, true)];
    let measurer = CanvasMeasure::new(family);
    for (text, size, bold) in texts {
        let alone = CanvasMeasure::new(family).width(text, size, bold);
        assert!(alone > 0.0, "{text} measured");
        assert_eq!(measurer.width(text, size, bold), alone, "{text} at {size} px, bold {bold}");
    }
    // And the sizes are the ones asked for: twice the size, twice the width.
    let (small, large) = (measurer.width("Ж", 12.0, false), measurer.width("Ж", 24.0, false));
    assert!((large / small - 2.0).abs() < 0.05, "{small} and {large}");
}

/// A canvas's 2D context of the test's own, to measure as the browser does.
fn canvas_2d() -> web_sys::CanvasRenderingContext2d {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.unchecked_into::<web_sys::HtmlCanvasElement>().get_context("2d").ok().flatten())
        .map(|c| c.unchecked_into::<web_sys::CanvasRenderingContext2d>())
        .expect("a canvas")
}

#[wasm_bindgen_test]
fn texts_measured_at_one_size_and_scaled_are_as_wide_as_measured_at_theirs() {
    use opeka_chart::TextMeasure;
    use opeka_widgets::CanvasMeasure;
    // The measurer measures at 100 px and scales (the tiles' many sizes
    // would each set a font up): the width is the canvas's own at the size.
    let family = "Arial, sans-serif";
    let measurer = CanvasMeasure::new(family);
    let canvas = canvas_2d();
    for (text, size, bold) in
        [("Получатели услуг, 2024", 12.0, false), ("12 919,5", 58.0, true), ("Кузбасс", 13.5, false), ("январь", 71.0, true)]
    {
        canvas.set_font(&format!("{} {size}px {family}", if bold { 700 } else { 400 }));
        let own = canvas.measure_text(text).map(|m| m.width()).expect("measured");
        let scaled = measurer.width(text, size, bold);
        assert!((scaled - own).abs() < 0.01 * size, "{text} at {size} px, bold {bold}: {scaled} scaled, {own} measured");
    }
}

#[wasm_bindgen_test]
fn a_text_is_as_wide_as_the_canvas_measures_it_whole_and_each_word_is_measured_once() {
    use opeka_chart::TextMeasure;
    use opeka_widgets::CanvasMeasure;
    // The measurer sums a text's words and spaces, each measured once:
    // Chromium shapes word by word, so the sum is its width of the whole
    // text to the bit, however the spaces fall.
    let family = "Arial, sans-serif";
    let canvas = canvas_2d();
    let texts = ["Проект номер 17 социальной поддержки", "AV To Wa Yo", " Кузбасс  —  12\u{a0}000 ", "Проект номер 18", "", " "];
    let mut wholes = Vec::new();
    for bold in [false, true] {
        canvas.set_font(&format!("{} 100px {family}", if bold { 700 } else { 400 }));
        for text in texts {
            wholes.push((text, bold, canvas.measure_text(text).map(|m| m.width()).expect("measured")));
        }
    }
    // From here, every text a canvas measures, in order.
    let restore = js_sys::Function::new_no_args(
        "const measure = CanvasRenderingContext2D.prototype.measureText; self.__measured = [];
         CanvasRenderingContext2D.prototype.measureText = function (text) { self.__measured.push(text); return measure.call(this, text); };
         return () => { CanvasRenderingContext2D.prototype.measureText = measure; };",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .expect("measureText counted")
    .unchecked_into::<js_sys::Function>();
    let measurer = CanvasMeasure::new(family);
    for (text, bold, whole) in wholes {
        assert_eq!(measurer.width(text, 100.0, bold), whole, "{text:?}, bold {bold}");
    }
    drop(restore.call0(&wasm_bindgen::JsValue::NULL));
    let all = js_sys::Reflect::get(&js_sys::global(), &"__measured".into()).expect("the texts measured");
    let measured: Vec<String> = js_sys::Array::from(&all).iter().filter_map(|t| t.as_string()).collect();
    // Five words and the space, four, three, then only "18" new: 14 in
    // each weight, each once.
    assert_eq!(measured.len(), 2 * 14, "{measured:?}");
    for word in &measured {
        assert_eq!(measured.iter().filter(|t| *t == word).count(), 2, "{word:?} measured once in each weight: {measured:?}");
    }
    assert!(measured.iter().any(|t| t == "12\u{a0}000"), "a no-break space holds a word together: {measured:?}");
}
