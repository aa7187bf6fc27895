// The offline deck (issue 11 §4): deck.html's service worker keeps the
// bundle, the fonts, the page, the deck file and its feeds, so that after
// one visit the deck reloads and plays with the network gone; `offline=0`
// removes the worker and its cache; other pages are never controlled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, startServer, launchBrowser } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

const DECK = '/opeka/deck.html?src=/examples/decks/ceremony.json';
const KEPT = [
  DECK,
  '/examples/decks/ceremony.json',
  '/feeds/kuzbass-social-worker-day-2018.json',
  '/opeka/opeka.js',
  '/opeka/opeka_bg.wasm',
  '/opeka/opeka_deck_bg.wasm',
  '/opeka/opeka-sans-regular.woff2',
  '/opeka/opeka-sans-bold.woff2',
];

/** The paths (with their queries) in the worker's cache. */
const cached = (page) => page.evaluate(async () => {
  if (!(await caches.has('opeka-deck-1'))) return [];
  const cache = await caches.open('opeka-deck-1');
  return (await cache.keys()).map((r) => { const u = new URL(r.url); return u.pathname + u.search; });
});

async function until(check, what, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

/** What the deck shows: its slides' charts drawn, and any problem. */
const shown = (page) => page.evaluate(() => {
  const deck = document.querySelector('opeka-deck');
  const charts = [...(deck?.shadowRoot?.querySelectorAll('opeka-chart') ?? [])];
  return {
    count: deck?.count,
    drawn: charts.filter((c) => c.shadowRoot?.querySelector('.opeka-svg svg text')).length,
    failure: deck?.shadowRoot?.querySelector('.failure:not([hidden])')?.textContent ?? null,
  };
});

test('after one visit, deck.html reloads and plays offline from its service worker', async () => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}${DECK}`);
  await until(async () => (await shown(page)).drawn === 4, 'four slides drawn');
  await until(async () => { const c = await cached(page); return KEPT.every((k) => c.includes(k)); }, `the cache to hold ${KEPT.join(', ')}`);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/opeka/opeka-sw.js')), true, 'the worker controls the page');

  await context.setOffline(true);
  const before = server.requests.length;
  await page.reload();
  await until(async () => (await shown(page)).drawn === 4, 'four slides drawn offline');
  const state = await shown(page);
  assert.deepEqual(state, { count: 4, drawn: 4, failure: null });
  assert.equal(server.requests.length, before, 'nothing reached the server');
  const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')));
  assert.ok(fonts.includes('Opeka Sans'), 'the fonts come from the cache too');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(ARTIFACTS, 'deck-offline-1920.png') });
  assert.deepEqual(errors, []);

  // Other pages of /opeka/ are not the worker's.
  await context.setOffline(false);
  const embed = await context.newPage();
  await embed.goto(`${server.url}/opeka/embed.html?src=/feeds/kuzbass-caseload.json`);
  assert.equal(await embed.evaluate(() => navigator.serviceWorker.controller), null, 'embed.html is not controlled');

  // offline=0 turns it off: the worker and its cache go.
  await page.goto(`${server.url}${DECK}&offline=0`);
  await until(async () => (await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))) === 0, 'the worker to go');
  await until(async () => !(await page.evaluate(() => caches.has('opeka-deck-1'))), 'the cache to go');
  await context.close();
});
