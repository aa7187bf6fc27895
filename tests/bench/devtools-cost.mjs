// What a DevTools session costs a page that fetches a big body
// (docs/performance.md, stop 20): a page that only reads the 15 MB feed of
// big-feeds.mjs with a stream reader, loaded cold RUNS times in a Chromium
// with no DevTools session on the page (`plainBrowser`) and through
// Playwright. Prints each load's time to the body read and its long tasks
// ([start, ms]). Figures only; nothing fails on a time.
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser } from '../e2e/harness.mjs';
import { coldLoad, generatedCaseload, plainBrowser } from './big-feed-bench.mjs';

const RUNS = Number(process.env.DEVTOOLS_COST_RUNS ?? 5);
const dir = await mkdtemp(join(tmpdir(), 'opeka-devtools-'));
await writeFile(join(dir, 'feed.json'), generatedCaseload(4175));
const server = await startServer({ mounts: [['/big/', dir], ['/bench/', join(ROOT, 'tests', 'bench')]] });
server.routes.set('/bench/read.html', { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>read</title>
<script src="/bench/measure.js"></script></head><body><script type="module">
const reader = (await fetch('/big/feed.json')).body.getReader();
while (!(await reader.read()).done);
document.dispatchEvent(new CustomEvent('bench-drawn'));</script></body></html>` });
const plain = await plainBrowser(server);
const browser = await launchBrowser();
const url = `${server.url}/bench/read.html`;
console.log(`-- a 15 MB body read by a page, ${RUNS} cold loads: ms to the body read, long tasks [start, ms]`);
try {
  for (let i = 0; i < RUNS; i++) {
    const bare = await plain.load(url);
    const driven = await coldLoad(browser, server, url);
    console.log(`no DevTools ${String(Math.round(bare.done)).padStart(5)} ms ${JSON.stringify(bare.tasks).padEnd(24)} | Playwright ${String(Math.round(driven.done)).padStart(5)} ms ${JSON.stringify(driven.tasks)}`);
  }
} finally {
  await plain.close();
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
