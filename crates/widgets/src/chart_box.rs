//! `ChartBox`: one widget's box in the page, framework-free. It shows
//! exactly one of the loading skeleton, the chart with its data table, or
//! the failure box, and redraws when told to.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use opeka_chart::{Medium, Theme};
use opeka_feed::locale::Msg;
use opeka_feed::{DayTime, Lang, View};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use crate::dom::{append_text, element, set_hidden};
use crate::failure_box::failure_box;
use crate::menu::{Controls, Menu};
use crate::plot::Plot;
use crate::state::{Failure, FeedState};

/// The narrowest width a chart is laid out for; narrower boxes scroll.
const MIN_WIDTH: f64 = 240.0;

/// What was drawn, reported to the host after every render.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderedChart {
    /// The view drawn.
    pub view: View,
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
}

/// How to draw the feed: everything a chart box shows besides the feed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// The view asked for; `None` uses the feed's own choice.
    pub view: Option<View>,
    /// The viewer's language.
    pub lang: Lang,
    /// The colour theme.
    pub theme: Theme,
    /// The box's width in CSS pixels (the host measures it).
    pub width: f64,
    /// A fixed height, else the view's default.
    pub height: Option<f64>,
    /// Whether the downloads menu shows.
    pub controls: Controls,
    /// `Screen` for pages; `Slide` for a deck's slides (type in proportion to the box).
    pub medium: Medium,
}

/// One widget's `<div class="opeka">` and everything in it.
///
/// The host appends [`ChartBox::element`] where the widget goes and calls
/// [`ChartBox::show`] whenever the feed or a setting changes. Dropping the
/// box removes it from the page.
pub struct ChartBox {
    root: Element,
    skeleton: HtmlElement,
    skeleton_text: Element,
    figure: Element,
    /// The chart, its legend buttons, tooltip and table, with their listeners.
    plot: Rc<RefCell<Plot>>,
    /// The downloads menu, after the table (tab order: chart, legend, table, menu).
    menu: Menu,
    /// The failure box on show, with what it shows: rebuilt only when the
    /// failure or the language changes, so an open `<details>` stays open.
    failure: Option<(Element, Arc<Failure>, Lang)>,
    /// Called by the retry button of a retryable failure or of the stale marker.
    on_retry: Option<Closure<dyn FnMut()>>,
    /// The stale marker (hidden unless a chart is shown and `stale_since`
    /// is set): a line of text and a retry button.
    stale: Element,
    stale_text: Element,
    stale_retry: Element,
    /// The local time of the data under a stale chart.
    stale_since: Option<DayTime>,
    /// The language of the last `show`, for a marker set between renders.
    lang: Lang,
}

impl ChartBox {
    /// A new, empty box in `document`, not yet in the page.
    pub fn new(document: &Document) -> Result<ChartBox, JsValue> {
        let root = element(document, "div", "opeka")?;
        let skeleton: HtmlElement = element(document, "div", "opeka-skeleton")?.unchecked_into();
        skeleton.set_attribute("aria-busy", "true")?;
        let skeleton_text = append_text(&skeleton, "span", "")?;
        skeleton_text.set_class_name("opeka-visually-hidden");
        root.append_child(&skeleton)?;
        let stale = element(document, "div", "opeka-stale")?;
        stale.set_attribute("role", "status")?;
        let stale_text = append_text(&stale, "span", "")?;
        let stale_retry = append_text(&stale, "button", "")?;
        stale_retry.set_attribute("type", "button")?;
        root.append_child(&stale)?;

        let figure = element(document, "figure", "opeka-figure")?;
        let plot = Plot::new(&figure)?;
        let menu = Menu::new(document)?;
        figure.append_child(menu.element())?;
        root.append_child(&figure)?;

        let mut chart_box = ChartBox {
            root,
            skeleton,
            skeleton_text,
            figure,
            plot,
            menu,
            failure: None,
            on_retry: None,
            stale,
            stale_text,
            stale_retry,
            stale_since: None,
            lang: Lang::default(),
        };
        chart_box.show_only(Shown::Nothing)?;
        Ok(chart_box)
    }

