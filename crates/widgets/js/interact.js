// What a viewer does with a drawn chart, shared by every face: `make dist`
// puts it in opeka.js (which hands it to the module), and opeka-leptos
// imports it as a wasm-bindgen snippet (opeka-widgets' `loader` feature).
// In JavaScript it takes a fraction of the bytes the same code takes in
// wasm with its web-sys bindings.
//
// The module calls it after every drawing of the chart in `figure` (whose
// first child is the chart's box, the SVG in the figure's pixels) with one
// string of five parts, "\u0002" between (crates/widgets/src/plot.rs):
//   "1" on `trend`, where the pointer snaps to the nearest period;
//   the marks in keyboard order, 5 numbers each: x, y, w, h, series ("," after each);
//   each mark's reading, on `trend` then "\n" and its period ("\u0001"
//   after each): a tooltip is the reading, or on `trend` the period and
//   the readings of every mark of that period without it (Scene::tooltip);
//   the legend entries that hide their series: x, y, w, h, 1 if hidden;
//   the entries' names ("\u0001" after each).
// and `toggle(n)`, which hides or shows series n (it redraws, which calls
// this again). The texts are the chart core's and go in as text, never as HTML.
const place = (e, x, y, w, h) => {
  Object.assign(e.style, { left: `${x}px`, top: `${y}px` });
  if (w >= 0) Object.assign(e.style, { width: `${w}px`, height: `${h}px` });
};
const make = (tag, className) => Object.assign(document.createElement(tag), { className });

export function interact(figure, data, toggle) {
  let s = figure.opeka;
  if (!s) {
    const chart = figure.firstElementChild;
    s = figure.opeka = { keys: make('div', 'opeka-keys'), tip: make('div', 'opeka-tip'), ring: make('div', 'opeka-ring'), live: make('div', 'opeka-visually-hidden'), buttons: [] };
    s.tip.setAttribute('aria-hidden', 'true');
    s.live.setAttribute('aria-live', 'polite');
    // Tab order: the chart, its legend, then the table toggle after them.
    chart.after(s.keys, s.tip, s.ring, s.live);
    const box = (i) => s.marks.slice(i * 5, i * 5 + 5);
    const close = (s.close = () => { s.tip.hidden = s.ring.hidden = true; });
    // Inside the chart, never past an edge: a mark's tooltip above it where
    // there is room, else below; a period's beside its column of points.
    const show = (i) => {
      const [reading, period] = s.texts[i];
      const group = period ? s.texts.flatMap((t, j) => (t[1] === period ? [j] : [])) : [i];
      const lines = period ? [period, ...group.map((j) => s.texts[j][0].replace(`, ${period}`, ''))] : [reading];
      s.tip.replaceChildren(...lines.map((textContent) => Object.assign(document.createElement('div'), { textContent })));
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
      place(s.tip, ...(period
        ? [x1 + 12 <= right ? x1 + 12 : fit(x0 - 12 - tw, right), fit(y0, bottom)]
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
      hit < 0 ? close() : show(hit);
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
    chart.addEventListener('pointermove', (e) => e.pointerType === 'touch' || pointer(e));
    chart.addEventListener('pointerdown', pointer);
    // A touch ends with a leave: a tapped tooltip stays until a tap elsewhere (which blurs the chart).
    chart.addEventListener('pointerleave', (e) => e.pointerType === 'touch' || close());
    chart.addEventListener('blur', close);
    chart.addEventListener('keydown', (e) => {
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
      s.live.textContent = s.texts[to][0];
      // A zero-length bar or a small point still gets an outline one can see.
      const [x, y, w, h] = box(to);
      place(s.ring, x + Math.min(w, 6) / 2 - 6, y + Math.min(h, 6) / 2 - 6, Math.max(w, 6) + 6, Math.max(h, 6) + 6);
      s.ring.hidden = false;
      show(to);
    });
  }
  // Each list's items end with their separator.
  const list = (text, end) => (text ? text.split(end).slice(0, -1) : []);
  const [snap, marks, texts, keys, names] = data.split('\u0002');
  s.snap = snap;
  s.marks = list(marks, ',').map(Number);
  s.texts = list(texts, '\u0001').map((t) => t.split('\n'));
  s.toggle = toggle;
  s.at = Math.min(s.at ?? -1, s.marks.length / 5 - 1);
  // The band of the plot where the pointer snaps (no spread: a chart may have 200 000 marks).
  s.top = Infinity;
  s.bottom = -Infinity;
  for (let i = 1; i < s.marks.length; i += 5) [s.top, s.bottom] = [Math.min(s.top, s.marks[i]), Math.max(s.bottom, s.marks[i] + s.marks[i + 2])];
  s.close();
  // Buttons over the legend's entries, reused so that focus stays on the one pressed.
  const entries = list(keys, ',').map(Number);
  const words = list(names, '\u0001');
  while (s.buttons.length > words.length) s.buttons.pop().remove();
  words.forEach((word, i) => {
    const b = (s.buttons[i] ??= make('button', 'opeka-key'));
    if (!b.firstChild) {
      b.type = 'button';
      b.append(make('span', 'opeka-visually-hidden'));
      b.addEventListener('click', () => s.toggle(i));
      s.keys.append(b);
    }
    b.firstChild.textContent = word;
    b.setAttribute('aria-pressed', !entries[i * 5 + 4]);
    place(b, ...entries.slice(i * 5, i * 5 + 4));
  });
}
