// What the pointer and the keys do on a drawn chart: tooltips, the
// keyboard walk with its outline and live region (interact.js sets up the
// chart's parts and calls `listen` on the first event; `make dist` ships
// this as opeka-tooltips.js, loaded only then; the Leptos component
// imports it as a snippet). `s` is the chart's state from interact.js:
// the marks as x, y, w, h, series; their texts; the tooltip, ring and live
// region, and its `close` and `place`. The texts go in as text, never as HTML.
// In forced colours the chart's shapes take system colours (widget.css),
// and so do the legend's swatches copied into its tooltips: a sheet of
// their own, adopted by the chart's root as the widget's is (a constructed
// sheet, which a strict CSP allows), so that the page's download does not
// carry it.
let forced;
try {
  forced = new CSSStyleSheet();
  forced.replaceSync(`@media (forced-colors: active) { .opeka-tip rect { fill: Highlight } .opeka-tip :is(polygon, circle) { fill: CanvasText }
    .opeka-tip :is([fill="#FFFFFF"], [fill="#1C1E22"]) { fill: Canvas } }`);
} catch {}

/**
 * An SVG shape's box, `[left, top, right, bottom]`, from its attributes
 * (the chart's shapes are rects, circles and polygons), without the layout
 * that `getBBox` would ask of a chart of thousands; `null` for anything else.
 */
