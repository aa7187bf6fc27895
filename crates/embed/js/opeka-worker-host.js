// The page's side of Opeka's worker for big feeds (crates/embed/src/worker.rs
// says why there is one). opeka.js imports this module, from beside itself,
// only when a widget first has a feed of 500 KB or more, so that a page whose
// feeds are small carries none of it; it runs the page's one worker,
// opeka-worker.js, also beside it.
//
// `warm` takes over the worker opeka.js (or the Leptos component's loader,
// crates/widgets/js/loader.js, which imports this module from the app's
// page) started as soon as a big body was announced (by its
// Content-Length), so that the worker loads its module while the body
// downloads and while this module still loads, or starts one. `reduce`
// asks it for a body that was streamed to it as it was read,
// else posts the bytes (a copy: the page's fetch cache keeps them, for the
// other widgets of that feed and for the fallback), with the view, and
// resolves to the worker's answer. When there is no worker to ask — none
// in this browser, refused by the page's policy, failed to start, trapped,
// or silent for too long — the worker's module does the same work on this
// thread (`here`, below); only if that cannot load or fails does `reduce`
// reject, and the widget then does the work in the page's own module.
//
// Time limits: a worker must load its module and say so within START_MS (a
// script that loads but never answers, a module that cannot be fetched),
// and answer a feed within ANSWER_MS and 2 ms per KB more (a worker that
// hangs); either way it is stopped, a console warning says so, and big
// feeds are read on the page from then on. A worker idle for IDLE_MS is
// stopped too: its module's memory still holds the last big feed's
// growth, and a page should not keep it for ever. The next big feed starts
// a new one.
const START_MS = 10000;
const ANSWER_MS = 10000;
const IDLE_MS = 10000;

let worker;
let asked = 0;
let idle;
let started;
let adopted = false;
const waiting = new Map();

// `again`: an idle worker, which may be started anew; else none is tried
// again. The feeds it was asked for are reduced on this thread.
const stop = (again, why) => {
  if (why) console.warn(`opeka: the worker ${why}; big feeds are read on the page instead`);
  if (worker) worker.terminate();
  worker = again ? undefined : false;
  clearTimeout(idle);
  clearTimeout(started);
  for (const [elsewhere, timer] of waiting.values()) clearTimeout(timer), elsewhere();
  waiting.clear();
};

/**
 * Starts the worker unless there is one (or none can be); returns it, or
 * `false`. `early`: the worker the page's loader started as the first big body was
 * announced, taken as this one (once: a later one is a worker this module
 * stopped when idle), or stopped when there is one already; 0 when that
 * worker failed before this module could take it. None is started then:
 * the page's policy refused it (`worker-src`), or its script could not
 * load, and another would fail the same way (a refusing policy reported
 * both: two violations where there is one).
 */
export function warm(early) {
  if (early === 0 && worker === undefined) worker = false;
  const fresh = early && !adopted;
  if (fresh) adopted = true;
  if (worker !== undefined) {
    if (fresh) early.terminate();
    return worker;
  }
  try {
    worker = fresh ? early : new Worker(new URL('./opeka-worker.js', import.meta.url), { type: 'module' });
  } catch {
    return (worker = false);
  }
  started = setTimeout(() => stop(false, `did not start in ${START_MS / 1000} s`), START_MS);
  worker.onmessage = ({ data: [id, answer] }) => {
    // [0, true]: the module is up, in answer to the [0] posted below
    // (asked, not told: a worker opeka.js started may be up before this
    // listens). [id, 0]: it does not have the streamed body asked for (let
    // go of), so its bytes are posted. [id] alone (0 or a feed's): it could
    // not start, or trapped, and its memory is not to be trusted.
    const [, timer, yes, posted] = waiting.get(id) ?? [];
    if (answer === 0) return posted && worker.postMessage(posted);
    if (!answer) return stop();
    if (id) {
      clearTimeout(timer);
      waiting.delete(id);
      yes?.(answer);
    } else clearTimeout(started);
    // Idle from now on unless a feed is waiting (one started early for a
    // body that then stayed on the page, worker="off", is stopped too).
    clearTimeout(idle);
    if (!waiting.size) idle = setTimeout(() => stop(true), IDLE_MS);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    stop();
  };
  worker.postMessage([0]);
  return worker;
}

