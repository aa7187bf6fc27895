// Browser benchmark (make bench): what a host page downloads, time to every
// chart for 1 and 20 widgets beside Chart.js drawing the same data, and
// validation throughput in Chromium. Prints figures; never fails on a time.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser } from '../e2e/harness.mjs';

const RUNS = 5;
const DIST = join(ROOT, 'dist', 'opeka');
const CHARTJS = join(ROOT, 'node_modules', 'chart.js', 'dist');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// `gzip -9`, as the budget is measured (`make dist` checks it): Node's zlib
// at level 9 comes out about 1 % larger.
async function gz(path) {
  const body = await readFile(path);
  return { raw: body.length, gzip: execFileSync('gzip', ['-9c', path], { maxBuffer: 1 << 26 }).length };
}

const server = await startServer({ mounts: [['/vendor/chart.js/', CHARTJS], ['/bench/', join(ROOT, 'tests', 'bench')]] });
const browser = await launchBrowser();

// -- sizes
console.log('-- what a host page downloads (gzip -9)');
let total = 0;
for (const file of ['opeka.js', 'opeka_bg.wasm']) {
  const { raw, gzip } = await gz(join(DIST, file));
  total += gzip;
  console.log(`${file.padEnd(22)} ${String(raw).padStart(8)} bytes ${String(gzip).padStart(8)} gzip`);
}
console.log(`${'download'.padEnd(22)} ${''.padStart(8)}       ${String(total).padStart(8)} gzip (${kb(total)}; opeka.js has the wasm-bindgen glue; budget 165 000 bytes)`);
const chartjs = await gz(join(CHARTJS, 'chart.umd.js'));
console.log(`${'chart.js 4 (umd)'.padEnd(22)} ${String(chartjs.raw).padStart(8)} bytes ${String(chartjs.gzip).padStart(8)} gzip (a line chart only; no validation, locale, table or a11y)`);

// -- pages
const opekaPage = (n) => `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/opeka/opeka.js"></script></head><body>${
  Array.from({ length: n }, (_, i) => `<opeka-chart id="c${i}" src="/feeds/kuzbass-caseload.json" view="trend"></opeka-chart>`).join('')}</body></html>`;
const chartjsPage = () => `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>bench</title>
<script src="/vendor/chart.js/chart.umd.js"></script><script src="/bench/chartjs-page.js" defer></script></head><body></body></html>`;
for (const n of [1, 20]) server.routes.set(`/bench/opeka-${n}.html`, { body: opekaPage(n), type: 'text/html; charset=utf-8' });
server.routes.set('/bench/chartjs.html', { body: chartjsPage(), type: 'text/html; charset=utf-8' });
server.routes.set('/bench/validate.html', { body: '<!doctype html><meta charset="utf-8"><script type="module" src="/bench/validate-page.js"></script>', type: 'text/html; charset=utf-8' });

/** Milliseconds from navigation start to the last chart drawn, in a fresh context (cold cache). */
async function timeOpeka(n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript((count) => {
    const seen = new Set();
    document.addEventListener('opeka-rendered', (e) => {
      seen.add(e.target.id);
      if (seen.size === count && !window.__bench) window.__bench = { done: performance.now() };
    });
    document.addEventListener('opeka-error', (e) => { window.__bench = { error: e.detail.message }; });
  }, n);
  await page.goto(`${server.url}/bench/opeka-${n}.html`);
  await page.waitForFunction(() => window.__bench, null, { timeout: 120000 });
  const result = await page.evaluate(() => window.__bench);
  await context.close();
  if (result.error) throw new Error(result.error);
  return result.done;
}

async function timeChartjs(n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/bench/chartjs.html?n=${n}`);
  await page.waitForFunction(() => window.__bench, null, { timeout: 120000 });
  const { done } = await page.evaluate(() => window.__bench);
  await context.close();
  return done;
}

console.log(`-- navigation to every chart drawn (median of ${RUNS} cold runs; kuzbass-caseload trend, 121 KB feed)`);
for (const n of [1, 20]) {
  const opeka = [];
  const cjs = [];
  for (let i = 0; i < RUNS; i += 1) {
    opeka.push(await timeOpeka(n));
    cjs.push(await timeChartjs(n));
  }
  const [o, c] = [median(opeka), median(cjs)];
  console.log(`${String(n).padStart(2)} widget(s): opeka ${o.toFixed(0).padStart(5)} ms   chart.js ${c.toFixed(0).padStart(5)} ms   ratio ${(o / c).toFixed(2)}`);
}

console.log('-- parse + validate in Chromium (wasm)');
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/bench/validate.html`);
  await page.waitForFunction(() => window.__bench, null, { timeout: 120000 });
  const { records, bytes, runs, errors } = await page.evaluate(() => window.__bench);
  const ms = median(runs);
  console.log(`${records} records, ${kb(bytes)}: median ${ms.toFixed(1)} ms = ${(bytes / 1048576 / (ms / 1000)).toFixed(1)} MB/s, ${Math.round(records / (ms / 1000))} records/s (${errors} errors; runs ${runs.map((r) => r.toFixed(0)).join(', ')} ms)`);
  await context.close();
}

await browser.close();
await server.close();
