// Opeka's downloads menu: what a reader gets only when they ask for it.
// The widget (crates/widgets/src/menu.rs) makes the button (with
// aria-haspopup) and gives the items' labels in the menu's `data-labels`,
// one a line, in this order: PNG, SVG, CSV. `extras` in loader.js loads
// this module the first time the button is pressed and calls `menu`, which
// makes the popup. `make dist` minifies it into dist/opeka/opeka-extras.js,
// beside opeka.js.
//
// Everything works on the widget's own shadow DOM: the chart's mounted SVG,
// its data table (`csvNumber` writes a cell that shows a bare number as a
// spreadsheet in the widget's language reads it), and the file name in
// the menu's `data-file`. No URL is loaded and nothing is inserted as HTML,
// so a strict CSP (script-src 'self') sees no violation.

const wired = new WeakSet();
const KINDS = ['png', 'svg', 'csv'];

// The popup's styles, added to the widget's shadow root as it first opens
// (a constructed sheet: no inline style for a strict CSP to refuse). It
// opens upwards, over the chart: below the widget's box it would be cut off
// (the host is `contain: content`).
const SHEET = new CSSStyleSheet();
SHEET.replaceSync(`
.opeka-menu [role="menu"] {
  position: absolute; bottom: 100%; inset-inline-end: 0; z-index: 1;
  display: flex; flex-direction: column;
  margin-bottom: .25em; padding: .25em 0;
  background: var(--opeka-background, #ffffff);
  border: 1px solid rgba(127,127,127,.6); border-radius: 4px;
  box-shadow: 0 2px 10px rgba(0,0,0,.2);
}
.opeka[data-theme="dark"] .opeka-menu [role="menu"] { background: var(--opeka-background, #16191d); }
.opeka-menu [role="menuitem"] {
  font: inherit; color: inherit; cursor: pointer; background: none; border: 0;
  padding: .35em 1em; text-align: start; white-space: nowrap;
}
.opeka-menu [role="menuitem"]:hover, .opeka-menu [role="menuitem"]:focus { background: var(--opeka-accent, #0b5cad); color: #ffffff; outline: none; }
@media (forced-colors: active) {
  .opeka-menu [role="menuitem"]:hover, .opeka-menu [role="menuitem"]:focus { forced-color-adjust: none; background: Highlight; color: HighlightText; }
}
`);

/**
 * Opens the menu of `button` at its first item, or closes it when it is
 * open (a click, Enter, Space); `key` ArrowDown or ArrowUp opens it at its
 * first or last item.
 */
export function menu(button, key) {
  const box = button.parentElement;
  if (button.name === 'full') return full(button.getRootNode().host ?? box.closest('.opeka'));
  if (!wired.has(box)) {
    wired.add(box);
    wire(box, button);
  }
  const list = button.nextElementSibling;
  if (key) open(box, button, list, key === 'ArrowUp' ? -1 : 0);
  else if (list.hidden) open(box, button, list, 0);
  else close(box, button, list, true);
}

const items = (list) => [...list.children];

function open(box, button, list, index) {
  // The labels in the widget's language of the moment.
  list.setAttribute('aria-label', button.textContent);
  const labels = (box.dataset.labels ?? '').split('\n');
  items(list).forEach((item, i) => { item.textContent = labels[i] ?? KINDS[i].toUpperCase(); });
  list.hidden = false;
  button.setAttribute('aria-expanded', 'true');
  const all = items(list);
  all.at(index)?.focus();
  // A press anywhere else closes it (the path crosses the shadow root).
  box.outside = (event) => { if (!event.composedPath().includes(box)) close(box, button, list, false); };
  document.addEventListener('pointerdown', box.outside, true);
}

function close(box, button, list, refocus) {
  list.hidden = true;
  button.removeAttribute('aria-expanded');
  document.removeEventListener('pointerdown', box.outside, true);
  if (refocus) button.focus();
}

function wire(box, button) {
  const root = box.getRootNode();
  if (!root.adoptedStyleSheets.includes(SHEET)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, SHEET];
  const list = document.createElement('div');
  list.setAttribute('role', 'menu');
  list.hidden = true;
  for (const kind of KINDS) {
    const item = list.appendChild(document.createElement('button'));
    item.type = 'button';
    item.tabIndex = -1;
    item.setAttribute('role', 'menuitem');
    item.dataset.kind = kind;
  }
  button.after(list);
  list.addEventListener('keydown', (event) => {
    const all = items(list);
    const at = all.indexOf(event.target);
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: -1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      all.at(move % all.length).focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(box, button, list, true);
    } else if (event.key === 'Tab') {
      close(box, button, list, false);
    }
  });
  list.addEventListener('click', (event) => {
    const item = event.target.closest('[role="menuitem"]');
    if (!item) return;
    close(box, button, list, true);
    download(box, item.dataset.kind).catch((error) => console.error('opeka: the download failed:', error));
  });
  // Focus leaving the menu (a click elsewhere, a screen reader's jump) closes it.
  box.addEventListener('focusout', (event) => {
    if (!list.hidden && !box.contains(event.relatedTarget)) close(box, button, list, false);
  });
}

