// Two builds of dist/opeka side by side (docs/performance.md, "Stop 11"):
// `node tests/bench/ab-dists.mjs OTHER_DIST [RUNS]` loads the big-feeds
// bench's feeds cold with this tree's dist/opeka ("this") and OTHER_DIST
// ("other", e.g. a build of the commit before), alternately, load after
// load, so that a machine shared with other work slows both alike. Prints,
// per feed and build, the median time to `opeka-rendered` with the worker
// and with worker="off", the longest main-thread task of any run, and the
// page's wasm memory, and, with the worker, the median time from the
// feed's last byte to `opeka-rendered` ("after body"). AB_FEEDS=15 (or
// sample, 1) loads only the feeds whose names start so. Figures only;
// nothing fails on a time.
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, startServer, launchBrowser } from '../e2e/harness.mjs';
import { generatedCaseload, timedLoads } from './big-feed-bench.mjs';

const OTHER = resolve(process.argv[2] ?? '');
const RUNS = Number(process.argv[3] ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];


const dir = await mkdtemp(join(tmpdir(), 'opeka-ab-'));
const feeds = [['sample', '/feeds/kuzbass-caseload.json']];
for (const [name, days] of [['1 MB', 280], ['15 MB', 4175]]) {
  await writeFile(join(dir, `${days}.json`), generatedCaseload(days));
  feeds.push([name, `/big/${days}.json`]);
}
const server = await startServer({ mounts: [['/big/', dir], ['/other/', OTHER], ['/this/', join(ROOT, 'dist', 'opeka')], ['/bench/', join(ROOT, 'tests', 'bench')]] });
for (const build of ['this', 'other']) {
  server.routes.set(`/ab/${build}.html`, { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>ab</title>
<script src="/bench/measure.js"></script><script type="module" src="/${build}/opeka.js"></script></head><body><div id="slot"></div>
<script type="module">const el = document.createElement('opeka-chart'); el.setAttribute('view', 'trend'); el.setAttribute('height', '400');
el.style.cssText = 'display:block;width:960px'; const q = new URLSearchParams(location.search); el.setAttribute('src', q.get('src'));
if (q.get('worker')) el.setAttribute('worker', q.get('worker')); document.getElementById('slot').append(el);</script></body></html>` });
}
const browser = await launchBrowser();
const loads = await timedLoads(browser, server);

console.log(`-- this tree's dist/opeka against ${OTHER}, alternately, median of ${RUNS} cold loads`);
console.log('feed    build | worker    off      | longest (median): worker  off          | wasm (worker) | after body');
try {
  for (const [name, src] of feeds.filter(([name]) => !process.env.AB_FEEDS || process.env.AB_FEEDS.split(',').some((f) => name.startsWith(f)))) {
    const runs = {};
    for (let i = 0; i < RUNS; i++) {
      for (const build of ['other', 'this']) {
        for (const worker of ['auto', 'off']) {
          (runs[`${build} ${worker}`] ??= []).push(await loads.load(`${server.url}/ab/${build}.html?worker=${worker}&src=${encodeURIComponent(src)}`));
        }
      }
    }
    for (const build of ['other', 'this']) {
      const t = (w) => `${median(runs[`${build} ${w}`].map((r) => r.done)).toFixed(0)} ms`.padStart(8);
      // The longest task of any load, and the median load's.
      const l = (w) => {
        const longest = runs[`${build} ${w}`].map((r) => r.longest);
        return `${Math.max(...longest).toFixed(0)} (${median(longest).toFixed(0)}) ms`.padStart(12);
      };
      const wasm = Math.max(...runs[`${build} auto`].map((r) => r.wasm));
      // The feed's own resource entry: when its last byte came.
      const after = median(runs[`${build} auto`].map((r) => r.done - (r.resources.find(([url]) => url === src)?.[2] ?? NaN)));
      console.log(`${name.padEnd(7)} ${build.padEnd(5)} | ${t('auto')} ${t('off')} | ${l('auto')} ${l('off')} | ${(wasm / 1048576).toFixed(1)} MB`.padEnd(81) + ` | ${after.toFixed(0)} ms`);
      // AB_TASKS=1: each load's long tasks with the worker, [start, ms].
      if (process.env.AB_TASKS) for (const r of runs[`${build} auto`]) console.log(`    ${r.done.toFixed(0)} ms, body at ${r.resources.find(([url]) => url === src)?.[2]} ms: ${JSON.stringify(r.tasks)}`);
    }
  }
} finally {
  await loads.close();
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
