// Opeka's worker: validates a big feed off the host page's main thread and
// reduces it to what the widget's view draws (crates/embed/src/worker.rs).
// opeka.js starts it, as a module worker, when a widget first has a feed
// of 500 KB or more; it runs a module of its own (crates/worker-wasm:
// opeka_worker_bg.wasm, beside this file), so that a page whose feeds are
// small downloads none of it. `make dist` puts the module's glue in place
// of this import (scripts/join-worker.mjs): one script for the worker to
// fetch. Same-origin, so `script-src 'self'` (or `worker-src 'self'`) lets
// it run; the module needs 'wasm-unsafe-eval' here too.
import init, { chunk_room, chunk_written, reduce_ahead, reduce_feed, reduce_streamed, warm_up } from './opeka_worker_bindings.js';

const ready = init({ module_or_path: new URL('./opeka_worker_bg.wasm', import.meta.url) });

// While the body that started this worker still downloads, the module runs
// a small feed of the same shape a few times, each in a task of its own
// (`warm_up`; crates/worker-wasm says why): 7–12 % off the load of a 15 MB
// feed (docs/performance.md, stop 13). The first feed to arrive stops it.
// A warm-up that traps leaves memory not to be trusted: every message is
// then answered as if the module had not started.
let asked = false;
let warmups = 3;
let trapped;
const warm = () => {
  if (asked || !warmups--) return;
  try {
    warm_up();
  } catch (error) {
    return (trapped = error);
  }
  setTimeout(warm);
};

ready.then(() => setTimeout(warm), () => {});

// A big body's chunks, [-body, chunk, size], as the page's loader reads them ([-body]
// once it is whole): each is written into the body in the module's memory
// as it comes (`chunk_room`, `chunk_written`; those that come before the
// module is up wait here), so the body is there when a widget asks for it
// by its number. Once it is whole, its answer for the feed's own view is
// found at once (`reduce_ahead`), before the widget's ask arrives.
const chunks = [];
const stream = (wasm) => {
  for (const [body, chunk, size] of chunks.splice(0)) {
    // The room first: making it may grow the memory, which then has a new buffer.
    const at = chunk_room(-body, chunk.length, size);
    new Uint8Array(wasm.memory.buffer, at, chunk.length).set(chunk);
    chunk_written(-body);
  }
};

// [id, bytes, view] in, `bytes` a Uint8Array or a streamed body's number;
// [id, answer] out, [id, 0] for a body this worker does not have (the page
// then posts its bytes), or [id] alone when the module could not start or
// trapped (its memory is then not to be trusted: the page stops this
// worker and does the work itself). [0] asks whether the module is up: [0,
// true] once it is (the page waits only so long for that). The page asks
// rather than being told: opeka.js may start this worker before the page's
// side that listens is loaded (a message to a worker waits for its script;
// one from it is lost without a listener).
onmessage = ({ data }) => {
  const [id, bytes, view] = data;
  if (id < 0 && bytes) chunks.push(data);
  // A feed asked for, or a body whole (its ask follows): no more warm-ups.
  ((asked ||= id > 0 || (id < 0 && !bytes)), ready).then((wasm) => {
    if (trapped) throw trapped;
    stream(wasm);
    if (id < 0) return bytes || reduce_ahead(-id);
    if (!id) return postMessage([0, true]);
    const answer = typeof bytes == 'number' ? reduce_streamed(bytes, view) : reduce_feed(bytes, view);
    if (!answer) return postMessage([id, 0]);
    postMessage([id, answer], answer[0]?.buffer ? [answer[0].buffer] : []);
  }).catch((error) => {
    trapped = error;
    // A chunk's failure is told to the ask that follows it.
    if (id >= 0) console.error('opeka-worker:', error), postMessage([id]);
  });
};
