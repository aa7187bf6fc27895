//! One `<opeka-chart>` element's widget: attributes in, feed fetched and
//! validated, chart mounted in the shadow root, events out.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use js_sys::Promise;
use opeka_chart::Theme;
use opeka_feed::validate::packed::unpack;
use opeka_feed::validate::{validate, Checked, Options, Rejected};
use opeka_feed::{DayTime, Lang, Text, ValidFeed};
use opeka_widgets::fetch::{self, Answer, Body, Reuse};
use opeka_widgets::{style, ChartBox, Failure, FeedState, RenderedChart, Settings, WARM_UP_FEED};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, HtmlElement, MediaQueryList, ResizeObserver, ResizeObserverEntry, ShadowRootInit, ShadowRootMode};

use crate::attributes::{Attributes, ThemeChoice, WorkerChoice};
use crate::events;
use crate::worker::{self, Reduced};

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
    /// Whether the queued task is to redraw (else it only reports).
    render_wanted: Cell<bool>,
    /// Whether the queued redraw waits for the next task: after a
    /// validation, so that the two never hold the page's main thread as one
    /// task.
    render_later: Cell<bool>,
    /// A failure to report from the queued task, and whether it is stale.
    pending_error: RefCell<Option<(Arc<Failure>, bool)>>,
    /// Counts loads, so that a late answer to an older request is dropped.
    generation: Cell<u64>,
    /// The load in flight, if any: aborting it stops the widget's wait.
    abort: RefCell<Option<AbortController>>,
    /// The load's timeout timer, and whether it fired.
    timeout: RefCell<Option<Timer>>,
    timed_out: Cell<bool>,
    /// The body of the feed on show: its bytes (an identical answer is not
    /// redrawn) and its validators (refreshes ask only for a change).
    shown: RefCell<Option<Rc<Body>>>,
    /// Whether the feed on show is the worker's reduction for the current
    /// view (another view needs the feed reduced for it).
    reduced: Cell<bool>,
    /// When the feed on show was last confirmed, in the viewer's local time.
    confirmed: Cell<Option<DayTime>>,
    /// Failed loads in a row: refresh backs off after each.
    failures: Cell<u32>,
    resize: RefCell<Option<WidthObserver>>,
    /// What `theme="auto"` follows: a dark colour scheme and a wish for contrast.
    schemes: RefCell<Option<SchemeListener>>,
    /// The next refresh tick's timer.
    refresh: RefCell<Option<Timer>>,
}

/// A pending `setTimeout`: its handle, and the callback it keeps alive.
type Timer = (JsValue, Closure<dyn FnMut()>);
/// The observer of the element's width, and the callback it keeps alive.
type WidthObserver = (ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);
/// The queries listened to ([`opeka_widgets::DARK_QUERY`],
/// [`opeka_widgets::CONTRAST_QUERY`]), and their one listener.
type SchemeListener = ([MediaQueryList; 2], Closure<dyn FnMut(web_sys::Event)>);

/// What started a load, which decides what a failure does to the chart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Load {
    /// A first load or a new `src`: the skeleton, then a chart or a failure box.
    Fresh,
    /// A refresh tick: a failure keeps the chart.
    Refresh,
    /// `reload()` or a retry of a stale chart: always a new, unconditional
    /// request; a failure keeps the chart.
    Reload,
}

/// Refresh never backs off beyond this after failures (unless its own
/// interval is longer).
const MAX_BACKOFF_MS: u64 = 10 * 60 * 1000;
/// How long a fetched feed is shared with widgets added later when the
/// widget does not refresh.
const SHARE_MS: f64 = 60_000.0;

/// The feed in `bytes` validated with the default options: one call for the
/// widget's feeds and its warm-up, so that the validator, inlined, is in the
/// download once.
fn validated(bytes: &[u8]) -> Result<Checked, Rejected> {
    validate(bytes, &Options::default())
}

/// Whether a widget of this page has drawn [`WARM_UP_FEED`] (`warm_up_later`).
static WARMED_UP: AtomicBool = AtomicBool::new(false);

/// Resolves in a task of its own, after any input: `scheduler.yield()`
/// where the browser has it, which goes ahead of the page's other tasks (a
/// hop of 0.2 ms, where a timer's waited 3–4 ms for a frame:
/// docs/performance.md, stop 57); else `setTimeout(resolve)`.
fn next_task() -> JsFuture {
    JsFuture::from(scheduler_yield().unwrap_or_else(|_| Promise::new(&mut |resolve, _| drop(set_timeout(&resolve, 0.0)))))
}