    /// The box's root element, `<div class="opeka">`.
    pub fn element(&self) -> &Element {
        &self.root
    }

    /// Gives retryable failures a retry button that calls `callback`. Meant
    /// to be called once, before the first [`ChartBox::show`]; a failure box
    /// already up is taken down (its button would call the dropped
    /// callback) and rebuilt at the next `show`.
    pub fn on_retry(&mut self, callback: impl Fn() + 'static) {
        if let Some((element, ..)) = self.failure.take() {
            element.remove();
        }
        let callback = Closure::new(callback);
        // The button lives as long as the box, and so does the callback.
        let _ = self.stale_retry.add_event_listener_with_callback("click", callback.as_ref().unchecked_ref());
        self.on_retry = Some(callback);
    }

    /// Marks the chart as stale: a refresh failed and it still shows the
    /// data fetched at `since` (the viewer's local time). The marker (a
    /// line of text and a retry button that calls [`ChartBox::on_retry`])
    /// shows above the chart while a chart is shown; `None` takes it down.
    pub fn set_stale(&mut self, since: Option<DayTime>) {
        self.stale_since = since;
        self.write_stale();
        let shown = !self.figure.has_attribute("hidden");
        // Toggling an attribute on our own element cannot fail.
        let _ = set_hidden(&self.stale, !shown || since.is_none());
    }

    /// Writes the marker's text in the current language.
    fn write_stale(&self) {
        if let Some(since) = self.stale_since {
            self.stale_text.set_text_content(Some(&Msg::Stale(since).text(self.lang)));
            self.stale_retry.set_text_content(Some(&Msg::Retry.text(self.lang)));
        }
    }

    /// Shows `state` drawn with `settings`; returns what was drawn when it
    /// is a chart. A tall chart is then in the page with its first band,
    /// and its box says `aria-busy` until the others are in, a task each
    /// (`mount` in js/interact.js). A DOM failure (a bug, not a feed's
    /// fault) is logged.
    pub fn show(&mut self, state: &FeedState, settings: &Settings) -> Option<RenderedChart> {
        match self.try_show(state, settings) {
            Ok(drawn) => drawn,
            Err(error) => {
                web_sys::console::error_2(&JsValue::from_str("opeka: could not show the chart:"), &error);
                None
            }
        }
    }

    fn try_show(&mut self, state: &FeedState, settings: &Settings) -> Result<Option<RenderedChart>, JsValue> {
        let lang = settings.lang;
        self.lang = lang;
        self.write_stale();
        self.root.set_attribute("data-theme", settings.theme.name())?;
        self.root.set_attribute("lang", lang.code())?;
        self.skeleton_text.set_text_content(Some(&Msg::Loading.text(lang)));
        self.plot.borrow().table_summary().set_text_content(Some(&Msg::DataTable.text(lang)));
        self.menu.show(lang, settings.controls)?;
        match state {
            FeedState::Loading => {
                let width = settings.width.max(MIN_WIDTH);
                let view = settings.view.unwrap_or(View::Trend);
                let height = settings.height.unwrap_or_else(|| opeka_chart::default_height(view, width));
                // Written as `{height}px` would be, without core's float printer.
                let mut css = String::new();
                opeka_feed::locale::write_shortest(&mut css, height);
                css.push_str("px");
                self.skeleton.style().set_property("height", &css)?;
                self.show_only(Shown::Skeleton)?;
                self.clear_chart()?;
                Ok(None)
            }
            FeedState::Ready(feed) => {
                let drawn = self.draw(feed, settings)?;
                self.show_only(Shown::Chart)?;
                Ok(Some(drawn))
            }
            FeedState::Failed(failure) => {
                self.show_failure(failure, lang)?;
                self.clear_chart()?;
                Ok(None)
            }
        }
    }