const bounds = (e) => {
  const a = (name) => +e.getAttribute(name);
  if (e.localName === 'rect') return [a('x'), a('y'), a('x') + a('width'), a('y') + a('height')];
  if (e.localName === 'circle') return [a('cx') - a('r'), a('cy') - a('r'), a('cx') + a('r'), a('cy') + a('r')];
  if (e.localName !== 'polygon') return null;
  const v = e.getAttribute('points').trim().split(/[\s,]+/).map(Number);
  const [xs, ys] = [v.filter((_, k) => k % 2 === 0), v.filter((_, k) => k % 2 === 1)];
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

/** The chart's pointer and key handlers, `{ pointer, key }`. */
export function listen(figure, chart, s) {
  const box = (i) => s.marks.slice(i * 5, i * 5 + 5);
  const { close, place } = s;
  const root = figure.getRootNode();
  if (forced && root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(forced)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, forced];
  // A line of the tooltip, styled through the CSSOM (a strict CSP refuses style attributes).
  const line = (textContent, style = {}) => {
    const div = Object.assign(document.createElement('div'), { textContent });
    Object.assign(div.style, style);
    return div;
  };
  // The legend's swatch of series `n` (its line and marker): copies of the
  // chart's SVG shapes within the key's first 1.5 line heights (the swatch
  // is 1.6 font sizes wide, its label after a gap), in a box as tall as the
  // key's line, drawn as tall as a line of the tooltip's text (full screen
  // draws the legend at twice its size and more); found once per drawing,
  // '' where the series has no key.
  let swatches = {};
  const swatch = (n) => {
    const svg = chart.querySelector('svg');
    if (swatches.svg !== svg) swatches = { svg };
    const b = s.buttons[n];
    if (!(n in swatches) && svg && b) {
      const [x, y, h] = [b.style.left, b.style.top, b.style.height].map(parseFloat);
      const shapes = [];
      let [x0, x1] = [Infinity, -Infinity];
      for (const e of svg.children) {
        const [l, t, r, bottom] = bounds(e) ?? [];
        const [cx, cy] = [(l + r) / 2, (t + bottom) / 2];
        if (cx >= x && cx <= x + 1.5 * h && cy >= y && cy <= y + h) {
          shapes.push(e.cloneNode());
          [x0, x1] = [Math.min(x0, l), Math.max(x1, r)];
        }
      }
      const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      icon.setAttribute('viewBox', `${x0} ${y} ${x1 - x0} ${h}`);
      Object.assign(icon.style, { flex: 'none', height: '1.2em', width: `${(1.2 * (x1 - x0)) / h}em` });
      icon.append(...shapes);
      swatches[n] = shapes.length ? icon : null;
    }
    return swatches[n]?.cloneNode(true) ?? '';
  };
  // Mark i's reading and period. A trend's points come placed only, each
  // with an empty reading (writing all of a long one's made its first
  // pointer a task of 150 ms): they are asked for a place at a time, as
  // the viewer comes to it, and come with the places of the marks they
  // are of (a period's points, and a target there).
  const text = (i) => {
    const m = s.marks;
    if (!s.texts[i][0]) {
      s.toggle(-4 - Math.round((m[i * 5] + m[i * 5 + 2] / 2) * 10));
      // Nothing there when the module could not lay the chart out (it says so in the console).
      const p = new Float64Array(figure.readPlaces?.buffer ?? 0);
      (figure.read ?? '').split('\u0001').slice(0, -1).forEach((reading, j) => {
        for (let k = 0; k < m.length; k += 5) {
          // Mark k's place (x, y, w, h, series) is the j-th reading's.
          if (m[k] === p[j * 5] && m[k + 1] === p[j * 5 + 1] && m[k + 2] === p[j * 5 + 2] && m[k + 3] === p[j * 5 + 3] && m[k + 4] === p[j * 5 + 4] && !s.texts[k / 5][0]) {
            s.texts[k / 5] = reading.split('\n');
            break;
          }
        }
      });
      figure.read = '';
    }
    return s.texts[i];
  };
  // The readings at a place asked for in the task that placed the marks
  // (the first event after a drawing) wait for the next task: each is a
  // task of its own, and neither long. Only the last event waiting runs.
  let placed, waiting;
  const later = (i, f) => {
    waiting = null;
    if (s.texts === placed || s.texts[i][0]) return f();
    placed = s.texts;
    const run = (waiting = () => waiting === run && f());
    setTimeout(run);
  };
  // A line of text led by series `n`'s swatch ('' where the legend has none).
  const row = (t, n) => {
    const r = line(t, { display: 'flex', gap: '.4em', alignItems: 'start' });
    r.prepend(swatch(n));
    return r;
  };
  // A mark's tooltip is its reading, led by its series' swatch (a stacked
  // bar's category; a ranking's bars have no legend, and no swatch). A
  // period's is the period, then a row per series, each led by its
  // swatch; the words that end a change from the previous period (a
  // trend's `s.snap` after its "1") are said once, under the rows, where
  // two rows or more have them (said on every row, they took each row to
  // a second line at 1 280 px); the live region still reads each point
  // whole.
  // Inside the chart, never past an edge: a mark's tooltip above it where
  // there is room, else below; a period's beside its column of points,
  // or, where neither side has room for it (a phone), above or below the
  // column as a mark's, so that the points it reads stay in view.
  const show = (i) => {
    const [reading, period] = text(i);
    const group = period ? s.texts.flatMap((t, j) => (t[1] === period ? [j] : [])) : [i];
    let lines = period ? [] : [row(reading, box(i)[4])];
    if (period) {
      const end = ` ${s.snap.slice(1)}`;
      const texts = group.map((j) => s.texts[j][0].replace(`, ${period}`, ''));
      const note = end.length > 1 && texts.filter((t) => t.includes(end)).length > 1;
      lines = [line(period, { fontWeight: 'bold' }), ...texts.map((t, k) => row(note ? t.replace(end, '') : t, box(group[k])[4]))];
      if (note) {
        lines.push(line(end.trim(), { fontStyle: 'italic' }));
        lines.at(-1).dataset.note = '';
      }
    }
    s.tip.replaceChildren(...lines);
    s.tip.style.maxWidth = period ? 'min(36em, 100%)' : '';
    s.tip.hidden = false;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const j of group) {
      const [x, y, w, h] = box(j);
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + w), Math.max(y1, y + h)];
    }
    const { offsetWidth: tw, offsetHeight: th } = s.tip;
    const right = Math.max(Math.min(figure.clientWidth, chart.clientWidth), tw) - tw;
    const bottom = chart.clientHeight - th;
    const fit = (v, max) => Math.max(0, Math.min(v, max));
    const beside = x1 + 12 <= right ? x1 + 12 : x0 - 12 - tw >= 0 ? x0 - 12 - tw : null;
    place(s.tip, ...(period && beside !== null
      ? [beside, fit(y0, bottom)]
      : [fit((x0 + x1 - tw) / 2, right), y0 - th - 8 >= 0 ? y0 - th - 8 : fit(y1 + 8, bottom)]));
  };
  const pointer = (e) => {
    const r = chart.getBoundingClientRect();
    const px = e.clientX - r.left;
    const py = e.clientY - r.top;
    const m = s.marks;
    let hit = -1;
    let best = 48;
    // Read in place, not through box(): a chart may have 200 000 marks, and the pointer moves often.
    for (let k = 0; k < m.length; k += 5) {
      const d = Math.abs(m[k] + m[k + 2] / 2 - px);
      if (s.snap ? d < best && py > s.top - 24 && py < s.bottom + 24 : px >= m[k] - 6 && px <= m[k] + m[k + 2] + 6 && py >= m[k + 1] - 6 && py <= m[k + 1] + m[k + 3] + 6) {
        hit = k / 5;
        best = d;
      }
    }
    hit < 0 ? close() : later(hit, () => show(hit));
  };
  // The mark in the next (down) or previous series nearest this one: the
  // same period for points, the same bar for bars (all horizontal).
  const across = (at, down) => {
    const [x, y, w, h, series] = box(at);
    let [to, target, cost] = [at, down ? Infinity : -Infinity, Infinity];
    const m = s.marks;
    for (let k = 0; k < m.length; k += 5) {
      const dx = Math.abs(m[k] + m[k + 2] / 2 - x - w / 2);
      const dy = Math.abs(m[k + 1] + m[k + 3] / 2 - y - h / 2);
      const c = w !== h ? dy * 1e4 + dx : dx * 1e4 + dy;
      const n = m[k + 4];
      if ((down ? n > series && n <= target : n < series && n >= target) && (n !== target || c < cost)) [to, target, cost] = [k / 5, n, c];
    }
    return to;
  };
  const key = (e) => {
    const { key } = e;
    const last = s.marks.length / 5 - 1;
    const at = s.at;
    const to = { ArrowRight: Math.min(at + 1, last), ArrowLeft: Math.max(at - 1, 0), Home: 0, End: last, Escape: -1 }[key]
      ?? (/^Arrow(Up|Down)$/.test(key) ? (at < 0 ? 0 : across(at, key === 'ArrowDown')) : undefined);
    if (to === undefined || last < 0 || (to < 0 && at < 0 && s.tip.hidden)) return;
    e.preventDefault();
    close();
    s.at = to;
    if (to < 0) return;
    // A zero-length bar or a small point still gets an outline one can see.
    const [x, y, w, h] = box(to);
    place(s.ring, x + Math.min(w, 6) / 2 - 6, y + Math.min(h, 6) / 2 - 6, Math.max(w, 6) + 6, Math.max(h, 6) + 6);
    s.ring.hidden = false;
    later(to, () => {
      s.live.textContent = text(to)[0];
      show(to);
    });
  };
  return { pointer, key };
}

/** This module, for the Leptos component's snippet (crates/widgets/src/plot.rs). */
export function tooltips() {
  return { listen };
}
