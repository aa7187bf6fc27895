// What a viewer does with a drawn chart, shared by every face: `make dist`
// puts it in opeka.js (which hands it to the module), and opeka-leptos
// imports it as a wasm-bindgen snippet (opeka-widgets' `loader` feature).
// In JavaScript it takes a fraction of the bytes the same code takes in
// wasm with its web-sys bindings. What the pointer and the keys do once a
// reader uses them (tooltips, the keyboard walk) is tooltips.js, `tips`
// here: opeka.js loads it when the pointer enters a chart or it takes focus (it is
// `opeka-tooltips.js` beside opeka.js, out of the page's first download);
// the Leptos component gives it at once.
//
// The module calls it after every drawing of the chart in `figure` (whose
// first child is the chart's box, the SVG in the figure's pixels), having
// put in `figure.places` the places of the marks, in keyboard order, then
// of the legend's entries, as a Uint8Array of little-endian doubles, five
// each: x, y, w, h, and the mark's series, or for an entry 1 if its series
// is hidden (a long trend's 83 500, as text, were half of a reader's first
// pointer: docs/performance.md, stop 40); and with one string of five
// parts, "\u0002" between (crates/widgets/src/plot.rs):
//   on `trend`, where the pointer snaps to the nearest period, "1" and
//   the words that end a reading's change from the previous period ("к
//   предыдущему периоду"), which a period's tooltip says once;
//   nothing (the marks' places are in `figure.places`);
//   each mark's reading, on `trend` then "\n" and its period ("\u0001"
//   after each): a tooltip is the reading, or on `trend` the period and
//   the readings of every mark of that period without it (Scene::tooltip);
//   where the marks were drawn unread (a trend's: writing them is most of
//   a long series' drawing), "-", no marks' places and no readings, until the
//   first event asks for their places (`toggle(-2)`), which come with an
//   empty reading for each point: tooltips.js asks for a period's
//   readings as a viewer comes to it;
//   the names of the legend's entries, which hide their series ("\u0001"
//   after each);
//   the data table: lines with "\u0003" between, the caption, the column
//   headings, each row (the row's heading first) and the count of rows
//   left out, or nothing (cells with "\u0001" after each); kept, and built
//   into the table's <details> only when first wanted (a chart drawn
//   unread or placed only has none, and its rows are asked for then);
// and `toggle(n)`, which hides or shows series n (it redraws, which calls
// this again), or given -1 calls this again with the table's rows as the
// page shows them (and a trend's points placed), given -2 with a trend's
// points placed, given -3 with the table's rows whole (for its CSV,
// opeka-extras.js, which then sets `whole`), and given -4 - 10x puts in
// `figure.read` the readings of the marks placed about x ("\u0001" after
// each), and in `figure.readPlaces` their places, as `figure.places`
// (plot.rs, `read_at`). An empty
// string clears the chart. The texts are the chart core's and go in as
// text, never as HTML. A drawing's SVG comes in `figure.svg`, and the
// chart's height in `figure.tall`: `mount` puts it in the chart's box.
// `tips` is tooltips.js's module, or a function that imports it.
const place = (e, x, y, w, h) => {
  Object.assign(e.style, { left: `${x}px`, top: `${y}px` });
  if (w >= 0) Object.assign(e.style, { width: `${w}px`, height: `${h}px` });
};
const make = (tag, className) => Object.assign(document.createElement(tag), { className });

// The root of `text` parsed as XML, a `name`: no script in it runs and
// nothing in it is read as HTML. A document that does not parse (a bug in
// the chart core) is refused rather than shown.
const parsed = (text, name) => {
  const root = new DOMParser().parseFromString(text, 'application/xhtml+xml').documentElement;
  if (root.localName != name) throw Error('opeka: unparsed SVG');
  return root;
};

// Puts `svg`, the chart as the module writes it for a page
// (opeka_chart::write_svg_bands: an XHTML <div> of SVG documents, each
// ending in "</svg>\n", a tall chart's bands), in `box`: the <div> with the
// first at once, and each after it in a task of its own, the browser's
// parse of a tall chart whole having been most of its drawing
// (docs/performance.md, stop 50). Until the last is in, the box keeps the
// chart's height (the page does not jump) and says it is busy
// (`aria-busy`); a drawing that takes its place stops the bands.
const mount = (box, svg, height) => {
  // Where the document from `at` ends.
  const end = (at) => svg.indexOf('</svg>\n', at) + 7;
  let at = end(0);
  const div = parsed(svg.slice(0, at) + '</div>', 'div');
  box.replaceChildren(div);
  const next = () => {
    if (svg.startsWith('<svg', at)) {
      box.style.minHeight = `${height}px`;
      box.ariaBusy = true;
      setTimeout(() => {
        if (box.firstChild != div) return;
        div.append(parsed(svg.slice(at, (at = end(at))), 'svg'));
        next();
      });
    } else box.style.minHeight = box.ariaBusy = null;
  };
  next();
};

