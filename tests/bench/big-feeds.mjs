// Big feeds beside the peers (make bench; issue "Big feeds"): the sample
// caseload feed and generated 1 MB and 15 MB ones (a trend of 4
// categories, 960×400), each loaded cold RUNS times by Opeka, uPlot and
// Chart.js in the same run. Prints the median time from navigation to the
// chart drawn (Opeka: `opeka-rendered`, validation included; the peers:
// their first draw after fetch and JSON.parse), Opeka's ratio to uPlot
// (of the medians, and the median and range of each round's own ratio),
// each page's longest main-thread task (PerformanceObserver 'longtask')
// and Opeka's wasm memory after drawing (for the generated feeds also
// after each of five `reload()`s of the same feed: it must not grow), the
// page's module's and the worker's; then, for the generated feeds, a
// reader's first pointer, tap and opening of the table on the drawn
// chart: the longest task and the time until the tooltip or table is up;
// last, the generated feeds in the caseload's other views, a 15 MB
// caseload whose lines are units, a generated awards feed of 10 000
// names (2.5 MB) in its three views and a generated outcomes feed of
// 2 000 projects (2 MB) in its four, and of 8 000 (7.8 MB) in its
// progress: the longest task. Figures only; nothing fails on a time.
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, measuredWorkerScript } from '../e2e/harness.mjs';
import { generatedAwards, generatedCaseload, generatedCaseloadByUnit, generatedOutcomes, timedLoads } from './big-feed-bench.mjs';

