// The widget's bounded request, shared by every face: `make dist` puts it
// at the head of opeka.js, and opeka-leptos imports it as a wasm-bindgen
// snippet (opeka-widgets' `loader` feature).
//
// Fetches a feed for the module (crates/widgets/src/fetch.rs says what it
// resolves to). A body over `limit` bytes is refused without being held:
// by its Content-Length before reading, else as the stream passes the limit.
// `big`, when given, hears of a body of 1 MB or more by its Content-Length
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
  if (size >= 1e6) sink = big?.(size);
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
