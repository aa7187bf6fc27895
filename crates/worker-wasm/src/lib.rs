//! The worker's wasm module (`dist/opeka/opeka_worker_bg.wasm`), run by
//! `opeka-worker.js` only when a widget has a big feed (500 KB or more).
//!
//! A module of its own, not an export of the chart module, so that the plain
//! widget download carries neither the reduction (`opeka_chart::reduce`) nor
//! the worker's answer-building: a page with small feeds never loads either.
//! It links the same validator and reduction as the CLI and the tests, so
//! its answers are those the page would have found itself; the page's side
//! is `crates/embed/src/worker.rs`.

use std::cell::RefCell;

use js_sys::{Array, Uint8Array};
use opeka_feed::validate::{problem_lines, validate, validate_locating_each, Checked, Options, Rejected, Severity, StreamedCaseload};
use opeka_feed::{Lang, ValidFeed, View};
use wasm_bindgen::prelude::*;

#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
mod allocator;
mod streamed;

use streamed::StreamedBodies;

/// See [`allocator`]: the worker's memory keeps its peak, so how it grows matters.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: allocator::WorkerTalc = allocator::worker_allocator();

thread_local! {
    /// The bodies the page streams here as they download.
    static STREAMED: RefCell<StreamedBodies> = RefCell::new(StreamedBodies::default());
    /// Answers found for whole streamed bodies before a widget asked.
    static AHEAD: RefCell<Vec<Ahead>> = const { RefCell::new(Vec::new()) };
}

/// How many answers found ahead are kept unasked: a widget asks for its
/// body as soon as it is whole, so only a widget that went meanwhile
/// leaves one.
const KEPT_AHEAD: usize = 2;

/// A streamed body's answer, found as the body became whole.
struct Ahead {
    id: u32,
    /// The views whose answer it is (`None`: the feed's own); `None`
    /// for an invalid feed, whose problems are every view's.
    views: Option<Vec<Option<View>>>,
    answer: Array,
}

/// As the module starts: takes wasm-bindgen's table of JS values' places
/// (a small vector, made on its first use and kept) at the foot of the
/// heap. Made by the first answer instead, it sat above the warm-up's feed
/// and split the heap the warm-up freed, so the next body went above
/// both: 1.81 MiB for the 1 MB feed, 1.56 with it made here (before the
/// stack and the chunks' copies went: docs/performance.md, stop 35).
#[wasm_bindgen(start)]
fn start() {
    drop(Array::new());
}

/// In the worker: room for the next `len` bytes of the body the page
/// streams as `id` (`opeka-worker.js`'s `[-id, chunk, size]`), where the
/// page writes its chunk: their address in this module's memory. The body
/// is in this module's memory by the time it has downloaded, rather than
/// posted whole and copied in then. `size`: the body's `Content-Length`,
/// room kept for it with the first chunk. [`chunk_written`] follows.
#[wasm_bindgen]
pub fn chunk_room(id: u32, len: u32, size: u32) -> *mut u8 {
    STREAMED.with(|bodies| bodies.borrow_mut().room(id, len as usize, size as usize).as_mut_ptr())
}

/// In the worker, once the page has written a chunk where [`chunk_room`]
/// said: reads the records it completes.
#[wasm_bindgen]
pub fn chunk_written(id: u32) {
    STREAMED.with(|bodies| bodies.borrow_mut().written(id));
}

/// In the worker, as the body streamed as `id` becomes whole
/// (`opeka-worker.js`'s `[-id]`): its answer for the feed's own view,
/// kept for the ask that follows. The ask comes from the worker's page
/// side (`opeka-worker-host.js`), which a page evaluates only after its
/// own module and first tasks, 100–150 ms after a 1 MB body has come:
/// the job no longer waits for it.
#[wasm_bindgen]
pub fn reduce_ahead(id: u32) {
    let Some((answer, views)) =
        STREAMED.with(|bodies| bodies.borrow_mut().take(id, false).map(|(bytes, read)| reduce_read(bytes, None, read)))
    else {
        return;
    };
    AHEAD.with(|ahead| {
        let mut ahead = ahead.borrow_mut();
        ahead.retain(|a| a.id != id);
        if let Some(excess) = (ahead.len() + 1).checked_sub(KEPT_AHEAD) {
            ahead.drain(..excess);
        }
        ahead.push(Ahead { id, views, answer });
    });
}

