// Where the worker path's time goes (docs/performance.md, "Stop 11"): one
// cold load of a generated caseload feed (`PROFILE_DAYS`, 4175 = the 15 MB
// feed of big-feeds.mjs, 280 = 1 MB) with a Chromium trace of every thread
// (the page's main thread and the worker's), printed as a timeline: each
// task of 20 ms or more on either thread, from navigation start, with the
// work inside it (script, compile, GC, style, layout, paint) and the
// script entry points. `PROFILE_WORKER=off` profiles the main-thread path;
// `PROFILE_FEED` (a file) and `PROFILE_VIEW` profile another feed and view.
// Needs `make dist`, or for the main thread's functions by name `make
// named-dist` and PROFILE_DIST=target/named-dist (PROFILE_FOCUS: the time
// inside chosen functions, and the self time by function under the first
// of them). Figures only; nothing fails on a time. The trace's DevTools
// session adds a task of its own as a big body finishes (big-feed-bench.mjs's
// `timedLoads` says why): `ResponseBodyLoader::DidFinishLoadingBody`.
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser } from '../e2e/harness.mjs';
import { generatedCaseload } from './big-feed-bench.mjs';

const DAYS = Number(process.env.PROFILE_DAYS ?? 4175);
const WORKER = process.env.PROFILE_WORKER ?? 'auto';
const MIN_MS = Number(process.env.PROFILE_MIN_MS ?? 20);


