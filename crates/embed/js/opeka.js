// Opeka: defines <opeka-chart>. Load it once per page:
//   <script type="module" src="/opeka/opeka.js"></script>
// The element's logic is in Rust (opeka_bg.wasm); this file only connects
// the element's lifecycle to it, so that no inline script or eval is needed
// (the page's CSP needs 'wasm-unsafe-eval' in script-src).
// `make dist` puts the glue itself in this file (scripts/join-glue.mjs).
import init, { OpekaWidget, use_loader } from './opeka_bindings.js';

// `load`, the bounded request, and `extras`, the downloads menu's loader,
// are crates/widgets/js/loader.js; `interact`, the chart's tooltip, keyboard
// walk and legend buttons, is crates/widgets/js/interact.js; `make dist` puts
// both at the head of this file. The menu's module, opeka-extras.js, lies
// beside this file.

// Big feeds (500 KB and more) go to the page's worker, whose page side,
// opeka-worker-host.js beside this file, is loaded with the first of them:
// `warm` as soon as a big body is announced (unless every widget of the
// page says worker="off"), `reduce` when a widget hands one over. Where it
// cannot load, `reduce` rejects and the widget does the work. The import
// is asked once and its promise kept: Chromium settles each `import()` in
// a task of its own, even of a module it has, and a big body's hand-over
// waited behind the widget's tasks for up to 200 ms (docs/performance.md, stop 16).
let hosting;
const host = () => (hosting ??= import(new URL('./opeka-worker-host.js', import.meta.url).href));
// `warm` also starts the first worker itself, which the host adopts: the
// host's module is evaluated only after the page's module and its first
// tasks, 150–300 ms after a 1 MB body is announced (stop 17). Once that
// worker failed before the host could hear it (a policy that refuses
// workers, a script that did not load), the host starts none, and does
// the work on the main thread, with the worker's module. Where
// none can start here (no Worker in this browser, or opeka.js on another
// origin than the page), the host tries once more, then does the same.
// The body itself goes to that worker as it is read, a chunk at a time,
// and the host then asks that worker for it by its number rather than
// posting it whole (loader.js's `announcer`).
const announce = announcer(() => new URL('./opeka-worker.js', import.meta.url), host);
const warm = (size) => document.querySelector('opeka-chart:not([worker=off])') && announce(size);
const reduce = (bytes, view, ahead) => host().then((h) => h.reduce(bytes, view, ahead));

// The words of a feed's problems, from the worker's module on this thread
// (opeka-worker-host.js's `words`): the page's module leaves them out
// (crates/embed/src/worker.rs says why). Rejects when it cannot load.
const words = (bytes) => host().then((h) => h.words(bytes));

// The charts' tooltips and keyboard walk (crates/widgets/js/tooltips.js),
// imported when the pointer first enters a chart or one takes focus: most readers of a
// page never use them, so they are not in its first download.
const interactive = (figure, data, toggle) => interact(figure, data, toggle, () => import(new URL('./opeka-tooltips.js', import.meta.url).href));

// A widget's first request leaves as its element connects, while the
// module still downloads and compiles (`early`, by absolute URL; the limit
// is the validator's, 16 MiB). The module's first load of that URL takes
// it over, with its own signal and timeout; one still unclaimed once the
// module has set its widgets up (the element went, or changed its src) is
// aborted. A big body (500 KB and more, as fetch.rs's HELD_FROM_BYTES) goes
// to the worker as soon as it is read, for the element's view, unless it
// says worker="off": the module, often still starting then, is handed
// that answer when it asks for the same body and view.
const early = new Map();
const absolute = (src) => new URL(src, document.baseURI).href;
const claim = (args, signal) => {
  const url = absolute(args[0]);
  const request = early.get(url);
  if (!request) return load(args, signal, warm);
  early.delete(url);
  signal?.addEventListener('abort', () => request.abort());
  return request.answer;
};

