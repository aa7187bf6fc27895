// make soak: 1 000 refresh cycles of one widget under Playwright's fake clock
// against the fault routes on 127.0.0.1 (new data each cycle, the same data
// with a 304 every fifth), printing wasm memory and the JS heap after warm-up and at the
// end. It prints figures; it fails only if the widget stops answering.
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from '../e2e/harness.mjs';
import { feedTitled } from '../e2e/fault-server.mjs';

const CYCLES = Number(process.env.SOAK_CYCLES ?? 1000);
const WARM_UP = 50;
const server = await startServer();
const browser = await launchBrowser();
try {
  const { faults } = server;
  server.routes.set('/soak.html', {
    body: '<!doctype html><html lang="ru"><head><meta charset="utf-8"><script type="module" src="/opeka/opeka.js"></script></head><body></body></html>',
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.install({ time: new Date('2026-03-12T10:40:00+03:00') });
  await page.addInitScript(() => {
    window.__soak = { rendered: 0, errors: 0 };
    document.addEventListener('opeka-rendered', () => { window.__soak.rendered += 1; });
    document.addEventListener('opeka-error', () => { window.__soak.errors += 1; });
  });
  await page.goto(`${server.url}/soak.html`);
  const cdp = await context.newCDPSession(page);
  const figures = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(async () => (await (await import('/opeka/opeka.js')).loadModule()).memory.buffer.byteLength);
    return { wasm, js: heap.usedSize };
  };
  const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
  faults.state.etag = '"0"';
  faults.state.body = feedTitled('Цикл 0');
  await page.evaluate(() => {
    const el = document.createElement('opeka-chart');
    el.setAttribute('src', '/fault/etag');
    el.setAttribute('refresh', '10');
    document.body.append(el);
  });
  await page.waitForFunction(() => window.__soak.rendered >= 1);
  let warm;
  const started = Date.now();
  for (let i = 1; i <= CYCLES; i++) {
    // New data, except every fifth cycle: unchanged, answered with a 304.
    if (i % 5 !== 0) {
      faults.state.etag = `"${i}"`;
      faults.state.body = feedTitled(`Цикл ${i}`);
    }
    const seen = await page.evaluate(() => ({ ...window.__soak }));
    const requests = faults.count('etag');
    await page.clock.runFor(10_000);
    if (i % 5 !== 0) await page.waitForFunction((n) => window.__soak.rendered > n, seen.rendered, { timeout: 15000 });
    else for (let t = 0; t < 500 && faults.count('etag') === requests; t++) await new Promise((ok) => setTimeout(ok, 2));
    if (i === WARM_UP) {
      warm = await figures();
      console.log(`after ${WARM_UP} cycles: wasm ${mb(warm.wasm)}, JS heap ${mb(warm.js)}`);
    }
  }
  const end = await figures();
  const totals = await page.evaluate(() => window.__soak);
  console.log(`after ${CYCLES} cycles: wasm ${mb(end.wasm)}, JS heap ${mb(end.js)} (${totals.rendered} renders, ${faults.count('etag')} requests, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (warm) console.log(`growth after warm-up: wasm ${mb(end.wasm - warm.wasm)}, JS heap ${mb(end.js - warm.js)}`);
  assert.ok(totals.rendered >= CYCLES * 0.8 - 1, 'the widget kept drawing');
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
