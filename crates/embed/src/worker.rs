//! Big feeds off the host page's main thread (issue 13, "Never blocking").
//!
//! Validating a feed of many megabytes takes the page's main thread for
//! hundreds of milliseconds in one task. So a fetched body of 500 KB or more
//! ([`opeka_widgets::fetch::HELD_FROM_BYTES`]: a register of 1 000
//! projects, 975 KB, took 50 ms to validate on the main thread, in tasks of
//! 51–77 ms on most first loads, and one of 700 projects in half of them;
//! from 500 KB on the worker takes such feeds, at 43–115 ms more before the
//! chart: docs/performance.md, stop 58), or any body with `worker="on"`,
//! is handed to the page's one Web Worker, `opeka-worker.js` beside
//! `opeka.js`, which runs the worker's own
//! module (`crates/worker-wasm`, `opeka_worker_bg.wasm`, loaded only then):
//! its `reduce_feed` validates it there and, when it is valid, reduces it to
//! what the view draws (`opeka_chart::reduce`), packed
//! (`opeka_feed::validate::packed`): the page validates its small document
//! and takes its summed records as they are, then draws it as any other
//! feed. An invalid feed comes back as its problems, each with its path
//! and its text in both languages, so the failure box reads as it would
//! have.
//!
//! A fetched big body goes from where `opeka.js`'s loader read it, in
//! JavaScript, to the worker: it never enters this module's memory.
//! `opeka.js` starts the first worker as soon as such a body is announced;
//! the worker's page side (`opeka-worker-host.js`, imported then) takes it
//! over, and this module reaches it through [`crate::use_loader`]. Where
//! there is no worker (no `Worker`, a policy that refuses it, a worker
//! that fails to start, traps, or does not answer in time), that page side
//! runs the worker's module on this thread for a body of 500 KB or more and
//! answers as the worker would: the same reduction, with the worker's
//! memory (1.4 to 1.7 times the feed, where this module reading the whole
//! feed holds 9 times a 1 MB one). Only when that fails too, or for a
//! smaller body, is the answer `None` ([`read_answer`]), and the widget
//! does the work itself.
//!
//! A big outcomes feed's reduction comes in slices of its projects, and a
//! long roll's in slices of its recipients
//! (`opeka_feed::validate::packed::SLICE_END`): the page side answers the
//! first, with a function that answers the next in a task of its own, so
//! that the widget validates a slice a task and joins them
//! (`crate::widget`'s `take_answer`), however big the feed.
//!
//! The same module also words the problems of feeds the page validated
//! itself (`worded`): the page's module is built without the validator's
//! words (opeka-feed's `words` feature, about 3.8 KB of the download), so a
//! feed with problems has `opeka.js` import the worker's module on the main
//! thread and validate the body again there, once, for its words.

use std::cell::RefCell;

use js_sys::{Array, Function, Promise, Uint8Array};
use opeka_feed::validate::{Omitted, Problem, ProblemMessage, Severity};
use opeka_feed::View;
use opeka_widgets::fetch::Body;
use opeka_widgets::Failure;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// `opeka.js`'s `reduce(bytes, view)`, which posts to the worker, and
    /// `words(bytes)`, which asks the worker's module on this thread.
    static ASK: RefCell<Option<(Function, Function)>> = const { RefCell::new(None) };
}

/// Keeps `opeka.js`'s functions that hand a body to the worker's module.
pub(crate) fn use_worker(reduce: Function, words: Function) {
    ASK.with(|slot| slot.replace(Some((reduce, words))));
}

include!("../../widgets/src/worker_answer.rs");

/// Hands `body` to the page's worker for `view` (or, without one, to the
/// worker's module on this thread): the promise of its answer, which
/// [`read_answer`] reads (`None` there when neither could do it, and the
/// caller validates it itself); `None` when there is no one to ask.
pub(crate) fn in_worker(body: &Body, view: Option<View>) -> Option<JsValue> {
    let (reduce, _) = ASK.with(|slot| slot.borrow().clone())?;
    let view = JsValue::from_str(view.map_or("", View::name));
    reduce.call2(&JsValue::NULL, &js_bytes(body), &view).ok()
}

/// Asks for the problems of the feed in `body`, worded by the worker's
/// module on this thread (for a valid feed, its warnings as console
/// lines): the promise of the answer, which [`read_answer`] reads (`None`
/// there when that module could not load, and the caller keeps its own
/// problems); `None` when there is no one to ask.
pub(crate) fn worded(body: &Body) -> Option<JsValue> {
    let (_, words) = ASK.with(|slot| slot.borrow().clone())?;
    words.call1(&JsValue::NULL, &js_bytes(body)).ok()
}

/// A big body from where the loader read it; a small one (with
/// worker="on", or for its problems' words) copied out of this module's memory.
fn js_bytes(body: &Body) -> Uint8Array {
    body.held().cloned().unwrap_or_else(|| Uint8Array::from(&body.bytes()[..]))
}
