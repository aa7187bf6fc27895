//! The `OpekaChart` component: props in, the widget core's box out.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use opeka_chart::{Medium, Theme};
use opeka_feed::validate::packed::unpack;
use opeka_feed::validate::{validate, Checked, Options};
use opeka_feed::{Lang, View};
use opeka_widgets::fetch::{self, Answer, Reuse, HELD_FROM_BYTES};
use opeka_widgets::worker::{self, Reduced};
use opeka_widgets::{style, ChartBox, Controls, ErrorReport, Failure, FeedState, Settings, WARM_UP_FEED};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    AbortController, HtmlDivElement, HtmlElement, KeyboardEvent, MutationObserver, MutationObserverInit, ResizeObserver,
    ResizeObserverEntry, ShadowRootInit, ShadowRootMode,
};

use crate::live::{FullScreenHooks, Live};

/// Whether a chart of the app has drawn [`WARM_UP_FEED`] (`Loader::warm_up`).
static WARMED_UP: AtomicBool = AtomicBool::new(false);

/// How long a fetched feed may serve another chart of the same URL, as
/// `<opeka-chart>` shares it when it does not refresh.
const SHARE_MS: f64 = 60_000.0;
use crate::Rendered;

/// Heights outside this range are ignored as typos (as `<opeka-chart>` does).
const HEIGHT_RANGE: std::ops::RangeInclusive<u32> = 120..=4000;
/// Refreshing more often than this would hammer the feed's server.
const MIN_REFRESH_SECONDS: u32 = 10;