// Answers asked for early, by opeka.js, as a big body arrives (often
// before the module has a widget to ask), and answers asked by widgets, by
// the body's array, then by view: [answer, whether asked early]. An ask
// takes the other kind's answer for the same body and view instead of
// asking the worker again: the widget takes the early answer, or (when the
// module was up before the body arrived and its widget asked first) the
// early ask takes the widget's. A widget's answer is kept only until it
// comes (the early ask races it by microtasks, not by the worker's time):
// it holds the reduced feed, and the body lives as long as its chart.
const ahead = new WeakMap();

/**
 * The worker's answer for `bytes` (a Uint8Array) and `view` (a view's name,
 * or ''); `early`: asked by opeka.js with the element's `view` attribute as
 * it is (or null).
 */
export function reduce(bytes, view, early = false) {
  if (early) view = view?.trim() ?? '';
  let views = ahead.get(bytes);
  if (!views) ahead.set(bytes, (views = new Map()));
  const kept = views.get(view);
  if (kept && kept[1] !== early) {
    views.delete(view);
    return kept[0];
  }
  const answer = new Promise((yes, no) => {
    const elsewhere = () => here(bytes, view).then(yes, no);
    if (!warm()) return elsewhere();
    clearTimeout(idle);
    const timer = setTimeout(() => stop(false, `did not answer in ${Math.round((ANSWER_MS + bytes.length / 500) / 1000)} s`), ANSWER_MS + bytes.length / 500);
    // A body the loader streamed to this very worker as it was read is asked
    // for by its number; any other is posted (a copy).
    const [to, body] = bytes.streamed ?? [];
    const posted = [++asked, bytes, view];
    waiting.set(asked, [elsewhere, timer, yes, posted]);
    worker.postMessage(to === worker ? [asked, body, view] : posted);
  }).then(sliced);
  views.set(view, [answer, early]);
  const settled = () => views.get(view)?.[0] === answer && views.delete(view);
  if (!early) answer.then(settled, settled);
  return answer;
}

// A big outcomes feed's reduction comes in slices of its projects (a long
// roll's, of its recipients), each packed as a feed of its own, with a 0 byte between
// (crates/feed/src/validate/packed.rs, SLICE_END): so that the page
// validates one a task, not megabytes in one, the answer holds the first,
// and last a function that answers the next in a task of its own
// (crates/embed/src/widget.rs, `take_answer`). A slice's document starts
// past its count of packed records (20 bytes each, after the count's 4).
const sliced = (answer) => {
  const [packed, ...warnings] = answer;
  if (!(packed instanceof Uint8Array)) return answer;
  const end = packed.indexOf(0, 4 + 20 * new DataView(packed.buffer, packed.byteOffset, 4).getUint32(0, true));
  if (end < 0) return answer;
  const rest = [packed.subarray(end + 1), ...warnings];
  return [packed.subarray(0, end), ...warnings, () => new Promise((yes) => setTimeout(() => yes(sliced(rest))))];
};

// The worker's module on this thread: for the words of a feed's problems
// (the page's module leaves them out, crates/embed/src/worker.rs says
// why), and for the big feeds no worker can take. Resolves to `work` done
// with the module; rejects when it cannot load, or once the module has
// failed (a trap leaves its memory not to be trusted).
let loading;
let failed = false;
const withModule = (work) => (loading ??= import('./opeka_worker_bindings.js').then(async (module) => {
  await module.default({ module_or_path: new URL('./opeka_worker_bg.wasm', import.meta.url) });
  return module;
})).then((module) => {
  if (failed) throw new Error('opeka: the worker\'s module failed on this page');
  try {
    return work(module);
  } catch (error) {
    failed = true;
    throw error;
  }
});

// Opeka.js asks for the words only when a feed has problems: resolves to
// the answer of the module's `word_problems`.
export const words = (bytes) => withModule((module) => module.word_problems(bytes));

// A big feed (500 KB and more, as opeka.js's) no worker can take, reduced as
// the worker would, on this thread: one long task, as the page's own
// module would take, but the memory it leaves is the worker's, 1.4 to 1.7
// times the feed, where the page's module, reading the whole feed, kept 9
// times a 1 MB one and 104 MB for 15 MB (docs/performance.md, stops 31 and 32). A
// small one (worker="on") is left to the page's module: not worth the
// worker module's download.
const here = (bytes, view) => (bytes.length >= 5e5 ? withModule((module) => module.reduce_feed(bytes, view)) : Promise.reject());
