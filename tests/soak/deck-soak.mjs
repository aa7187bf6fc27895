// make soak (its second half): a kiosk deck playing 1 000 slide changes under
// Playwright's fake clock on 127.0.0.1 (the ceremony deck, autoplay every
// 20 s, looping, every slide refreshing its feed each minute), printing the
// memory of both wasm modules (charts, deck) and the JS heap after warm-up and
// at the end. It prints figures; it fails only if the deck stops advancing.
// SOAK_CHANGES=100 node tests/soak/deck-soak.mjs runs a short one.
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from '../e2e/harness.mjs';

const CHANGES = Number(process.env.SOAK_CHANGES ?? 1000);
const WARM_UP = Math.min(50, CHANGES);
const server = await startServer();
const browser = await launchBrowser();
try {
  server.routes.set('/soak-deck.html', {
    body: '<!doctype html><html lang="ru"><head><meta charset="utf-8"><script type="module" src="/opeka/opeka-deck.js"></script></head>' +
      '<body style="margin:0"><opeka-deck src="/examples/decks/ceremony.json" refresh="60" style="height:100vh;aspect-ratio:auto"></opeka-deck></body></html>',
  });
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.clock.install({ time: new Date('2026-03-12T10:40:00+03:00') });
  await page.addInitScript(() => {
    window.__soak = { rendered: 0, errors: 0, changes: 0, kinds: [] };
    document.addEventListener('opeka-rendered', () => { window.__soak.rendered += 1; });
    document.addEventListener('opeka-error', (e) => { window.__soak.errors += 1; window.__soak.kinds.push(`${e.detail?.kind}: ${e.detail?.message}`); });
    document.addEventListener('opeka-slide', () => { window.__soak.changes += 1; });
  });
  await page.goto(`${server.url}/soak-deck.html`);
  await page.waitForFunction(() => window.__soak.rendered >= 4, null, { timeout: 30000 });
  const cdp = await context.newCDPSession(page);
  const figures = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(async () => ({
      charts: (await (await import('/opeka/opeka.js')).loadModule()).memory.buffer.byteLength,
      deck: (await (await import('/opeka/opeka_deck_bindings.js')).default()).memory.buffer.byteLength,
    }));
    return { ...wasm, js: heap.usedSize };
  };
  const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
  const line = (f) => `wasm ${mb(f.charts)} (charts) + ${mb(f.deck)} (deck), JS heap ${mb(f.js)}`;
  const feedRequests = () => server.requests.filter((p) => p.endsWith('kuzbass-social-worker-day-2018.json')).length;
  let warm;
  const started = Date.now();
  for (let i = 1; i <= CHANGES; i++) {
    const before = await page.evaluate(() => document.querySelector('opeka-deck').current);
    await page.clock.runFor(20_000);
    // A refresh tick every third change: give its request real time to come
    // back before the fake clock runs past the fetch's 30 s timeout.
    if (i % 3 === 0) await new Promise((ok) => setTimeout(ok, 20));
    const after = await page.evaluate(() => document.querySelector('opeka-deck').current);
    assert.equal(after, (before + 1) % 4, `change ${i}: the deck advanced`);
    if (i === Math.floor(CHANGES / 2) && i > WARM_UP) console.log(`after ${i} changes: ${line(await figures())}`);
    if (i === WARM_UP) {
      warm = await figures();
      console.log(`after ${WARM_UP} changes: ${line(warm)}`);
    }
  }
  const end = await figures();
  const totals = await page.evaluate(() => window.__soak);
  console.log(`after ${CHANGES} changes: ${line(end)} (${totals.changes} slide events, ${totals.rendered} renders, ` +
    `${feedRequests()} feed requests, ${totals.errors} errors, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (totals.errors) console.log(`errors: ${[...new Set(totals.kinds)].join('; ')}`);
  if (warm) console.log(`growth after warm-up: wasm ${mb(end.charts + end.deck - warm.charts - warm.deck)}, JS heap ${mb(end.js - warm.js)}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