const dir = await mkdtemp(join(tmpdir(), 'opeka-profile-'));
const VIEW = process.env.PROFILE_VIEW ?? 'trend';
const body = process.env.PROFILE_FEED ? await readFile(process.env.PROFILE_FEED, 'utf8') : generatedCaseload(DAYS);
await writeFile(join(dir, 'feed.json'), body);
// PROFILE_DIST: a build with names (make size-audit's wasm, bound by
// wasm-bindgen without wasm-opt) to read the main thread's CPU profile by function.
const server = await startServer({ mounts: [['/big/', dir], ...(process.env.PROFILE_DIST ? [['/opeka/', process.env.PROFILE_DIST]] : [])] });
server.routes.set('/bench/profile.html', { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>profile</title>
<script type="module" src="/opeka/opeka.js"></script></head><body>
<opeka-chart id="c" src="/big/feed.json" view="${VIEW}" ${VIEW === 'trend' ? 'height="400"' : ''} worker="${WORKER}" style="display:block;width:960px"></opeka-chart></body></html>` });

const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]); })
      .observe({ type: 'longtask', buffered: true });
    document.addEventListener('opeka-rendered', () => { window.__done = performance.now(); });
    document.addEventListener('opeka-error', (e) => { window.__done = -1; console.error(e.detail.message); });
  });
  // The worker's console lines come to the page's (timing lines, errors).
  page.on('console', (m) => console.log(`  console: ${m.text()}`));
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const finished = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: process.env.PROFILE_ALL ? ['*', 'disabled-by-default-devtools.timeline'] : ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'toplevel', 'loading', 'netlog', 'disabled-by-default-v8.compile'] },
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`${server.url}/bench/profile.html`);
  await page.waitForFunction(() => window.__done, null, { timeout: 180000 });
  await page.waitForTimeout(300);
  const { done, tasks } = await page.evaluate(() => ({ done: window.__done, tasks: window.__tasks }));
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await finished;

  // Threads by name; the page's renderer is the process with CrRendererMain.
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = [...names].find(([, n]) => n === 'CrRendererMain' )?.[0];
  const pid = main?.split(':')[0];
  const start = events.find((e) => e.name === 'navigationStart' && String(e.pid) === pid)?.ts
    ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const ms = (us) => (us / 1000).toFixed(0);
  console.log(`-- ${(body.length / 1e6).toFixed(1)} MB feed (${process.env.PROFILE_FEED ?? `${DAYS} days`}), ${VIEW}, worker="${WORKER}": opeka-rendered at ${done.toFixed(0)} ms; long tasks (start, ms): ${JSON.stringify(tasks)}`);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // The names of the functions sample `i` was in, its own and its callers', each once.
  const stackOf = (i) => {
    const names = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) names.add(byId.get(id).callFrame.functionName);
    return names;
  };
  const threads = [...names].filter(([key, n]) => key.startsWith(`${pid}:`) && (n === 'CrRendererMain' || /Worker/.test(n)));
  for (const [key, name] of threads) {
    const own = events.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X' && e.dur !== undefined);
    const tasks = own.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    // Outermost tasks only (a RunTask may hold a ThreadControllerImpl::RunTask).
    const top = [];
    for (const e of tasks) if (!top.length || e.ts >= top[top.length - 1].ts + top[top.length - 1].dur) top.push(e);
    const busy = top.reduce((s, e) => s + e.dur, 0);
    // CPU time (the thread clock): what a load on the machine moves least.
    const cpu = top.reduce((s, e) => s + (e.tdur ?? 0), 0);
    console.log(`\n== ${name} (${key}): ${top.length} tasks, busy ${ms(busy)} ms, CPU ${ms(cpu)} ms`);
    for (const task of top) {
      if (task.dur < MIN_MS * 1000) continue;
      const inside = own.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
      const by = new Map();
      for (const e of inside) {
        const label = e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.callFunction'
          ? `${e.name} ${e.args?.data?.functionName ?? ''} ${String(e.args?.data?.url ?? '').split('/').pop()}:${e.args?.data?.lineNumber ?? ''}`
          : e.name;
        by.set(label, (by.get(label) ?? 0) + e.dur);
      }
      const parts = [...by].filter(([, d]) => d >= 2000).sort((a, b) => b[1] - a[1]).slice(0, 12)
        .map(([l, d]) => `${l.trim()} ${ms(d)}`);
      console.log(`  at ${ms(task.ts - start).padStart(6)} ms: ${ms(task.dur).padStart(5)} ms (CPU ${ms(task.tdur ?? 0).padStart(4)}) | ${parts.join(' · ')}`);
      if (process.env.PROFILE_OUTLINE && name === 'CrRendererMain') outline(task.ts, task.ts + task.dur);
    }
  }
  // PROFILE_OUTLINE=N: under each long task of the main thread, the N
  // functions its CPU profile's samples were in most (callees included).
  function outline(from, to) {
    const total = new Map();
    for (let i = 0, t = profile.startTime; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i];
      if (t < from || t > to) continue;
      for (const n of stackOf(i)) total.set(n, (total.get(n) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
    }
    for (const [n, us] of [...total].filter(([n]) => n && !/^\(|^real$|invoke|closure|^js-to-wasm|^wasm-to-js/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_OUTLINE))) {
      console.log(`        ${ms(us).padStart(5)} ms  ${n.replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 150)}`);
    }
  }
  // Network: when the feed's response started and finished.
  const net = events.filter((e) => (e.name === 'ResourceSendRequest' || e.name === 'ResourceReceiveResponse' || e.name === 'ResourceFinish')
    && String(e.pid) === pid);
  const urls = new Map();
  for (const e of net) if (e.name === 'ResourceSendRequest') urls.set(e.args.data.requestId, e.args.data.url.split('/').pop());
  console.log('\n== network');
  for (const e of net) console.log(`  at ${ms(e.ts - start).padStart(6)} ms: ${e.name} ${urls.get(e.args.data.requestId) ?? ''}`);
  // The main thread's CPU profile: self time by function, the top ones.
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    // PROFILE_LINES=1: by place too (the anonymous functions of opeka.js).
    const place = process.env.PROFILE_LINES ? `:${node.callFrame.lineNumber + 1}:${node.callFrame.columnNumber + 1}` : '';
    const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}${place}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  console.log('\n== main thread, self time by function (CPU profile)');
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 40))) {
    console.log(`  ${ms(us).padStart(6)} ms  ${name}`);
  }
  // PROFILE_FOCUS=a,b: the time inside each function whose name holds one
  // of these (callees included, each sample counted once per name), as
  // `render_view` or `sorted_indices`: read with `make named-dist`'s build.
  const focus = (process.env.PROFILE_FOCUS ?? '').split(',').filter(Boolean);
  if (focus.length) {
    const inside = new Map(focus.map((f) => [f, 0]));
    for (let i = 0; i < profile.samples.length; i++) {
      const stack = [...stackOf(i)];
      for (const f of focus.filter((f) => stack.some((name) => name.includes(f)))) inside.set(f, inside.get(f) + (profile.timeDeltas[i + 1] ?? 0));
    }
    console.log('\n== main thread, time inside (CPU profile)');
    for (const [f, us] of inside) console.log(`  ${ms(us).padStart(6)} ms  ${f}`);
    // Where the first focus's time goes: self time by function under it.
    const under = new Map();
    for (let i = 0; i < profile.samples.length; i++) {
      let id = profile.samples[i];
      const leaf = byId.get(id).callFrame.functionName;
      for (; id !== undefined && !byId.get(id).callFrame.functionName.includes(focus[0]); id = parent.get(id));
      if (id !== undefined) under.set(leaf, (under.get(leaf) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
    }
    console.log(`\n== main thread, self time under ${focus[0]}`);
    for (const [f, us] of [...under].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms(us).padStart(6)} ms  ${f}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