export function interact(figure, data, toggle, tips) {
  const svg = figure.svg;
  figure.svg = null;
  if (svg) mount(figure.firstElementChild, svg, figure.tall);
  let s = figure.opeka;
  const box = figure.querySelector('.opeka-table');
  if (!s) {
    const chart = figure.firstElementChild;
    s = figure.opeka = { keys: make('div', 'opeka-keys'), tip: make('div', 'opeka-tip'), ring: make('div', 'opeka-ring'), live: make('div', 'opeka-visually-hidden'), buttons: [], place };
    s.tip.setAttribute('aria-hidden', 'true');
    s.live.setAttribute('aria-live', 'polite');
    // Tab order: the chart, its legend, then the table toggle after them.
    chart.after(s.keys, s.tip, s.ring, s.live);
    const close = (s.close = () => { s.tip.hidden = s.ring.hidden = true; });
    // The handlers load when the pointer enters the chart or it takes
    // focus (opeka.js imports them then); an event before they are there
    // is handled when they are, and meanwhile the keys that walk the
    // chart must not scroll the page.
    let on;
    const load = () => (s.loading ??= Promise.resolve(typeof tips === 'function' ? tips() : tips).then((m) => { on = m.listen(figure, chart, s); }));
    const run = (name) => (e) => {
      if (on) {
        s.texts || s.toggle(-2);
        return s.texts && on[name](e);
      }
      if (name === 'key' && /^(Arrow|Home|End)/.test(e.key)) e.preventDefault();
      load().then(() => run(name)(e), (error) => console.error('opeka: could not load the tooltips:', error));
    };
    chart.addEventListener('pointerenter', load);
    chart.addEventListener('focus', load);
    chart.addEventListener('pointermove', (e) => e.pointerType === 'touch' || run('pointer')(e));
    chart.addEventListener('pointerdown', run('pointer'));
    // A touch ends with a leave: a tapped tooltip stays until a tap elsewhere (which blurs the chart).
    chart.addEventListener('pointerleave', (e) => e.pointerType === 'touch' || close());
    chart.addEventListener('blur', close);
    chart.addEventListener('keydown', run('key'));
    // `build`: the table now, if not built yet (`s.table` is its
    // builder; '' where the chart was drawn unread, whose rows are then
    // asked for with the readings, which hand over a builder).
    box.addEventListener('toggle', (s.build = () => {
      if (s.table === '') s.toggle(-1);
      if (s.table) s.table();
    }));
  }
  s.whole = false;
  // Each list's items end with their separator.
  const list = (text, end) => (text ? text.split(end).slice(0, -1) : []);
  const [snap, marks, texts, names, table] = data.split('\u0002');
  const words = list(names, '\u0001');
  // The marks' places, then the legend entries' (as above).
  const places = new Float64Array(figure.places.buffer);
  // The data table is built when it is first wanted: its toggle opened, the
  // page printed (`beforeprint`), or its CSV saved (opeka-extras.js calls
  // `figure.opeka.build`); most readers never open it, and a long trend's
  // table was half of its drawing (docs/performance.md, stop 23). Each
  // drawing's table takes the last one's place (the table built before
  // stays, closed and unread, until this one is built); a chart drawn
  // unread ('') has its rows asked for then; the chart cleared
  // (no data, no table) leaves no listener on the window.
  if (data) addEventListener('beforeprint', s.build);
  else removeEventListener('beforeprint', s.build);
  s.table = table && (() => {
    s.table = null;
    // As text nodes, never HTML: caption, thead, tbody, and tfoot when rows
    // were left out. Set directly, not through Object.assign: a long
    // trend's 5 000 cells took a third less time (docs/performance.md, stop 15).
    const add = (parent, tag, text) => {
      const e = parent.appendChild(document.createElement(tag));
      if (text) e.textContent = text;
      return e;
    };
    const [caption, head, ...rows] = table.split('\u0003');
    const more = rows.pop();
    const t = document.createElement('table');
    add(t, 'caption', caption);
    const columns = list(head, '\u0001');
    const line = (part, cells, scope) => {
      const tr = add(part, 'tr');
      cells.forEach((cell, i) => (i && scope == 'row' ? add(tr, 'td', cell) : add(tr, 'th', cell).setAttribute('scope', scope)));
    };
    line(add(t, 'thead'), columns, 'col');
    const body = add(t, 'tbody');
    // The rows as they came, for the CSV (opeka-extras.js reads `s.rows`,
    // the head first, once it has asked for them whole): the page shows a
    // trend's latest 1 000, any other view's first 1 000.
    s.rows = [head, ...rows];
    // Opened, a hundred rows a frame: the browser laid out a table of
    // 1 000 in one task of 50–70 ms, and a hundred more at a time in 5–10
    // ms each (docs/performance.md, stop 34). Closed (built to be printed,
    // or for its CSV), it is not laid out, and one taking the place of a
    // table built before (a redraw: one on show must not shrink the page)
    // gets every row at once too.
    const shown = snap ? rows.slice(-1e3) : rows.slice(0, 1e3);
    const n = box.open && !box.children[1] ? 100 : 1e3;
    const rest = () => {
      for (const row of shown.splice(0, n)) line(body, list(row, '\u0001'), 'row');
      shown.length && requestAnimationFrame(rest);
    };
    rest();
    if (more) add(add(add(t, 'tfoot'), 'tr'), 'td', more).colSpan = columns.length;
    box.replaceChildren(box.firstChild, t);
  });
  // Open as the chart is drawn: built, or its rows asked for, once the
  // module has finished this drawing (it holds the chart until then).
  if (box.open) queueMicrotask(s.build);
  s.snap = snap;
  s.marks = places.subarray(0, places.length - words.length * 5);
  s.texts = texts || !marks ? list(texts, '\u0001').map((t) => t.split('\n')) : null;
  s.toggle = toggle;
  s.at = Math.min(s.at ?? -1, s.marks.length / 5 - 1);
  // The band of the plot where the pointer snaps (no spread: a chart may have 200 000 marks).
  s.top = Infinity;
  s.bottom = -Infinity;
  for (let i = 1; i < s.marks.length; i += 5) {
    s.top = Math.min(s.top, s.marks[i]);
    s.bottom = Math.max(s.bottom, s.marks[i] + s.marks[i + 2]);
  }
  s.close();
  // Buttons over the legend's entries, reused so that focus stays on the one pressed.
  const entries = places.subarray(s.marks.length);
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
