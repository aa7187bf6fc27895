//! One `<opeka-chart>` element's widget: attributes in, feed fetched and
//! validated, chart mounted in the shadow root, events out.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::Arc;

use opeka_chart::Theme;
use opeka_feed::validate::{validate, Options, Severity};
use opeka_feed::Lang;
use opeka_widgets::fetch::{self, Reuse};
use opeka_widgets::{style, ChartBox, Failure, FeedState, Settings};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, HtmlElement, MediaQueryList, ResizeObserver, ResizeObserverEntry, ShadowRootInit, ShadowRootMode};

use crate::attributes::{Attributes, ThemeChoice};
use crate::events;

/// The widget behind one `<opeka-chart>` element. Created when the element
/// is connected; `free()` it when the element is disconnected: that removes
/// the chart and every observer, listener, timer and fetch.
#[wasm_bindgen]
pub struct OpekaWidget {
    inner: Rc<Inner>,
}

struct Inner {
    host: HtmlElement,
    attributes: RefCell<Attributes>,
    /// The feed, or why there is none.
    state: RefCell<FeedState>,
    /// The element's width in CSS pixels, as last observed.
    width: Cell<f64>,
    /// The feed's own locale, once known: the language when the page names none.
    feed_locale: Cell<Option<Lang>>,
    chart: RefCell<ChartBox>,
    /// Whether a render is queued: changes made in one task render once.
    render_queued: Cell<bool>,
    /// Counts loads, so that a late answer to an older request is dropped.
    generation: Cell<u64>,
    abort: RefCell<Option<AbortController>>,
    resize: RefCell<Option<(ResizeObserver, Closure<dyn FnMut(js_sys::Array)>)>>,
    dark_scheme: RefCell<Option<(MediaQueryList, Closure<dyn FnMut(web_sys::Event)>)>>,
    refresh: RefCell<Option<(JsValue, Closure<dyn FnMut()>)>>,
}

#[wasm_bindgen]
extern "C" {
    // The timer handle is kept as the JS value it is: fake clocks (sinon's
    // fake-timers, Playwright's clock) hand out ids from 10^12, beyond the
    // i32 of web-sys' `Window::set_interval`, and a truncated id never clears.
    #[wasm_bindgen(js_name = setInterval, catch)]
    fn set_interval(handler: &js_sys::Function, millis: i32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = clearInterval)]
    fn clear_interval(handle: &JsValue);
}

#[wasm_bindgen]
impl OpekaWidget {
    /// Sets up the widget in `host`'s shadow root and starts loading its feed.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement) -> Result<OpekaWidget, JsValue> {
        let root = match host.shadow_root() {
            Some(root) => {
                root.replace_children_with_node_0();
                root
            }
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        style::adopt_stylesheet(&root)?;
        let document = host.owner_document().ok_or_else(|| JsValue::from_str("element has no document"))?;
        let mut chart = ChartBox::new(&document)?;
        root.append_child(chart.element())?;

        let (attributes, warnings) = Attributes::read(&host);
        events::warn(&warnings);
        let width = f64::from(host.client_width());
        let inner = Rc::new_cyclic(|weak: &Weak<Inner>| {
            let weak = weak.clone();
            chart.on_retry(move || {
                if let Some(inner) = weak.upgrade() {
                    // A failed request is never kept, so this fetches again.
                    inner.load(true, Reuse::Any);
                }
            });
            Inner {
                host,
                attributes: RefCell::new(attributes),
                state: RefCell::new(FeedState::Loading),
                width: Cell::new(width),
                feed_locale: Cell::new(None),
                chart: RefCell::new(chart),
                render_queued: Cell::new(false),
                generation: Cell::new(0),
                abort: RefCell::new(None),
                resize: RefCell::new(None),
                dark_scheme: RefCell::new(None),
                refresh: RefCell::new(None),
            }
        });
        inner.observe_width()?;
        inner.follow_color_scheme()?;
        inner.schedule_refresh();
        inner.load(true, Reuse::Any);
        Ok(OpekaWidget { inner })
    }

    /// Called by the element when an observed attribute changes: `src`
    /// re-fetches, `refresh` restarts the timer, the others only re-render.
    pub fn attribute_changed(&self, name: &str) {
        let inner = &self.inner;
        let (attributes, warnings) = Attributes::read(&inner.host);
        events::warn(&warnings);
        let src_changed = attributes.src != inner.attributes.borrow().src;
        inner.attributes.replace(attributes);
        inner.queue_render();
        match name {
            "src" if src_changed => inner.load(true, Reuse::Any),
            "refresh" => inner.schedule_refresh(),
            _ => {}
        }
    }

    /// Fetches the feed again, bypassing the bytes other widgets of the page
    /// share (for host scripts).
    pub fn reload(&self) {
        self.inner.load(false, Reuse::Never);
    }
}