/// A chart of one Opeka feed, read from `src` or given as `feed` text.
///
/// Every prop but the callbacks takes a plain value or a signal (`Signal`,
/// `RwSignal`, `ReadSignal`, `Memo`, of `T` or of `Option<T>`); a changed
/// `src` or `feed` loads again, any other change only redraws.
///
/// | prop | meaning | default |
/// |---|---|---|
/// | `src` | feed URL (same origin or CORS-enabled), fetched through the page's shared cache | — |
/// | `feed` | the feed's JSON text, for apps that hold it already; wins over `src`; an empty text shows the loading state | — |
/// | `view` | one of the feed kind's [`View`]s | the feed's `view`, else the kind's first |
/// | `lang` | [`Lang::Ru`] or [`Lang::En`] | nearest `lang` attribute in the page, else the feed's locale |
/// | `theme` | [`Theme::Light`], [`Theme::Dark`], [`Theme::Contrast`] | follows `prefers-color-scheme`, and `prefers-contrast: more` or forced colours to `Contrast` |
/// | `height` | whole pixels, 120–4000 | by view; the width always follows the container |
/// | `refresh` | seconds between re-fetches of `src` (at least 10), `0` = never | `0` |
/// | `controls` | [`Controls::None`] hides the downloads menu (PNG, SVG, CSV) | [`Controls::Menu`] |
/// | `on_rendered` | called with [`Rendered`] after every drawing | — |
/// | `on_error` | called with a [`ChartError`](crate::ChartError) when a load fails | — |
///
/// A bad feed never breaks the app: the chart's box shows a short message
/// in the viewer's language with every problem by its path, and
/// `on_error` carries the same problems. Network failures get a retry
/// button. Removing the component stops its timer, observers and request.
///
/// ```no_run
/// use leptos::prelude::*;
/// use opeka_leptos::{ChartError, Lang, OpekaChart, Rendered, Theme, View};
///
/// #[component]
/// fn Caseload() -> impl IntoView {
///     let view = RwSignal::new(View::Trend);
///     let lang = RwSignal::new(Lang::Ru);
///     view! {
///         <OpekaChart
///             src="/feeds/caseload.json"
///             view=view
///             lang=lang
///             theme=Theme::Light
///             height=360
///             refresh=60
///             on_rendered=move |drawn: Rendered| leptos::logging::log!("drew {}", drawn.view.name())
///             on_error=move |error: ChartError| leptos::logging::warn!("{}: {}", error.kind, error.message)
///         />
///     }
/// }
/// ```
#[component]
pub fn OpekaChart(
    /// The feed's URL.
    #[prop(into, optional)]
    src: MaybeProp<String>,
    /// The feed's JSON text (wins over `src`).
    #[prop(into, optional)]
    feed: MaybeProp<String>,
    /// The view to draw; unset, the feed's own choice.
    #[prop(into, optional)]
    view: MaybeProp<View>,
    /// The viewer's language; unset, the page's, else the feed's.
    #[prop(into, optional)]
    lang: MaybeProp<Lang>,
    /// The colour theme; unset, it follows `prefers-color-scheme`.
    #[prop(into, optional)]
    theme: MaybeProp<Theme>,
    /// A fixed height in pixels (120–4000); unset, the view's own.
    #[prop(into, optional)]
    height: MaybeProp<u32>,
    /// Seconds between re-fetches of `src` (at least 10); unset or 0, never.
    #[prop(into, optional)]
    refresh: MaybeProp<u32>,
    /// Whether the downloads menu shows; unset, it does.
    #[prop(into, optional)]
    controls: MaybeProp<Controls>,
    /// Called after every drawing.
    #[prop(into, optional)]
    on_rendered: Option<Callback<Rendered>>,
    /// Called when a load fails (network, invalid feed, no feed).
    #[prop(into, optional)]
    on_error: Option<Callback<ErrorReport>>,
) -> impl IntoView {
    let holder = NodeRef::<html::Div>::new();
    let loader = Loader {
        src,
        feed,
        view,
        state: RwSignal::new(FeedState::Loading),
        feed_locale: RwSignal::new(None),
        live: StoredValue::new_local(Live::default()),
        on_error,
    };
    let width = RwSignal::new(0.0_f64);
    let dark = RwSignal::new(false);
    let contrast = RwSignal::new(false);
    let mounted = RwSignal::new(false);
    // What full screen asks for while it lasts (opeka-extras.js sets the holder's attributes).
    let full = FullScreen { medium: RwSignal::new(Medium::Screen), height: RwSignal::new(None) };

    // Set up once the element is in the page (never on a server).
    Effect::new(move |_| {
        let Some(holder) = holder.get() else { return };
        if mounted.get_untracked() {
            return;
        }
        match loader.mount(&holder, width, [dark, contrast], full) {
            Ok(()) => mounted.set(true),
            Err(error) => web_sys::console::error_2(&"opeka-leptos: could not set up the chart:".into(), &error),
        }
    });

    // A new `src` or `feed` loads again.
    Effect::new(move |_| {
        src.track();
        feed.track();
        loader.load(true, Reuse::Any);
    });

    // A feed the worker reduced holds only what its view draws: another
    // view has the body (shared, not fetched again) reduced anew.
    Effect::new(move |_| {
        let view = view.get();
        if loader.live.try_with_value(|live| live.reduced_for_another(view)) == Some(true) {
            loader.load(true, Reuse::Any);
        }
    });

    Effect::new(move |_| {
        let seconds = refresh.get().unwrap_or(0);
        loader.live.try_update_value(|live| live.refresh = None);
        if seconds == 0 {
            return;
        }
        let millis = seconds.max(MIN_REFRESH_SECONDS).saturating_mul(1000);
        let interval = gloo_timers::callback::Interval::new(millis, move || {
            // Charts of one feed whose timers fire together share one
            // request: bytes fetched in the last half interval do.
            loader.load(false, Reuse::YoungerThan(f64::from(millis) / 2.0));
        });
        loader.live.try_update_value(|live| {
            if !live.closed {
                live.refresh = Some(interval);
            }
        });
    });

    Effect::new(move |_| {
        if !mounted.get() {
            return;
        }
        let settings = Settings {
            view: view.get(),
            lang: lang.get().or_else(|| page_lang(holder.get_untracked())).or(loader.feed_locale.get()).unwrap_or_default(),
            theme: theme.get().unwrap_or_else(|| opeka_widgets::auto_theme(dark.get(), contrast.get())),
            width: width.get(),
            height: full.height.get().or_else(|| height.get().filter(|px| HEIGHT_RANGE.contains(px)).map(f64::from)),
            controls: controls.get().unwrap_or_default(),
            medium: full.medium.get(),
        };
        let drawn = loader
            .state
            .with(|state| {
                loader.live.try_update_value(|live| {
                    // Never a reduced feed in another view than its own:
                    // the effect above is loading the one for this view.
                    let state = if live.reduced_for_another(settings.view) { &FeedState::Loading } else { state };
                    live.settings = Some(settings);
                    live.chart.as_mut().and_then(|chart| chart.show(state, &settings))
                })
            })
            .flatten();
        if let (Some(drawn), Some(on_rendered)) = (drawn, on_rendered) {
            on_rendered.run(drawn.into());
        }
    });

    on_cleanup(move || {
        loader.live.try_update_value(|live| {
            drop(std::mem::take(live));
            live.closed = true;
        });
    });

    view! { <div class="opeka-chart" node_ref=holder></div> }
}

