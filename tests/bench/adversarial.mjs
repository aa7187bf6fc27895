// Adversarial feeds in headless Chromium (make bench): each shape of
// crates/chart/examples/bench_adversarial.rs, generated here into a temp
// dir, loaded by one <opeka-chart> on a fresh page. Prints the time from
// navigation to `opeka-rendered` or `opeka-error`, and the page's longest
// main-thread task (PerformanceObserver 'longtask', buffered). Figures
// only; nothing passes or fails on a time.
//
// OPEKA_DIST=dir measures another build of dist/opeka (an older one, for a
// before/after); ADVERSARIAL_TIMEOUT=ms bounds each page (default 180 000).
import { mkdtemp, writeFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, launchBrowser } from '../e2e/harness.mjs';

const LIMIT = 16 * 1024 * 1024;
const TIMEOUT = Number(process.env.ADVERSARIAL_TIMEOUT ?? 180000);
const id = (n) => n.toString(36);

/** The four shapes, as JSON text, each under the 16 MiB limit. */
const SHAPES = {
  // 200 000 units, one record each; every fourth with a population.
  units() {
    const units = [];
    const records = [];
    for (let u = 0; u < 200000; u++) {
      const population = u % 4 === 0 ? `,"population":${100 + (u % 900)}` : '';
      units.push(`{"id":"${id(u)}","label":"${id(u)}"${population}}`);
      records.push(`{"period":"2024","unit":"${id(u)}","value":${u % 97}}`);
    }
    return `{"opeka":1,"kind":"caseload","title":"200 000 территорий","units":[${units.join(',')}],"records":[${records.join(',')}]}`;
  },
  // 450 000 daily records, newest first.
  days() {
    const last = Date.UTC(2025, 11, 31);
    const records = [];
    for (let d = 0; d < 450000; d++) {
      const day = new Date(last - d * 86400000);
      const period = `${String(day.getUTCFullYear()).padStart(4, '0')}-${String(day.getUTCMonth() + 1).padStart(2, '0')}-${String(day.getUTCDate()).padStart(2, '0')}`;
      records.push(`{"period":"${period}","value":${d % 89}}`);
    }
    return `{"opeka":1,"kind":"caseload","title":"450 000 дней","records":[${records.join(',')}]}`;
  },
  // 1 000 000 members nobody knows (a valid feed, with warnings).
  'unknown-keys'() {
    const keys = [];
    for (let k = 0; k < 1000000; k++) keys.push(`"x${id(k)}":0`);
    return `{"opeka":1,"kind":"caseload","title":"1 000 000 лишних ключей","records":[],${keys.join(',')}}`;
  },
  // Records that are all {}, up to the limit (invalid).
  'empty-records'() {
    const head = '{"opeka":1,"kind":"caseload","title":"пустые записи","records":[{}';
    const count = Math.floor((LIMIT - Buffer.byteLength(head) - 2) / 3);
    return `${head}${',{}'.repeat(count)}]}`;
  },
};
const VIEWS = ['trend', 'ranking', 'composition', 'per-capita'];

const dir = await mkdtemp(join(tmpdir(), 'opeka-adversarial-'));
const dist = process.env.OPEKA_DIST ? resolve(process.env.OPEKA_DIST) : null;
const server = await startServer({ mounts: [['/adversarial/', dir], ...(dist ? [['/opeka/', dist]] : [])] });

/** One widget drawing `/adversarial/{name}.json` in `view`, in a browser of
 * its own: a page stuck in one long task does not let go of its renderer
 * when its context closes, and would slow every page after it. */
async function measure(name, view) {
  const page = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>adversarial</title>
<script type="module" src="/opeka/opeka.js"></script></head><body>
<opeka-chart id="c" src="/adversarial/${name}.json" view="${view}" style="display:block;width:800px"></opeka-chart></body></html>`;
  server.routes.set('/bench/adversarial.html', { body: page, type: 'text/html; charset=utf-8' });
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  await tab.addInitScript(() => {
    const done = (outcome) => () => { if (!window.__bench) window.__bench = { outcome, at: performance.now() }; };
    document.addEventListener('opeka-rendered', done('rendered'));
    document.addEventListener('opeka-error', done('error'));
  });
  let result;
  // A Node-side deadline as well: a page busy in one task may not answer Playwright's own.
  let timer;
  const deadline = new Promise((_, fail) => { timer = setTimeout(() => fail(new Error('deadline')), TIMEOUT + 5000); });
  deadline.catch(() => {});
  try {
    await Promise.race([deadline, tab.goto(`${server.url}/bench/adversarial.html`, { timeout: TIMEOUT })]);
    await Promise.race([deadline, tab.waitForFunction(() => window.__bench, null, { timeout: TIMEOUT, polling: 250 })]);
    result = await Promise.race([deadline, tab.evaluate(() => new Promise((answer) => {
      // Buffered: the tasks before the observer existed are reported too.
      let longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
      setTimeout(() => answer({ ...window.__bench, longest }), 100);
    }))]);
  } catch {
    // The page's main thread is still in one task: it is at least as long as the wait.
    result = { outcome: `nothing within ${TIMEOUT / 1000} s`, at: NaN, longest: NaN };
  }
  clearTimeout(timer);
  await browser.close();
  return result;
}

console.log(`-- adversarial feeds in one <opeka-chart> (800 px)${dist ? `, dist ${dist}` : ''}`);
const only = process.env.ADVERSARIAL_SHAPES?.split(',');
for (const [name, make] of Object.entries(SHAPES).filter(([name]) => !only || only.includes(name))) {
  const body = make();
  await writeFile(join(dir, `${name}.json`), body);
  const { size } = await stat(join(dir, `${name}.json`));
  const views = name === 'empty-records' ? ['trend'] : VIEWS;
  for (const view of views) {
    const r = await measure(name, view);
    console.log(`${name.padEnd(14)} ${String(size).padStart(9)} bytes  ${view.padEnd(12)} ${r.outcome.padEnd(9)} ` +
      `${Number.isNaN(r.at) ? '' : `${r.at.toFixed(0)} ms to the event, `}longest task ${Number.isNaN(r.longest) ? `over ${TIMEOUT} (still running)` : r.longest.toFixed(0)} ms`);
  }
}
await server.close();
await rm(dir, { recursive: true, force: true });
