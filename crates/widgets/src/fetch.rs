//! Fetching a feed's bytes, shared by every widget on the page.
//!
//! Twenty widgets reading the same URL make one request: the first one
//! starts it, the others wait on the same entry, and a widget added soon
//! after gets the bytes already fetched. An entry is kept while its request
//! is in flight and, after a success, for its time to live (the refresh
//! interval, else a minute): a widget added an hour later fetches anew. A
//! failed entry is dropped at once (so a retry fetches again). A widget that
//! goes away stops waiting; when the last waiter of a request still in
//! flight goes, the request is aborted.
//!
//! Bodies are bounded: a `Content-Length` over the limit is refused before
//! the body is read, and a body without one is read as a stream, held on
//! the JavaScript side, and cut at the limit, so an oversized answer never
//! reaches wasm memory. A body of [`HELD_FROM_BYTES`] or more stays in
//! JavaScript until a widget asks for its bytes: `<opeka-chart>` hands it
//! from there to its worker, so that it never enters the page's wasm
//! memory at all. The request itself is a few lines of JavaScript
//! (`crates/widgets/js/loader.js`): in JavaScript they take a fraction of
//! the bytes the same code takes in wasm with its web-sys bindings.
//! `opeka.js` carries them and hands them over with [`use_loader`]; the
//! Leptos component imports the same file through this crate's `loader`
//! feature.
//!
//! Every face of the widget (the `<opeka-chart>` element, the Leptos
//! component) fetches through here, so they share one cache per page.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use crate::state::Failure;
use js_sys::{Array, Function, Promise, Uint8Array};
use opeka_feed::collections::SortedMap;
use opeka_feed::validate::{Omitted, Problem, ProblemMessage, Severity};
use opeka_feed::ValidFeed;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

/// How old shared bytes may be for a load to reuse them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reuse {
    /// An entry in flight or still within its time to live (a widget's
    /// first load, a changed `src`).
    Any,
    /// Only an entry started less than this many milliseconds ago (a
    /// `refresh` tick: widgets refreshing together share one request).
    YoungerThan(f64),
    /// Never: always a new request (`reload()`).
    Never,
}

/// Bodies from this size on (500 KB) stay where the loader read them, in
/// JavaScript, until something asks for their bytes: the widget hands such
/// a body to its worker from there (`crates/embed/src/worker.rs`), so the
/// page's wasm memory never holds it, nor copies it in and out again.
pub const HELD_FROM_BYTES: usize = 500_000;

/// A feed body and the validators its server gave for it.
#[derive(Debug)]
pub struct Body {
    /// The bytes in this module's memory (none for a big body).
    bytes: Rc<[u8]>,
    /// A big body (from [`HELD_FROM_BYTES`] on) as the loader read it.
    held: Option<Uint8Array>,
    /// The `ETag` header, if any.
    pub etag: Option<String>,
    /// The `Last-Modified` header, if any.
    pub last_modified: Option<String>,
    /// The feed validated from these bytes, kept by the first widget that
    /// found it without warnings, for the other widgets given this body.
    pub valid: RefCell<Option<Arc<ValidFeed>>>,
}

impl Body {
    /// A body whose bytes are in this module's memory.
    pub fn new(bytes: Rc<[u8]>, etag: Option<String>, last_modified: Option<String>) -> Body {
        Body { bytes, held: None, etag, last_modified, valid: RefCell::default() }
    }

    /// The bytes; a big body's are copied into this module's memory on each
    /// call (the widget asks once, when it validates the body itself).
    pub fn bytes(&self) -> Rc<[u8]> {
        self.held.as_ref().map_or_else(|| Rc::clone(&self.bytes), |held| held.to_vec().into())
    }

    /// A big body as JavaScript holds it, to hand over without copying it in.
    pub fn held(&self) -> Option<&Uint8Array> {
        self.held.as_ref()
    }

    /// Whether `other` has the same bytes. Big bodies are not compared
    /// (that would copy them in): a new one is taken as changed.
    pub fn same(&self, other: &Body) -> bool {
        self.held.is_none() && other.held.is_none() && self.bytes == other.bytes
    }

    /// Whether a conditional request can be made for this body.
    fn has_validators(&self) -> bool {
        self.etag.is_some() || self.last_modified.is_some()
    }
}

/// What a fetch came back with.
#[derive(Clone, Debug)]
pub enum Answer {
    /// A new body.
    Body(Rc<Body>),
    /// `304 Not Modified`: the body the request was conditional on still holds.
    NotModified,
}

/// One request and everything waiting on it.
struct Entry {
    /// The answer, shared by every waiter (a failure is never deep-copied).
    result: RefCell<Option<Result<Answer, Arc<Failure>>>>,
    wakers: RefCell<Vec<Waker>>,
    waiters: Cell<usize>,
    controller: Option<AbortController>,
    started: f64,
    /// When the answer came (0 while in flight).
    finished: Cell<f64>,
    /// How long a successful answer may be reused, in milliseconds.
    ttl: f64,
}

