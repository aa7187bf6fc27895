// The iframe form: embed.html?src=…&view=…&lang=…&theme=…&height=…&refresh=…&timeout=…&controls=…
// draws one widget filling the frame and tells the parent its height:
//   parent.postMessage({ type: 'opeka-height', height }, '*')
// It draws feeds of its own origin only, unless embed-config.json beside it
// lists other origins: {"feeds": ["https://data.example.ru"]}. Otherwise any
// page could frame this site's embed.html and make it show any feed.
const params = new URLSearchParams(location.search);
const lang = (params.get('lang') ?? document.documentElement.lang ?? 'ru').startsWith('en') ? 'en' : 'ru';
if (params.get('lang')) document.documentElement.lang = params.get('lang');

const REFUSED = {
  ru: (origin) => `Этот сайт не показывает данные с ${origin}: источник не указан в embed-config.json.`,
  en: (origin) => `This site does not show data from ${origin}: the origin is not listed in embed-config.json.`,
};

/** The origins whose feeds may be drawn: this one, and those the site lists. */
async function allowedOrigins() {
  const allowed = [location.origin];
  try {
    const response = await fetch(new URL('embed-config.json', import.meta.url), { cache: 'no-cache' });
    if (response.ok) {
      const config = await response.json();
      for (const origin of Array.isArray(config?.feeds) ? config.feeds : []) {
        try {
          allowed.push(new URL(origin).origin);
        } catch {
          console.warn('opeka embed: not an origin in embed-config.json:', origin);
        }
      }
    }
  } catch (error) {
    console.warn('opeka embed: embed-config.json could not be read; same-origin feeds only', error);
  }
  return allowed;
}

async function show() {
  const src = params.get('src');
  let origin = location.origin;
  try {
    if (src !== null) origin = new URL(src, location.href).origin;
  } catch {
    // Not a URL at all: the widget reports it like any feed it cannot fetch.
  }
  if (origin !== location.origin && !(await allowedOrigins()).includes(origin)) {
    const box = document.createElement('p');
    box.className = 'opeka-refused';
    box.setAttribute('role', 'alert');
    box.textContent = REFUSED[lang](origin);
    document.querySelector('main').append(box);
    return;
  }
  const chart = document.createElement('opeka-chart');
  for (const name of ['src', 'view', 'lang', 'theme', 'height', 'refresh', 'timeout', 'controls']) {
    const value = params.get(name);
    if (value !== null) chart.setAttribute(name, value);
  }
  document.querySelector('main').append(chart);
  chart.addEventListener('opeka-rendered', name);
  chart.addEventListener('opeka-rendered', postHeight);
  chart.addEventListener('opeka-error', postHeight);
}

// The frame's document and its main landmark take the chart's title, so that
// several frames on a page are told apart (and a screen reader names each).
function name({ target }) {
  const title = target.shadowRoot?.querySelector('svg title')?.textContent;
  if (title) {
    document.title = title;
    document.querySelector('main').setAttribute('aria-label', title);
  }
}

let lastHeight = -1;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== lastHeight && window.parent !== window) {
    lastHeight = height;
    // The height is not a secret, and the parent's origin is unknown here.
    window.parent.postMessage({ type: 'opeka-height', height }, '*');
  }
}
new ResizeObserver(postHeight).observe(document.documentElement);
show();