/// The medium and height full screen asks for: `slide` at the screen's
/// height while it lasts, the component's own when it ends.
#[derive(Clone, Copy)]
struct FullScreen {
    medium: RwSignal<Medium>,
    height: RwSignal<Option<f64>>,
}

impl FullScreen {
    /// Follows full screen as `<opeka-chart>` does: `opeka-extras.js` sets the
    /// host's (here the holder's) `medium` and `height` attributes, and `f`
    /// on a focused chart presses its full-screen button.
    fn follow(self, holder: &HtmlDivElement, root: &web_sys::ShadowRoot) -> Result<FullScreenHooks, JsValue> {
        let watched = holder.clone();
        let attributes = Closure::<dyn FnMut(js_sys::Array)>::new(move |_records: js_sys::Array| {
            let medium = watched.get_attribute("medium").and_then(|name| Medium::parse(&name)).unwrap_or(Medium::Screen);
            let height = watched.get_attribute("height").and_then(|px| px.trim().parse::<u32>().ok()).filter(|px| *px > 0).map(f64::from);
            self.medium.try_set(medium);
            self.height.try_set(height);
        });
        let observer = MutationObserver::new(attributes.as_ref().unchecked_ref())?;
        let init = MutationObserverInit::new();
        init.set_attribute_filter(&js_sys::Array::of2(&"medium".into(), &"height".into()));
        observer.observe_with_options(holder, &init)?;
        let root = root.clone();
        let keys = Closure::<dyn FnMut(KeyboardEvent)>::new(move |event: KeyboardEvent| {
            if event.key() != "f" || event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            // No button with controls=None, or none shown: `f` is the page's.
            let button = root.query_selector("[name=full]").ok().flatten().and_then(|b| b.dyn_into::<HtmlElement>().ok());
            if let Some(button) = button.filter(|b| b.offset_parent().is_some()) {
                event.stop_propagation();
                button.click();
            }
        });
        holder.add_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref())?;
        Ok((observer, attributes, holder.clone(), keys))
    }
}

/// The language of the nearest `lang` attribute around `holder`, if Opeka speaks it.
fn page_lang(holder: Option<HtmlDivElement>) -> Option<Lang> {
    holder?.parent_element()?.closest("[lang]").ok().flatten()?.get_attribute("lang").and_then(|code| Lang::parse(&code))
}

/// Loads and validates the feed into `state`; `Copy`, so every callback
/// (retry button, refresh timer, effects) holds its own.
#[derive(Clone, Copy)]
struct Loader {
    src: MaybeProp<String>,
    feed: MaybeProp<String>,
    view: MaybeProp<View>,
    state: RwSignal<FeedState>,
    feed_locale: RwSignal<Option<Lang>>,
    live: StoredValue<Live, LocalStorage>,
    on_error: Option<Callback<ErrorReport>>,
}

