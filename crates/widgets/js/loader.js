// The widget's bounded request, shared by every face: `make dist` puts it
// at the head of opeka.js, and opeka-leptos imports it as a wasm-bindgen
// snippet (opeka-widgets' `loader` feature).
//
// Fetches a feed for the module (crates/widgets/src/fetch.rs says what it
// resolves to). A body over `limit` bytes is refused without being held:
// by its Content-Length before reading, else as the stream passes the limit.
// `big`, when given, hears of a body of 500 KB or more by its Content-Length
// before it is read, so opeka.js can start its worker meanwhile. It may
// answer a sink: a function called with each chunk as it is read, and the
// chunk's buffer to transfer (the body has its own copy), then once with
// nothing when the body is whole, whose answer the body keeps as
// `streamed` (opeka.js so streams the body to its worker).
export async function load([url, etag, modified, limit], signal, big) {
  const headers = {};
  if (etag) headers['If-None-Match'] = etag;
  if (modified) headers['If-Modified-Since'] = modified;
  const response = await fetch(url, { signal, headers });
  const header = (name) => response.headers.get(name);
  const answer = [response.status, response.statusText, null, header('etag'), header('last-modified')];
  const html = /^\s*text\/html/i.test(header('content-type'));
  const size = +header('content-length');
  // An error status, an HTML page (a captive portal), a body declared too large: not read.
  if (!response.ok || html || size > limit) {
    response.body?.cancel();
    if (!html && size > limit) answer[2] = size;
    return answer;
  }
  let sink;
  if (size >= 5e5) sink = big?.(size);
  // Each chunk is copied into room for the Content-Length as it comes (the
  // room doubled when the body is longer, as a compressed one is), rather
  // than kept and joined at the end, or read through a Blob, which Chromium
  // hands to the browser's blob store and then reads back.
  let body = new Uint8Array(size || 4096);
  let read = 0;
  for (const reader = response.body?.getReader(); reader; ) {
    const { done, value } = await reader.read();
    if (done) break;
    if ((read += value.length) > limit) {
      reader.cancel();
      answer[2] = read;
      return answer;
    }
    if (read > body.length) {
      const room = new Uint8Array(2 * read);
      room.set(body);
      body = room;
    }
    body.set(value, read - value.length);
    sink?.(value, [value.buffer]);
  }
  answer[2] = read < body.length ? body.slice(0, read) : body;
  answer[2].streamed = sink?.();
  return answer;
}

// A `big` for `load`, shared by opeka.js and the Leptos component: as a
// big body is announced, starts Opeka's worker (a module worker at
// `workerUrl()`) unless it did already, hands it to the worker's page side
// (`host()`, the promise of opeka-worker-host.js) to adopt, and answers a
// sink that posts each chunk to it as body number n ([-n, chunk, size],
// and [-n] once whole: opeka-worker.js), then [worker, n], by which the
// page side asks for the body rather than posting it. The worker started
// is 0 once it failed before the page side could hear it (a policy that
// refuses workers, a script not there): no body goes to it, and the page
// side starts none. One whose page side cannot load is stopped.
export const announcer = (workerUrl, host) => {
  let started;
  let bodies = 0;
  return (size) => {
    try {
      started ??= Object.assign(new Worker(workerUrl(), { type: 'module' }), { onerror: () => (started = 0) });
    } catch {}
    host().then((h) => h.warm(started), () => started && started.terminate());
    const to = started, body = ++bodies;
    if (to) return (chunk, transfer) => (to.postMessage([-body, chunk, size], transfer), chunk ? 0 : [to, body]);
  };
};

// The click and keydown handler of the widgets' downloads menu buttons:
// the first press (a click, Enter, Space, or an arrow key) loads the module
// at `url` (opeka-extras.js, resolved against the page), which then opens
// the menu of the button pressed. Nothing of it loads before.
export const extras = (url) => (event) => {
  const button = event.currentTarget;
  const key = event.key;
  if (key) {
    if (!/^Arrow(Up|Down)$/.test(key)) return;
    event.preventDefault();
  }
  const href = new URL(url, document.baseURI).href;
  import(href).then((m) => m.menu(button, key), (error) => console.error('opeka: could not load', href, error));
};

// The Leptos component's way to Opeka's worker for big feeds (crates/widgets/src/worker.rs;
// opeka.js has its own, and leaves these out: nothing of it calls them). They
// import the worker's page side, `opeka-worker-host.js` (crates/embed/js), from
// `workerUrl`, resolved against the page: by default beside the app's page,
// where the app copies it with the worker's script, glue and module from
// Opeka's dist/opeka/. The import is asked once and its promise kept; where it
// fails, a console warning says so once and every big feed is read on the main
// thread. (In this file, not one of their own: the snippets a test page of the
// component loads at once are as many as wasm-bindgen-test-runner's server
// answers at once; one more, and the page waited for ever.)
let workerUrl = 'opeka-worker-host.js';
let workerHosting;
const workerHost = () => (workerHosting ??= import(new URL(workerUrl, document.baseURI).href).catch((error) => {
  console.warn(`opeka-leptos: could not load ${workerUrl} (${error?.message ?? error}); big feeds are read on the main thread`);
  throw error;
}));

/** Where the worker's page side is, for the imports from now on. */
// The worker is started here, as opeka.js starts its own (`announcer`):
// `opeka-worker.js` beside the page side, anew for a new `workerUrl`.
const workerAnnouncer = () => announcer(() => new URL('opeka-worker.js', new URL(workerUrl, document.baseURI)), workerHost);
let workerAnnounce = /*#__PURE__*/ workerAnnouncer();
export const useWorkerUrl = (at) => { workerUrl = at; workerHosting = undefined; workerAnnounce = workerAnnouncer(); };

/** The loader's `big`: a body of 500 KB or more is announced; the worker starts while it downloads, and the body streams to it. */
export const workerAnnounced = (size) => workerAnnounce(size);

// The asks in flight, by body, then by view: charts of one feed are given
// one body (the page's fetch cache), and those of one view share one ask,
// rather than each posting the worker a copy of it. An answer is not kept
// once it has come (it holds the reduced feed).
const workerAsks = /*#__PURE__*/ new WeakMap();

/** The worker's answer for `bytes` (a Uint8Array) and `view` (a view's name, or ''). */
export const reduceInWorker = (bytes, view) => {
  let views = workerAsks.get(bytes);
  if (!views) workerAsks.set(bytes, (views = new Map()));
  let answer = views.get(view);
  if (!answer) {
    views.set(view, (answer = workerHost().then((h) => h.reduce(bytes, view))));
    const done = () => views.delete(view);
    answer.then(done, done);
  }
  return answer;
};
