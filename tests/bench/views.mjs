// Prints the time to lay out, draw and mount each view in headless Chromium:
// the time from a `view` attribute change to the widget's `opeka-rendered`
// (no fetch: a view change re-renders only), median of several switches,
// for every sample feed and a generated 100 000-record caseload feed.
// Figures only; nothing passes or fails on a time.
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, openPage } from '../e2e/harness.mjs';

const SAMPLES = {
  'kuzbass-caseload': ['trend', 'ranking', 'composition', 'per-capita', 'tiles'],
  'kuzbass-accident-families': ['trend', 'ranking', 'composition', 'per-capita', 'tiles'],
  'kuzbass-social-worker-day-2018': ['breakdown', 'podium', 'roll', 'tiles'],
  'kuzbass-council-projects-2024': ['progress', 'before-after', 'trajectory', 'tiles'],
  'vyksa-orphanhood-prevention': ['progress', 'before-after', 'trajectory', 'tiles'],
};
const RUNS = 5;

/** A caseload feed of `units × categories × months` = 100 000 records. */
function generatedFeed() {
  const units = Array.from({ length: 50 }, (_, i) => ({ id: `u${i}`, label: `Территория ${i + 1}`, population: 10000 + i * 1000 }));
  const categories = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: `Категория ${id}` }));
  const records = [];
  for (let m = 0; m < 500; m++) {
    const period = `${1990 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    for (const u of units) for (const c of categories) records.push({ period, unit: u.id, category: c.id, value: (m * 7 + u.id.length * 13 + c.id.charCodeAt(0)) % 1000 });
  }
  return { opeka: 1, kind: 'caseload', title: 'Сгенерированные данные', units, categories, records };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function benchFeed(page, url, views) {
  const firstMs = await page.evaluate(async ([src, view]) => {
    document.body.replaceChildren();
    const el = document.createElement('opeka-chart');
    el.id = 'bench';
    el.setAttribute('view', view);
    el.setAttribute('src', src);
    const done = new Promise((ok) => el.addEventListener('opeka-rendered', ok, { once: true }));
    const start = performance.now();
    document.body.append(el);
    await done;
    return performance.now() - start;
  }, [url, views[0]]);
  const lines = [`  first render (fetch + validate + draw): ${firstMs.toFixed(1)} ms`];
  for (const view of views) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      times.push(await page.evaluate(async ([view, views]) => {
        const el = document.getElementById('bench');
        // Setting an attribute to its own value fires nothing: pick another view.
        const other = views.find((v) => v !== view && v !== el.getAttribute('view'));
        // Switch away and back so every run is a real re-render.
        const away = new Promise((ok) => el.addEventListener('opeka-rendered', ok, { once: true }));
        el.setAttribute('view', other);
        await away;
        const done = new Promise((ok) => el.addEventListener('opeka-rendered', ok, { once: true }));
        const start = performance.now();
        el.setAttribute('view', view);
        await done;
        return performance.now() - start;
      }, [view, views]));
    }
    lines.push(`  ${view.padEnd(13)} ${median(times).toFixed(1)} ms (median of ${RUNS})`);
  }
  return lines;
}

const generatedDir = join(ROOT, 'tests', 'fixtures', 'generated');
await mkdir(generatedDir, { recursive: true });
const big = JSON.stringify(generatedFeed());
await writeFile(join(generatedDir, 'caseload-100k.json'), big);
const server = await startServer();
const browser = await launchBrowser();
try {
  const { page } = await openPage(browser, `${server.url}/fixtures/bench.html`, { viewport: { width: 900, height: 900 } });
  for (const [name, views] of Object.entries(SAMPLES)) {
    console.log(`render in Chromium, 800px, ru: ${name}`);
    for (const line of await benchFeed(page, `/feeds/${name}.json`, views)) console.log(line);
  }
  console.log(`render in Chromium, 800px, ru: generated 100 000 records (${(big.length / 1e6).toFixed(1)} MB)`);
  for (const line of await benchFeed(page, '/fixtures/generated/caseload-100k.json', ['trend', 'ranking', 'composition', 'per-capita', 'tiles'])) console.log(line);
} finally {
  await browser.close();
  await server.close();
  await rm(generatedDir, { recursive: true, force: true });
}
