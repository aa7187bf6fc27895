// What a viewer does with a drawn chart, shared by every face: `make dist`
// puts it in opeka.js (which hands it to the module), and opeka-leptos
// imports it as a wasm-bindgen snippet (opeka-widgets' `loader` feature).
// In JavaScript it takes a fraction of the bytes the same code takes in
// wasm with its web-sys bindings.
//
// The module calls it after every drawing of the chart in `figure` (whose
// first child is the chart's box, the SVG in the figure's pixels) with:
//   snap    true on `trend`: the pointer snaps to the nearest period
//   marks   6 numbers a mark, in keyboard order: x, y, w, h, series, 1 for a horizontal bar
//   texts   each mark's reading; on `trend` then its period and its reading
//           under that period ("\n" between, "\u0001" between marks). A
//           tooltip is the reading, or on `trend` the period and the
//           readings of every mark of that period (Scene::tooltip in Rust)
//   keys    4 numbers a legend entry that hides its series: x, y, w, h
//   names   the entries' names, then 1 or 0 for each (hidden or not),
//           "\u0001" between
//   toggle  hides or shows series n (it redraws, which calls this again)
// The texts are the chart core's readings and go in as text, never as HTML.
export function interact(figure, [snap, marks, texts, keys, names, toggle]) {
  let s = figure.opeka;
  if (!s) {
    const chart = figure.firstElementChild;
    const div = (className) => Object.assign(document.createElement('div'), { className });
    s = figure.opeka = { keyBox: div('opeka-keys'), tip: div('opeka-tip'), ring: div('opeka-ring'), live: div('opeka-visually-hidden'), buttons: [] };
    s.tip.setAttribute('aria-hidden', 'true');
    s.live.setAttribute('aria-live', 'polite');
    // Tab order: the chart, its legend, then the table toggle after them.
    chart.after(s.keyBox, s.tip, s.ring, s.live);
    const place = (e, x, y, w, h) => {
      Object.assign(e.style, { left: `${x}px`, top: `${y}px` });
      if (w >= 0) Object.assign(e.style, { width: `${w}px`, height: `${h}px` });
    };
    s.place = place;
    const box = (i) => s.marks.subarray(i * 6, i * 6 + 6);
    const close = (s.close = () => { s.tip.hidden = s.ring.hidden = true; });
    // Inside the chart, never past an edge: a mark's tooltip above it where
    // there is room, else below; a period's beside its column of points.
    const show = (i) => {
      const [reading, period] = s.texts[i];
      const group = period ? s.texts.flatMap((t, j) => (t[1] === period ? [j] : [])) : [i];
      s.tip.replaceChildren(...(period ? [period, ...group.map((j) => s.texts[j][2])] : [reading]).map((textContent) => Object.assign(document.createElement('div'), { textContent })));
      s.tip.hidden = false;
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const j of group) {
        const [x, y, w, h] = box(j);
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + w), Math.max(y1, y + h)];
      }
      const { offsetWidth: tw, offsetHeight: th } = s.tip;
      const right = Math.max(Math.min(figure.clientWidth, chart.clientWidth), tw);
      const bottom = chart.clientHeight - th;
      const fit = (v, max) => Math.max(0, Math.min(v, max));
      place(s.tip, ...(period
        ? [x1 + 12 + tw <= right ? x1 + 12 : fit(x0 - 12 - tw, right - tw), fit(y0, bottom)]
        : [fit((x0 + x1 - tw) / 2, right - tw), y0 - th - 8 >= 0 ? y0 - th - 8 : fit(y1 + 8, bottom)]));
    };
    const pointer = (e) => {
      const r = chart.getBoundingClientRect();
      const px = e.clientX - r.left;
      const py = e.clientY - r.top;
      let hit = -1;
      let best = 48;
      for (let i = 0; i < s.marks.length / 6; i++) {
        const [x, y, w, h] = box(i);
        if (!s.snap) {
          if (px >= x - 6 && px <= x + w + 6 && py >= y - 6 && py <= y + h + 6) { hit = i; break; }
        } else if (Math.abs(x + w / 2 - px) < best && py > s.top - 24 && py < s.bottom + 24) {
          hit = i;
          best = Math.abs(x + w / 2 - px);
        }
      }
      hit < 0 ? close() : show(hit);
    };
    // The mark in the next (down) or previous series nearest this one: the
    // same period on a line chart, the same bar in a stack.
    const across = (at, down) => {
      const [x, y, w, h, series, horizontal] = box(at);
      let to = at;
      let target = down ? Infinity : -Infinity;
      let cost = Infinity;
      for (let i = 0; i < s.marks.length / 6; i++) {
        const m = box(i);
        if (down ? m[4] > series && m[4] <= target : m[4] < series && m[4] >= target) {
          const dx = Math.abs(m[0] + m[2] / 2 - x - w / 2);
          const dy = Math.abs(m[1] + m[3] / 2 - y - h / 2);
          const c = horizontal ? dy * 1e4 + dx : dx * 1e4 + dy;
          if (m[4] !== target || c < cost) { target = m[4]; cost = c; to = i; }
        }
      }
      return to;
    };
    chart.addEventListener('pointermove', (e) => e.pointerType === 'touch' || pointer(e));
    chart.addEventListener('pointerdown', pointer);
    // A touch ends with a leave: a tapped tooltip stays until a tap elsewhere (which blurs the chart).
    chart.addEventListener('pointerleave', (e) => e.pointerType === 'touch' || close());
    chart.addEventListener('blur', close);
    chart.addEventListener('keydown', (e) => {
      const last = s.marks.length / 6 - 1;
      let to = s.at;
      if (last < 0) return;
      if (e.key === 'Escape') {
        if (to < 0 && s.tip.hidden) return;
        to = -1;
        close();
      } else if (e.key === 'ArrowRight') to = Math.min(to + 1, last);
      else if (e.key === 'ArrowLeft') to = Math.max(to - 1, 0);
      else if (e.key === 'Home') to = 0;
      else if (e.key === 'End') to = last;
      else if (/^Arrow(Up|Down)$/.test(e.key)) to = to < 0 ? 0 : across(to, e.key === 'ArrowDown');
      else return;
      e.preventDefault();
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
  const split = (text) => (text ? text.split('\u0001') : []);
  s.snap = snap;
  s.marks = marks;
  s.texts = split(texts).map((t) => t.split('\n'));
  s.toggle = toggle;
  s.at = Math.min(s.at ?? -1, marks.length / 6 - 1);
  s.top = Infinity;
  s.bottom = -Infinity;
  for (let i = 1; i < marks.length; i += 6) {
    s.top = Math.min(s.top, marks[i]);
    s.bottom = Math.max(s.bottom, marks[i] + marks[i + 2]);
  }
  s.close();
  // Buttons over the legend's entries, reused so that focus stays on the one pressed.
  const n = keys.length / 4;
  const words = split(names);
  while (s.buttons.length > n) s.buttons.pop().remove();
  for (let i = 0; i < n; i++) {
    let b = s.buttons[i];
    if (!b) {
      b = s.buttons[i] = Object.assign(document.createElement('button'), { type: 'button', className: 'opeka-key' });
      b.append(Object.assign(document.createElement('span'), { className: 'opeka-visually-hidden' }));
      b.addEventListener('click', () => s.toggle(i));
      s.keyBox.append(b);
    }
    b.firstChild.textContent = words[i];
    b.setAttribute('aria-pressed', words[n + i] === '0');
    s.place(b, ...keys.subarray(i * 4, i * 4 + 4));
  }
}
