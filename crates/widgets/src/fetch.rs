//! Fetching a feed's bytes, shared by every widget on the page.
//!
//! Twenty widgets reading the same URL make one request: the first one
//! starts it, the others wait on the same entry, and a widget added later
//! gets the bytes already fetched. An entry is dropped when its fetch fails
//! (so a retry fetches again) and replaced when a widget asks for fresher
//! bytes than the entry holds (`refresh`, `reload()`). A widget that goes
//! away stops waiting; when the last waiter of a request still in flight
//! goes, the request is aborted.
//!
//! Every face of the widget (the `<opeka-chart>` element, the Leptos
//! component) fetches through here, so they share one cache per page.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use js_sys::Uint8Array;
use opeka_feed::collections::SortedMap;
use crate::state::Failure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestInit, Response};

/// How old shared bytes may be for a load to reuse them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reuse {
    /// Any entry, however old (a widget's first load, a changed `src`).
    Any,
    /// Only an entry started less than this many milliseconds ago (a
    /// `refresh` tick: widgets refreshing together share one request).
    YoungerThan(f64),
    /// Never: always a new request (`reload()`).
    Never,
}

type Bytes = Rc<[u8]>;

/// One request and everything waiting on it.
struct Entry {
    result: RefCell<Option<Result<Bytes, Failure>>>,
    wakers: RefCell<Vec<Waker>>,
    waiters: Cell<usize>,
    controller: Option<AbortController>,
    started: f64,
}

thread_local! {
    /// The page's shared requests, by absolute URL. A page reads a few
    /// URLs: a sorted vector does, without bringing hashing into the bundle.
    static ENTRIES: RefCell<SortedMap<String, Rc<Entry>>> = RefCell::default();
}

/// Fetches `url` (resolved against the page) and returns its body, sharing
/// the request with the other widgets of the page as `reuse` allows.
/// Aborting `signal` stops this widget's wait (not the others').
pub async fn fetch_feed(url: &str, signal: &AbortSignal, reuse: Reuse) -> Result<Bytes, Failure> {
    let key = absolute(url);
    let now = js_sys::Date::now();
    let existing = ENTRIES.with(|entries| entries.borrow().get(&key).cloned()).filter(|entry| match reuse {
        Reuse::Any => true,
        Reuse::YoungerThan(ms) => now - entry.started < ms,
        Reuse::Never => false,
    });
    let entry = existing.unwrap_or_else(|| start(&key, url));
    Wait::new(entry, key, signal.clone()).await
}

/// Starts a request for `url` and records it under `key`, replacing any older entry.
fn start(key: &str, url: &str) -> Rc<Entry> {
    let controller = AbortController::new().ok();
    let entry = Rc::new(Entry {
        result: RefCell::new(None),
        wakers: RefCell::new(Vec::new()),
        waiters: Cell::new(0),
        controller,
        started: js_sys::Date::now(),
    });
    ENTRIES.with(|entries| entries.borrow_mut().insert(key.to_owned(), Rc::clone(&entry)));
    let (key, url, driven) = (key.to_owned(), url.to_owned(), Rc::clone(&entry));
    wasm_bindgen_futures::spawn_local(async move {
        let signal = driven.controller.as_ref().map(AbortController::signal);
        let result = request(&url, signal.as_ref()).await;
        if result.is_err() {
            // A failed entry is forgotten, so the next load tries again.
            forget(&key, &driven);
        }
        driven.result.replace(Some(result));
        for waker in driven.wakers.take() {
            waker.wake();
        }
    });
    entry
}

/// Removes `entry` from the page's requests, unless it was replaced meanwhile.
fn forget(key: &str, entry: &Rc<Entry>) {
    ENTRIES.with(|entries| {
        let mut entries = entries.borrow_mut();
        if entries.get(key).is_some_and(|current| Rc::ptr_eq(current, entry)) {
            entries.remove(key);
        }
    });
}

/// One widget waiting on an entry; resolves early when its signal aborts.
struct Wait {
    entry: Rc<Entry>,
    key: String,
    signal: AbortSignal,
    /// Wakes the task when the widget's signal aborts.
    on_abort: Option<(Rc<RefCell<Option<Waker>>>, Closure<dyn FnMut()>)>,
}

impl Wait {
    fn new(entry: Rc<Entry>, key: String, signal: AbortSignal) -> Wait {
        entry.waiters.set(entry.waiters.get() + 1);
        Wait { entry, key, signal, on_abort: None }
    }
}

impl Future for Wait {
    type Output = Result<Bytes, Failure>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Some(result) = self.entry.result.borrow().as_ref() {
            return Poll::Ready(result.clone());
        }
        if self.signal.aborted() {
            return Poll::Ready(Err(Failure::Network { url: self.key.clone(), status: None, detail: "aborted".into() }));
        }
        self.entry.wakers.borrow_mut().push(cx.waker().clone());
        match &self.on_abort {
            Some((slot, _)) => {
                slot.replace(Some(cx.waker().clone()));
            }
            None => {
                let slot = Rc::new(RefCell::new(Some(cx.waker().clone())));
                let woken = Rc::clone(&slot);
                let callback = Closure::<dyn FnMut()>::new(move || {
                    if let Some(waker) = woken.borrow_mut().take() {
                        waker.wake();
                    }
                });
                let _ = self.signal.add_event_listener_with_callback("abort", callback.as_ref().unchecked_ref());
                self.on_abort = Some((slot, callback));
            }
        }
        Poll::Pending
    }
}

impl Drop for Wait {
    fn drop(&mut self) {
        if let Some((_, callback)) = self.on_abort.take() {
            let _ = self.signal.remove_event_listener_with_callback("abort", callback.as_ref().unchecked_ref());
        }
        let left = self.entry.waiters.get().saturating_sub(1);
        self.entry.waiters.set(left);
        if left == 0 && self.entry.result.borrow().is_none() {
            // Nobody wants this request any more: stop it.
            forget(&self.key, &self.entry);
            if let Some(controller) = &self.entry.controller {
                controller.abort();
            }
        }
    }
}

/// The request itself.
async fn request(url: &str, signal: Option<&AbortSignal>) -> Result<Bytes, Failure> {
    let network = |status: Option<u16>, detail: String| Failure::Network { url: url.to_owned(), status, detail };
    let window = web_sys::window().ok_or_else(|| network(None, "no window".into()))?;
    let init = RequestInit::new();
    init.set_signal(signal);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|error| network(None, describe(&error)))?;
    let response: Response = response.dyn_into().map_err(|_| network(None, "not a response".into()))?;
    if !response.ok() {
        return Err(network(Some(response.status()), response.status_text()));
    }
    let body = response.array_buffer().map_err(|error| network(None, describe(&error)))?;
    let body = JsFuture::from(body).await.map_err(|error| network(None, describe(&error)))?;
    Ok(Uint8Array::new(&body).to_vec().into())
}

/// `url` resolved against the document, so `/feeds/a.json` and
/// `../feeds/a.json` share one entry.
fn absolute(url: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(url, &base).ok())
        .map_or_else(|| url.to_owned(), |u| u.href())
}

/// A browser error as a line of text.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "network error".to_owned())
}
