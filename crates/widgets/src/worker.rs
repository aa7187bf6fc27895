//! Big feeds off the app's main thread, for the Leptos component (issue 13,
//! "Never blocking"; the `loader` feature). `<opeka-chart>` hands a body of
//! 500 KB or more ([`HELD_FROM_BYTES`]) to Opeka's Web Worker through
//! `opeka.js` (`crates/embed/src/worker.rs`); the component does the same
//! through the worker's page side, `opeka-worker-host.js`, imported from
//! `use_worker_url`'s URL (`js/loader.js`). As the element's, the loader
//! starts the worker (`opeka-worker.js`, beside the page side) as soon as a
//! big body is announced and streams the body to it as it is read; the
//! worker is then asked for it by number, not handed a copy. The worker validates
//! the body and reduces it to what the view draws, packed; the component
//! validates that small document and draws it, or shows the problems the
//! worker found, each with its path. Where the host cannot load (the app
//! did not copy the worker's files), a console warning says so once and
//! the body is validated on the main thread, as for a small feed.
//!
//! The answer is read as `crates/embed/src/worker.rs` reads it, by the
//! same code (`worker_answer.rs`, which says why it is included in each).
//!
//! [`HELD_FROM_BYTES`]: crate::fetch::HELD_FROM_BYTES

use js_sys::{Array, Function, Promise, Uint8Array};
use opeka_feed::validate::{Omitted, Problem, ProblemMessage, Severity};
use opeka_feed::View;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::state::Failure;

#[wasm_bindgen(module = "/js/loader.js")]
extern "C" {
    #[wasm_bindgen(js_name = useWorkerUrl)]
    fn use_url(url: &str);
    #[wasm_bindgen(thread_local_v2, js_name = workerAnnounced)]
    static ANNOUNCED: Function;
    #[wasm_bindgen(js_name = reduceInWorker)]
    fn reduce(bytes: &Uint8Array, view: &str) -> Promise;
}

/// Makes the component's big feeds go to the worker whose page side,
/// `opeka-worker-host.js` from Opeka's `dist/opeka/`, is at `url`
/// (resolved against the page's base URL), with `opeka-worker.js`,
/// `opeka_worker_bindings.js` and `opeka_worker_bg.wasm` beside it; by
/// default it is `opeka-worker-host.js` beside the app's page
/// (`js/loader.js`). Call it before the first big feed loads.
pub fn use_worker_url(url: &str) {
    use_url(url);
}

/// The loader's `big`: called when a body of 500 KB or more is announced,
/// it starts the worker while the body downloads, and answers the sink
/// that streams the body to it (`js/loader.js`).
pub(crate) fn announced() -> JsValue {
    ANNOUNCED.with(|announced| announced.clone().into())
}

include!("worker_answer.rs");

/// Hands `bytes` to the worker for `view` (or, where no worker runs, to the
/// worker's module on this thread, as `opeka-worker-host.js` does); `None`
/// when neither could do it, and the caller validates the bytes itself.
pub async fn in_worker(bytes: &Uint8Array, view: Option<View>) -> Option<Reduced> {
    read_answer(reduce(bytes, view.map_or("", View::name)).into()).await
}