async function download(box, kind) {
  const root = box.closest('.opeka');
  const svg = [...root.querySelectorAll('.opeka-svg svg')];
  const name = `${box.dataset.file || 'opeka'}.${kind}`;
  if (!svg.length) return;
  if (kind === 'svg') save(new Blob([svgText(svg)], { type: 'image/svg+xml' }), name);
  if (kind === 'csv') save(new Blob([csv(root)], { type: 'text/csv;charset=utf-8' }), name);
  if (kind === 'png') save(await png(svg), name);
}

/**
 * The elements of a chart drawn as `bands`, its SVG documents from the
 * top (one but for a tall chart: crates/chart's `write_svg_bands`), each
 * once: an item that reaches over a band's edge is in both bands, as is
 * the title and the canvas, and is the same markup in both.
 */
function drawn(bands) {
  const elements = [];
  let before = new Set();
  for (const band of bands) {
    const here = new Set();
    for (const el of band.children) {
      // Its markup, read once, is only a key: nothing is parsed from it.
      const markup = el.outerHTML;
      here.add(markup);
      if (!before.has(markup)) elements.push(el);
    }
    before = here;
  }
  return elements;
}

/** The height of the chart drawn as `bands`: theirs together. */
const height = (bands) => bands.reduce((sum, band) => sum + number(band, 'height'), 0);

