// The snippet over a slow network (make bench; README, "Faster on slow
// networks"): the sample feed's trend, 960×400, loaded cold by three pages
// of this tree's dist/opeka and by uPlot's page, alternately, with no added
// latency and with each request's answer delayed by `PRELOAD_LATENCY` ms
// (150: a mobile network's round trip; Chromium's network emulation, no
// throughput cap, as the test server sends the files uncompressed):
//   snippet         the one script tag of the README;
//   + wasm          and `<link rel="preload">` of opeka_bg.wasm;
//   + wasm, feed    and of the feed too.
// Without a preload the module and the feed are asked for only once
// opeka.js has run: a round trip after the page's own. Prints the median
// time from navigation to the chart drawn, the longest main-thread task,
// and how many times a page asked for the module and the feed (a preload
// the page does not use would make it two). Figures only; nothing fails on a time.
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, timesAsked } from '../e2e/harness.mjs';

const RUNS = Number(process.env.PRELOAD_RUNS ?? 9);
const LATENCY = Number(process.env.PRELOAD_LATENCY ?? 150);
const FEED = '/feeds/kuzbass-caseload.json';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer({ mounts: [['/vendor/uplot/', join(ROOT, 'node_modules', 'uplot', 'dist')], ['/bench/', join(ROOT, 'tests', 'bench')]] });
const PRELOADS = {
  snippet: '',
  '+ wasm': '<link rel="preload" href="/opeka/opeka_bg.wasm" as="fetch" crossorigin>',
  '+ wasm, feed': `<link rel="preload" href="/opeka/opeka_bg.wasm" as="fetch" crossorigin><link rel="preload" href="${FEED}" as="fetch" crossorigin>`,
};
const pages = Object.entries(PRELOADS).map(([name, links], i) => {
  const path = `/bench/preload-${i}.html`;
  server.routes.set(path, { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>bench</title>
<script src="/bench/measure.js"></script>${links}<script type="module" src="/opeka/opeka.js"></script></head>
<body><opeka-chart src="${FEED}" view="trend" height="400" style="display:block;width:960px"></opeka-chart></body></html>` });
  return [name, path];
});
server.routes.set('/bench/peer.html', { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>bench</title>
<script src="/bench/measure.js"></script><link rel="stylesheet" href="/vendor/uplot/uPlot.min.css"><script src="/vendor/uplot/uPlot.iife.min.js"></script>
</head><body><div id="chart" style="width:960px"></div><script type="module" src="/bench/peer-page.js"></script></body></html>` });
pages.push(['uPlot', `/bench/peer.html?lib=uplot&src=${encodeURIComponent(FEED)}`]);

/** One cold load of `path` with each answer `latency` ms late: the page's figures and its requests for the module and the feed. */
async function load(browser, path, latency) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
    const asked = server.requests.length;
    const report = new Promise((resolve) => { server.onReport = resolve; });
    await page.goto(`${server.url}${path}`);
    const result = await report;
    if (result.error) throw new Error(`${path}: ${result.error}`);
    result.asked = ['/opeka/opeka_bg.wasm', FEED].map((path) => timesAsked(server, asked, path));
    return result;
  } finally {
    server.onReport = null;
    await context.close();
  }
}

const browser = await launchBrowser();
try {
  console.log(`-- the sample's trend over a slow network: median of ${RUNS} cold loads, alternately (README, "Faster on slow networks")`);
  console.log('latency  page          |   drawn | longest task, max (median) | asked: module, feed');
  for (const latency of [0, LATENCY]) {
    const runs = Object.fromEntries(pages.map(([name]) => [name, []]));
    for (let i = 0; i < RUNS; i++) for (const [name, path] of pages) runs[name].push(await load(browser, path, latency));
    for (const [name] of pages) {
      const r = runs[name];
      const longest = r.map((x) => x.longest);
      const asked = (i) => `${Math.max(...r.map((x) => x.asked[i]))}×`;
      console.log(`${`${latency} ms`.padEnd(8)} ${name.padEnd(13)} | ${`${median(r.map((x) => x.done)).toFixed(0)} ms`.padStart(7)} | ${`${Math.max(...longest)} (${median(longest)}) ms`.padStart(26)} | ${(name === 'uPlot' ? '' : asked(0)).padStart(6)} ${asked(1).padStart(4)}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
