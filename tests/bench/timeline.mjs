// The worker path's timeline, without a trace (docs/performance.md, stop
// 16): a Chromium trace slows a cold load of the 15 MB feed by about 40 %
// and sends its events to this process, which also serves the feed. So a
// copy of `dist/opeka` (or TIMELINE_DIST) gets the worker's two scripts
// from their sources with a console line at each step, on the clock both
// threads share (`performance.timeOrigin + performance.now()`):
//   host    the worker's page side evaluated;
//   posted  a body posted to the worker;
//   start, ready, warm, warmed, message, job, done   in the worker.
// With the feed's `responseEnd` (resource timing), the page's long tasks
// and `opeka-rendered`, per cold load and as medians. `TIMELINE_DAYS`
// (4175 = the 15 MB feed of big-feeds.mjs, 280 = 1 MB), `TIMELINE_RUNS`.
// Needs `make dist`. Figures only; nothing fails on a time. It drives
// Chromium through Playwright, whose DevTools session adds a task of its own
// as a big body finishes (big-feed-bench.mjs's `timedLoads` says why).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser } from '../e2e/harness.mjs';
import { generatedCaseload } from './big-feed-bench.mjs';
import { joinWorker } from '../../scripts/join-worker.mjs';

const DAYS = Number(process.env.TIMELINE_DAYS ?? 4175);
const RUNS = Number(process.env.TIMELINE_RUNS ?? 5);
const DIST = process.env.TIMELINE_DIST ?? join(ROOT, 'dist', 'opeka');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const NOW = '(performance.timeOrigin + performance.now())';
const mark = (name) => `console.log('opeka-timeline ${name}', ${NOW});`;

/** `source` with `text` inserted before (or after) each anchor; throws when an anchor is gone. */
function instrument(file, source, edits) {
  for (const [anchor, text, after] of edits) {
    if (!source.includes(anchor)) throw new Error(`${file}: "${anchor}" is no longer there; update tests/bench/timeline.mjs`);
    source = source.replace(anchor, after ? anchor + text : text + anchor);
  }
  return source;
}

const dir = await mkdtemp(join(tmpdir(), 'opeka-timeline-'));
const dist = join(dir, 'opeka');
await cp(DIST, dist, { recursive: true });
const source = (name) => readFile(join(ROOT, 'crates', 'embed', 'js', name), 'utf8');
// Joined with its glue as `make dist` joins it (the dist's, minified).
const glue = await readFile(join(dist, 'opeka_worker_bindings.js'), 'utf8');
await writeFile(join(dist, 'opeka-worker.js'), joinWorker(glue, instrument('opeka-worker.js', await source('opeka-worker.js'), [
  ['import init', `${mark('start')}\n`],
  ['\n\n// While the body', `\nready.then(() => { ${mark('ready')} });`],
  ['    warm_up();', `    ${mark('warm')}\n`],
  ['    warm_up();', `\n    ${mark('warmed')}`, true],
  ['(asked ||= id > 0 || (id < 0 && !bytes)), ready).then(() => {', `id > 0 && ${mark('message').slice(0, -1)}, `],
  ['    const answer = typeof bytes', `  ${mark('job')}\n`],
  ['reduce_feed(bytes, view);\n', `    ${mark('done')}\n`, true],
])));
await writeFile(join(dist, 'opeka-worker-host.js'), instrument('opeka-worker-host.js', await source('opeka-worker-host.js'), [
  ['const START_MS', `${mark('host')}\n`],
  ['    worker.postMessage(to === worker ? [asked, body, view] : posted);', `\n    ${mark('posted')}`, true],
]));
const feed = generatedCaseload(DAYS);
await writeFile(join(dir, 'feed.json'), feed);

const server = await startServer({ mounts: [['/big/', dir], ['/opeka/', dist]] });
server.routes.set('/bench/timeline.html', { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>timeline</title>
<script type="module" src="/opeka/opeka.js"></script></head><body>
<opeka-chart src="/big/feed.json" view="trend" height="400" style="display:block;width:960px"></opeka-chart></body></html>` });
const browser = await launchBrowser();
const steps = ['read', 'host', 'start', 'ready', 'posted', 'message', 'job', 'done', 'rendered'];
const all = Object.fromEntries(steps.map((step) => [step, []]));
console.log(`-- the worker path of a ${(Buffer.byteLength(feed) / 1048576).toFixed(1)} MB feed (${DAYS} days), ms from navigation, ${RUNS} cold loads`);
console.log(`${steps.map((s) => s.padStart(8)).join(' ')}  warm-ups  job   long tasks [start, ms]`);
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const lines = [];
    page.on('console', (m) => m.text().startsWith('opeka-timeline ') && lines.push(m.text().split(' ')));
    await page.addInitScript(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]); })
        .observe({ type: 'longtask', buffered: true });
      document.addEventListener('opeka-rendered', () => { window.__done = performance.now(); });
    });
    await page.goto(`${server.url}/bench/timeline.html`);
    await page.waitForFunction(() => window.__done, null, { timeout: 180000 });
    await page.waitForTimeout(200);
    const seen = await page.evaluate(() => ({ origin: performance.timeOrigin, done: window.__done, tasks: window.__tasks,
      read: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/big/feed.json'))?.responseEnd }));
    await context.close();
    const at = { read: seen.read, rendered: seen.done };
    for (const [, step, time] of lines) at[step] ??= Number(time) - seen.origin;
    for (const step of steps) if (at[step] !== undefined) all[step].push(at[step]);
    const warmups = lines.filter(([, step]) => step === 'warmed').length;
    const job = at.done - at.job;
    console.log(`${steps.map((s) => (at[s] === undefined ? '—' : at[s].toFixed(0)).padStart(8)).join(' ')}  ${String(warmups).padStart(8)}  ${job.toFixed(0).padStart(4)}  ${JSON.stringify(seen.tasks)}`);
  }
  console.log(`${steps.map((s) => (all[s].length ? median(all[s]).toFixed(0) : '—').padStart(8)).join(' ')}  (medians)`);
} finally {
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
