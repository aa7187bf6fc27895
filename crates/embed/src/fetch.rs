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
//! reaches wasm memory.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use js_sys::{Array, Reflect, Uint8Array};
use opeka_feed::collections::SortedMap;
use opeka_feed::validate::{Omitted, Problem, ProblemMessage, Severity};
use opeka_widgets::Failure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Headers, ReadableStreamDefaultReader, RequestInit, Response};

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

/// A feed body and the validators its server gave for it.
#[derive(Debug, PartialEq)]
pub struct Body {
    /// The bytes, at most the limit.
    pub bytes: Rc<[u8]>,
    /// The `ETag` header, if any.
    pub etag: Option<String>,
    /// The `Last-Modified` header, if any.
    pub last_modified: Option<String>,
}

impl Body {
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
    result: RefCell<Option<Result<Answer, Failure>>>,
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
) -> Result<Answer, Failure> {
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
        let expired: Vec<String> = entries
            .iter()
            .filter(|(_, entry)| entry.finished.get() > 0.0 && now - entry.finished.get() >= entry.ttl)
            .map(|(key, _)| key.clone())
            .collect();
        for key in expired {
            entries.remove(&key);
        }
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
        let result = request(&url, signal.as_ref(), validators, limit).await;
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
    on_abort: Option<(Rc<RefCell<Option<Waker>>>, Closure<dyn FnMut()>)>,
}

impl Wait {
    fn new(entry: Rc<Entry>, key: String, url: String, signal: AbortSignal) -> Wait {
        entry.waiters.set(entry.waiters.get() + 1);
        Wait { entry, key, url, signal, on_abort: None }
    }
}

impl Future for Wait {
    type Output = Result<Answer, Failure>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Some(result) = self.entry.result.borrow().as_ref() {
            return Poll::Ready(result.clone());
        }
        if self.signal.aborted() {
            return Poll::Ready(Err(Failure::Network { url: self.url.clone(), status: None, detail: "aborted".into() }));
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

/// The request itself.
async fn request(
    url: &str,
    signal: Option<&AbortSignal>,
    validators: Option<(Option<String>, Option<String>)>,
    limit: usize,
) -> Result<Answer, Failure> {
    let network = |status: Option<u16>, detail: String| Failure::Network { url: url.to_owned(), status, detail };
    let window = web_sys::window().ok_or_else(|| network(None, "no window".into()))?;
    let init = RequestInit::new();
    init.set_signal(signal);
    if let Some((etag, last_modified)) = validators {
        let headers = Headers::new().map_err(|error| network(None, describe(&error)))?;
        for (name, value) in [("If-None-Match", etag), ("If-Modified-Since", last_modified)] {
            if let Some(value) = value {
                let _ = headers.set(name, &value);
            }
        }
        init.set_headers(&headers);
    }
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|error| network(None, describe(&error)))?;
    let response: Response = response.dyn_into().map_err(|_| network(None, "not a response".into()))?;
    if response.status() == 304 {
        return Ok(Answer::NotModified);
    }
    if !response.ok() {
        return Err(network(Some(response.status()), response.status_text()));
    }
    let headers = response.headers();
    let header = |name: &str| headers.get(name).ok().flatten();
    let refuse = |failure: Failure| {
        // Stop the download: nothing more of it is wanted.
        if let Some(body) = response.body() {
            let _ = body.cancel();
        }
        Err(failure)
    };
    if header("content-type").is_some_and(|t| t.trim_start().to_ascii_lowercase().starts_with("text/html")) {
        return refuse(invalid(ProblemMessage::HtmlPage));
    }
    let declared = header("content-length").and_then(|n| n.trim().parse::<usize>().ok());
    if let Some(size) = declared.filter(|&size| size > limit) {
        return refuse(too_large(size, limit));
    }
    let bytes = read_body(&response, limit, &network).await?;
    Ok(Answer::Body(Rc::new(Body { bytes, etag: header("etag"), last_modified: header("last-modified") })))
}

/// Reads the body chunk by chunk into JavaScript memory, stopping past
/// `limit`; only a body within the limit is copied into wasm, in one
/// allocation of its exact size.
async fn read_body(response: &Response, limit: usize, network: &impl Fn(Option<u16>, String) -> Failure) -> Result<Rc<[u8]>, Failure> {
    let Some(stream) = response.body() else { return Ok(Rc::from(Vec::new())) };
    let reader: ReadableStreamDefaultReader =
        stream.get_reader().dyn_into().map_err(|_| network(None, "no stream reader".into()))?;
    let chunks = Array::new();
    let mut total = 0usize;
    loop {
        let step = JsFuture::from(reader.read()).await.map_err(|error| network(None, describe(&error)))?;
        if Reflect::get(&step, &JsValue::from_str("done")).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            break;
        }
        let chunk: Uint8Array = Reflect::get(&step, &JsValue::from_str("value"))
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or_else(|| network(None, "not a byte stream".into()))?;
        total = total.saturating_add(chunk.length() as usize);
        if total > limit {
            let _ = reader.cancel();
            // The size read so far: the whole body is at least this large.
            return Err(too_large(total, limit));
        }
        chunks.push(&chunk);
    }
    let mut bytes = vec![0u8; total];
    let mut at = 0usize;
    for chunk in chunks.iter() {
        let chunk: Uint8Array = chunk.unchecked_into();
        let end = at + chunk.length() as usize;
        chunk.copy_to(&mut bytes[at..end]);
        at = end;
    }
    Ok(bytes.into())
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