    /// Hides every state but `shown`; a failure box not shown is dropped.
    fn show_only(&mut self, shown: Shown) -> Result<(), JsValue> {
        set_hidden(&self.skeleton, shown != Shown::Skeleton)?;
        set_hidden(&self.figure, shown != Shown::Chart)?;
        set_hidden(&self.stale, shown != Shown::Chart || self.stale_since.is_none())?;
        if shown != Shown::Failure {
            if let Some((failure, ..)) = self.failure.take() {
                failure.remove();
            }
        }
        Ok(())
    }

    /// Renders the chart into the figure, with its summary and table.
    fn draw(&mut self, feed: &Arc<opeka_feed::ValidFeed>, settings: &Settings) -> Result<RenderedChart, JsValue> {
        let family = font_family_of(self.plot.borrow().svg_box());
        let mut plot = self.plot.borrow_mut();
        let drawn = plot.draw(feed, settings, family)?;
        // Files are named by the feed's id (`[a-z0-9-]`, checked by the validator) and the view.
        let mut name = feed.feed().id.as_deref().unwrap_or("opeka").to_owned();
        name.push('-');
        name.push_str(drawn.view.name());
        self.menu.set_file_name(&name)?;
        Ok(drawn)
    }

    /// Lays `feed` out with `settings` for the next drawing to write, and
    /// draws nothing yet (`Plot::lay_out`).
    pub fn lay_out(&mut self, feed: &Arc<opeka_feed::ValidFeed>, settings: &Settings) -> Result<(), JsValue> {
        let family = font_family_of(self.plot.borrow().svg_box());
        self.plot.borrow_mut().lay_out(feed, settings, family)
    }

    /// Lets go of the feed of the chart on show, which stays drawn until
    /// the next [`ChartBox::show`]: a new feed then takes the memory the
    /// old one held, rather than more of it.
    pub fn let_go(&mut self) {
        self.plot.borrow_mut().let_go();
    }

    /// Empties the figure, so a hidden chart holds no memory.
    fn clear_chart(&self) -> Result<(), JsValue> {
        self.plot.borrow_mut().clear()
    }

    /// Puts up the failure box for `failure`, unless it is already shown.
    fn show_failure(&mut self, failure: &Arc<Failure>, lang: Lang) -> Result<(), JsValue> {
        let shown = self.failure.as_ref().is_some_and(|(_, shown, shown_lang)| Arc::ptr_eq(shown, failure) && *shown_lang == lang);
        if !shown {
            let retry = self.on_retry.as_ref().filter(|_| failure.is_retryable()).map(|c| c.as_ref().unchecked_ref());
            let element = failure_box(&self.document()?, failure, lang, retry)?;
            if let Some((old, ..)) = self.failure.take() {
                old.remove();
            }
            self.root.append_child(&element)?;
            self.failure = Some((element, Arc::clone(failure), lang));
        }
        self.show_only(Shown::Failure)
    }

    fn document(&self) -> Result<Document, JsValue> {
        self.root.owner_document().ok_or_else(|| JsValue::from_str("element has no document"))
    }
}

/// Which of its states a box shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// Nothing yet (a new box).
    Nothing,
    /// The loading skeleton.
    Skeleton,
    /// The chart and its table.
    Chart,
    /// The failure box.
    Failure,
}

impl Drop for ChartBox {
    fn drop(&mut self) {
        // The retry closure dies with the box; its button must go first.
        self.root.remove();
    }
}

/// The computed font family of the chart's box: what the browser will draw
/// the SVG's text in (the host may set it through `--opeka-font`).
pub(crate) fn font_family_of(element: &Element) -> String {
    let fallback = "\"PT Sans\", Arial, sans-serif".to_owned();
    web_sys::window()
        .and_then(|w| w.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value("font-family").ok())
        .filter(|family| !family.trim().is_empty())
        .unwrap_or(fallback)
}