#[wasm_bindgen]
extern "C" {
    // The timer handle is kept as the JS value it is: fake clocks (sinon's
    // fake-timers, Playwright's clock) hand out ids from 10^12, beyond the
    // i32 of web-sys' `Window::set_interval`, and a truncated id never clears.
    // Given a function, `setTimeout` does not throw (HTML's timer steps), so
    // it is not caught: the catch cost the download 61 bytes.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, millis: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: &JsValue);
    // Throws where there is no `scheduler.yield` (Safari; Chromium before
    // 129): a timer then.
    #[wasm_bindgen(js_namespace = scheduler, js_name = "yield", catch)]
    fn scheduler_yield() -> Result<Promise, JsValue>;
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
                    // Behind a stale chart the bytes may have come and been
                    // refused (a half-written file): fetch anew, keeping the chart.
                    let stale = matches!(*inner.state.borrow(), FeedState::Ready(_));
                    inner.load(if stale { Load::Reload } else { Load::Fresh });
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
                render_wanted: Cell::new(false),
                render_later: Cell::new(false),
                pending_error: RefCell::new(None),
                generation: Cell::new(0),
                abort: RefCell::new(None),
                timeout: RefCell::new(None),
                timed_out: Cell::new(false),
                shown: RefCell::new(None),
                reduced: Cell::new(false),
                confirmed: Cell::new(None),
                failures: Cell::new(0),
                resize: RefCell::new(None),
                schemes: RefCell::new(None),
                refresh: RefCell::new(None),
            }
        });
        inner.observe_width()?;
        inner.follow_color_scheme()?;
        inner.schedule_refresh();
        inner.load(Load::Fresh);
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
            "src" if src_changed => inner.load(Load::Fresh),
            // The feed on show holds only what the last view draws: the
            // body (shared, not fetched again within its time) is reduced anew.
            "view" if inner.reduced.get() => inner.load(Load::Fresh),
            "refresh" => inner.schedule_refresh(),
            _ => {}
        }
    }

    /// Fetches the feed again, bypassing the bytes other widgets of the page
    /// share (for host scripts).
    pub fn reload(&self) {
        self.inner.load(Load::Reload);
    }
}

impl Inner {
    /// Redraws the chart once the current task is done, however many
    /// changes it makes (a feed and its locale arrive together).
    fn queue_render(self: &Rc<Self>) {
        self.render_wanted.set(true);
        self.queue();
    }

    /// Queues the task (a microtask) that reports a pending failure and
    /// redraws if asked: events never fire from inside the constructor or
    /// an attribute callback, so a listener may remove the element.
    fn queue(self: &Rc<Self>) {
        if self.render_queued.replace(true) {
            return;
        }
        let weak = Rc::downgrade(self);
        let later = self.render_later.take();
        wasm_bindgen_futures::spawn_local(async move {
            // A new feed's chart is laid out in a task and drawn in the
            // next (in one, the 2 MB register's trajectory took 56–86 ms:
            // docs/performance.md, stop 51), and laid out again in the
            // second if asked meanwhile to draw anew (a width, a setting):
            // `render_wanted` says so between the two. Nothing is laid out
            // where no drawing is wanted (a failure to report). One await
            // in a loop: two made a bigger future.
            for step in 0..u8::from(later) * 2 {
                let _ = next_task().await;
                let Some(inner) = weak.upgrade() else { return };
                let wanted = inner.render_wanted.get();
                if step == 0 && !wanted {
                    break;
                }
                if wanted {
                    if let FeedState::Ready(feed) = &*inner.state.borrow() {
                        drop(inner.chart.borrow_mut().lay_out(feed, &inner.settings()));
                    }
                }
                inner.render_wanted.set(step != 0);
            }
            let Some(inner) = weak.upgrade() else { return };
            inner.render_queued.set(false);
            let pending = inner.pending_error.take();
            if let Some((failure, stale)) = pending {
                events::error(&inner.host, &failure, stale);
            }
            if inner.render_wanted.replace(false) {
                inner.render();
            }
        });
    }

    /// Draws the current state with the current attributes and width, and
    /// tells the page when a chart was drawn.
    fn render(&self) {
        let drawn = self.show(&self.state.borrow());
        if let Some(drawn) = drawn {
            events::rendered(&self.host, &drawn);
        }
    }

    /// Shows `state` with the current attributes, the feed's language and the width.
    fn show(&self, state: &FeedState) -> Option<RenderedChart> {
        self.chart.borrow_mut().show(state, &self.settings())
    }

