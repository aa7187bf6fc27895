// The Leptos component's way to Opeka's worker for big feeds (the `loader`
// feature; `<opeka-chart>` has opeka.js for this). It imports the worker's
// page side, `opeka-worker-host.js` (crates/embed/js), from `url`, resolved
// against the page: by default beside the app's page, where the app copies
// it with the worker's script, glue and module from Opeka's dist/opeka/
// (crates/widgets/src/worker.rs). The import is asked once and its promise
// kept; where it fails, a console warning says so once and every big feed
// is read on the main thread, as before.
let url = 'opeka-worker-host.js';
let hosting;
const host = () => (hosting ??= import(new URL(url, document.baseURI).href).catch((error) => {
  console.warn(`opeka-leptos: could not load ${url} (${error?.message ?? error}); big feeds are read on the main thread`);
  throw error;
}));

/** Where the worker's page side is, for the imports from now on. */
export const useUrl = (at) => { url = at; hosting = undefined; };

/** The loader's `big`: a body of 1 MB or more is announced; the worker starts while it downloads. */
export const announced = () => { host().then((h) => h.warm(), () => {}); };

// The asks in flight, by body, then by view: charts of one feed are given
// one body (the page's fetch cache), and those of one view share one ask,
// rather than each posting the worker a copy of it. An answer is not kept
// once it has come (it holds the reduced feed).
const asked = new WeakMap();

/** The worker's answer for `bytes` (a Uint8Array) and `view` (a view's name, or ''). */
export const reduce = (bytes, view) => {
  let views = asked.get(bytes);
  if (!views) asked.set(bytes, (views = new Map()));
  let answer = views.get(view);
  if (!answer) {
    views.set(view, (answer = host().then((h) => h.reduce(bytes, view))));
    const done = () => views.delete(view);
    answer.then(done, done);
  }
  return answer;
};
