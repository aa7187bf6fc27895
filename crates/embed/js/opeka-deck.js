// Opeka decks: defines <opeka-deck>, slides of charts shown one at a time,
// filling the screen (docs/decks.md). Load it only on pages that show a deck:
//   <script type="module" src="/opeka/opeka-deck.js"></script>
//   <opeka-deck src="/decks/ceremony.json"></opeka-deck>
// or with <opeka-chart> children as its slides. It is not part of the plain
// widget download: it brings its own small wasm module (the deck's checks
// and texts, crates/deck-wasm) and reuses <opeka-chart> (opeka.js, imported
// here) for every slide, with its fetch cache, refresh and stale marker.
import './opeka.js';
import initDeck, { check_deck, deck_text } from './opeka_deck_bindings.js';

let loading = null;
function loadDeckModule() {
  loading ??= initDeck({ module_or_path: new URL('./opeka_deck_bg.wasm', import.meta.url) });
  return loading;
}

// The projector's type: PT Sans (as "Opeka Sans", woff2 beside opeka.js),
// loaded from opeka-extras.js with the widgets' full screen, at most three
// seconds waited for; the slides are made after it, so that they measure
// their text in it. A plain page never loads it.
let fonts = null;
function loadFonts() {
  fonts ??= import('./opeka-extras.js').then((extras) => extras.fontsWithin(3000)).then(
    () => document.fonts.check('16px "Opeka Sans"'),
    (error) => console.error('opeka-deck: no fonts:', error),
  );
  return fonts;
}

// Whole seconds, as in the deck file; shorter is refused there too.
const MIN_AUTOPLAY = 5;
// A touch or a key pauses autoplay; this long without one resumes it.
const IDLE_MS = 60_000;
// A horizontal move this long (CSS px) is a swipe.
const SWIPE_PX = 50;
// Narrower than this (CSS px), slides keep the page's type: the slide medium
// lays a chart out 768 px wide and scales it, so on a phone its labels would
// be 6 px.
const SLIDE_MIN_WIDTH = 768;
// Digits typed within this time make one slide number (1, 2 → slide 12).
const DIGITS_MS = 1000;
// The bar under the slides: counter, buttons.
const CSS = `
:host { all: initial; display: block; position: relative; aspect-ratio: 16 / 9; contain: content; touch-action: pan-y pinch-zoom;
  font-family: var(--opeka-font, "PT Sans", "Helvetica Neue", Arial, sans-serif); }
:host([hidden]) { display: none; }
:host([data-pt]) { --opeka-font: "Opeka Sans", "PT Sans", sans-serif; }
:host(:fullscreen), :host([data-overlay]) { width: 100vw; height: 100vh; aspect-ratio: auto; }
:host([data-overlay]) { position: fixed; inset: 0; z-index: 2147483647; }
.deck { position: absolute; inset: 0; background: #fff; color: #000; outline: none; container-type: size; }
.deck[data-theme="dark"] { background: #16191d; color: #e8eaed; }
/* The slides take the whole deck: the bar floats in a corner, so a slide has
   the screen's full height, as the PDF's pages do. */
.stage { position: absolute; inset: 0; overflow: hidden; }
.slide { position: absolute; inset: 0; opacity: 0; pointer-events: none; }
.slide[data-current] { opacity: 1; pointer-events: auto; }
.slide > opeka-chart, .slide ::slotted(opeka-chart) { display: block; width: 100%; }
.bar { position: absolute; bottom: 10px; inset-inline-end: 10px; z-index: 2; display: flex; align-items: center; gap: .4em;
  padding: .2em .3em .2em .6em; border-radius: 6px; font-size: clamp(14px, 2.4cqh, 30px); background: rgba(255, 255, 255, .88); }
.deck[data-theme="dark"] .bar { background: rgba(22, 25, 29, .88); }
.counter { margin-inline-end: .3em; font-variant-numeric: tabular-nums; }
button { font: inherit; line-height: 1; color: inherit; background: transparent; border: 1px solid currentColor; border-radius: 4px;
  padding: .15em .5em; cursor: pointer; min-width: 1.9em; min-height: 1.7em; display: inline-flex; align-items: center; justify-content: center; }
button:disabled { opacity: .35; cursor: default; }
button svg { width: .9em; height: .9em; }
button:focus-visible, .deck:focus-visible { outline: 3px solid var(--opeka-accent, #0b5cad); outline-offset: -3px; }
.progress { position: absolute; inset-inline: 0; bottom: 0; height: 4px; z-index: 2; }
.progress > div { height: 100%; background: var(--opeka-accent, #0b5cad); transform-origin: left; }
.progress[data-paused] > div { opacity: .35; }
.failure { position: absolute; inset: 0; padding: 1em 1.5em; font-size: 18px; overflow: auto; }
.failure p { font-weight: 700; margin: 0 0 .5em; }
.failure ul { margin: 0; padding-inline-start: 1.2em; font-family: ui-monospace, monospace; font-size: 15px; }
.hidden-text { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
[hidden] { display: none !important; }
`;