    /// The current attributes, the feed's language and the width, as the chart box takes them.
    fn settings(&self) -> Settings {
        let attributes = self.attributes.borrow();
        Settings {
            view: attributes.view,
            lang: attributes.lang.or(self.feed_locale.get()).unwrap_or_default(),
            theme: self.theme(attributes.theme),
            width: self.width.get(),
            height: attributes.height,
            controls: attributes.controls,
            medium: attributes.medium,
        }
    }

    fn theme(&self, choice: ThemeChoice) -> Theme {
        match choice {
            ThemeChoice::Fixed(theme) => theme,
            ThemeChoice::Auto => match &*self.schemes.borrow() {
                Some(([dark, contrast], _)) => opeka_widgets::auto_theme(dark.matches(), contrast.matches()),
                None => Theme::Light,
            },
        }
    }

    /// Width follows the element's box.
    fn observe_width(self: &Rc<Self>) -> Result<(), JsValue> {
        let weak = Rc::downgrade(self);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(inner) = weak.upgrade() else { return };
            // Its one entry, as the observer (ours, of one element) always
            // gives: no `instanceof` check in the download.
            let width = entries.get(0).unchecked_into::<ResizeObserverEntry>().content_rect().width().floor();
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

    /// `theme="auto"` follows the viewer's colour scheme and contrast
    /// preference live.
    fn follow_color_scheme(self: &Rc<Self>) -> Result<(), JsValue> {
        let query = |media| web_sys::window().and_then(|w| w.match_media(media).ok().flatten());
        let (Some(dark), Some(contrast)) = (query(opeka_widgets::DARK_QUERY), query(opeka_widgets::CONTRAST_QUERY)) else {
            return Ok(());
        };
        let weak: Weak<Inner> = Rc::downgrade(self);
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(move |_event| {
            if let Some(inner) = weak.upgrade() {
                inner.queue_render();
            }
        });
        for query in [&dark, &contrast] {
            query.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref())?;
        }
        self.schemes.replace(Some(([dark, contrast], callback)));
        Ok(())
    }

    /// (Re)starts the `refresh` timer: the interval, or after failures in
    /// a row the interval doubled for each, up to ten minutes.
    fn schedule_refresh(self: &Rc<Self>) {
        self.stop_refresh();
        let seconds = self.attributes.borrow().refresh_seconds;
        if seconds == 0 {
            return;
        }
        let interval = u64::from(seconds) * 1000;
        let failures = self.failures.get();
        let delay = if failures == 0 { interval } else { interval.saturating_mul(1 << failures.min(20)).min(MAX_BACKOFF_MS.max(interval)) };
        let weak = Rc::downgrade(self);
        let callback = Closure::<dyn FnMut()>::new(move || {
            let Some(inner) = weak.upgrade() else { return };
            inner.refresh.take();
            let in_flight = inner.abort.borrow().is_some();
            if !in_flight {
                inner.load(Load::Refresh);
            }
            // A load in flight (a slow feed) is left to finish rather than
            // aborted, and its end schedules the next tick; an inline feed
            // loads at once, so the next tick is set here.
            if in_flight || inner.abort.borrow().is_none() {
                inner.schedule_refresh();
            }
        });
        let id = set_timeout(callback.as_ref().unchecked_ref(), delay as f64);
        self.refresh.replace(Some((id, callback)));
    }

    fn stop_refresh(&self) {
        if let Some((id, _callback)) = self.refresh.take() {
            clear_timeout(&id);
        }
    }

    fn stop_timeout(&self) {
        if let Some((id, _callback)) = self.timeout.take() {
            clear_timeout(&id);
        }
    }

