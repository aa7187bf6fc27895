// Adversarial feeds in headless Chromium (make bench): each shape of
// crates/chart/examples/bench_adversarial.rs, generated here into a temp
// dir, loaded by one <opeka-chart> on a fresh page. Prints the time from
// navigation to `opeka-rendered` or `opeka-error`, and the page's longest
// main-thread task (PerformanceObserver 'longtask', buffered). Figures
// only; nothing passes or fails on a time.
//
// OPEKA_DIST=dir measures another build of dist/opeka (an older one, for a
// before/after); ADVERSARIAL_SHAPES=a,b only those shapes.
import { mkdtemp, writeFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, startServer } from '../e2e/harness.mjs';
import { plainBrowser } from './big-feed-bench.mjs';

const LIMIT = 16 * 1024 * 1024;
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
const server = await startServer({ mounts: [['/adversarial/', dir], ['/bench/', join(ROOT, 'tests', 'bench')], ...(dist ? [['/opeka/', dist]] : [])] });

/** One widget drawing `/adversarial/{name}.json` in `view`, in a Chromium
 * of its own with no DevTools domain enabled (`plainBrowser`: Playwright's
 * session puts a task of its own on the page as a big body ends,
 * docs/performance.md, stops 16 and 43): a page stuck in one long task does
 * not let go of its renderer when its context closes, and would slow every
 * page after it. The page's figures come from tests/bench/measure.js. */
async function measure(name, view) {
  server.routes.set('/bench/adversarial.html', { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>adversarial</title>
<script src="/bench/measure.js"></script><script type="module" src="/opeka/opeka.js"></script></head><body>
<opeka-chart id="c" src="/adversarial/${name}.json" view="${view}" style="display:block;width:800px"></opeka-chart></body></html>` });
  const loads = await plainBrowser(server);
  try {
    const figures = await loads.load(`${server.url}/bench/adversarial.html`);
    return { outcome: 'rendered', at: figures.done, longest: figures.longest };
  } catch (error) {
    // An `opeka-error` page's figures come with its error; a page still in
    // its task after 180 s reports nothing.
    const figures = error.report;
    return figures ? { outcome: 'error', at: figures.done, longest: figures.longest } : { outcome: 'nothing within 180 s', at: NaN, longest: NaN };
  } finally {
    await loads.close();
  }
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
      `${Number.isNaN(r.at) ? '' : `${r.at.toFixed(0)} ms to the event, `}longest task ${Number.isNaN(r.longest) ? 'over 180 000 (still running)' : r.longest.toFixed(0)} ms`);
  }
}
await server.close();
await rm(dir, { recursive: true, force: true });