function save(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

/**
 * The chart's SVG document as drawn in `bands` (its SVG elements on the
 * page, from the top), one document of the whole canvas.
 */
export function svgText(bands) {
  const copy = bands[0].cloneNode(false);
  const tall = height(bands);
  copy.setAttribute('height', tall);
  copy.setAttribute('viewBox', `0 0 ${number(copy, 'width')} ${tall}`);
  copy.append(...drawn(bands).map((el) => el.cloneNode(true)));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/**
 * The data table as CSV for a spreadsheet in the widget's language: UTF-8
 * with a byte-order mark (so Excel reads it as UTF-8), `;` between fields
 * and the decimal comma in Russian, `,` and the decimal point in English,
 * CRLF line ends, fields quoted as RFC 4180 says. Numbers are written
 * plain (`csvNumber`); a text cell a spreadsheet would run as a formula
 * gets a leading apostrophe, since labels come from feeds.
 */
export function csv(root) {
  // The table is built when first wanted (interact.js): now, if not yet.
  // With every row: the page's table shows at most 1 000 (a ranking's
  // first, and a line counting the rest; a trend's latest), so the rows
  // are asked for whole (interact.js's `toggle(-3)`) unless they came so.
  const s = root.querySelector('.opeka-table')?.parentNode.opeka;
  if (s?.toggle && !s.whole) {
    s.toggle(-3);
    s.whole = true;
  }
  s?.build?.();
  if (!s?.rows) return '';
  const lang = root.lang === 'ru' ? 'ru' : 'en';
  const sep = lang === 'ru' ? ';' : ',';
  // `number`: a body cell after the row's first (its period or name).
  const field = (text, number) => {
    const plain = number && csvNumber(text, lang);
    if (plain) return plain;
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  // The rows as the module gave them to the table (interact.js), all of
  // them, where the page's table shows 1 000; no foot, which counts the
  // rows the page left out. Cells end with \u0001.
  const lines = s.rows.map((row, r) => row.split('\u0001').slice(0, -1).map((text, i) => field(text, r && i)).join(sep));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/**
 * A cell that shows a bare number (`12 000,5`, `−3`; `12,000.5` in English)
 * as a spreadsheet in `lang` reads a number: no digit groups, an ASCII
 * minus, and the decimal comma for Russian (`12000,5`) or the point for
 * English (`12000.5`). Null for anything else: words, units, years in
 * brackets, changes with a sign (`+20`), percentages, `нет данных`. Digit
 * groups are three digits after a first of one to three (`12 000`, never
 * `1 20`). The figures are those shown, to the same decimals, so the file
 * and the table on the page agree.
 */
export function csvNumber(text, lang) {
  const [group, point] = lang === 'ru' ? ['\u00a0', ','] : [',', '\\.'];
  const match = new RegExp(`^(\u2212?)(\\d{1,3}(?:${group}\\d{3})+|\\d+)(${point}\\d+)?$`).exec(text);
  return match && `${match[1] ? '-' : ''}${match[2].replaceAll(group, '')}${match[3] ?? ''}`;
}

/**
 * The chart drawn as `bands` (its SVG elements on the page, from the top)
 * as a PNG at twice its size on the page, title and source included (they
 * are part of the SVG). Drawn from the SVG's own elements
 * onto a canvas rather than by loading the SVG as an image: an image would
 * need a blob: or data: URL, which a strict CSP (img-src 'self') refuses.
 * Colours, opacity and fonts are the computed ones, so the picture is what
 * the page shows.
 */
export function png(bands, scale = 2) {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(number(bands[0], 'width') * scale);
  canvas.height = Math.round(height(bands) * scale);
  const g = canvas.getContext('2d');
  g.scale(scale, scale);
  paint(g, drawn(bands), 1);
  return new Promise((done, fail) => canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error('no PNG'))), 'image/png'));
}

const number = (el, name) => Number(el.getAttribute(name)) || 0;

function points(el) {
  const path = new Path2D();
  const xy = (el.getAttribute('points') ?? '').trim().split(/[\s,]+/).map(Number);
  for (let i = 0; i + 1 < xy.length; i += 2) path[i ? 'lineTo' : 'moveTo'](xy[i], xy[i + 1]);
  return path;
}

function shape(el) {
  const path = new Path2D();
  switch (el.localName) {
    case 'rect':
      path.rect(number(el, 'x'), number(el, 'y'), number(el, 'width'), number(el, 'height'));
      return path;
    case 'circle':
      path.arc(number(el, 'cx'), number(el, 'cy'), number(el, 'r'), 0, 2 * Math.PI);
      return path;
    case 'line':
      path.moveTo(number(el, 'x1'), number(el, 'y1'));
      path.lineTo(number(el, 'x2'), number(el, 'y2'));
      return path;
    case 'polyline':
      return points(el);
    case 'polygon': {
      const closed = points(el);
      closed.closePath();
      return closed;
    }
    case 'path':
      return new Path2D(el.getAttribute('d') ?? '');
    default:
      return null;
  }
}

function paint(g, elements, alpha) {
  for (const el of elements) {
    const style = getComputedStyle(el);
    if (style.display === 'none') continue;
    const opacity = alpha * Number(style.opacity);
    if (el.localName === 'g' || el.localName === 'a') {
      paint(g, el.children, opacity);
      continue;
    }
    if (style.visibility !== 'visible') continue;
    g.globalAlpha = opacity;
    g.fillStyle = style.fill;
    g.strokeStyle = style.stroke;
    g.lineWidth = parseFloat(style.strokeWidth) || 0;
    // A plan's dashes ("6px, 4px"); none is a solid line.
    g.setLineDash(style.strokeDasharray === 'none' ? [] : style.strokeDasharray.split(',').map(parseFloat));
    const fill = style.fill !== 'none';
    const stroke = style.stroke !== 'none' && g.lineWidth > 0;
    if (el.localName === 'text') {
      text(g, el, style, fill, stroke);
      continue;
    }
    const path = shape(el);
    if (!path) continue;
    if (fill) g.fill(path);
    if (stroke) g.stroke(path);
  }
}

function text(g, el, style, fill, stroke) {
  // SVG's whitespace rules: line breaks go, runs of spaces become one; no-break spaces stay.
  const words = el.textContent.replace(/[\r\n]/g, '').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');
  if (!words || !el.getNumberOfChars()) return;
  g.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  g.textAlign = 'left';
  g.textBaseline = 'alphabetic';
  g.lineJoin = 'round';
  // Where the browser put the first glyph: anchors and `dy` are already applied.
  const { x, y } = el.getStartPositionOfChar(0);
  if (stroke && style.paintOrder.startsWith('stroke')) g.strokeText(words, x, y);
  if (fill) g.fillText(words, x, y);
  if (stroke && !style.paintOrder.startsWith('stroke')) g.strokeText(words, x, y);
  g.lineJoin = 'miter';
}


// Full screen (issue 11): the full-screen button (`name="full"`, beside the
// menu's) and `f` on a focused widget come here. The widget's host goes
// full-screen by the Fullscreen API, or where that is missing (iPhone
// Safari) or refused, as a fixed overlay over the viewport; Escape returns
// either way. While it lasts the widget draws in the `slide` medium (on a
// screen 768 px wide or more, as decks do), at the screen's height, in PT Sans (loaded now, not before: a subset of Latin
// and Cyrillic named "Opeka Sans", as its licence asks of modified copies,
// scripts/subset-fonts.py); leaving restores its `medium` and `height`.
// Its tooltips grow with it: the slide medium draws a 768-px layout at the
// screen's width, and a tooltip at the page's 13 px was a fifth of the
// legend's height on a 1 920-px projector.
// opeka-deck.js loads the same fonts from here.
/** The font list of full screen and decks. */
export const FONT = '"Opeka Sans", "PT Sans", sans-serif';
const FULL = new CSSStyleSheet();
FULL.replaceSync(`
:host([data-full]) .opeka { height: 100%; overflow: auto; padding: 1vh 0; }
:host([data-full="overlay"]) { position: fixed; inset: 0; z-index: 2147483647; }
:host([data-pt]) { --opeka-font: ${FONT}; }
:host([data-full]) .opeka-tip { font-size: max(13px, 1.7vw); }
`);

let fontsLoading = null;

/**
 * Loads PT Sans as "Opeka Sans", regular and bold, from the woff2 files
 * beside this module (`make dist` copies them), once a page. Resolves when
 * both are in `document.fonts`.
 */
export function fonts() {
  fontsLoading ??= Promise.all([['400', 'regular'], ['700', 'bold']].map(([weight, name]) => {
    const face = new FontFace('Opeka Sans', `url(${new URL(`./opeka-sans-${name}.woff2`, import.meta.url)})`, { weight });
    document.fonts.add(face);
    return face.load();
  }));
  return fontsLoading;
}

/** The fonts, or after `ms` without them, none: a slow network draws in the fallback. */
export const fontsWithin = (ms) => Promise.race([fonts(), new Promise((resolve) => setTimeout(resolve, ms))]).catch(() => {});

// The widget that is full-screen, and what leaving restores.
let current = null;

function full(host) {
  if (!host) return;
  if (current) return leave();
  // The element's shadow root; in the Leptos component, the widget's own box.
  const root = host.shadowRoot ?? host;
  if (root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(FULL)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, FULL];
  const button = root.querySelector('[name=full]');
  const state = (current = { host, button, medium: host.getAttribute('medium'), height: host.getAttribute('height') });
  const fit = () => {
    if (current !== state) return;
    // The chart takes the screen's height less what is drawn under it (the
    // table's toggle, these buttons) and the padding (2vh).
    const svg = root.querySelector('.opeka-svg');
    const box = host.shadowRoot ? root.querySelector('.opeka') : host;
    let rest = innerHeight / 50 + 4;
    for (const part of box?.children ?? []) rest += part.offsetHeight;
    rest -= svg?.offsetHeight ?? 0;
    // Narrower than a deck's SLIDE_MIN_WIDTH (a phone upright), the slide
    // medium's 768-px layout scaled down would make 6-px labels: the page's type then.
    host.setAttribute('medium', innerWidth < 768 ? 'screen' : 'slide');
    host.setAttribute('height', String(Math.max(200, Math.floor(innerHeight - rest))));
  };
  state.fit = fit;
  state.keys = (event) => {
    if (event.key === 'Escape' && host.dataset.full === 'overlay') {
      event.preventDefault();
      leave();
    }
  };
  addEventListener('resize', fit);
  document.addEventListener('keydown', state.keys);
  document.addEventListener('fullscreenchange', changed);
  button?.setAttribute('aria-pressed', 'true');
  const overlay = () => {
    if (current === state) host.dataset.full = 'overlay';
  };
  const start = () => fontsWithin(3000).then(() => {
    if (current !== state) return;
    // PT Sans only once it is loaded: the widget measures its text in the family it is given.
    if (document.fonts.check('16px "Opeka Sans"')) host.dataset.pt = '';
    fit();
  });
  if (typeof host.requestFullscreen === 'function') {
    host.dataset.full = '';
    host.requestFullscreen().catch(overlay).then(start);
  } else {
    overlay();
    start();
  }
}

function changed() {
  if (current && document.fullscreenElement !== current.host && current.host.dataset.full !== 'overlay') leave();
}

/** Leaves full screen (or the overlay) and restores the widget's medium and height. */
function leave() {
  const state = current;
  if (!state) return;
  if (document.fullscreenElement === state.host) {
    // `fullscreenchange` comes back here.
    document.exitFullscreen();
    return;
  }
  current = null;
  const { host, button } = state;
  removeEventListener('resize', state.fit);
  document.removeEventListener('keydown', state.keys);
  document.removeEventListener('fullscreenchange', changed);
  button?.removeAttribute('aria-pressed');
  host.removeAttribute('data-full');
  host.removeAttribute('data-pt');
  for (const name of ['medium', 'height']) {
    if (state[name] === null) host.removeAttribute(name);
    else host.setAttribute(name, state[name]);
  }
  button?.focus();
}