// The first text measured in a font (a family, size and weight) costs
// 1–5 ms as the browser looks the family up and sets the font up at that
// size (docs/performance.md, stop 37); later texts in it cost next to
// nothing. The widget measures every text at 100 px, regular or bold, and
// scales it (crates/widgets/src/measure.rs), so, while the module
// downloads, a task measures a letter in those two fonts in the widget's
// default family (widget.css). A host's own --opeka-font is not looked up
// here. A browser that refuses the canvas has none to set up (the widget
// then estimates its widths).
const setUpFonts = () => {
  const canvas = document.createElement('canvas').getContext('2d');
  for (const weight of canvas ? [400, 700] : []) {
    canvas.font = `${weight} 100px "PT Sans", "Helvetica Neue", Arial, sans-serif`;
    canvas.measureText('Ж');
  }
};

let loading = null;
let ready = false;
// Resolves to the module's exports (pages and tests read its `memory`).
export function loadModule() {
  if (!loading) setTimeout(setUpFonts);
  // One module and one wasm instance for every widget on the page.
  loading ??= init({ module_or_path: new URL('./opeka_bg.wasm', import.meta.url) })
    .then((exports) => {
      use_loader(claim, interactive, extras(new URL('./opeka-extras.js', import.meta.url)), reduce, words);
      ready = true;
      // Cleared too, so that a later widget of that src is not handed an aborted request.
      setTimeout(() => (early.forEach((request) => request.abort()), early.clear()));
      return exports;
    });
  return loading;
}

const MESSAGE = {
  ru: 'График не загрузился: браузер не смог запустить модуль.',
  en: 'The chart could not load: the browser could not start its module.',
};

class OpekaChartElement extends HTMLElement {
  static observedAttributes = ['src', 'view', 'lang', 'theme', 'height', 'refresh', 'timeout', 'controls', 'medium', 'slide-title', 'slide-note'];

  constructor() {
    super();
    // `f` on a focused widget presses its full-screen button (none with
    // controls="none"); in a deck, `f` is the deck's.
    this.addEventListener('keydown', (event) => {
      const button = this.shadowRoot?.querySelector('[name=full]');
      if (event.key === 'f' && !event.ctrlKey && !event.metaKey && !event.altKey && button?.offsetParent && !this.closest('opeka-deck')) {
        event.stopPropagation();
        button.click();
      }
    });
  }

  connectedCallback() {
    const src = this.getAttribute('src')?.trim();
    if (!ready && src && !this.querySelector(':scope>script[type="application/json"]') && !early.has(absolute(src))) {
      const request = new AbortController();
      request.answer = load([src, null, null, 2 ** 24], request.signal, warm);
      // An unclaimed request's abort is not an error of the page's.
      request.answer.then(([, , bytes]) => bytes?.length >= 5e5 && this.getAttribute('worker') != 'off'
        && reduce(bytes, this.getAttribute('view'), true)).catch(() => {});
      early.set(absolute(src), request);
    }
    loadModule().then(() => {
      if (this.isConnected && !this.widget) this.widget = new OpekaWidget(this);
    }).catch((error) => this.showLoadFailure(error));
  }

  disconnectedCallback() {
    // Frees the chart, its observers, listeners, timers and fetches.
    this.widget?.free();
    this.widget = undefined;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue) this.widget?.attribute_changed(name);
  }

  /** Fetches the feed again. */
  reload() {
    this.widget?.reload();
  }

  showLoadFailure(error) {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const lang = (this.closest('[lang]')?.getAttribute('lang') ?? 'ru').startsWith('en') ? 'en' : 'ru';
    const box = document.createElement('p');
    box.setAttribute('role', 'alert');
    box.textContent = MESSAGE[lang];
    root.replaceChildren(box);
    const message = String(error?.message ?? error);
    console.error('opeka-chart: could not load the module:', error);
    this.dispatchEvent(new CustomEvent('opeka-error', {
      bubbles: true, composed: true, detail: { kind: 'module', message, problems: [] },
    }));
  }
}

if (!customElements.get('opeka-chart')) customElements.define('opeka-chart', OpekaChartElement);