// Added to each slide's own shadow root by the deck (the widget's stylesheet
// stays as every page has it): the chart fills the slide, so its data table is
// for screen readers only, the stale line floats in the slide's bottom
// corner, above the deck's bar, instead of pushing the chart down, and a
// tooltip's type grows with the deck's width, as the slide's does (a
// 768-px layout drawn at the deck's width).
const SLIDE_CSS = `
.opeka { position: relative; overflow: hidden; }
.opeka-table { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); margin: 0; }
.opeka-stale { position: absolute; bottom: 3.6em; inset-inline-end: 10px; z-index: 1; margin: 0; font-size: clamp(16px, 2.2vh, 28px); background: inherit; }
.opeka-tip { font-size: max(13px, 1.7cqw); }
`;

let slideSheet = null;
/** Gives a slide's chart the slide's styles, once its shadow root is there (and again if it was rebuilt). */
function styleSlide(chart) {
  const root = chart.shadowRoot;
  if (!root) return;
  if (!slideSheet) {
    slideSheet = new CSSStyleSheet();
    slideSheet.replaceSync(SLIDE_CSS);
  }
  if (!root.adoptedStyleSheets.includes(slideSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, slideSheet];
}

let sheet = null;
function styleSheet() {
  // A constructed sheet: no inline <style>, so a strict CSP needs no 'unsafe-inline'.
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Four corners, the usual sign for full screen (drawn, as fonts lack a glyph for it). */
function cornersIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '2');
  svg.append(path);
  return svg;
}

// The validator's limit (opeka_feed's Options::max_bytes): a deck file past it
// is refused by the checks, which need only one byte more to say so.
const MAX_BYTES = 16 * 1024 * 1024;

/** The body, read no further than one byte past the limit, so that a huge answer is never held whole. */
async function readBounded(response) {
  const chunks = [];
  let size = 0;
  for (const reader = response.body?.getReader(); reader; ) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    if ((size += value.length) > MAX_BYTES) {
      reader.cancel();
      break;
    }
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer()).subarray(0, MAX_BYTES + 1);
}

const langOf = (code) => (String(code ?? '').toLowerCase().startsWith('en') ? 'en' : 'ru');

/** A text `{ru, en}` of the deck in `lang`. */
const textIn = (text, lang) => (text ? text[lang] ?? text.ru ?? text.en ?? '' : null);

class OpekaDeckElement extends HTMLElement {
  static get observedAttributes() {
    return ['src', 'autoplay', 'theme', 'lang', 'refresh', 'loop'];
  }