/// In the worker: [`reduce_feed`] on the body streamed as `id` (the answer
/// [`reduce_ahead`] found, when it is this view's); `None` when this
/// module has no such body (it came to another worker, or was let go),
/// and the page then posts the bytes.
#[wasm_bindgen]
pub fn reduce_streamed(id: u32, view: &str) -> Option<Array> {
    let view = View::parse(view);
    let found = AHEAD.with(|ahead| {
        let mut ahead = ahead.borrow_mut();
        let at = ahead.iter().position(|a| a.id == id && a.views.as_ref().is_none_or(|views| views.contains(&view)))?;
        Some(ahead.remove(at).answer)
    });
    // Taken even when its answer was found ahead: a body asked for is let go as the next one comes.
    STREAMED.with(|bodies| {
        let mut bodies = bodies.borrow_mut();
        let taken = bodies.take(id, true);
        found.or_else(|| taken.map(|(bytes, read)| reduce_read(bytes, view, read).0))
    })
}

/// In the worker (`opeka-worker.js`): validates the feed in `bytes` and
/// reduces it to what `view` (a view's name, or empty for the feed's own)
/// draws. Answers an array: for a valid feed, the reduced feed, packed
/// (`opeka_feed::validate::packed`), as a `Uint8Array` (`null` when the
/// view is not reduced) and then the feed's
/// warnings as console lines; for an invalid one, the errors and the
/// warnings past the validator's cap, then per problem its path, whether
/// it is an error, and its text in Russian and in English.
#[wasm_bindgen]
pub fn reduce_feed(bytes: &[u8], view: &str) -> Array {
    reduce_read(bytes, View::parse(view), StreamedCaseload::default()).0
}

/// [`reduce_feed`], the records of `bytes` read so far in `read` (none for
/// a body posted whole); with the views the answer serves (see [`Ahead`]).
fn reduce_read(bytes: &[u8], view: Option<View>, read: StreamedCaseload) -> (Array, Option<Vec<Option<View>>>) {
    let options = Options::default();
    // A caseload whose records are all plain is read without a tree, its
    // records naming their ids by place (half the time, and a fraction of
    // the memory); any other feed goes through the full walk.
    if let Some(quick) = read.finish(bytes, &options) {
        let reduced = opeka_chart::reduce::reduce_quick(bytes, &quick, view);
        let views = served_views(&quick.checked.feed, view);
        return (answer(Ok(quick.checked), |_| reduced), Some(views));
    }
    let (checked, spans) = validate_locating_each(bytes, &options, &opeka_chart::reduce::MEMBERS);
    let views = checked.as_ref().ok().map(|checked| served_views(&checked.feed, view));
    (answer(checked, |checked| opeka_chart::reduce::reduce(bytes, &spans, checked, view)), views)
}

/// The views asked for (`None`: the feed's own) that `feed` draws as it
/// draws `view`: its answer is theirs too.
fn served_views(feed: &ValidFeed, view: Option<View>) -> Vec<Option<View>> {
    let feed = feed.feed();
    let drawn = feed.resolve_view(view);
    std::iter::once(None).chain(View::ALL.map(Some)).filter(|&asked| feed.resolve_view(asked) == drawn).collect()
}

/// In the worker, while a big body still downloads: [`reduce_feed`] on
/// a small feed of the same shape (`opeka_chart::reduce::warm_up_feed`).
/// V8 runs a wasm function that is already running in its baseline code
/// until it returns, and a big feed's validation is one call; run on a
/// small feed first, the code it goes through has been optimised by then.
#[wasm_bindgen]
pub fn warm_up() {
    let feed = opeka_chart::reduce::warm_up_feed();
    reduce_feed(feed.as_bytes(), "trend");
}

/// On the page's main thread (`opeka.js`'s `words`): the feed's problems
/// in words, as [`reduce_feed`] answers them but with nothing reduced.
/// The page's own module has no words for them (opeka-feed's `words`
/// feature), so it asks here when a feed it validated has problems.
#[wasm_bindgen]
pub fn word_problems(bytes: &[u8]) -> Array {
    answer(validate(bytes, &Options::default()), |_| None)
}

/// The validator's `checked` result as [`reduce_feed`] answers it, with
/// `reduce`'s smaller feed for a valid one.
fn answer(checked: Result<Checked, Rejected>, reduce: impl FnOnce(&Checked) -> Option<Vec<u8>>) -> Array {
    let answer = Array::new();
    match checked {
        Ok(checked) => {
            answer.push(&reduce(&checked).map_or(JsValue::NULL, |r| Uint8Array::from(&r[..]).into()));
            for line in problem_lines(&checked.warnings, checked.omitted) {
                answer.push(&line.into());
            }
        }
        Err(rejected) => {
            answer.push(&(rejected.omitted.errors as f64).into());
            answer.push(&(rejected.omitted.warnings as f64).into());
            for problem in &rejected.problems {
                answer.push(&problem.path.as_str().into());
                answer.push(&(problem.severity == Severity::Error).into());
                answer.push(&problem.message(Lang::Ru).into());
                answer.push(&problem.message(Lang::En).into());
            }
        }
    }
    answer
}