impl Inner {
    /// Redraws the chart once the current task is done, however many
    /// changes it makes (a feed and its locale arrive together).
    fn queue_render(self: &Rc<Self>) {
        if self.render_queued.replace(true) {
            return;
        }
        let weak = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(inner) = weak.upgrade() {
                inner.render_queued.set(false);
                inner.render();
            }
        });
    }

    /// Draws the current state with the current attributes and width, and
    /// tells the page when a chart was drawn.
    fn render(&self) {
        let settings = {
            let attributes = self.attributes.borrow();
            Settings {
                view: attributes.view,
                lang: attributes.lang.or(self.feed_locale.get()).unwrap_or_default(),
                theme: self.theme(attributes.theme),
                width: self.width.get(),
                height: attributes.height,
            }
        };
        let drawn = self.chart.borrow_mut().show(&self.state.borrow(), &settings);
        if let Some(drawn) = drawn {
            events::rendered(&self.host, &drawn);
        }
    }

    fn theme(&self, choice: ThemeChoice) -> Theme {
        match choice {
            ThemeChoice::Fixed(theme) => theme,
            ThemeChoice::Auto => {
                let dark = self.dark_scheme.borrow().as_ref().is_some_and(|(query, _)| query.matches());
                if dark {
                    Theme::Dark
                } else {
                    Theme::Light
                }
            }
        }
    }

    /// Width follows the element's box.
    fn observe_width(self: &Rc<Self>) -> Result<(), JsValue> {
        let weak = Rc::downgrade(self);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(inner) = weak.upgrade() else { return };
            let Some(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>().ok() else { return };
            let width = entry.content_rect().width().floor();
            // Sub-pixel jitter must not re-render.
            if width >= 1.0 && (inner.width.get() - width).abs() >= 1.0 {
                inner.width.set(width);
                inner.queue_render();
            }
        });
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref())?;
        observer.observe(&self.host);
        self.resize.replace(Some((observer, callback)));
        Ok(())
    }

    /// `theme="auto"` follows the viewer's colour scheme live.
    fn follow_color_scheme(self: &Rc<Self>) -> Result<(), JsValue> {
        let Some(query) = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()) else {
            return Ok(());
        };
        let weak: Weak<Inner> = Rc::downgrade(self);
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(move |_event| {
            if let Some(inner) = weak.upgrade() {
                inner.queue_render();
            }
        });
        query.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref())?;
        self.dark_scheme.replace(Some((query, callback)));
        Ok(())
    }

    /// (Re)starts the `refresh` timer.
    fn schedule_refresh(self: &Rc<Self>) {
        self.stop_refresh();
        let seconds = self.attributes.borrow().refresh_seconds;
        if seconds == 0 {
            return;
        }
        let weak = Rc::downgrade(self);
        let millis = i32::try_from(u64::from(seconds) * 1000).unwrap_or(i32::MAX);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(inner) = weak.upgrade() {
                // Widgets of the same feed whose timers fire together share
                // one request: bytes fetched in the last half interval do.
                inner.load(false, Reuse::YoungerThan(f64::from(millis) / 2.0));
            }
        });
        if let Ok(id) = set_interval(callback.as_ref().unchecked_ref(), millis) {
            self.refresh.replace(Some((id, callback)));
        }
    }

    fn stop_refresh(&self) {
        if let Some((id, _callback)) = self.refresh.take() {
            clear_interval(&id);
        }
    }

    /// Loads the feed: inline JSON child, else `src`. `show_loading` puts
    /// up the skeleton; a periodic refresh keeps the old chart meanwhile.
    fn load(self: &Rc<Self>, show_loading: bool, reuse: Reuse) {
        let generation = self.generation.get() + 1;
        self.generation.set(generation);
        if let Some(previous) = self.abort.take() {
            previous.abort();
        }
        if show_loading {
            self.set_state(FeedState::Loading);
        }
        if let Some(json) = self.inline_feed() {
            self.accept(json.as_bytes());
            return;
        }
        let Some(src) = self.attributes.borrow().src.clone() else {
            self.fail(Failure::NoFeed);
            return;
        };
        let Ok(controller) = AbortController::new() else { return };
        let signal = controller.signal();
        self.abort.replace(Some(controller));
        let weak = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let result = fetch::fetch_feed(&src, &signal, reuse).await;
            let Some(inner) = weak.upgrade() else { return };
            if inner.generation.get() != generation {
                return;
            }
            inner.abort.take();
            match result {
                Ok(bytes) => inner.accept(&bytes),
                Err(failure) => inner.fail(failure),
            }
        });
    }

    /// The text of an inline `<script type="application/json">` child, if any.
    fn inline_feed(&self) -> Option<String> {
        let script = self.host.query_selector(":scope > script[type='application/json']").ok().flatten()?;
        script.text_content()
    }

    fn accept(self: &Rc<Self>, bytes: &[u8]) {
        match validate(bytes, &Options::default()) {
            Ok(checked) => {
                let warnings: Vec<String> = checked.warnings.iter().map(|w| w.to_string_in(Lang::En)).collect();
                events::warn(&warnings);
                self.feed_locale.set(Some(checked.feed.locale));
                self.set_state(FeedState::Ready(Arc::new(checked.feed)));
            }
            Err(rejected) => {
                debug_assert!(rejected.problems.iter().any(|p| p.severity == Severity::Error));
                self.fail(Failure::Invalid { problems: rejected.problems });
            }
        }
    }

    fn fail(self: &Rc<Self>, failure: Failure) {
        events::error(&self.host, &failure);
        self.set_state(FeedState::Failed(Arc::new(failure)));
    }

    fn set_state(self: &Rc<Self>, state: FeedState) {
        self.state.replace(state);
        self.queue_render();
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(controller) = self.abort.take() {
            controller.abort();
        }
        self.stop_refresh();
        if let Some((observer, _callback)) = self.resize.take() {
            observer.disconnect();
        }
        if let Some((query, callback)) = self.dark_scheme.take() {
            let _ = query.remove_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
        }
        // The chart box removes itself from the shadow root as it drops.
    }
}
