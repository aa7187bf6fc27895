// A peer library drawing the trend Opeka draws: a line per category over
// the periods of a caseload feed (summed over units), 960×400, from one
// fetch. `?lib=uplot|chartjs&src=URL`. Sets window.__bench = { done }, and
// dispatches `bench-drawn`, at the first complete draw, performance.now()
// from navigation start: for Chart.js (no animation) as its constructor
// returns, for uPlot in its `ready` hook, since its constructor only queues
// the drawing (a microtask) and returns before the canvas holds a line.
const params = new URLSearchParams(location.search);
const lib = params.get('lib') ?? 'uplot';
const src = params.get('src') ?? '/feeds/kuzbass-caseload.json';
const label = (t) => (typeof t === 'string' ? t : t.ru ?? Object.values(t)[0]);

const feed = await (await fetch(src)).json();
// The same aggregation as the trend: per category and period, the sum of reported values.
const categories = feed.categories ?? [];
const column = new Map(categories.map((c, i) => [c.id, i]));
const sums = new Map();
for (const r of feed.records) {
  if (r.value === null || !column.has(r.category)) continue;
  let row = sums.get(r.period);
  if (!row) sums.set(r.period, (row = new Array(categories.length).fill(null)));
  const i = column.get(r.category);
  row[i] = (row[i] ?? 0) + r.value;
}
const periods = [...sums.keys()].sort();
const series = categories.map((_, i) => periods.map((p) => sums.get(p)[i]));
const box = document.getElementById('chart');
const drawn = () => {
  window.__bench = { done: performance.now() };
  // For measure.js, in a browser with no DevTools attached.
  document.dispatchEvent(new CustomEvent('bench-drawn'));
};

if (lib === 'uplot') {
  // uPlot wants numbers on x: the period's start in seconds.
  const xs = periods.map((p) => Date.parse(p.length === 7 ? `${p}-01` : p.length === 4 ? `${p}-01-01` : p) / 1000);
  const colours = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];
  // eslint-disable-next-line no-undef
  new uPlot({
    title: label(feed.title), width: 960, height: 400,
    series: [{}, ...categories.map((c, i) => ({ label: label(c.label), stroke: colours[i % colours.length] }))],
    hooks: { ready: [drawn] },
  }, [xs, ...series], box);
} else {
  const canvas = document.createElement('canvas');
  canvas.width = 960;
  canvas.height = 400;
  box.append(canvas);
  // eslint-disable-next-line no-undef
  new Chart(canvas, {
    type: 'line',
    data: { labels: periods, datasets: categories.map((c, i) => ({ label: label(c.label), data: series[i], pointRadius: 0 })) },
    options: { animation: false, responsive: false, plugins: { title: { display: true, text: label(feed.title) } } },
  });
  drawn();
}