const RUNS = Number(process.env.BIG_FEEDS_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;


const dir = await mkdtemp(join(tmpdir(), 'opeka-big-'));
const feeds = [['sample', '/feeds/kuzbass-caseload.json', 1200, 0]];
for (const [name, days] of [['1 MB', 280], ['15 MB', 4175]]) {
  const body = generatedCaseload(days);
  await writeFile(join(dir, `${days}.json`), body);
  feeds.push([name, `/big/${days}.json`, days * 40, Buffer.byteLength(body)]);
}
await writeFile(join(dir, 'by-unit.json'), generatedCaseloadByUnit(4175));
const awardsBody = generatedAwards(10000);
await writeFile(join(dir, 'awards.json'), awardsBody);
const outcomesBody = generatedOutcomes(2000);
await writeFile(join(dir, 'outcomes.json'), outcomesBody);
const registerBody = generatedOutcomes(8000);
await writeFile(join(dir, 'register.json'), registerBody);
const server = await startServer({ mounts: [['/big/', dir], ['/measured/opeka/', join(ROOT, 'dist', 'opeka')], ['/vendor/uplot/', join(ROOT, 'node_modules', 'uplot', 'dist')],
  ['/vendor/chart.js/', join(ROOT, 'node_modules', 'chart.js', 'dist')], ['/bench/', join(ROOT, 'tests', 'bench')]] });
// Opeka's page, with opeka.js from `opeka` (the memory's page takes it
// from /measured/, below); `?worker=none`: a browser without Worker;
// `?view=`: a view other than the trend; `?height=auto`: no height (a
// roll as tall as its names, up to the largest canvas).
const opekaPage = (opeka) => ({ type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>bench</title>
<script src="/bench/measure.js"></script><script>if (location.search.includes('worker=none')) delete window.Worker;</script>
<script type="module" src="${opeka}/opeka.js"></script></head><body><div id="slot"></div>
<script type="module">const q = new URLSearchParams(location.search);
const el = document.createElement('opeka-chart'); el.id = 'c'; el.setAttribute('view', q.get('view') ?? 'trend'); if (q.get('height') !== 'auto') el.setAttribute('height', '400'); el.style.cssText = q.get('fit') ? 'display:block' : 'display:block;width:960px'; el.setAttribute('src', q.get('src'));
if (q.get('worker') == 'off') el.setAttribute('worker', 'off'); document.getElementById('slot').append(el);</script></body></html>` });
server.routes.set('/bench/opeka.html', opekaPage('/opeka'));
// The module's floor (docs/performance.md, stop 34): opeka.js loaded and
// its module fetched, compiled and instantiated, with no widget and no
// feed; what is left of Opeka's time is the widget's.
server.routes.set('/bench/floor.html', { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>bench</title>
<script src="/bench/measure.js"></script><script type="module">import { loadModule } from '/opeka/opeka.js';
loadModule().then(() => document.dispatchEvent(new CustomEvent('bench-drawn')));</script></head><body></body></html>` });
server.routes.set('/bench/opeka-measured.html', opekaPage('/measured/opeka'));
// Each peer's page loads its own library only (until stop 31 both loaded
// both, and each paid for the other's script).
const PEER_SCRIPTS = {
  uplot: '<link rel="stylesheet" href="/vendor/uplot/uPlot.min.css"><script src="/vendor/uplot/uPlot.iife.min.js"></script>',
  chartjs: '<script src="/vendor/chart.js/chart.umd.js"></script>',
};
for (const [lib, scripts] of Object.entries(PEER_SCRIPTS)) {
  server.routes.set(`/bench/peer-${lib}.html`, { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>bench</title>
<script src="/bench/measure.js"></script>${scripts}
</head><body><div id="chart" style="width:960px"></div><script type="module" src="/bench/peer-page.js"></script></body></html>` });
}

// The memory's page loads dist/opeka from /measured/, where the worker's
// script keeps its module's memory where the benchmark can read it. The
// timed loads run the files as they ship.
server.routes.set('/measured/opeka/opeka-worker.js', { type: 'text/javascript', body: await measuredWorkerScript() });

const browser = await launchBrowser();
const loads = await timedLoads(browser, server);

/**
 * A page of the server at `path`, in a new context with `options`, that
 * counts the charts it has drawn (`opeka-rendered`) in `window.__drawn`.
 */
async function countingPage(path, options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__drawn = 0;
    document.addEventListener('opeka-rendered', () => { window.__drawn += 1; });
  });
  await page.goto(`${server.url}${path}`);
  return { context, page };
}

/**
 * The wasm memory after the first drawing of `src` and after each of
 * `reloads` reloads (`el.reload()`: the whole feed fetched and drawn
 * anew): `{ page, worker }`, the page's module's and the worker's module's
 * (in the worker, or with `query` 'worker=none' on the page; 0 when it
 * did not run).
 */
async function memoryOverReloads(src, reloads, query = '') {
  const { context, page } = await countingPage(`/bench/opeka-measured.html?${query}&src=${encodeURIComponent(src)}`, { viewport: { width: 1280, height: 900 } });
  const sizes = { page: [], worker: [] };
  for (let i = 0; i <= reloads; i++) {
    await page.waitForFunction((n) => window.__drawn > n, i, { timeout: 180000 });
    const { wasm, here } = await page.evaluate(() => self.__wasmMemory());
    const [worker] = page.workers();
    sizes.page.push(wasm);
    sizes.worker.push(worker ? await worker.evaluate(() => self.memory?.buffer.byteLength ?? 0) : here);
    if (i < reloads) await page.evaluate(() => document.getElementById('c').reload());
  }
  await context.close();
  return sizes;
}

/** `memoryOverReloads`' sizes, the page's module's and the worker's added, reload by reload. */
const together = ({ page, worker }) => page.map((m, i) => m + worker[i]);

/**
 * A reader's first use of a drawn chart of `src`, `width` px wide, in each
 * of RUNS cold loads: `what` 'pointer', the pointer at 60 % of its width
 * (a tap at 390 px, on a touch screen; the mouse at wider ones), the
 * tooltips' module loaded before (by focus, which loads it and asks for
 * nothing); 'table', a click on the data table's toggle. `{ longest,
 * shown }`: the longest main-thread task from the event until the tooltip
 * or the table is up (`longtask`, 0 when none), and the time from the
 * event to it.
 */
async function firstUse(src, width, what) {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const touch = width < 500;
    const { context, page } = await countingPage(`/bench/opeka.html?fit=1&src=${encodeURIComponent(src)}`,
      { viewport: { width, height: 900 }, hasTouch: touch, isMobile: touch });
    await page.waitForFunction(() => window.__drawn > 0, null, { timeout: 180000 });
    await page.evaluate(async () => {
      const chart = document.getElementById('c').shadowRoot.querySelector('.opeka-svg');
      chart.focus();
      chart.blur();
      await chart.parentNode.opeka.loading;
    });
    await page.evaluate((what) => new Promise((resolve) => {
      const root = document.getElementById('c').shadowRoot;
      const first = (window.__first = { longest: 0 });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.startTime + e.duration > first.event) first.longest = Math.max(first.longest, e.duration);
      }).observe({ type: 'longtask' });
      for (const type of ['pointermove', 'pointerdown', 'click']) root.addEventListener(type, (e) => { first.event ??= e.timeStamp; }, { capture: true });
      const up = what === 'table' ? root.querySelector('.opeka-table') : root.querySelector('.opeka-tip');
      new MutationObserver(() => {
        if (what === 'table' ? up.querySelector('table') : !up.hidden && up.textContent) first.shown ??= performance.now();
      }).observe(up, { attributes: true, childList: true });
      setTimeout(resolve, 500);
    }), what);
    if (what === 'table') {
      await page.locator('#c .opeka-table summary').click();
    } else {
      const box = await page.locator('#c .opeka-svg').boundingBox();
      const [x, y] = [box.x + box.width * 0.6, box.y + box.height * 0.5];
      await (touch ? page.touchscreen.tap(x, y) : page.mouse.move(x, y));
    }
    await page.waitForFunction(() => window.__first.shown, null, { timeout: 60000 });
    await page.waitForTimeout(300);
    const { event, shown, longest } = await page.evaluate(() => window.__first);
    results.push({ longest, shown: shown - event });
    await context.close();
  }
  return results;
}

console.log(`-- big feeds: trend of 4 categories, 960×400, median of ${RUNS} cold loads (the issue's goals: opeka/uPlot ≤ 1.0, wasm ≤ 2× the feed, longest task ≤ 50 ms over 1 MB)`);
// Feeds of 1 MB and more go to opeka-worker.js (crates/embed/src/worker.rs).
// "off": the same page with worker="off" (every feed validated and drawn
// by the page's module, as before stop 10); "no Worker": a browser without
// Worker (the page runs the worker's module itself for a big feed, stop 31).
console.log(`${'feed'.padEnd(7)} ${'bytes'.padStart(9)} ${'records'.padStart(8)} | ${'opeka'.padStart(8)} ${'off'.padStart(8)} ${'no Worker'.padStart(9)} ${'uPlot'.padStart(8)} ${'Chart.js'.padStart(8)} ${'o/uPlot'.padStart(7)} ${'paired (range)'.padStart(17)} | longest task, max (median): ${'opeka'.padStart(12)} ${'off'.padStart(12)} ${'no Worker'.padStart(12)} ${'uPlot'.padStart(12)} | wasm memory after drawing: the page's module; without Worker, with the worker's module beside it; for the generated feeds, both modules over reloads`);
try {
  for (const [name, src, records, size] of feeds) {
    const runs = { opeka: [], off: [], none: [], uplot: [], chartjs: [], floor: [] };
    const pages = {
      opeka: `/bench/opeka.html?src=${encodeURIComponent(src)}`,
      off: `/bench/opeka.html?worker=off&src=${encodeURIComponent(src)}`,
      none: `/bench/opeka.html?worker=none&src=${encodeURIComponent(src)}`,
      uplot: `/bench/peer-uplot.html?lib=uplot&src=${encodeURIComponent(src)}`,
      chartjs: `/bench/peer-chartjs.html?lib=chartjs&src=${encodeURIComponent(src)}`,
      // Once, beside the sample: the floor does not depend on the feed.
      ...(size ? {} : { floor: '/bench/floor.html' }),
    };
    const order = Object.keys(pages);
    for (let i = 0; i < RUNS; i++) {
      // Each round starts with the next page, so that no page always
      // follows the same one: a load shares the machine with what the
      // load before it left running (its renderer going, the browser's
      // next one starting; docs/performance.md, stop 32).
      for (const k of [...order.slice(i % order.length), ...order.slice(0, i % order.length)]) runs[k].push(await loads.load(`${server.url}${pages[k]}`));
    }
    const t = (k) => median(runs[k].map((r) => r.done));
    // Each round's Opeka / uPlot, loads a few seconds apart: a machine
    // shared with other work slows both alike, where the medians' ratio
    // can pair a quiet minute's uPlot with a busy minute's Opeka.
    const paired = runs.opeka.map((r, i) => r.done / runs.uplot[i].done);
    // The longest task of any load (the goal), and of the median load.
    const longest = (k) => `${Math.max(...runs[k].map((r) => r.longest)).toFixed(0)} (${median(runs[k].map((r) => r.longest)).toFixed(0)}) ms`;
    const bytes = size || (await (await fetch(`${server.url}${src}`)).arrayBuffer()).byteLength;
    const wasm = Math.max(...runs.opeka.map((r) => r.wasm));
    const alone = Math.max(...runs.none.map((r) => r.wasm + r.here));
    const memory = size ? await memoryOverReloads(src, 5) : null;
    // Goal 3 read strictly: the page's module and the worker's together.
    const most = memory && Math.max(...together(memory));
    const fallback = size ? await memoryOverReloads(src, 5, 'worker=none') : null;
    const both = fallback && together(fallback);
    if (runs.floor.length) console.log(`${'floor'.padEnd(7)} the module alone (opeka.js, its module fetched, compiled and instantiated; no widget, no feed): ${t('floor').toFixed(0)} ms; Opeka's time past it ${(t('opeka') - t('floor')).toFixed(0)} ms, uPlot's whole time ${t('uplot').toFixed(0)} ms`);
    console.log(`${name.padEnd(7)} ${String(bytes).padStart(9)} ${String(records).padStart(8)} | ${`${t('opeka').toFixed(0)} ms`.padStart(8)} ${`${t('off').toFixed(0)} ms`.padStart(8)} ${`${t('none').toFixed(0)} ms`.padStart(9)} ${`${t('uplot').toFixed(0)} ms`.padStart(8)} ${`${t('chartjs').toFixed(0)} ms`.padStart(8)} ${(t('opeka') / t('uplot')).toFixed(2).padStart(7)} ${`${median(paired).toFixed(2)} (${Math.min(...paired).toFixed(2)}–${Math.max(...paired).toFixed(2)})`.padStart(17)} | ${''.padStart(27)} ${longest('opeka').padStart(12)} ${longest('off').padStart(12)} ${longest('none').padStart(12)} ${longest('uplot').padStart(12)} | ${mb(wasm)} (${(wasm / bytes).toFixed(1)}× the feed); without Worker ${mb(alone)} (${(alone / bytes).toFixed(1)}×)` + (memory ? `; over 5 reloads, page ${memory.page.map(mb).join(' → ')}, worker ${memory.worker.map(mb).join(' → ')} (together at most ${(most / bytes).toFixed(2)}× the feed); without Worker ${both.map(mb).join(' → ')}` : ''));
  }
  // A trend's points are placed on its first pointer, and only the
  // readings of the period under it written; its table's rows when it is
  // first opened (docs/performance.md, stop 33).
  console.log(`-- a reader's first use of a drawn trend, ${RUNS} cold loads each (goal: no task over 50 ms): the longest task from the event until the tooltip or table is up, max (median); up after, median`);
  for (const [name, src] of feeds.filter((f) => f[3])) {
    for (const [what, width] of [['pointer', 1280], ['pointer', 390], ['table', 1280]]) {
      const runs = await firstUse(src, width, what);
      const longest = runs.map((r) => r.longest);
      const act = what === 'table' ? 'the table opened' : width < 500 ? 'tapped' : 'pointed at';
      console.log(`${name.padEnd(7)} ${`${act}, ${width} px`.padEnd(26)} longest task ${Math.max(...longest).toFixed(0)} (${median(longest).toFixed(0)}) ms, up after ${median(runs.map((r) => r.shown)).toFixed(0)} ms`);
    }
  }
  // The worker reduces every view of a caseload (docs/performance.md,
  // stops 41 and 42); until stop 42 it checked the feed for the
  // composition and the tiles, and the page's module then validated the
  // whole body again to lay it out, in one task. The same page and feeds,
  // drawn in the caseload's other views, and a feed whose trend's lines
  // are units (its records packed as they are, nothing to sum).
  console.log(`-- the generated feeds in the caseload's other views and shapes, ${RUNS} cold loads each (goal 4: no task over 50 ms): drawn, median; the longest task, max (median)`);
  const views = feeds.filter((f) => f[3]).flatMap(([name, src]) => ['ranking', 'composition', 'per-capita', 'tiles'].map((view) => [name, src, view, view]));
  // An awards feed: the worker hands the breakdown and the podium its
  // document without the lists they do not read (stop 43); the roll reads
  // every name, and the page validates the whole body again. The roll
  // with no height: as tall as the largest canvas.
  const awards = ['breakdown', 'podium', 'roll'].map((view) => [mb(Buffer.byteLength(awardsBody)), '/big/awards.json', `${view}&height=auto`, `awards ${view}`]);
  // An outcomes feed: the worker hands each view the document without
  // what no view reads (stop 46), which the page validates; its views
  // lay out only what their canvas can hold (stop 44). With no height: as
  // tall as the largest canvas.
  const outcomes = ['progress', 'before-after', 'trajectory', 'tiles'].map((view) => [mb(Buffer.byteLength(outcomesBody)), '/big/outcomes.json', `${view}&height=auto`, `outcomes ${view}`]);
  // A register four times as big, whose validation on the page still
  // grows with it (stop 46).
  outcomes.push([mb(Buffer.byteLength(registerBody)), '/big/register.json', 'progress&height=auto', 'outcomes progress']);
  for (const [name, src, view, what] of [...views, ['15 MB', '/big/by-unit.json', 'trend', 'trend of 40 units'], ...awards, ...outcomes]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await loads.load(`${server.url}/bench/opeka.html?view=${view}&src=${encodeURIComponent(src)}`));
    const longest = runs.map((r) => r.longest);
    console.log(`${name.padEnd(7)} ${what.padEnd(21)} drawn ${median(runs.map((r) => r.done)).toFixed(0).padStart(5)} ms, longest task ${Math.max(...longest).toFixed(0)} (${median(longest).toFixed(0)}) ms`);
  }
} finally {
  await loads.close();
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