impl Loader {
    /// Puts the widget core's box in a shadow root of `holder` and starts
    /// following the holder's width, the colour scheme and the contrast
    /// preference (`schemes`: dark, contrast).
    fn mount(self, holder: &HtmlDivElement, width: RwSignal<f64>, schemes: [RwSignal<bool>; 2], full: FullScreen) -> Result<(), JsValue> {
        let root = match holder.shadow_root() {
            Some(root) => root,
            None => holder.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        style::adopt_stylesheet(&root)?;
        let document = holder.owner_document().ok_or_else(|| JsValue::from_str("element has no document"))?;
        let mut chart = ChartBox::new(&document)?;
        root.replace_children_with_node_1(chart.element());
        chart.on_retry(move || {
            // A failed request is never kept, so this fetches again.
            self.load(true, Reuse::Any);
        });
        width.set(f64::from(holder.client_width()));

        let resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>().ok() else { return };
            let observed = entry.content_rect().width().floor();
            // Sub-pixel jitter must not redraw.
            if observed >= 1.0 && width.try_get_untracked().is_some_and(|w| (w - observed).abs() >= 1.0) {
                width.set(observed);
            }
        });
        let observer = ResizeObserver::new(resize.as_ref().unchecked_ref())?;
        observer.observe(holder);

        let mut listeners = Vec::new();
        for (media, flag) in [opeka_widgets::DARK_QUERY, opeka_widgets::CONTRAST_QUERY].into_iter().zip(schemes) {
            let Some(query) = web_sys::window().and_then(|w| w.match_media(media).ok().flatten()) else { continue };
            flag.set(query.matches());
            let watched = query.clone();
            let changed = Closure::<dyn FnMut(web_sys::Event)>::new(move |_event| {
                flag.try_set(watched.matches());
            });
            query.add_event_listener_with_callback("change", changed.as_ref().unchecked_ref())?;
            listeners.push((query, changed));
        }

        let full_screen = full.follow(holder, &root)?;

