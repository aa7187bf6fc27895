//! What one mounted chart holds in the browser, released in one place.

use gloo_timers::callback::Interval;
use opeka_widgets::{ChartBox, Settings};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, HtmlDivElement, KeyboardEvent, MediaQueryList, MutationObserver, ResizeObserver};

/// The container's width observer and its callback.
type WidthObserver = (ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);
/// A `prefers-color-scheme` or contrast query and its change listener.
type SchemeListener = (MediaQueryList, Closure<dyn FnMut(web_sys::Event)>);
/// Full screen's hooks on the holder: the observer of its `medium` and
/// `height` attributes, and the `f` key's listener.
pub(crate) type FullScreenHooks = (MutationObserver, Closure<dyn FnMut(js_sys::Array)>, HtmlDivElement, Closure<dyn FnMut(KeyboardEvent)>);

/// A mounted chart's box, observers, listener, timer and request.
///
/// Dropping it (when the component is cleaned up) removes the box from the
/// page, disconnects the observer, removes the listener, clears the timer
/// and aborts the request: a removed chart leaves nothing running.
#[derive(Default)]
pub(crate) struct Live {
    /// The widget core's box, once the component's element is in the page.
    pub chart: Option<ChartBox>,
    /// What the box last showed its state with: a warm-up draws with them.
    pub settings: Option<Settings>,
    /// Follows the container's width.
    pub resize: Option<WidthObserver>,
    /// Follows `prefers-color-scheme` and the contrast preference for the automatic theme.
    pub schemes: Vec<SchemeListener>,
    /// Follows full screen (`opeka-extras.js`) and presses its button on `f`.
    pub full_screen: Option<FullScreenHooks>,
    /// The `refresh` timer (gloo's `Interval` clears itself when dropped).
    pub refresh: Option<Interval>,
    /// The request in flight, if any.
    pub abort: Option<AbortController>,
    /// Counts loads, so that a late answer to an older request is dropped.
    pub generation: u64,
    /// Set when the component is cleaned up: nothing may start any more.
    pub closed: bool,
    /// The body on show, whose validators make a refresh conditional.
    pub shown: Option<std::rc::Rc<opeka_widgets::fetch::Body>>,
    /// When the feed on show was last fetched or confirmed (local time),
    /// for the stale marker.
    pub confirmed: Option<opeka_feed::DayTime>,
    /// The view the feed on show was reduced for by the worker (`None`:
    /// the whole feed is on show). Such a feed holds only what that view
    /// draws: another view reads the body again.
    pub reduced_for: Option<Option<opeka_feed::View>>,
}

impl Live {
    /// Whether the feed on show was reduced by the worker for another view
    /// than `view`, and so cannot draw it.
    pub fn reduced_for_another(&self, view: Option<opeka_feed::View>) -> bool {
        self.reduced_for.is_some_and(|reduced| reduced != view)
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        if let Some(controller) = self.abort.take() {
            controller.abort();
        }
        self.refresh = None;
        if let Some((observer, _callback)) = self.resize.take() {
            observer.disconnect();
        }
        if let Some((observer, _attributes, holder, keys)) = self.full_screen.take() {
            observer.disconnect();
            let _ = holder.remove_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref());
        }
        for (query, callback) in std::mem::take(&mut self.schemes) {
            let _ = query.remove_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
        }
        // The chart box removes itself from the shadow root as it drops.
        self.chart = None;
    }
}
