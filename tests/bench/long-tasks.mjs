// What the page's main thread does while a feed loads, from Chromium's
// own trace (docs/performance.md, stop 36): `node tests/bench/long-tasks.mjs
// [OTHER_DIST] [RUNS]` loads the big-feeds bench's pages cold (the sample,
// 1 MB and 15 MB feeds; LONG_TASKS_FEEDS=sample,15 picks) with this tree's
// dist/opeka, and with OTHER_DIST too when given, alternately, and prints
// for each feed and build the medians of:
// - `drawn`: navigation to `opeka-rendered`, as the page measured it;
// - `main CPU`: the CPU time the page's main thread spent in its tasks
//   until then (the trace's thread time), which the machine's other work
//   barely moves, so that two builds compare on a few loads where their
//   wall times, on two shared cores, do not;
// - `worker CPU`: the same for the page's workers;
// - the longest main-thread task's wall time and, beside it, its CPU: a
//   task of 7 ms of CPU that takes 44 ms has waited for a core, and no
//   change to the page's code makes it shorter;
// and then each task over 50 ms of any load, wall / CPU.
// LONG_TASKS_VERBOSE=1 prints each load, with what ran in its tasks over
// 50 ms; LONG_TASKS_VIEW=tiles draws another view than the trend. The
// trace itself costs the page some time: the figures of record are
// big-feeds.mjs's; these say where the time goes.
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, startServer } from '../e2e/harness.mjs';
import { generatedCaseload, plainBrowser } from './big-feed-bench.mjs';

const OTHER = process.argv[2] ? resolve(process.argv[2]) : null;
const RUNS = Number(process.argv[3] ?? 7);
const PICKED = (process.env.LONG_TASKS_FEEDS ?? 'sample,1,15').split(',');
const VERBOSE = process.env.LONG_TASKS_VERBOSE === '1';
const VIEW = process.env.LONG_TASKS_VIEW ?? 'trend';
const CATEGORIES = 'toplevel,devtools.timeline,v8.wasm,blink.user_timing,loading';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (us) => Math.round(us / 1000);

