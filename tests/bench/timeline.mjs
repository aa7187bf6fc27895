// The worker path's timeline, without a trace and without DevTools
// (docs/performance.md, stops 16 and 24): a Chromium trace slows a cold load
// of the 15 MB feed by about 40 %, and Playwright's DevTools session puts a
// task of 100–300 ms on the page's main thread as a big body ends
// (big-feed-bench.mjs's `timedLoads` says why), beside the worker's job. So
// a copy of `dist/opeka` (or TIMELINE_DIST) gets marks at each step, on the
// clock both threads share (`performance.timeOrigin + performance.now()`),
// and the loads go through `plainBrowser`, a Chromium with no DevTools
// domain enabled; the worker broadcasts its marks to the page once it has
// answered, and the page's tests/bench/measure.js posts them with its own:
//   warmcall, created   opeka.js hears of a big body, starts the worker;
//   inst                opeka.js's module instantiated;
//   sent                opeka.js has posted the whole body to the worker;
//   host, posted        the worker's page side evaluated, the ask posted;
//   start, ready, first the worker's script runs, its module is up, the
//                       first chunk reaches it;
//   chunk               the last chunk read into the module;
//   whole, ahead        the body whole, its answer found ahead;
//   message, done       the ask heard, answered.
// With the feed's `responseEnd` ("read"), `opeka-rendered`, the time the
// worker spent reading chunks, and the page's long tasks, per cold load
// and as medians. `TIMELINE_DAYS` (4175 = the 15 MB feed of big-feeds.mjs,
// 280 = 1 MB), `TIMELINE_RUNS`. Needs `make dist`. Figures only; nothing
// fails on a time.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startServer } from '../e2e/harness.mjs';
import { generatedCaseload, plainBrowser } from './big-feed-bench.mjs';
import { joinWorker } from '../../scripts/join-worker.mjs';

const DAYS = Number(process.env.TIMELINE_DAYS ?? 4175);
const RUNS = Number(process.env.TIMELINE_RUNS ?? 5);
const DIST = process.env.TIMELINE_DIST ?? join(ROOT, 'dist', 'opeka');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const NOW = '(performance.timeOrigin + performance.now())';
const mark = (name) => `(self.__marks ??= []).push(['${name}', ${NOW}]);`;

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
  ['  if (id < 0 && bytes) chunks.push(data);', `  if (id < 0 && bytes && !self.__first) { self.__first = 1; ${mark('first')} }\n`],
  ['(asked ||= id > 0 || (id < 0 && !bytes)), ready).then(() => {', `id > 0 && ${mark('message').slice(0, -1)}, `],
  ['    stream();\n', '    const streaming = performance.now();\n'],
  ['    stream();\n', `    self.__streamed = (self.__streamed ?? 0) + performance.now() - streaming;\n    if (id < 0 && bytes) ${mark('chunk')}\n`, true],
  ['    if (id < 0) return bytes || reduce_ahead(-id);', `    if (id < 0 && !bytes) { ${mark('whole')} reduce_ahead(-id); ${mark('ahead')} return; }\n`],
  ['reduce_feed(bytes, view);\n', `    ${mark('done')}\n    new BroadcastChannel('opeka-timeline').postMessage([...self.__marks, ['streamed', self.__streamed]]);\n`, true],
])));
await writeFile(join(dist, 'opeka-worker-host.js'), instrument('opeka-worker-host.js', await source('opeka-worker-host.js'), [
  ['const START_MS', `${mark('host')}\n`],
  ['    worker.postMessage(to === worker ? [asked, body, view] : posted);', `\n    ${mark('posted')}`, true],
]));
// opeka.js as `make dist` minifies it: its names change between builds.
let page = await readFile(join(dist, 'opeka.js'), 'utf8');
for (const [pattern, text] of [
  [/if\(document\.querySelector\("opeka-chart:not\(\[worker=off\]\)"\)\)\{/, (all) => all + mark('warmcall')],
  [/catch\{\}(\w+\(\)\.then\(t=>t\.warm\()/, (all, call) => `catch{}${mark('created')}${call}`],
  [/return (\w+=t,\w+=t\.exports)/, (all, rest) => `return ${mark('inst').slice(0, -1)},${rest}`],
  // The body's last post to the worker ([-body] once it is whole).
  [/(\w+)\.postMessage\(\[-\w+,(\w+),\w+\],\w+\)/, (all, to, chunk) => `(${chunk}?0:${mark('sent').slice(0, -1)}),${all}`],
]) {
  if (!pattern.test(page)) throw new Error(`opeka.js: ${pattern} is no longer there; update tests/bench/timeline.mjs`);
  page = page.replace(pattern, text);
}
await writeFile(join(dist, 'opeka.js'), page);
const feed = generatedCaseload(DAYS);
await writeFile(join(dir, 'feed.json'), feed);

const server = await startServer({ mounts: [['/big/', dir], ['/opeka/', dist], ['/bench/', join(ROOT, 'tests', 'bench')]] });
server.routes.set('/timeline/page.html', { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>timeline</title>
<script src="/bench/measure.js"></script>
<script>new BroadcastChannel('opeka-timeline').onmessage = ({ data }) => (self.__marks ??= []).push(...data);</script>
<script type="module" src="/opeka/opeka.js"></script></head><body>
<opeka-chart src="/big/feed.json" view="trend" height="400" style="display:block;width:960px"></opeka-chart></body></html>` });
const loads = await plainBrowser(server);
const steps = ['warmcall', 'created', 'inst', 'sent', 'host', 'start', 'ready', 'first', 'read', 'chunk', 'whole', 'ahead', 'posted', 'message', 'done', 'rendered'];
const all = Object.fromEntries([...steps, 'streamed'].map((step) => [step, []]));
console.log(`-- the worker path of a ${(Buffer.byteLength(feed) / 1048576).toFixed(1)} MB feed (${DAYS} days), ms from navigation, ${RUNS} cold loads, no DevTools`);
console.log(`${steps.map((s) => s.padStart(8)).join(' ')}  streamed  long tasks [start, ms]`);
try {
  for (let run = 0; run < RUNS; run++) {
    const seen = await loads.load(`${server.url}/timeline/page.html`);
    const at = { read: seen.resources.find(([name]) => name === '/big/feed.json')?.[2], rendered: seen.done };
    // Each step's first time, but the last chunk's.
    for (const [step, time] of seen.marks ?? []) {
      if (step === 'streamed') at.streamed = time;
      else if (step === 'chunk') at.chunk = time - seen.origin;
      else at[step] ??= time - seen.origin;
    }
    for (const step of [...steps, 'streamed']) if (at[step] !== undefined) all[step].push(at[step]);
    const cell = (v) => (v === undefined ? '—' : v.toFixed(0)).padStart(8);
    console.log(`${steps.map((s) => cell(at[s])).join(' ')}  ${cell(at.streamed)}  ${JSON.stringify(seen.tasks)}`);
  }
  console.log(`${steps.map((s) => (all[s].length ? median(all[s]).toFixed(0) : '—').padStart(8)).join(' ')}  ${(all.streamed.length ? median(all.streamed).toFixed(0) : '—').padStart(8)}  (medians)`);
} finally {
  await loads.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
