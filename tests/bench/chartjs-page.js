// The comparison page: the same caseload feed drawn as a line chart per
// category with Chart.js (no animation), N times, one fetch per chart as a
// plain script embed would do. Marks window.__bench.done when every chart is drawn.
const count = Number(new URLSearchParams(location.search).get('n') ?? 1);
const src = '/feeds/kuzbass-caseload.json';

async function draw(canvas) {
  const feed = await (await fetch(src)).json();
  const periods = [...new Set(feed.records.map((r) => r.period))].sort();
  const categories = feed.categories ?? [];
  const label = (t) => (typeof t === 'string' ? t : t.ru ?? Object.values(t)[0]);
  const datasets = categories.map((c) => {
    const byPeriod = new Map();
    for (const r of feed.records) if (r.category === c.id && r.value !== null) byPeriod.set(r.period, (byPeriod.get(r.period) ?? 0) + r.value);
    return { label: label(c.label), data: periods.map((p) => byPeriod.get(p) ?? null), spanGaps: false };
  });
  // eslint-disable-next-line no-undef
  new Chart(canvas, {
    type: 'line',
    data: { labels: periods, datasets },
    options: { animation: false, responsive: true, plugins: { title: { display: true, text: label(feed.title) } } },
  });
}

const charts = [];
for (let i = 0; i < count; i += 1) {
  const box = document.createElement('div');
  box.className = 'box';
  const canvas = document.createElement('canvas');
  box.append(canvas);
  document.body.append(box);
  charts.push(draw(canvas));
}
Promise.all(charts).then(() => { window.__bench = { done: performance.now() }; });