thread_local! {
    /// The page's shared requests, by absolute URL (and the validators of
    /// a conditional request). A page reads a few URLs: a sorted vector
    /// does, without bringing hashing into the bundle.
    static ENTRIES: RefCell<SortedMap<String, Rc<Entry>>> = RefCell::default();
    /// `opeka.js`'s bounded loader, once it is given.
    static LOADER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Gives the module its loader; `opeka.js` calls it once with `load` from
/// `crates/widgets/js/loader.js`:
/// `load([url, etag, lastModified, limit], signal)` fetches `url` (with
/// `If-None-Match` / `If-Modified-Since` when given) and resolves to
/// `[status, statusText, body, etag, lastModified]`. `body` is the bytes
/// (a `Uint8Array`) of a successful answer; or, for a body over `limit`
/// bytes, the size seen (from `Content-Length` before reading, else the
/// bytes read when the stream passed the limit; the rest is cancelled);
/// or `null` for an HTML page or an unsuccessful status.
pub fn use_loader(load: Function) {
    LOADER.with(|loader| loader.replace(Some(load)));
}

/// The bytes of `url` with the defaults of a page that does not refresh:
/// shared as `reuse` allows, kept a minute, at most the validator's size
/// limit. For readers of a feed that are not charts (the gallery's editor).
pub async fn fetch_bytes(url: &str, signal: &AbortSignal, reuse: Reuse) -> Result<Rc<[u8]>, Failure> {
    let limit = opeka_feed::validate::Options::default().max_bytes;
    match fetch_feed(url, signal, reuse, None, 60_000.0, limit).await {
        Ok(Answer::Body(body)) => Ok(body.bytes()),
        // Not asked for: a request without validators is never answered 304.
        Ok(Answer::NotModified) => Err(Failure::Network { url: url.to_owned(), status: Some(304), detail: "Not Modified".to_owned() }),
        Err(failure) => Err(Failure::clone(&failure)),
    }
}

/// Fetches `url` (resolved against the page) and returns its body, sharing
/// the request with the other widgets of the page as `reuse` allows and
/// keeping a success for `ttl` milliseconds. With `since`, the request is
/// conditional on that body's validators (`If-None-Match`,
/// `If-Modified-Since`). Bodies over `limit` bytes are refused. Aborting
/// `signal` stops this widget's wait (not the others').
pub async fn fetch_feed(
    url: &str,
    signal: &AbortSignal,
    reuse: Reuse,
    since: Option<&Body>,
    ttl: f64,
    limit: usize,
) -> Result<Answer, Arc<Failure>> {
    let mut key = absolute(url);
    let since = since.filter(|body| body.has_validators());
    if let Some(body) = since {
        // Widgets share a conditional request only when it is conditional
        // on the same body, so a 304 means the same to each of them.
        for part in [&body.etag, &body.last_modified] {
            key.push('\n');
            key.push_str(part.as_deref().unwrap_or_default());
        }
    }
    let now = js_sys::Date::now();
    let existing = ENTRIES.with(|entries| {
        let mut entries = entries.borrow_mut();
        // Expired successes go, so the map holds only what may be reused.
        entries.retain(|_, entry| entry.finished.get() == 0.0 || now - entry.finished.get() < entry.ttl);
        entries.get(&key).cloned()
    });
    let existing = existing.filter(|entry| match reuse {
        Reuse::Any => true,
        Reuse::YoungerThan(ms) => now - entry.started < ms,
        Reuse::Never => false,
    });
    let validators = since.map(|body| (body.etag.clone(), body.last_modified.clone()));
    let entry = existing.unwrap_or_else(|| start(&key, url, validators, ttl, limit));
    Wait::new(entry, key, url.to_owned(), signal.clone()).await
}

/// Starts a request for `url` and records it under `key`, replacing any older entry.
fn start(key: &str, url: &str, validators: Option<(Option<String>, Option<String>)>, ttl: f64, limit: usize) -> Rc<Entry> {
    let controller = AbortController::new().ok();
    let entry = Rc::new(Entry {
        result: RefCell::new(None),
        wakers: RefCell::new(Vec::new()),
        waiters: Cell::new(0),
        controller,
        started: js_sys::Date::now(),
        finished: Cell::new(0.0),
        ttl,
    });
    ENTRIES.with(|entries| entries.borrow_mut().insert(key.to_owned(), Rc::clone(&entry)));
    let (key, url, driven) = (key.to_owned(), url.to_owned(), Rc::clone(&entry));
    wasm_bindgen_futures::spawn_local(async move {
        let signal = driven.controller.as_ref().map(AbortController::signal);
        let result = request(&url, signal.as_ref(), validators, limit).await.map_err(Arc::new);
        if result.is_err() {
            // A failed entry is forgotten, so the next load tries again.
            forget(&key, &driven);
        }
        driven.finished.set(js_sys::Date::now().max(1.0));
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
    url: String,
    signal: AbortSignal,
    /// Wakes the task when the widget's signal aborts.
    on_abort: Option<AbortWake>,
}

/// The waker an abort wakes, and the abort listener that keeps it.
type AbortWake = (Rc<RefCell<Option<Waker>>>, Closure<dyn FnMut()>);

impl Wait {
    fn new(entry: Rc<Entry>, key: String, url: String, signal: AbortSignal) -> Wait {
        entry.waiters.set(entry.waiters.get() + 1);
        Wait { entry, key, url, signal, on_abort: None }
    }
}

impl Future for Wait {
    type Output = Result<Answer, Arc<Failure>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Some(result) = self.entry.result.borrow().as_ref() {
            return Poll::Ready(result.clone());
        }
        if self.signal.aborted() {
            let aborted = Failure::Network { url: self.url.clone(), status: None, detail: "aborted".into() };
            return Poll::Ready(Err(Arc::new(aborted)));
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

/// The feed is over the limit: refused as the validator refuses it.
fn too_large(size: usize, limit: usize) -> Failure {
    invalid(ProblemMessage::TooLarge { size, limit })
}

/// A failure of the feed's content, at its root.
fn invalid(message: ProblemMessage) -> Failure {
    let problem = Problem { path: "(root)".into(), message, severity: Severity::Error };
    Failure::Invalid { problems: vec![problem], omitted: Omitted::default() }
}

/// The request itself, made by `opeka.js`'s loader.
async fn request(
    url: &str,
    signal: Option<&AbortSignal>,
    validators: Option<(Option<String>, Option<String>)>,
    limit: usize,
) -> Result<Answer, Failure> {
    let network = |status: Option<u16>, detail: String| Failure::Network { url: url.to_owned(), status, detail };
    let (etag, last_modified) = validators.unwrap_or_default();
    let args = Array::of4(&url.into(), &etag.into(), &last_modified.into(), &(limit as f64).into());
    let signal = signal.map_or(JsValue::UNDEFINED, |s| s.into());
    let answer = match LOADER.with(|loader| loader.borrow().clone()) {
        Some(load) => load.call2(&JsValue::NULL, &args, &signal).map_err(|error| network(None, describe(&error)))?,
        None => bundled_load(&args, &signal).map_err(|detail| network(None, detail))?,
    };
    let answer: Array = JsFuture::from(Promise::from(answer)).await.map_err(|error| network(None, describe(&error)))?.into();
    let status = answer.get(0).as_f64().unwrap_or_default() as u16;
    if status == 304 {
        return Ok(Answer::NotModified);
    }
    if !(200..300).contains(&status) {
        return Err(network(Some(status), answer.get(1).as_string().unwrap_or_default()));
    }
    let body = answer.get(2);
    if body.is_null() {
        // A captive portal or a server's error page, not read.
        return Err(invalid(ProblemMessage::HtmlPage));
    }
    if let Some(size) = body.as_f64() {
        return Err(too_large(size as usize, limit));
    }
    // The loader's own array ([`use_loader`]): held as it is, since
    // `Uint8Array::new` of it would copy the whole body.
    let held: Uint8Array = body.unchecked_into();
    let small = (held.length() as usize) < HELD_FROM_BYTES;
    let mut body = Body {
        bytes: Rc::from([]),
        held: Some(held),
        etag: answer.get(3).as_string(),
        last_modified: answer.get(4).as_string(),
        valid: RefCell::default(),
    };
    // A small body comes into this module's memory through `bytes()`, the
    // one copying path (written out here it cost the download 73 bytes).
    if small {
        body.bytes = body.bytes();
        body.held = None;
    }
    Ok(Answer::Body(Rc::new(body)))
}

/// The loader of `js/loader.js`, imported as a wasm-bindgen snippet, for
/// faces that have no `opeka.js` to give one (the Leptos component). A
/// body of 500 KB or more, announced, starts the worker ([`crate::worker`]).
#[cfg(feature = "loader")]
fn bundled_load(args: &Array, signal: &JsValue) -> Result<JsValue, String> {
    #[wasm_bindgen(module = "/js/loader.js")]
    extern "C" {
        #[wasm_bindgen(js_name = load)]
        fn load_snippet(args: &Array, signal: &JsValue, big: &JsValue) -> Promise;
    }
    Ok(load_snippet(args, signal, &crate::worker::announced()).into())
}

/// Without the `loader` feature the module waits for `opeka.js` to give one.
#[cfg(not(feature = "loader"))]
fn bundled_load(_args: &Array, _signal: &JsValue) -> Result<JsValue, String> {
    Err("no loader".to_owned())
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