    /// Loads the feed: inline JSON child, else `src`.
    fn load(self: &Rc<Self>, load: Load) {
        let generation = self.generation.get() + 1;
        self.generation.set(generation);
        if let Some(previous) = self.abort.take() {
            previous.abort();
        }
        self.stop_timeout();
        if load == Load::Fresh {
            self.shown.take();
            self.set_stale(false);
            self.set_state(FeedState::Loading);
        }
        if let Some(json) = self.inline_feed() {
            self.accept(load, Rc::new(Body::new(json.as_bytes().into(), None, None)));
            return;
        }
        let Some(src) = self.attributes.borrow().src.clone() else {
            self.fail(load, Arc::new(Failure::NoFeed));
            return;
        };
        let Ok(controller) = AbortController::new() else { return };
        let signal = controller.signal();
        self.abort.replace(Some(controller));
        self.start_timeout();
        let (seconds, timeout_seconds) = {
            let attributes = self.attributes.borrow();
            (attributes.refresh_seconds, attributes.timeout_seconds)
        };
        let reuse = match load {
            Load::Fresh => Reuse::Any,
            // Widgets of the same feed whose timers fire together share
            // one request: bytes fetched in the last half interval do.
            Load::Refresh => Reuse::YoungerThan(f64::from(seconds) * 500.0),
            Load::Reload => Reuse::Never,
        };
        let since = if load == Load::Refresh { self.shown.borrow().clone() } else { None };
        let ttl = if seconds > 0 { f64::from(seconds) * 1000.0 } else { SHARE_MS };
        let limit = Options::default().max_bytes;
        let weak = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let result = fetch::fetch_feed(&src, &signal, reuse, since.as_deref(), ttl, limit).await;
            let Some(inner) = weak.upgrade() else { return };
            if inner.generation.get() != generation {
                return;
            }
            inner.abort.take();
            inner.stop_timeout();
            match result {
                Ok(Answer::Body(body)) => inner.accept(load, body),
                Ok(Answer::NotModified) => inner.confirm(),
                // The widget's own timer stopped the wait: say so.
                Err(_) if inner.timed_out.get() => {
                    let detail = format!("no answer in {timeout_seconds} s");
                    inner.fail(load, Arc::new(Failure::Network { url: src, status: None, detail }));
                }
                Err(failure) => inner.fail(load, failure),
            }
            inner.schedule_refresh();
        });
        // A feed not yet downloaded when the module asks for it.
        self.warm_up_later();
    }

    /// Starts the timer that gives up on the load in flight.
    fn start_timeout(self: &Rc<Self>) {
        self.timed_out.set(false);
        let weak = Rc::downgrade(self);
        let callback = Closure::<dyn FnMut()>::new(move || {
            let Some(inner) = weak.upgrade() else { return };
            inner.timeout.take();
            inner.timed_out.set(true);
            let controller = inner.abort.borrow().clone();
            if let Some(controller) = controller {
                controller.abort();
            }
        });
        let millis = f64::from(self.attributes.borrow().timeout_seconds) * 1000.0;
        let id = set_timeout(callback.as_ref().unchecked_ref(), millis);
        self.timeout.replace(Some((id, callback)));
    }

    /// The text of an inline `<script type="application/json">` child, if any.
    fn inline_feed(&self) -> Option<String> {
        let script = self.host.query_selector(":scope > script[type='application/json']").ok().flatten()?;
        script.text_content()
    }

    /// Takes a fetched body: an unchanged one only confirms the chart on
    /// show; a new one is validated and drawn, or fails.
    fn accept(self: &Rc<Self>, load: Load, body: Rc<Body>) {
        let unchanged = self.shown.borrow().as_ref().is_some_and(|shown| shown.same(&body));
        if unchanged && matches!(*self.state.borrow(), FeedState::Ready(_)) {
            // Same bytes: the chart on show is still right, nothing to redraw.
            self.shown.replace(Some(body));
            self.confirm();
            return;
        }
        let (choice, view) = {
            let attributes = self.attributes.borrow();
            (attributes.worker, attributes.view)
        };
        // A fetched body of 500 KB or more (`fetch::HELD_FROM_BYTES`): the loader kept it in JavaScript.
        let big = body.held().is_some();
        if choice == WorkerChoice::On || (choice == WorkerChoice::Auto && big) {
            self.take_answer(load, Rc::clone(&body), worker::in_worker(&body, view), None);
            self.warm_up_later();
            return;
        }
        // Validated in a task of its own (`after` yields), not in the one
        // that took the body: together they held the page over 50 ms in 4
        // of 90 loads of a 487 KB register (docs/performance.md, stop 60).
        self.take_answer(load, body, None, None);
    }

    /// Takes the worker's `answer` for `body` once it comes ([`Inner::after`]).
    /// A reduction's document is validated here, and its packed records
    /// taken as the worker's module summed them; one in slices (a big
    /// outcomes feed's, a long roll's), a slice a task, each joined to those before
    /// (`so_far`), the next asked for once one is read. A reduction that
    /// does not read (the worker never makes one) has the body validated
    /// here instead.
    fn take_answer(self: &Rc<Self>, load: Load, body: Rc<Body>, answer: Option<JsValue>, so_far: Option<Checked>) {
        self.after(
            answer,
            Box::new(move |inner, reduced| match reduced {
                Some(Reduced::Valid(Some(packed), warnings, next)) => {
                    if so_far.is_none() {
                        inner.let_go();
                    }
                    let packed = packed.to_vec();
                    let checked =
                        unpack(&packed).and_then(|(doc, records)| validated(doc).ok()?.with_packed_records(records)).and_then(|slice| {
                            match so_far {
                                None => Some(slice),
                                Some(so_far) => so_far.joined(slice),
                            }
                        });
                    match (checked, next) {
                        (Some(checked), Some(next)) => {
                            inner.take_answer(load, body, next.call1(&JsValue::NULL, &JsValue::NULL).ok(), Some(checked))
                        }
                        (checked, _) => inner.check(load, body, checked, Some(warnings)),
                    }
                }
                // Not reduced: the body is validated here.
                Some(Reduced::Valid(None, warnings, _)) => inner.check(load, body, None, Some(warnings)),
                Some(Reduced::Invalid(failure)) => inner.fail(load, Arc::new(failure)),
                // A small feed (`accept`), or no worker: validated here.
                None => inner.check(load, body, None, None),
            }),
        );
    }

    /// In tasks of their own, while the widget still waits (for its feed's
    /// download, or for the worker's answer), the code and font that
    /// validating and drawing it needs: once a page, by its first widget
    /// still loading (twenty widgets of one big feed would otherwise warm
    /// up twenty times). During a big body's download rather than after
    /// it, the warm-up does not share the machine with the worker's job.
    fn warm_up_later(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            // Validated in one task, laid out in the next and drawn in a
            // third: each compiles its own code. Validating and drawing in
            // one task made one of a big feed's long tasks (docs/performance.md,
            // stop 27), and so did laying out and drawing in one, beside
            // the worker's job (stop 30). The steps are one loop: an await
            // each made a bigger future.
            let mut feed = None;
            for step in 0..3 {
                let _ = next_task().await;
                let Some(inner) = weak.upgrade().filter(|inner| matches!(*inner.state.borrow(), FeedState::Loading)) else { return };
                match (step, &feed) {
                    (0, _) if !WARMED_UP.swap(true, Ordering::Relaxed) => {
                        feed = validated(WARM_UP_FEED.as_bytes()).ok().map(|checked| Arc::new(checked.feed))
                    }
                    (1, Some(feed)) => drop(inner.chart.borrow_mut().lay_out(feed, &inner.settings())),
                    (2, Some(feed)) => {
                        // Drawn and taken down in one task: never painted.
                        inner.show(&FeedState::Ready(Arc::clone(feed)));
                        inner.show(&FeedState::Loading);
                    }
                    _ => return,
                }
            }
        });
    }

    /// Waits for `answer` (the promise of the worker's module's answer;
    /// `None` where there was no one to ask: then for the next task), then
    /// runs `then` with it, unless meanwhile the widget was dropped or
    /// began another load. Boxed: one copy of this code for its callers.
    fn after(self: &Rc<Self>, answer: Option<JsValue>, then: Box<Answered>) {
        let generation = self.generation.get();
        let weak = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let result = match answer {
                Some(answer) => worker::read_answer(answer).await,
                None => {
                    let _ = next_task().await;
                    None
                }
            };
            if let Some(inner) = weak.upgrade().filter(|inner| inner.generation.get() == generation) {
                then(&inner, result);
            }
        });
    }

    /// Validates the body, unless the worker's reduction of it was checked
    /// (`reduction`), and shows the feed, or fails. The worker's warnings,
    /// when it checked the body, are those of the whole feed.
    fn check(self: &Rc<Self>, load: Load, body: Rc<Body>, reduction: Option<Checked>, worker_warnings: Option<Vec<String>>) {
        let reduced = reduction.is_some();
        // A deck's slide (`slide-title`, `slide-note`): read with each
        // new body, as the deck sets them before the slide loads.
        let (title, note) = {
            let attributes = self.attributes.borrow();
            (attributes.slide_title.clone(), attributes.slide_note.clone())
        };
        let own = reduced || title.is_some() || note.is_some();
        // Widgets given the same body (twenty charts of one feed share one
        // request) validate it once; a slide's feed, retitled, and a
        // worker's reduction are a widget's own.
        let shared = body.valid.borrow().clone().filter(|_| !own);
        if let Some(feed) = shared {
            self.show_valid(body, feed, false);
            return;
        }
        // A big body is read into this module only when it is what is validated.
        match reduction.map_or_else(|| validated(&body.bytes()), Ok) {
            Ok(Checked { mut feed, warnings, omitted }) => {
                feed.retitle(title.map(Text::Plain), note.map(Text::Plain));
                let feed = Arc::new(feed);
                if !own && warnings.is_empty() && omitted.total() == 0 {
                    body.valid.replace(Some(Arc::clone(&feed)));
                }
                match worker_warnings {
                    Some(lines) => events::warn(&lines),
                    None if warnings.is_empty() && omitted.total() == 0 => {}
                    // This module has no words for them: the worker's module says them.
                    None => {
                        self.after(
                            worker::worded(&body),
                            Box::new(move |_, worded| match worded {
                                Some(Reduced::Valid(_, lines, _)) => events::warn(&lines),
                                _ => events::warn(&opeka_widgets::problem_lines(&warnings, omitted)),
                            }),
                        );
                    }
                }
                self.show_valid(body, feed, reduced);
            }
            // Worded by the worker's module (this one has no words for
            // them); where it could not load, the problems as they are.
            Err(rejected) => {
                self.after(
                    worker::worded(&body),
                    Box::new(move |inner, worded| {
                        let failure = match worded {
                            Some(Reduced::Invalid(failure)) => failure,
                            _ => Failure::Invalid { problems: rejected.problems, omitted: rejected.omitted },
                        };
                        inner.fail(load, Arc::new(failure));
                    }),
                );
            }
        }
    }

    /// Lets go of the feed on show, its drawing left on the page, when the
    /// next one is sure to be valid (the worker's module has checked it),
    /// before any of the next is in this module's memory: each reload then
    /// starts from the memory the last one left, and takes the same room.
    /// Held together, the two feeds made the page's module grow by 1.2 MB
    /// at a 15 MB feed's third reload (docs/performance.md, stop 29).
    fn let_go(&self) {
        self.state.replace(FeedState::Loading);
        self.chart.borrow_mut().let_go();
    }

    /// Shows `feed`, valid, from `body` (or the worker's reduction of it).
    fn show_valid(self: &Rc<Self>, body: Rc<Body>, feed: Arc<ValidFeed>, reduced: bool) {
        // Laid out in the next task and drawn in the one after, whatever
        // its size: a page handles its input between them. In one task
        // with the validation, a register of 100 projects (90 KB) took
        // 51–84 ms on first load (docs/performance.md, stop 57).
        self.render_later.set(true);
        self.feed_locale.set(Some(feed.locale));
        self.shown.replace(Some(body));
        self.reduced.set(reduced);
        self.confirm();
        self.set_state(FeedState::Ready(feed));
    }

    /// The feed on show is current: no stale marker, no back-off.
    fn confirm(&self) {
        self.failures.set(0);
        self.confirmed.set(opeka_widgets::local_now());
        self.set_stale(false);
    }

    /// A load failed. A chart on show stays, marked stale, unless the load
    /// was for a new feed; otherwise the failure box replaces it. The page
    /// hears of it from the queued task ([`Inner::queue`]).
    fn fail(self: &Rc<Self>, load: Load, failure: Arc<Failure>) {
        self.failures.set(self.failures.get().saturating_add(1));
        let stale = load != Load::Fresh && matches!(*self.state.borrow(), FeedState::Ready(_));
        self.pending_error.replace(Some((Arc::clone(&failure), stale)));
        self.queue();
        if stale {
            self.set_stale(true);
        } else {
            self.shown.take();
            self.set_state(FeedState::Failed(failure));
        }
    }

    /// Shows or takes down the stale marker (dated when the data on show
    /// were last confirmed).
    fn set_stale(&self, stale: bool) {
        let since = if stale { self.confirmed.get() } else { None };
        self.chart.borrow_mut().set_stale(since);
    }

    fn set_state(self: &Rc<Self>, state: FeedState) {
        self.state.replace(state);
        self.queue_render();
    }
}

/// What a widget does with an answer of the worker's module.
type Answered = dyn FnOnce(&Rc<Inner>, Option<Reduced>);

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(controller) = self.abort.take() {
            controller.abort();
        }
        self.stop_refresh();
        self.stop_timeout();
        if let Some((observer, _callback)) = self.resize.take() {
            observer.disconnect();
        }
        if let Some((queries, callback)) = self.schemes.take() {
            for query in queries {
                let _ = query.remove_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
            }
        }
        // The chart box removes itself from the shadow root as it drops.
    }
}
