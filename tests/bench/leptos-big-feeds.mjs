// Big feeds in the Leptos component (docs/performance.md, stop 36):
// `node tests/bench/leptos-big-feeds.mjs [APP_DIST] [RUNS]` loads the
// example app (examples/leptos-app, built by Trunk into APP_DIST; `make
// bench` builds it for release) cold, with its first and third charts
// reading a generated 1 MB or 15 MB caseload, as big-feeds.mjs's, and
// prints the median time from navigation until both are drawn and the
// longest main-thread task (PerformanceObserver 'longtask'), with the
// worker and with its files refused (its page side and script served as
// text: the component then reads the feed on the main thread),
// alternately, in a Chromium with no DevTools session on the page.
// Figures only; nothing fails on a time.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ROOT, startServer } from '../e2e/harness.mjs';
import { generatedCaseload, plainBrowser } from './big-feed-bench.mjs';

const APP = resolve(process.argv[2] || join(ROOT, 'examples', 'leptos-app', 'dist'));
const RUNS = Number(process.argv[3] ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer({ mounts: [['/leptos-app/', APP], ['/bench/', join(ROOT, 'tests', 'bench')]] });
// The app's page with the bench's figures (measure.js) first, and a
// watcher that says `bench-drawn` once both big charts have their lines.
const page = (await readFile(join(APP, 'index.html'), 'utf8')).replace('<head>', `<head><script src="/bench/measure.js"></script><script>
const watch = setInterval(() => {
  const charts = document.querySelectorAll('.opeka-chart');
  if (charts.length === 3 && [charts[0], charts[2]].every((c) => c.shadowRoot?.querySelector('.opeka-svg svg polyline'))) {
    clearInterval(watch);
    document.dispatchEvent(new CustomEvent('bench-drawn'));
  }
}, 5);</script>`);
server.routes.set('/leptos-app/', { body: page, type: 'text/html; charset=utf-8' });
const REFUSED = { body: 'export {};', type: 'text/plain' };

const loads = await plainBrowser(server);
console.log(`-- the Leptos example app (${APP}), two charts of one big feed, median of ${RUNS} cold loads`);
try {
  for (const days of [280, 4175]) {
    const feed = generatedCaseload(days);
    server.routes.set('/leptos-app/feeds/kuzbass-caseload.json', { body: feed, type: 'application/json' });
    const figures = { worker: [], 'main thread': [] };
    for (let run = 0; run < RUNS; run++) {
      for (const way of run % 2 ? ['main thread', 'worker'] : ['worker', 'main thread']) {
        for (const file of ['opeka-worker-host.js', 'opeka-worker.js']) {
          if (way === 'worker') server.routes.delete(`/leptos-app/${file}`);
          else server.routes.set(`/leptos-app/${file}`, REFUSED);
        }
        const { done, longest } = await loads.load(`${server.url}/leptos-app/`);
        figures[way].push([done, longest]);
      }
    }
    for (const [way, f] of Object.entries(figures)) {
      const tasks = f.map(([, longest]) => longest);
      console.log(`${`${(feed.length / 1e6).toFixed(0)} MB`.padEnd(6)} ${way.padEnd(12)} drawn ${Math.round(median(f.map(([done]) => done)))} ms, longest task ${Math.max(...tasks)} (median ${median(tasks)}) ms`);
    }
  }
} finally {
  await loads.close();
  await server.close();
}
