// Opeka's offline deck: the service worker of deck.html (issue 11 §4). A
// deck page registers it (deck.js) with the scope `deck.html`, so it controls
// deck pages only, never embed.html or a host's pages. After one visit the
// deck reloads and plays without a network: the bundle (below), the page,
// the deck file, its feeds and the fonts are in the cache.
//
// Network first: online, every request goes to the server as without a
// worker (the widgets' conditional requests, refresh and stale marker work
// as they do), and each good answer (200, same origin, GET) replaces the
// copy kept. Only when the network fails is the copy served. Nothing of
// another origin is touched or kept. `deck.html?offline=0` unregisters the
// worker and deletes its cache.
const CACHE = 'opeka-deck-1';
const BUNDLE = [
  'deck.js', 'deck.css', 'opeka-deck.js', 'opeka_deck_bindings.js', 'opeka_deck_bg.wasm',
  'opeka.js', 'opeka_bg.wasm', 'opeka-extras.js', 'opeka-tooltips.js',
  'opeka-sans-regular.woff2', 'opeka-sans-bold.woff2',
];

const ours = (url) => {
  try {
    return new URL(url).origin === self.location.origin;
  } catch {
    return false;
  }
};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(BUNDLE.map((file) => new URL(file, self.location).href)))
    .then(() => self.skipWaiting()));
});

// The page that registered the worker is controlled at once, not at its next load.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !ours(request.url)) return;
  event.respondWith((async () => {
    // A page turning the worker off (`offline=0`) is only passed through: its
    // requests must not make the cache again.
    const client = request.mode === 'navigate' ? null : await self.clients.get(event.clientId);
    if (new URL(client?.url ?? request.url).searchParams.get('offline') === '0') return fetch(request);
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      // Kept by its URL alone: a conditional request's headers do not make another copy.
      if (response.status === 200 && response.type === 'basic') event.waitUntil(cache.put(request.url, response.clone()));
      return response;
    } catch (error) {
      const kept = await cache.match(request.url);
      if (kept) return kept;
      throw error;
    }
  })());
});

// The deck page lists what it loaded before the worker controlled it (the
// page itself, the deck file, its feeds): fetched again here and kept.
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.keep) ? event.data.keep.filter((url) => typeof url === 'string' && ours(url)) : [];
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(urls.map((url) => cache.add(url).catch(() => {})))));
});
