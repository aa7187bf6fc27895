// Builds of dist/opeka side by side in the big feeds' tall views
// (docs/performance.md, stops 54 to 56): `node tests/bench/ab-views.mjs
// DIST... [--runs N]` loads each case cold with each build in turn, load
// after load, so that a machine shared with other work slows them alike.
// `this` stands for this tree's dist/opeka. Prints, per case and build,
// the median time to `opeka-rendered` and the longest main-thread task of
// each load, sorted (0: none over 50 ms; goal 4 of the "Big feeds" issue
// wants them all 0), and, for a build instrumented with marks (pairs
// `[name, ms]` pushed to `self.__marks`, which tests/bench/measure.js
// reports), the median of each load's last mark of each name.
// AB_CASES=outcomes8000:progress,... picks the cases (a generated feed and
// a view, or one of feeds/ by name, kuzbass-caseload:trend; default: the
// three whose layout was longest at stop 55). AB_RATE=2500000 sends each
// feed at that many bytes a second, as a network would (stop 58), where
// the default sends it as fast as the machine can.
// Figures only; nothing fails on a time.
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, basename } from 'node:path';
import { ROOT, startServer } from '../e2e/harness.mjs';
import { generatedAwards, generatedOutcomes, plainBrowser } from './big-feed-bench.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 11;
const builds = (args.length ? args : ['this']).map((b) => (b === 'this' ? join(ROOT, 'dist', 'opeka') : resolve(b)));
const GENERATORS = { outcomes: generatedOutcomes, awards: generatedAwards };
const CASES = (process.env.AB_CASES ?? 'outcomes2000:tiles,outcomes8000:progress,awards10000:roll').split(',').map((c) => {
  const [feed, view] = c.split(':');
  const [, kind, count] = /^([a-z]+)(\d+)$/.exec(feed) ?? [];
  if (!view || !(GENERATORS[kind] || /^[a-z0-9-]+-[a-z0-9-]+$/.test(feed))) throw new Error(`AB_CASES: "${c}" is neither KIND COUNT:VIEW (outcomes2000:tiles) nor a sample feed's name and a view (kuzbass-caseload:trend)`);
  return { feed, kind, count: Number(count), view, src: GENERATORS[kind] ? `/big/${feed}.json` : `/feeds/${feed}.json` };
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = await mkdtemp(join(tmpdir(), 'opeka-ab-views-'));
for (const feed of new Set(CASES.filter((c) => GENERATORS[c.kind]).map((c) => c.feed))) {
  const { kind, count } = CASES.find((c) => c.feed === feed);
  await writeFile(join(dir, `${feed}.json`), GENERATORS[kind](count));
}
const server = await startServer({ mounts: [['/big/', dir], ['/bench/', join(ROOT, 'tests', 'bench')], ...builds.map((b, i) => [`/build${i}/`, b])] });
builds.forEach((_, i) => {
  server.routes.set(`/ab/${i}.html`, { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>ab</title>
<script src="/bench/measure.js"></script><script type="module" src="/build${i}/opeka.js"></script></head><body><div id="slot"></div>
<script type="module">const q = new URLSearchParams(location.search); const el = document.createElement('opeka-chart');
el.setAttribute('view', q.get('view')); el.style.cssText = 'display:block;width:960px'; el.setAttribute('src', q.get('src'));
document.getElementById('slot').append(el);</script></body></html>` });
});
const RATE = Number(process.env.AB_RATE ?? 0);
if (RATE) {
  for (const { feed, kind, src } of CASES) {
    const body = await readFile(GENERATORS[kind] ? join(dir, `${feed}.json`) : join(ROOT, 'feeds', `${feed}.json`));
    server.routes.set(src, { body, type: 'application/json', perSecond: RATE });
  }
}
const loads = await plainBrowser(server);
try {
  console.log(`-- ${builds.length === 1 ? 'one build' : `${builds.length} builds in turn`}, ${RUNS} cold loads each, 960 px, no height${RATE ? `, feeds at ${RATE} bytes/s` : ''}`);
  for (const { feed, view, src } of CASES) {
    const runs = builds.map(() => []);
    for (let r = 0; r < RUNS; r++) {
      for (let i = 0; i < builds.length; i++) runs[i].push(await loads.load(`${server.url}/ab/${i}.html?view=${view}&src=${src}`));
    }
    runs.forEach((rs, i) => {
      const tasks = rs.map((r) => r.longest).sort((a, b) => a - b).map((t) => (t > 50 ? t.toFixed(0) : '0')).join(' ');
      const marks = {};
      // A load's last mark of each name: the warm-up's come first.
      for (const r of rs) for (const [name, ms] of Object.entries(Object.fromEntries(r.marks ?? []))) (marks[name] ??= []).push(ms);
      const marked = Object.entries(marks).map(([name, ms]) => `${name} ${median(ms).toFixed(1)}`).join(', ');
      console.log(`${`${feed} ${view}`.padEnd(22)} ${basename(builds[i]).padEnd(10)} drawn ${median(rs.map((r) => r.done)).toFixed(0).padStart(5)} ms; longest tasks [${tasks}]${marked ? `; ${marked}` : ''}`);
    });
  }
} finally {
  await loads.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
