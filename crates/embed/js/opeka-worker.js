// Opeka's worker: validates a big feed off the host page's main thread and
// reduces it to what the widget's view draws (crates/embed/src/worker.rs).
// opeka.js starts it, as a module worker, when a widget first has a feed
// of 1 MB or more; it runs a module of its own (crates/worker-wasm:
// opeka_worker_bg.wasm and its glue, beside this file), so that a page
// whose feeds are small downloads none of it. Same-origin, so
// `script-src 'self'` (or `worker-src 'self'`) lets it run; the module
// needs 'wasm-unsafe-eval' here too.
import init, { reduce_feed } from './opeka_worker_bindings.js';

const ready = init({ module_or_path: new URL('./opeka_worker_bg.wasm', import.meta.url) });
// [0, true] tells the page the module is up (it waits only so long for that);
// [0] alone that it could not start.
ready.then(() => postMessage([0, true]), (error) => {
  console.error('opeka-worker:', error);
  postMessage([0]);
});

// [id, bytes, view] in; [id, answer] out, or [id] alone when the module
// could not start or trapped (its memory is then not to be trusted: the
// page stops this worker and does the work itself).
onmessage = ({ data: [id, bytes, view] }) => ready.then(() => {
  const answer = reduce_feed(bytes, view);
  postMessage([id, answer], answer[0]?.buffer ? [answer[0].buffer] : []);
}).catch((error) => {
  console.error('opeka-worker:', error);
  postMessage([id]);
});