        self.live.update_value(|live| {
            live.chart = Some(chart);
            live.full_screen = Some(full_screen);
            live.resize = Some((observer, resize));
            live.schemes = listeners;
        });
        Ok(())
    }

    /// Loads the feed: `feed` text, else `src`. `show_loading` puts up the
    /// skeleton; a refresh keeps the chart on show meanwhile.
    fn load(self, show_loading: bool, reuse: Reuse) {
        let generation = self
            .live
            .try_update_value(|live| {
                if live.closed {
                    return None;
                }
                live.generation += 1;
                if let Some(previous) = live.abort.take() {
                    previous.abort();
                }
                Some(live.generation)
            })
            .flatten();
        let Some(generation) = generation else { return };
        if let Some(text) = self.feed.get_untracked() {
            if !show_loading {
                // A refresh has nothing new to read in text the app holds.
                return;
            }
            if text.trim().is_empty() {
                // The app has not got its feed yet.
                self.state.set(FeedState::Loading);
            } else if text.len() >= HELD_FROM_BYTES {
                self.state.set(FeedState::Loading);
                self.accept_big(js_sys::Uint8Array::from(text.as_bytes()), generation);
            } else {
                self.accept(text.as_bytes(), generation);
            }
            return;
        }
        let Some(src) = self.src.get_untracked().filter(|src| !src.trim().is_empty()) else {
            self.fail(Failure::NoFeed);
            return;
        };
        if show_loading {
            self.state.set(FeedState::Loading);
        }
        let Ok(controller) = AbortController::new() else { return };
        let signal = controller.signal();
        self.live.update_value(|live| live.abort = Some(controller));
        // A refresh asks only for what changed since the body on show.
        let since = if show_loading { None } else { self.live.try_with_value(|live| live.shown.clone()).flatten() };
        let limit = Options::default().max_bytes;
        spawn_local(async move {
            let result = fetch::fetch_feed(&src, &signal, reuse, since.as_deref(), SHARE_MS, limit).await;
            let current = self.live.try_update_value(|live| {
                let current = !live.closed && live.generation == generation;
                if current {
                    live.abort = None;
                }
                current
            });
            if current != Some(true) {
                return;
            }
            match result {
                Ok(Answer::Body(body)) => {
                    self.confirm(Some(body.clone()));
                    match body.held() {
                        // 500 KB or more: to the worker, from where the loader holds it.
                        Some(held) => self.accept_big(held.clone(), generation),
                        None => self.accept(&body.bytes(), generation),
                    }
                }
                // Nothing new: the chart on show stays, and is fresh again.
                Ok(Answer::NotModified) => self.confirm(None),
                // A failed refresh keeps the chart on show, marked stale, as <opeka-chart> does.
                Err(failure) if !show_loading && matches!(self.state.get_untracked(), FeedState::Ready(_)) => {
                    self.live.update_value(|live| {
                        let since = live.confirmed;
                        if let Some(chart) = live.chart.as_mut() {
                            chart.set_stale(since);
                        }
                    });
                    self.report(&failure);
                }
                Err(failure) => self.fail(Failure::clone(&failure)),
            }
        });
        self.warm_up(generation);
    }

    /// Records a good answer: the body on show (when new) and the time,
    /// and takes the stale marker down.
    fn confirm(self, body: Option<std::rc::Rc<fetch::Body>>) {
        self.live.update_value(|live| {
            if body.is_some() {
                live.shown = body;
            }
            live.confirmed = opeka_widgets::local_now();
            if let Some(chart) = live.chart.as_mut() {
                chart.set_stale(None);
            }
        });
    }

    /// Validates `bytes` in this task and shows the feed in the next, for
    /// load `generation`: the app handles its input between the two, as
    /// `<opeka-chart>`'s page does. In one task, a register of 100
    /// projects (90 KB) took over 50 ms on a first load (docs/performance.md,
    /// stop 57).
    fn accept(self, bytes: &[u8], generation: u64) {
        match validate(bytes, &Options::default()) {
            Ok(checked) => {
                for warning in &checked.warnings {
                    web_sys::console::warn_1(&format!("opeka-leptos: {}", warning.to_string_in(Lang::En)).into());
                }
                spawn_local(self.show_in_next_task(checked, None, generation));
            }
            Err(rejected) => self.fail(Failure::Invalid { problems: rejected.problems, omitted: rejected.omitted }),
        }
    }

    /// Shows `checked` (as [`Loader::show`]) in the next task, if load
    /// `generation` is still the chart's then: the task that validated it
    /// does not also draw it.
    async fn show_in_next_task(self, checked: Checked, reduced_for: Option<Option<View>>, generation: u64) {
        gloo_timers::future::TimeoutFuture::new(0).await;
        if self.still_loading(generation) {
            self.show(checked, reduced_for);
        }
    }

    /// Shows a valid feed: the whole one, or one the worker reduced for
    /// `reduced_for`'s view.
    fn show(self, checked: Checked, reduced_for: Option<Option<View>>) {
        self.live.try_update_value(|live| live.reduced_for = reduced_for);
        self.feed_locale.try_set(Some(checked.feed.locale));
        self.state.try_set(FeedState::Ready(Arc::new(checked.feed)));
    }

    /// Hands a big feed (500 KB or more) to Opeka's worker for the current
    /// view, as `<opeka-chart>` does (`opeka_widgets::worker`), so that the
    /// app's main thread is never blocked reading it: the answer is what
    /// the view draws, packed, and only that is validated here; or the
    /// feed's problems. Where no worker could do it, the bytes are
    /// validated here. An answer to an older load is dropped.
    fn accept_big(self, bytes: js_sys::Uint8Array, generation: u64) {
        let view = self.view.get_untracked();
        // A feed the app gave as text has had no download to warm up in.
        self.warm_up(generation);
        spawn_local(async move {
            let answer = worker::in_worker(&bytes, view).await;
            // In tasks of its own: the charts of one feed share one answer,
            // and in the microtasks of the task that brought it they were
            // validated and drawn together (where no worker could, each
            // reading a 15 MB body: one task of 300 ms). Now each is
            // validated in a task, then drawn in the next (docs/performance.md, stop 39).
            gloo_timers::future::TimeoutFuture::new(0).await;
            if !self.still_loading(generation) {
                return;
            }
            match answer {
                Some(Reduced::Valid(Some(packed), warnings, next)) => {
                    // A big outcomes feed's reduction (a long roll's) comes a slice at a
                    // time (`packed::SLICE_END`): each answered in a task of
                    // its own when asked (`next`), validated, and joined to those before.
                    let (mut packed, mut next, mut checked) = (packed, next, None::<Checked>);
                    loop {
                        let slice_bytes = packed.to_vec();
                        let slice = unpack(&slice_bytes)
                            .and_then(|(doc, records)| validate(doc, &Options::default()).ok()?.with_packed_records(records));
                        checked = match (checked, slice) {
                            (None, slice) => slice,
                            (Some(so_far), Some(slice)) => so_far.joined(slice),
                            (Some(_), None) => None,
                        };
                        let Some(more) = next.take().filter(|_| checked.is_some()) else { break };
                        let Ok(asked) = more.call1(&JsValue::NULL, &JsValue::NULL) else {
                            checked = None;
                            break;
                        };
                        let answer = worker::read_answer(asked).await;
                        if !self.still_loading(generation) {
                            return;
                        }
                        let Some(Reduced::Valid(Some(slice), _, then)) = answer else {
                            checked = None;
                            break;
                        };
                        (packed, next) = (slice, then);
                    }
                    let Some(checked) = checked else {
                        // The worker never makes one that does not read; if it did, the body is read here.
                        self.accept(&bytes.to_vec(), generation);
                        return;
                    };
                    for line in warnings {
                        web_sys::console::warn_1(&format!("opeka-leptos: {line}").into());
                    }
                    self.show_in_next_task(checked, Some(view), generation).await;
                }
                Some(Reduced::Invalid(failure)) => self.fail(failure),
                // Not reduced (a feed the view draws whole), or no worker: read here.
                Some(Reduced::Valid(None, ..)) | None => self.accept(&bytes.to_vec(), generation),
            }
        });
    }

    /// While its feed downloads (or the worker reads a big one), the app's
    /// first chart to wait validates, lays out and draws [`WARM_UP_FEED`]
    /// unseen, a step a task, as `<opeka-chart>` does: the code those steps
    /// compile on first call is then compiled before the feed comes, and
    /// the tasks that validate and draw it are shorter (docs/performance.md,
    /// stop 40).
    fn warm_up(self, generation: u64) {
        if WARMED_UP.swap(true, Ordering::Relaxed) {
            return;
        }
        spawn_local(async move {
            let mut feed = None;
            for step in 0..3 {
                gloo_timers::future::TimeoutFuture::new(0).await;
                let waiting = self.still_loading(generation)
                    && self.state.try_with_untracked(|state| matches!(state, FeedState::Loading)) == Some(true);
                if !waiting {
                    return;
                }
                if step == 0 {
                    feed = validate(WARM_UP_FEED.as_bytes(), &Options::default()).ok().map(|checked| Arc::new(checked.feed));
                    continue;
                }
                let Some(feed) = &feed else { return };
                self.live.try_update_value(|live| {
                    let (Some(chart), Some(settings)) = (live.chart.as_mut(), live.settings) else { return };
                    if step == 1 {
                        drop(chart.lay_out(feed, &settings));
                    } else {
                        // Drawn and taken down in one task: never painted.
                        chart.show(&FeedState::Ready(Arc::clone(feed)), &settings);
                        chart.show(&FeedState::Loading, &settings);
                    }
                });
            }
        });
    }

    /// Whether load `generation` is still the chart's, and the chart there.
    fn still_loading(self, generation: u64) -> bool {
        self.live.try_with_value(|live| !live.closed && live.generation == generation) == Some(true)
    }

    fn fail(self, failure: Failure) {
        self.live.try_update_value(|live| live.reduced_for = None);
        self.report(&failure);
        self.state.try_set(FeedState::Failed(Arc::new(failure)));
    }

    /// Logs `failure` for the page author and tells the app.
    fn report(self, failure: &Failure) {
        let report = ErrorReport::of(failure);
        let mut lines = report.message.clone();
        for problem in &report.problems {
            lines.push_str(&format!("\n{}: {}", problem.path, problem.message));
        }
        web_sys::console::error_1(&format!("opeka-leptos: {lines}").into());
        if let Some(on_error) = self.on_error {
            on_error.run(report);
        }
    }
}