const dir = await mkdtemp(join(tmpdir(), 'opeka-tasks-'));
const feeds = [['sample', '/feeds/kuzbass-caseload.json']];
for (const [name, days] of [['1 MB', 280], ['15 MB', 4175]]) {
  if (!PICKED.some((p) => name.startsWith(p))) continue;
  await writeFile(join(dir, `${days}.json`), generatedCaseload(days));
  feeds.push([name, `/big/${days}.json`]);
}
if (!PICKED.includes('sample')) feeds.shift();
const builds = OTHER ? ['this', 'other'] : ['this'];
const server = await startServer({ mounts: [['/big/', dir], ['/this/', join(ROOT, 'dist', 'opeka')], ...(OTHER ? [['/other/', OTHER]] : []), ['/bench/', join(ROOT, 'tests', 'bench')]] });
for (const build of builds) {
  server.routes.set(`/tasks/${build}.html`, { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>tasks</title>
<script src="/bench/measure.js"></script><script type="module" src="/${build}/opeka.js"></script></head><body><div id="slot"></div>
<script type="module">const el = document.createElement('opeka-chart'); el.setAttribute('view', '${VIEW}'); el.setAttribute('height', '400');
el.style.cssText = 'display:block;width:960px'; el.setAttribute('src', new URLSearchParams(location.search).get('src')); document.getElementById('slot').append(el);</script></body></html>` });
}

/**
 * A traced load's figures: the page's main thread is the renderer's that
 * ran the page's scripts; its tasks are its outermost events of the
 * trace's `toplevel` category (a `RunTask`, or a microtask checkpoint
 * that V8 runs after its own work, such as the module's compiling: the
 * sample's chart is drawn in one), counted from the page's navigation
 * (the page's time origin) until drawn.
 */
function read({ done, events }, page) {
  const key = (e) => `${e.pid}:${e.tid}`;
  const named = (name) => new Set(events.filter((e) => e.name === 'thread_name' && e.args.name.startsWith(name)).map(key));
  const mains = named('CrRendererMain');
  const main = [...mains].find((k) => events.some((e) => key(e) === k && e.args?.data?.url?.includes(page)));
  if (!main) throw new Error(`${page}: no main thread of the page in the trace`);
  const pid = main.split(':')[0];
  const workers = new Set([...named('DedicatedWorker')].filter((k) => k.startsWith(`${pid}:`)));
  // The page's navigation (the browser's event; the blank page's came before it).
  const start = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes(page))?.ts;
  if (!start) throw new Error(`${page}: no navigation in the trace`);
  const end = start + done * 1000;
  const tasksOf = (thread) => {
    const runs = events.filter((e) => key(e) === thread && e.ph === 'X' && e.cat.split(',').includes('toplevel') && e.ts >= start && e.ts < end)
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const outer = [];
    for (const run of runs) if (!outer.length || run.ts >= outer.at(-1).ts + outer.at(-1).dur) outer.push(run);
    return outer;
  };
  const cpu = (tasks) => tasks.reduce((sum, t) => sum + (t.tdur ?? 0), 0);
  const tasks = tasksOf(main);
  const longest = tasks.reduce((a, t) => (t.dur > (a?.dur ?? -1) ? t : a), null);
  // What ran in a task: its inner events over 2 ms, summed by name (a
  // script's function with its file), longest first.
  const inside = (task) => {
    const sums = new Map();
    for (const e of events) {
      if (key(e) !== main || e.ph !== 'X' || e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur || e.dur < 2000) continue;
      if (e.cat.split(',').includes('toplevel')) continue;
      const data = e.args?.data ?? {};
      const what = data.functionName !== undefined ? `${e.name} ${data.functionName || '(anonymous)'}@${(data.url ?? '').split('/').pop()}` : data.type ? `${e.name} ${data.type}` : e.name;
      const [wall, thread] = sums.get(what) ?? [0, 0];
      sums.set(what, [wall + e.dur, thread + (e.tdur ?? 0)]);
    }
    return [...sums].sort((a, b) => b[1][0] - a[1][0]).slice(0, 6).map(([what, [wall, thread]]) => `${what} ${ms(wall)}/${ms(thread)}`).join(', ');
  };
  return {
    drawn: Math.round(done),
    main: ms(cpu(tasks)),
    worker: ms([...workers].reduce((sum, w) => sum + cpu(tasksOf(w)), 0)),
    longest: longest ? [ms(longest.dur), ms(longest.tdur ?? 0)] : [0, 0],
    long: tasks.filter((t) => t.dur > 50000).map((t) => ({ wall: ms(t.dur), cpu: ms(t.tdur ?? 0), line: `at ${ms(t.ts - start)} ms, ${ms(t.dur)} ms (CPU ${ms(t.tdur ?? 0)}): ${inside(t)}` })),
  };
}

const loads = await plainBrowser(server);
console.log(`-- the page's main thread, traced: median of ${RUNS} cold loads${OTHER ? `, this tree's dist/opeka against ${OTHER}, alternately` : ''}`);
console.log('feed    build | drawn    main CPU | worker CPU | longest task (its CPU) | every task over 50 ms: wall/CPU');
try {
  for (const [name, src] of feeds) {
    const figures = Object.fromEntries(builds.map((b) => [b, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const build of run % 2 ? [...builds].reverse() : builds) {
        const page = `/tasks/${build}.html`;
        const load = read(await loads.load(`${server.url}${page}?src=${src}`, CATEGORIES), page);
        figures[build].push(load);
        if (VERBOSE) {
          console.log(`${name} ${build} #${run + 1}: drawn ${load.drawn} ms, main CPU ${load.main} ms, worker CPU ${load.worker} ms`);
          for (const task of load.long) console.log(`  ${task.line}`);
        }
      }
    }
    for (const build of builds) {
      const f = figures[build];
      const longest = median(f.map((l) => l.longest[0]));
      const its = f.filter((l) => l.longest[0] === longest)[0].longest[1];
      const over = f.flatMap((l) => l.long).map((t) => `${t.wall}/${t.cpu}`).join(', ') || 'none';
      console.log(`${name.padEnd(7)} ${build.padEnd(5)} | ${String(median(f.map((l) => l.drawn))).padStart(4)} ms ${String(median(f.map((l) => l.main))).padStart(4)} ms | ${String(median(f.map((l) => l.worker))).padStart(6)} ms  | ${String(longest).padStart(4)} ms (${its} ms)`
        + ` | ${over}`);
    }
  }
} finally {
  await loads.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