  constructor() {
    super();
    this.index = 0;
    this.slides = [];
    this.deck = null;
    this.generation = 0;
    this.timers = { autoplay: null, idle: null };
    this.paused = false;
    this.digits = { text: '', at: -Infinity };
    this.touch = null;
    this.onKey = (event) => this.key(event);
    // A slide's chart has its shadow root by its first event; it gets the slide's styles then.
    this.onChartEvent = (event) => {
      const chart = event.composedPath().find((node) => node.localName === 'opeka-chart');
      if (chart) styleSlide(chart);
    };
    this.addEventListener('opeka-rendered', this.onChartEvent);
    this.addEventListener('opeka-error', this.onChartEvent);
    this.onFullscreen = () => this.fullscreenChanged();
  }

  connectedCallback() {
    if (!this.shadowRoot) this.build();
    document.addEventListener('keydown', this.onKey);
    document.addEventListener('fullscreenchange', this.onFullscreen);
    this.resize.observe(this.stage);
    this.setUp();
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.onKey);
    document.removeEventListener('fullscreenchange', this.onFullscreen);
    this.resize.disconnect();
    this.stopTimers();
    this.generation++;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected || !this.shadowRoot) return;
    // Timing alone does not need the slides made again.
    if ((name === 'autoplay' || name === 'loop') && this.slides.length) {
      this.paused = false;
      this.show(this.index, 'attribute');
      return;
    }
    this.setUp();
  }

  /** The slide on show, from 0. */
  get current() {
    return this.index;
  }

  /** How many slides the deck has. */
  get count() {
    return this.slides.length;
  }

  /** Whether autoplay is paused by a touch or a key (it resumes after a minute). */
  get isPaused() {
    return this.paused;
  }

  /** The shadow tree: stage, bar, progress, failure box. Built once. */
  build() {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    this.frame = el('div', 'deck');
    this.frame.setAttribute('role', 'region');
    this.stage = el('div', 'stage');
    this.bar = el('div', 'bar');
    this.counter = el('span', 'counter');
    this.counterShown = el('span');
    this.counterShown.setAttribute('aria-hidden', 'true');
    this.counterSaid = el('span', 'hidden-text');
    this.counter.setAttribute('aria-live', 'polite');
    this.counter.append(this.counterShown, this.counterSaid);
    this.previousButton = this.button('‹', () => this.show(this.index - 1, 'button'));
    this.nextButton = this.button('›', () => this.show(this.index + 1, 'button'));
    this.fullButton = this.button('', () => this.toggleFullscreen());
    this.fullButton.append(cornersIcon());
    this.bar.append(this.counter, this.previousButton, this.nextButton, this.fullButton);
    // Shown with the slides: its labels are the deck module's texts (and
    // while the fonts load, there is nothing yet to turn).
    this.bar.hidden = true;
    this.progress = el('div', 'progress');
    this.progress.setAttribute('aria-hidden', 'true');
    this.progressFill = el('div');
    this.progress.append(this.progressFill);
    this.failure = el('div', 'failure');
    this.failure.setAttribute('role', 'alert');
    this.failure.hidden = true;
    this.frame.append(this.stage, this.failure, this.bar, this.progress);
    root.append(this.frame);
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    // Slides fill the stage: their height follows it (the width follows on its own).
    this.resize = new ResizeObserver(() => this.fitSlides());
    this.addEventListener('touchstart', (event) => this.touchStart(event), { passive: true });
    this.addEventListener('touchend', (event) => this.touchEnd(event));
    this.addEventListener('pointerdown', () => this.interrupted());
  }

  button(label, action) {
    const button = el('button', '', label);
    button.type = 'button';
    button.addEventListener('click', action);
    return button;
  }

  /** The language of the deck's own texts, as its slides take it: its `lang`, the deck's, the page's. */
  lang() {
    const own = this.getAttribute('lang') ?? this.deck?.lang ?? this.parentElement?.closest('[lang]')?.getAttribute('lang');
    return langOf(own ?? 'ru');
  }

  text(name, a = 0, b = 0) {
    return deck_text(name, this.lang(), a, b);
  }

  /** (Re)reads the deck: the file at `src`, else the <opeka-chart> children. */
  async setUp() {
    const generation = ++this.generation;
    this.stopTimers();
    // The fonts load while the module starts and the deck file comes.
    const font = loadFonts();
    try {
      await loadDeckModule();
    } catch (error) {
      console.error('opeka-deck: could not load the module:', error);
      this.fail({ kind: 'module', message: String(error?.message ?? error), problems: [] }, 'not-loaded');
      return;
    }
    if (generation !== this.generation) return;
    const src = this.getAttribute('src');
    let deck = null;
    let base = document.baseURI;
    if (src) {
      base = new URL(src, document.baseURI).href;
      const loaded = await this.fetchDeck(base);
      if (generation !== this.generation) return;
      if (!loaded) return;
      deck = loaded;
    }
    if (await font) this.dataset.pt = '';
    if (generation !== this.generation) return;
    this.deck = deck;
    this.makeSlides(deck, base);
  }

  /** Fetches and checks the deck file; on a failure shows it and returns null. */
  async fetchDeck(url) {
    let bytes;
    try {
      const response = await fetch(url);
      if (!response.ok) {
        this.fail({ kind: 'network', status: response.status, url, message: response.statusText, problems: [] }, 'not-loaded', response.status);
        return null;
      }
      bytes = await readBounded(response);
    } catch (error) {
      this.fail({ kind: 'network', url, message: String(error?.message ?? error), problems: [] }, 'not-loaded');
      return null;
    }
    const checked = check_deck(bytes);
    const lang = this.lang();
    const problems = checked.problems.map((p) => ({ path: p.path, severity: p.severity, message: p[lang], ru: p.ru, en: p.en }));
    const warnings = problems.filter((p) => p.severity === 'warning');
    if (warnings.length) console.warn(`opeka-deck: ${url}\n${warnings.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
    if (!checked.deck) {
      const errors = problems.filter((p) => p.severity === 'error').length + checked.omitted;
      this.fail({ kind: 'invalid', url, message: this.text('invalid', errors), problems, omitted: checked.omitted }, 'invalid', errors, problems);
      return null;
    }
    return checked.deck;
  }

  /** Shows a deck that cannot be shown, and tells the page (`opeka-error`). */
  fail(detail, messageName, number = 0, problems = []) {
    this.clearSlides();
    const message = deck_text(messageName, this.lang(), number, 0);
    const list = el('ul');
    for (const problem of problems) list.append(el('li', '', `${problem.path}: ${problem.message}`));
    this.failure.replaceChildren(el('p', '', message), list);
    this.failure.hidden = false;
    this.stage.hidden = true;
    this.bar.hidden = true;
    this.progress.hidden = true;
    console.error(`opeka-deck: ${message}\n${problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
    this.dispatchEvent(new CustomEvent('opeka-error', { bubbles: true, composed: true, detail: { ...detail, message } }));
  }

  clearSlides() {
    for (const slide of this.slides) {
      slide.wrapper.remove();
      if (slide.child) slide.chart.removeAttribute('slot');
    }
    this.slides = [];
  }

  /** Every slide is made and drawn at once, so that changing one is only showing it. */
  makeSlides(deck, base) {
    this.clearSlides();
    const pageLang = this.getAttribute('lang');
    const pageTheme = this.getAttribute('theme');
    const refresh = this.getAttribute('refresh');
    const slides = [];
    if (deck) {
      for (const slide of deck.slides) {
        const chart = document.createElement('opeka-chart');
        chart.setAttribute('src', new URL(slide.feed, base).href);
        if (slide.view) chart.setAttribute('view', slide.view);
        // A slide on a projector has no downloads menu; the deck's charts are the page's.
        chart.setAttribute('controls', 'none');
        const lang = pageLang ?? slide.lang;
        if (lang) chart.setAttribute('lang', lang);
        chart.setAttribute('theme', pageTheme ?? slide.theme);
        const textLang = langOf(lang ?? 'ru');
        const title = textIn(slide.title, textLang);
        const note = textIn(slide.note, textLang);
        if (title) chart.setAttribute('slide-title', title);
        if (note) chart.setAttribute('slide-note', note);
        slides.push({ chart, child: false });
      }
    } else {
      for (const chart of this.querySelectorAll(':scope > opeka-chart')) {
        // The child's own attributes win; the deck sets only what it left out.
        if (!chart.hasAttribute('theme')) chart.setAttribute('theme', pageTheme ?? 'contrast');
        if (pageLang && !chart.hasAttribute('lang')) chart.setAttribute('lang', pageLang);
        slides.push({ chart, child: true });
      }
    }
    if (!slides.length) {
      this.fail({ kind: 'no-slides', problems: [] }, 'no-slides');
      return;
    }
    this.failure.hidden = true;
    this.stage.hidden = false;
    this.bar.hidden = false;
    slides.forEach((slide, i) => {
      const wrapper = el('div', 'slide');
      slide.wrapper = wrapper;
      if (refresh !== null && !slide.chart.hasAttribute('refresh')) slide.chart.setAttribute('refresh', refresh);
      if (slide.child) {
        const name = `opeka-slide-${i + 1}`;
        const slot = el('slot');
        slot.name = name;
        slide.chart.setAttribute('slot', name);
        wrapper.append(slot);
      } else {
        wrapper.append(slide.chart);
      }
      this.stage.append(wrapper);
    });
    this.slides = slides;
    const title = textIn(deck?.title, this.lang());
    this.frame.setAttribute('aria-roledescription', this.text('deck'));
    this.frame.setAttribute('aria-label', title || this.text('deck'));
    this.previousButton.title = this.text('previous');
    this.previousButton.setAttribute('aria-label', this.text('previous'));
    this.nextButton.title = this.text('next');
    this.nextButton.setAttribute('aria-label', this.text('next'));
    this.fullscreenChanged();
    this.fitSlides();
    this.show(Math.min(this.index, slides.length - 1), 'setup');
    this.fullscreenChanged();
  }

  /** Seconds between slides, or 0: the attribute, else the deck's `autoplay`. */
  autoplaySeconds() {
    const own = this.getAttribute('autoplay');
    if (own !== null) {
      const seconds = Number.parseInt(own, 10);
      if (Number.isInteger(seconds) && seconds >= MIN_AUTOPLAY && String(seconds) === own.trim()) return seconds;
      if (own.trim() !== '' && own.trim() !== '0') console.warn(`opeka-deck: autoplay="${own}" is not a whole number of seconds, at least ${MIN_AUTOPLAY}; not advancing by itself`);
      return 0;
    }
    return this.deck?.autoplay ?? 0;
  }

  /** Whether the deck starts again after the last slide: `loop`, the deck's `loop`, or a kiosk's `autoplay` attribute. */
  looping() {
    const own = this.getAttribute('loop');
    if (own !== null) return own !== 'false';
    return Boolean(this.deck?.loop) || this.hasAttribute('autoplay');
  }

  /**
   * Gives every slide the stage's height (whole pixels, as `height` takes),
   * and its medium: `slide` (type in proportion to the slide) from a
   * tablet's width up; on a phone a slide's type would shrink below
   * reading size, so there the charts keep the page's type (`screen`).
   */
  fitSlides() {
    const medium = this.stage.clientWidth >= SLIDE_MIN_WIDTH ? 'slide' : 'screen';
    // A phone's chart has its footer across the whole width: it ends above the bar.
    const bar = medium === 'screen' ? this.bar.offsetHeight + 10 : 0;
    const height = Math.floor(this.stage.clientHeight - bar);
    if (height < 120) return;
    const value = String(Math.min(height, 4000));
    for (const { chart } of this.slides) {
      if (chart.getAttribute('height') !== value) chart.setAttribute('height', value);
      if (chart.getAttribute('medium') !== medium) chart.setAttribute('medium', medium);
    }
  }

  /** Shows slide `index` (wrapping when the deck loops); `how` says what asked. */
  show(index, how) {
    const count = this.slides.length;
    if (!count) return;
    let next = index;
    if (next < 0) next = this.looping() ? count - 1 : 0;
    if (next >= count) next = this.looping() ? 0 : count - 1;
    const changed = next !== this.index || how === 'setup';
    this.index = next;
    this.slides.forEach((slide, i) => {
      const current = i === next;
      slide.wrapper.toggleAttribute('data-current', current);
      // Hidden slides stay laid out (drawn ahead) but out of reach.
      slide.wrapper.inert = !current;
      slide.wrapper.setAttribute('aria-hidden', String(!current));
    });
    const theme = this.slides[next].chart.getAttribute('theme');
    this.frame.setAttribute('data-theme', theme === 'dark' ? 'dark' : 'light');
    this.counterShown.textContent = this.text('counter', next + 1, count);
    this.counterSaid.textContent = this.text('slide-of', next + 1, count);
    this.previousButton.disabled = !this.looping() && next === 0;
    this.nextButton.disabled = !this.looping() && next === count - 1;
    if (changed) {
      const title = textIn(this.deck?.title, this.lang());
      this.dispatchEvent(new CustomEvent('opeka-slide', { bubbles: true, composed: true, detail: { index: next, count, how, title } }));
    }
    if (how === 'key' || how === 'swipe' || how === 'button') this.interrupted();
    this.scheduleAutoplay();
  }

  /** A touch, a click or a key: autoplay pauses, and resumes after a minute without one. */
  interrupted() {
    if (!this.autoplaySeconds()) return;
    this.paused = true;
    clearTimeout(this.timers.idle);
    this.timers.idle = setTimeout(() => {
      this.timers.idle = null;
      this.paused = false;
      this.scheduleAutoplay();
    }, IDLE_MS);
    this.scheduleAutoplay();
  }

  /** (Re)starts the wait for the next slide, and the bar that shows it. */
  scheduleAutoplay() {
    clearTimeout(this.timers.autoplay);
    this.timers.autoplay = null;
    const seconds = this.autoplaySeconds();
    const atEnd = !this.looping() && this.index === this.slides.length - 1;
    const playing = seconds > 0 && !this.paused && !atEnd && this.slides.length > 1;
    this.progress.hidden = !(seconds > 0 && this.slides.length > 1);
    this.progress.toggleAttribute('data-paused', this.paused);
    this.bar.title = seconds ? this.text(this.paused ? 'paused' : 'autoplay', seconds) : '';
    this.progressAnimation?.cancel();
    this.progressAnimation = null;
    if (!playing) return;
    this.timers.autoplay = setTimeout(() => {
      this.timers.autoplay = null;
      this.show(this.index + 1, 'autoplay');
    }, seconds * 1000);
    // The time left, as a bar shrinking to nothing (decorative: the counter says where we are).
    this.progressAnimation = this.progressFill.animate([{ transform: 'scaleX(1)' }, { transform: 'scaleX(0)' }], {
      duration: seconds * 1000,
      fill: 'forwards',
    });
  }

  stopTimers() {
    clearTimeout(this.timers.autoplay);
    clearTimeout(this.timers.idle);
    this.timers = { autoplay: null, idle: null };
    this.progressAnimation?.cancel();
  }

  /**
   * Keys from the page: those typed inside the deck, and those typed with
   * nothing focused while the deck fills most of the window or the screen
   * (a clicker sends its keys to the page, not to an element).
   */
  key(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || !this.slides.length) return;
    const path = event.composedPath();
    const target = path[0];
    if (target instanceof Element && target.closest('input, textarea, select, [contenteditable]')) return;
    const inside = path.includes(this);
    const free = target === document.body || target === document.documentElement || target === document;
    if (!inside && !(free && this.fillsWindow())) return;
    const actions = {
      ArrowRight: () => this.show(this.index + 1, 'key'),
      ArrowDown: () => this.show(this.index + 1, 'key'),
      PageDown: () => this.show(this.index + 1, 'key'),
      ' ': () => this.show(this.index + (event.shiftKey ? -1 : 1), 'key'),
      ArrowLeft: () => this.show(this.index - 1, 'key'),
      ArrowUp: () => this.show(this.index - 1, 'key'),
      PageUp: () => this.show(this.index - 1, 'key'),
      Home: () => this.show(0, 'key'),
      End: () => this.show(this.slides.length - 1, 'key'),
      f: () => this.toggleFullscreen(),
      F: () => this.toggleFullscreen(),
      Escape: () => this.exitOverlay(),
    };
    // A button keeps its own Space; the deck's buttons only.
    if (event.key === ' ' && target instanceof HTMLButtonElement) return;
    let action = actions[event.key];
    if (!action && /^[0-9]$/.test(event.key)) action = () => this.digit(event.key, event.timeStamp);
    if (!action) {
      this.interrupted();
      return;
    }
    if (event.key === 'Escape' && !this.hasAttribute('data-overlay')) return;
    event.preventDefault();
    action();
  }

  /** Number keys: 3 shows slide 3; 1 then 2 within a second shows slide 12 when there is one. */
  digit(key, time) {
    const recent = time - this.digits.at < DIGITS_MS;
    let text = (recent ? this.digits.text : '') + key;
    let number = Number(text);
    if (number < 1 || number > this.slides.length) {
      text = key;
      number = Number(key);
    }
    this.digits = { text, at: time };
    if (number >= 1 && number <= this.slides.length) this.show(number - 1, 'key');
    else this.interrupted();
  }

  fillsWindow() {
    if (document.fullscreenElement === this || this.hasAttribute('data-overlay')) return true;
    const box = this.getBoundingClientRect();
    const width = Math.max(0, Math.min(box.right, innerWidth) - Math.max(box.left, 0));
    const height = Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, 0));
    return width * height >= 0.5 * innerWidth * innerHeight && document.querySelector('opeka-deck') === this;
  }

  touchStart(event) {
    const touch = event.changedTouches[0];
    this.touch = touch ? { x: touch.clientX, y: touch.clientY } : null;
    this.interrupted();
  }

  touchEnd(event) {
    const touch = event.changedTouches[0];
    const start = this.touch;
    this.touch = null;
    if (!touch || !start) return;
    const dx = touch.clientX - start.x;
    const dy = touch.clientY - start.y;
    if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) < 1.5 * Math.abs(dy)) return;
    // Right to left is forward, as on a phone's photo roll.
    this.show(this.index + (dx < 0 ? 1 : -1), 'swipe');
  }

  /** Full screen by the Fullscreen API; where it is missing, a fixed overlay over the page. */
  toggleFullscreen() {
    if (document.fullscreenElement === this) {
      document.exitFullscreen?.();
    } else if (this.hasAttribute('data-overlay')) {
      this.exitOverlay();
    } else if (typeof this.requestFullscreen === 'function') {
      this.requestFullscreen().catch(() => this.enterOverlay());
    } else {
      this.enterOverlay();
    }
  }

  enterOverlay() {
    this.setAttribute('data-overlay', '');
    this.fullscreenChanged();
  }

  exitOverlay() {
    this.removeAttribute('data-overlay');
    this.fullscreenChanged();
  }

  fullscreenChanged() {
    if (!this.slides.length) return;
    const full = document.fullscreenElement === this || this.hasAttribute('data-overlay');
    const label = this.text(full ? 'exit-full-screen' : 'full-screen');
    this.fullButton.title = label;
    this.fullButton.setAttribute('aria-label', label);
    this.fullButton.setAttribute('aria-pressed', String(full));
  }
}

if (!customElements.get('opeka-deck')) customElements.define('opeka-deck', OpekaDeckElement);
