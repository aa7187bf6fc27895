// The iframe form: embed.html?src=…&view=…&lang=…&theme=…&height=…&refresh=…&timeout=…&controls=…
// draws one widget filling the frame and tells the parent its height:
//   parent.postMessage({ type: 'opeka-height', height }, '*')
// It draws feeds of its own origin only, unless embed-config.json beside it
// lists other origins: {"feeds": ["https://data.example.ru"]}. Otherwise any
// page could frame this site's embed.html and make it show any feed.
import { mayShow, refuse } from './embed-origins.js';

const params = new URLSearchParams(location.search);
const lang = (params.get('lang') ?? document.documentElement.lang ?? 'ru').startsWith('en') ? 'en' : 'ru';
if (params.get('lang')) document.documentElement.lang = params.get('lang');

const REFUSED = {
  ru: (origin) => `Этот сайт не показывает данные с ${origin}: источник не указан в embed-config.json.`,
  en: (origin) => `This site does not show data from ${origin}: the origin is not listed in embed-config.json.`,
};

async function show() {
  const { origin, allowed } = await mayShow(params.get('src'));
  if (!allowed) {
    refuse(REFUSED[lang](origin));
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
