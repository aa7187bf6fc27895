//! The chart on show and what a viewer does with it: the tooltip under the
//! pointer or a tap, the keyboard walk over the marks with its outline and
//! polite announcements, and the legend entries that hide or show a series.
//!
//! Rust draws and writes every reading ([`Scene::tooltip`],
//! [`opeka_chart::Mark::label`], [`opeka_chart::Key`]); following the
//! pointer and the keys is `js/interact.js`, which shows them as text nodes
//! (in JavaScript it is a fraction of the bytes of web-sys closures). It
//! also puts the chart's SVG into the page.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::Arc;

use js_sys::{Function, Uint8Array};
use opeka_chart::{ChartRequest, Mark, Readings, Scene, View, MAX_ROWS};
use opeka_feed::locale::Msg;
use opeka_feed::ValidFeed;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::chart_box::{RenderedChart, Settings};
use crate::dom::{append_text, element};
use crate::measure::CanvasMeasure;

/// The narrowest width a chart is laid out for; narrower boxes scroll.
const MIN_WIDTH: f64 = 240.0;

thread_local! {
    /// `opeka.js`'s `interact`, once it is given.
    static INTERACT: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Gives the module `interact` from `crates/widgets/js/interact.js` (which
/// says what it is called with); `opeka.js` calls it once.
pub fn use_interact(interact: Function) {
    INTERACT.with(|f| f.replace(Some(interact)));
}

/// The figure's parts, shared with the legend's callback.
pub(crate) struct Plot {
    figure: Element,
    svg_box: HtmlElement,
    table_box: Element,
    table_summary: Element,
    /// The measurer of the feed drawn, kept while it is redrawn (a width,
    /// the legend, a trend's readings where the viewer points) and dropped
    /// with the feed: its cache of words, kept from feed to feed, left
    /// small strings scattered through the module's heap, where a reload
    /// of a big feed then found no room for its vectors and the memory
    /// grew by three pages (docs/performance.md, stop 56).
    measurer: Option<CanvasMeasure>,
    /// What was drawn last, to redraw when the legend changes.
    feed: Option<Arc<ValidFeed>>,
    settings: Option<Settings>,
    /// The series the viewer hid, bit `n` for series `n`.
    hidden: u64,
    /// The scene [`Plot::lay_out`] laid out, which the next drawing writes
    /// rather than laying it out again.
    laid: Option<Scene>,
    /// Hides or shows a series: called by the legend's buttons.
    toggle: Option<Closure<dyn FnMut(u32)>>,
}

impl Plot {
    /// The chart's parts, appended to `figure` in tab order: the chart (one
    /// tab stop, named by its summary), then the table toggle; `interact`
    /// puts the legend's buttons between them.
    pub fn new(figure: &Element) -> Result<Rc<RefCell<Plot>>, JsValue> {
        let document = figure.owner_document().ok_or_else(|| JsValue::from_str("element has no document"))?;
        let svg_box: HtmlElement = element(&document, "div", "opeka-svg")?.unchecked_into();
        svg_box.set_attribute("role", "img")?;
        svg_box.set_tab_index(0);
        let table_box = element(&document, "details", "opeka-table")?;
        let table_summary = append_text(&table_box, "summary", "")?;
        figure.append_child(&svg_box)?;
        figure.append_child(&table_box)?;
        let plot = Rc::new(RefCell::new(Plot {
            figure: figure.clone(),
            svg_box,
            table_box,
            table_summary,
            measurer: None,
            feed: None,
            settings: None,
            hidden: 0,
            laid: None,
            toggle: None,
        }));
        let weak: Weak<RefCell<Plot>> = Rc::downgrade(&plot);
        let toggle = Closure::<dyn FnMut(u32)>::new(move |n: u32| {
            // A click while the plot is busy (an event fired by a DOM change) is dropped.
            if let Some(Ok(mut plot)) = weak.upgrade().as_ref().map(|p| p.try_borrow_mut()) {
                plot.toggle(n);
            }
        });
        plot.borrow_mut().toggle = Some(toggle);
        Ok(plot)
    }

    /// The table's `<summary>`, written in the widget's language by the box.
    pub fn table_summary(&self) -> &Element {
        &self.table_summary
    }

    /// The element whose computed font the chart is measured in.
    pub fn svg_box(&self) -> &Element {
        &self.svg_box
    }

    /// Draws `feed` with `settings`: the scene [`Plot::lay_out`] laid out
    /// last, if there is one.
    pub fn draw(&mut self, feed: &Arc<ValidFeed>, settings: &Settings, family: String) -> Result<RenderedChart, JsValue> {
        self.take(feed, settings);
        self.redraw(family)
    }

    /// Lays `feed` out with `settings`, as [`Plot::draw`] would, and draws
    /// nothing yet: the next drawing writes this scene, so that no task
    /// does both. A big feed's chart is laid out in a task and drawn in the
    /// next (`crates/embed`'s `Inner::queue`, which lays it out again if
    /// asked to draw anew between the two); a warm-up's three tasks are
    /// validated, laid out, drawn (`warm_up_later`).
    pub fn lay_out(&mut self, feed: &Arc<ValidFeed>, settings: &Settings, family: String) -> Result<(), JsValue> {
        self.take(feed, settings);
        self.laid = Some(self.scene(family, Readings::Unread)?);
        Ok(())
    }

    /// Takes `feed` and `settings` to draw. New data or another view shows
    /// every series again and drops a scene laid out for others; the same
    /// feed redrawn (a resize, a theme) keeps the legend as the viewer left
    /// it.
    fn take(&mut self, feed: &Arc<ValidFeed>, settings: &Settings) {
        let same = self.feed.as_ref().is_some_and(|f| Arc::ptr_eq(f, feed)) && self.settings.is_some_and(|s| s.view == settings.view);
        if !same {
            self.hidden = 0;
            self.laid = None;
        }
        self.feed = Some(Arc::clone(feed));
        self.settings = Some(*settings);
    }

    /// Draws the last feed and settings again; the scene is dropped once
    /// drawn (the page holds the drawing, the table and the script's
    /// readings, so a large chart is not kept twice). A trend's points and
    /// every view's table are drawn unread ([`opeka_chart::render_with`]):
    /// `interact` asks for them when a viewer first points, walks or opens
    /// the table ([`Plot::toggle`]).
    fn redraw(&mut self, family: String) -> Result<RenderedChart, JsValue> {
        let scene = match self.laid.take() {
            Some(scene) => scene,
            None => self.scene(family, Readings::Unread)?,
        };
        self.svg_box.set_attribute("aria-label", &scene.summary)?;
        // `interact` puts the chart in the page: `mount` in js/interact.js,
        // a tall chart's bands a task each, parsed as XML.
        set(&self.figure, "svg", &JsValue::from_str(&scene.to_svg_bands()))?;
        set(&self.figure, "tall", &JsValue::from_f64(scene.height))?;
        self.connect(Some(&scene), Readings::Unread)?;
        Ok(RenderedChart { view: scene.view, width: scene.width, height: scene.height })
    }

    /// The scene of the last feed and settings, with `readings`.
    fn scene(&mut self, family: String, readings: Readings) -> Result<Scene, JsValue> {
        let (Some(feed), Some(settings)) = (self.feed.clone(), self.settings) else { return Err(JsValue::from_str("nothing to draw")) };
        let request = ChartRequest {
            view: settings.view,
            width: settings.width.max(MIN_WIDTH).floor(),
            height: settings.height,
            medium: settings.medium,
            theme: settings.theme,
            lang: settings.lang,
        };
        let measurer = match self.measurer.take() {
            Some(measurer) if measurer.family() == family => measurer,
            _ => CanvasMeasure::new(&family),
        };
        let scene = opeka_chart::render_with(&feed, &request, self.hidden, readings, &measurer);
        self.measurer = Some(measurer);
        Ok(scene)
    }

    /// Hands the marks, their readings, the legend's entries and the data
    /// table to `interact`, as one string (fewer bindings than arrays, and
    /// the table's thousands of cells made in JavaScript, not each through
    /// a binding; the format is in `js/interact.js`). `read`: how much of
    /// a trend's marks, and of the table, `scene` was drawn with; other
    /// views' marks are always read.
    fn connect(&self, scene: Option<&Scene>, read: Readings) -> Result<(), JsValue> {
        let mut data = String::new();
        let mut places = Vec::new();
        if let (Some(scene), Some(settings)) = (scene, self.settings) {
            let trend = scene.view == View::Trend;
            if trend {
                // With the words a change from the previous period ends
                // with, which a period's tooltip says once for its rows.
                data.push('1');
                data.push_str(&Msg::FromPrevious.text(settings.lang));
            }
            let marks = in_order(scene);
            // Unread marks go as "-", without places or texts: `interact`
            // asks for their places when a viewer first points or walks
            // (a long trend's 7 000 places, written, decoded and split,
            // were a third of its drawing), then for a period's readings
            // as the viewer comes to it (`Plot::read_at`): placed only, a
            // point's text is empty.
            let marks_read = read != Readings::Unread || !trend;
            for mark in marks.iter().filter(|_| marks_read) {
                push_place(&mut places, mark);
            }
            data.push_str(if marks_read { "\u{2}\u{2}" } else { "\u{2}-\u{2}" });
            for mark in marks.iter().filter(|_| marks_read) {
                push_reading(&mut data, mark, trend);
            }
            // The legend's entries' places after the marks', as numbers too.
            for key in &scene.keys {
                push_numbers(&mut places, [key.x, key.y, key.w, key.h, f64::from(u8::from(key.hidden))]);
            }
            data.push('\u{2}');
            for key in &scene.keys {
                data.push_str(&key.label);
                data.push('\u{1}');
            }
            // The table, which `interact` builds only when it is wanted:
            // drawn unread or placed only, it goes as nothing and its rows
            // are asked for then (`Readings::Shown`). With its rows
            // (`Readings::Rows`), they go whole, for its CSV: the page's
            // table shows a trend's latest MAX_ROWS (its caption says so)
            // or any other view's first MAX_ROWS, and a line counts the
            // rest, which `interact` holds. Otherwise no more go than the
            // page shows (`Readings::Shown`: a trend's latest).
            let table = &scene.table;
            let cap = if read == Readings::Rows { usize::MAX } else { MAX_ROWS };
            data.push('\u{2}');
            if !matches!(read, Readings::Places | Readings::Unread) {
                data.push_str(&table.caption);
                for row in [&table.columns].into_iter().chain(table.rows.iter().take(cap)) {
                    data.push('\u{3}');
                    for cell in row {
                        data.push_str(cell);
                        data.push('\u{1}');
                    }
                }
                data.push('\u{3}');
                let more = if trend { 0 } else { table.rows.len().saturating_sub(MAX_ROWS) + table.more_rows };
                if more > 0 {
                    data.push_str(&Msg::MoreRows(more).text(settings.lang));
                }
            }
        }
        set(&self.figure, "places", &Uint8Array::from(&places[..]))?;
        let toggle = self.toggle.as_ref().map_or(JsValue::NULL, |t| t.as_ref().clone());
        interact(&self.figure, &JsValue::from_str(&data), &toggle)
    }

    /// Hides or shows series `n` and redraws; past the last series (as
    /// `interact` gives negative numbers): -1 hands `interact` the table's
    /// rows as the page shows them (a trend's points placed), -2 a trend's
    /// points placed, -3 the table's rows whole (for its CSV), and -4 - x
    /// the readings at x tenths of a pixel ([`Plot::read_at`]).
    fn toggle(&mut self, n: u32) {
        let family = crate::chart_box::font_family_of(&self.svg_box);
        let done = match n {
            0..64 => {
                self.hidden ^= 1 << n;
                self.laid = None;
                self.redraw(family).map(drop)
            }
            ROWS.. => {
                let read = match n {
                    ROWS => Readings::Rows,
                    PLACES => Readings::Places,
                    _ => Readings::Shown,
                };
                self.scene(family, read).and_then(|scene| self.connect(Some(&scene), read))
            }
            _ => self.read_at(family, ROWS - 1 - n),
        };
        if let Err(error) = done {
            web_sys::console::error_2(&JsValue::from_str("opeka: could not redraw the chart:"), &error);
        }
    }

    /// Puts in the figure's `read` the readings of a trend's points
    /// centred within 0.3 px of `tenths` tenths of a pixel (a period's),
    /// and of its targets, in keyboard order, and in its `readPlaces`
    /// their places as `connect` writes them (`interact` finds the marks
    /// by them). The chart is laid out again with only those points read:
    /// a fraction of the time of reading every point (docs/performance.md,
    /// stop 33).
    fn read_at(&mut self, family: String, tenths: u32) -> Result<(), JsValue> {
        let x = f64::from(tenths) / 10.0;
        let scene = self.scene(family, Readings::Between(x - 0.3, x + 0.3))?;
        let mut places = Vec::new();
        let mut texts = String::new();
        for mark in in_order(&scene) {
            push_place(&mut places, mark);
            push_reading(&mut texts, mark, true);
        }
        set(&self.figure, "readPlaces", &Uint8Array::from(&places[..]))?;
        set(&self.figure, "read", &JsValue::from_str(&texts))
    }

    /// Lets go of the feed drawn, before a new one is read in: the drawing
    /// stays on show, and the next [`Plot::draw`] gives the plot a feed.
    pub fn let_go(&mut self) {
        self.feed = None;
        self.measurer = None;
    }

    /// Forgets the chart, so a hidden chart holds no memory.
    pub fn clear(&mut self) -> Result<(), JsValue> {
        self.svg_box.replace_children_with_node_0();
        self.svg_box.remove_attribute("aria-label")?;
        self.table_box.replace_children_with_node_1(&self.table_summary);
        self.connect(None, Readings::Unread)
    }
}

/// `toggle`'s number for the places of a trend's points (-2 in `interact`).
const PLACES: u32 = u32::MAX - 1;

/// `toggle`'s number for the table's rows whole (-3 in `interact`); those
/// below it are [`Plot::read_at`]'s.
const ROWS: u32 = u32::MAX - 2;

/// The scene's marks in keyboard order (`order` is a rank: no sort).
fn in_order(scene: &Scene) -> Vec<&Mark> {
    let mut by_order = vec![0; scene.marks.len()];
    for (i, mark) in scene.marks.iter().enumerate() {
        if let Some(slot) = by_order.get_mut(mark.order) {
            *slot = i;
        }
    }
    by_order.iter().map(|&i| &scene.marks[i]).collect()
}

/// Appends a mark's place for `interact`: x, y, w, h, series, as the bytes
/// of little-endian doubles (`interact` reads them as a Float64Array). As
/// numbers: a long trend's 83 500, written as text and parsed again, were
/// half of a reader's first pointer (docs/performance.md, stop 40).
fn push_place(out: &mut Vec<u8>, mark: &Mark) {
    let (x, y, w, h) = mark.shape.bounds();
    push_numbers(out, [x, y, w, h, mark.series_index as f64]);
}

/// Appends `values` as the bytes of little-endian doubles.
fn push_numbers(out: &mut Vec<u8>, values: [f64; 5]) {
    for v in values {
        out.extend_from_slice(&v.to_le_bytes());
    }
}

/// Sets `figure`'s property `name` to `value`, for `interact` to read.
fn set(figure: &Element, name: &str, value: &JsValue) -> Result<(), JsValue> {
    js_sys::Reflect::set(figure, &JsValue::from_str(name), value).map(drop)
}

/// Appends a mark's reading for `interact`: its label, on a trend then
/// "\n" and its period (the script gathers a period's marks for its
/// tooltip, as `Scene::tooltip` does), and "\u{1}".
fn push_reading(out: &mut String, mark: &Mark, trend: bool) {
    out.push_str(&mark.label);
    if let Some(period) = mark.period.as_deref().filter(|_| trend) {
        out.push('\n');
        out.push_str(period);
    }
    out.push('\u{1}');
}

/// Calls `interact`: the one `opeka.js` gave, else (the Leptos component) the snippet.
fn interact(figure: &Element, data: &JsValue, toggle: &JsValue) -> Result<(), JsValue> {
    match INTERACT.with(|f| f.borrow().clone()) {
        Some(f) => f.call3(&JsValue::NULL, figure, data, toggle).map(|_| ()),
        None => bundled_interact(figure, data, toggle),
    }
}

#[cfg(feature = "loader")]
fn bundled_interact(figure: &Element, data: &JsValue, toggle: &JsValue) -> Result<(), JsValue> {
    #[wasm_bindgen(module = "/js/interact.js")]
    extern "C" {
        #[wasm_bindgen(js_name = interact, catch)]
        fn interact_snippet(figure: &Element, data: &JsValue, toggle: &JsValue, tips: &JsValue) -> Result<(), JsValue>;
    }
    // A snippet cannot import its sibling: the tooltips come in as a module of their own.
    #[wasm_bindgen(module = "/js/tooltips.js")]
    extern "C" {
        fn tooltips() -> JsValue;
    }
    interact_snippet(figure, data, toggle, &tooltips())
}

/// Without the `loader` feature the chart waits for `opeka.js` to give it
/// (which it does before any widget is made); until then nothing is drawn.
#[cfg(not(feature = "loader"))]
fn bundled_interact(_figure: &Element, _data: &JsValue, _toggle: &JsValue) -> Result<(), JsValue> {
    Ok(())
}
