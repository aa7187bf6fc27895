// What the pointer and the keys do on a drawn chart: tooltips, the
// keyboard walk with its outline and live region (interact.js sets up the
// chart's parts and calls `listen` on the first event; `make dist` ships
// this as opeka-tooltips.js, loaded only then; the Leptos component
// imports it as a snippet). `s` is the chart's state from interact.js:
// the marks as x, y, w, h, series; their texts; the tooltip, ring and live
// region, and its `close` and `place`. The texts go in as text, never as HTML.
/** The chart's pointer and key handlers, `{ pointer, key }`. */
export function listen(figure, chart, s) {
  const box = (i) => s.marks.slice(i * 5, i * 5 + 5);
  const { close, place } = s;
  // Inside the chart, never past an edge: a mark's tooltip above it where
  // there is room, else below; a period's beside its column of points,
  // or, where neither side has room for it (a phone), above or below the
  // column as a mark's, so that the points it reads stay in view.
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
    s.live.textContent = s.texts[to][0];
    // A zero-length bar or a small point still gets an outline one can see.
    const [x, y, w, h] = box(to);
    place(s.ring, x + Math.min(w, 6) / 2 - 6, y + Math.min(h, 6) / 2 - 6, Math.max(w, 6) + 6, Math.max(h, 6) + 6);
    s.ring.hidden = false;
    show(to);
  };
  return { pointer, key };
}

/** This module, for the Leptos component's snippet (crates/widgets/src/plot.rs). */
export function tooltips() {
  return { listen };
}
