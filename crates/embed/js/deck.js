// The deck page for CMSs without scripts:
//   <iframe src="/opeka/deck.html?src=/decks/ceremony.json" allowfullscreen></iframe>
// Parameters: src, lang, theme, autoplay, loop, refresh (as <opeka-deck>'s
// attributes). It only puts an <opeka-deck> on the page: one code path with
// the element. Like embed.html it shows decks of its own origin only, unless
// embed-config.json beside it lists other origins; otherwise any page could
// frame this site's deck.html and make it show anything.
import './opeka-deck.js';
import { mayShow, refuse } from './embed-origins.js';

const params = new URLSearchParams(location.search);
const lang = (params.get('lang') ?? 'ru').startsWith('en') ? 'en' : 'ru';
if (params.get('lang')) document.documentElement.lang = params.get('lang');

const REFUSED = {
  ru: (origin) => `Этот сайт не показывает презентации с ${origin}: источник не указан в embed-config.json.`,
  en: (origin) => `This site does not show decks from ${origin}: the origin is not listed in embed-config.json.`,
};

async function show() {
  const { origin, allowed } = await mayShow(params.get('src'));
  if (!allowed) {
    refuse(REFUSED[lang](origin));
    return;
  }
  const deck = document.createElement('opeka-deck');
  for (const name of ['src', 'lang', 'theme', 'autoplay', 'loop', 'refresh']) {
    const value = params.get(name);
    if (value !== null) deck.setAttribute(name, value);
  }
  // The tab, and the page's heading for screen readers, say which deck this is.
  deck.addEventListener('opeka-slide', (event) => {
    if (!event.detail.title) return;
    document.title = event.detail.title;
    document.querySelector('h1').textContent = event.detail.title;
  });
  document.querySelector('main').append(deck);
  // Keys from a clicker reach the deck at once.
  deck.focus();
}
show();

// Offline (opeka-sw.js): after one visit the deck reloads and plays without
// a network. `offline=0` in the URL turns it off: the worker is removed with
// its cache. It controls deck.html only (its scope).
const CACHE = 'opeka-deck-1';
if ('serviceWorker' in navigator) {
  if (params.get('offline') === '0') {
    navigator.serviceWorker.getRegistrations()
      .then((all) => all.filter((r) => r.active?.scriptURL.endsWith('/opeka-sw.js')).forEach((r) => r.unregister()))
      .then(() => caches.delete(CACHE))
      .catch(() => {});
  } else {
    const posted = new Set();
    // What the page loaded (itself, the deck file, its feeds, the fonts),
    // told to the worker once the slides are drawn, and again if more comes.
    let timer = 0;
    const tell = () => {
      clearTimeout(timer);
      timer = setTimeout(() => navigator.serviceWorker.ready.then((registration) => {
        const keep = [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)]
          .filter((url) => url.startsWith(location.origin) && !posted.has(url));
        keep.forEach((url) => posted.add(url));
        if (keep.length) registration.active?.postMessage({ keep });
      }), 500);
    };
    navigator.serviceWorker.register(new URL('opeka-sw.js', import.meta.url), { scope: new URL('deck.html', import.meta.url).href })
      .then(tell, (error) => console.warn('opeka: no offline deck:', error));
    document.addEventListener('opeka-rendered', tell);
  }
}
