// The element's life on a page: attribute changes, refresh timers, removal,
// the viewer's colour scheme, and events that reach the document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForWidgets, readChart } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const PAGE = '/fixtures/lifecycle.html';
const feedRequests = (from) => server.requests.slice(from).filter((p) => p.startsWith('/feeds/') || p.startsWith('/fixtures/') && p.endsWith('.json'));

/** Sets an attribute on #main and waits for the next opeka-rendered of it. */
async function change(page, name, value) {
  const seen = await page.evaluate(() => window.__opeka.rendered.length);
  await page.evaluate(([n, v]) => document.getElementById('main').setAttribute(n, v), [name, value]);
  await page.waitForFunction((n) => window.__opeka.rendered.slice(n).some((e) => e.id === 'main'), seen);
  return page.evaluate((n) => window.__opeka.rendered.slice(n).filter((e) => e.id === 'main').at(-1).detail, seen);
}

test('view, lang, theme and height re-render without a fetch; src re-fetches', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}${PAGE}`);
  await waitForWidgets(page, 2);
  const start = server.requests.length;
  assert.equal((await change(page, 'view', 'composition')).view, 'composition');
  await change(page, 'lang', 'en');
  assert.ok((await readChart(page, '#main')).texts.some((t) => /[A-Za-z]{4}/.test(t)), 'English labels');
  await change(page, 'theme', 'dark');
  assert.equal(await page.evaluate(() => document.getElementById('main').shadowRoot.querySelector('.opeka').dataset.theme), 'dark');
  assert.equal((await change(page, 'height', '420')).height, 420);
  assert.deepEqual(feedRequests(start), [], 'no fetch for view/lang/theme/height');

  const detail = await change(page, 'src', '/feeds/kuzbass-caseload.json');
  assert.equal(detail.height, 420);
  assert.deepEqual(feedRequests(start), ['/feeds/kuzbass-caseload.json'], 'a new src is fetched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('refresh re-fetches on its interval; a removed element leaves no timer or fetch behind', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.clock.install();
  await page.addInitScript(() => {
    window.__opeka = { rendered: [], errors: [], violations: [] };
    document.addEventListener('opeka-rendered', (e) => window.__opeka.rendered.push({ id: e.target.id, detail: e.detail }));
    document.addEventListener('opeka-error', (e) => window.__opeka.errors.push({ id: e.target.id, detail: e.detail }));
  });
  await page.goto(`${server.url}/fixtures/states.html`);
  await page.evaluate(() => {
    for (const [id, seconds] of [['refreshing', '10'], ['refreshing-too', '10'], ['too-often', '2']]) {
      const el = document.createElement('opeka-chart');
      el.id = id;
      el.setAttribute('src', `/feeds/${id === 'too-often' ? 'vyksa-orphanhood-prevention' : 'kuzbass-council-projects-2024'}.json`);
      el.setAttribute('refresh', seconds);
      document.body.append(el);
    }
  });
  await page.waitForFunction(() => ['refreshing', 'refreshing-too', 'too-often'].every((id) => window.__opeka.rendered.some((e) => e.id === id)));
  // The page's broken feed is worded by the worker's module, which loads
  // (opeka_worker_bg.wasm) before its opeka-error fires: on a busy machine
  // that came after the removal below, a request of the page's load.
  await page.waitForFunction(() => window.__opeka.errors.some((e) => e.id === 'invalid'));
  const FEED = '/feeds/kuzbass-council-projects-2024.json';
  const OFTEN = '/feeds/vyksa-orphanhood-prevention.json';
  const count = (from, path) => server.requests.slice(from).filter((p) => p === path).length;

  let from = server.requests.length;
  await page.clock.runFor(10_500);
  // The same bytes again are not redrawn: watch the requests, not the renders.
  for (let i = 0; i < 250 && !(count(from, FEED) && count(from, OFTEN)); i++) await new Promise((ok) => setTimeout(ok, 20));
  assert.equal(count(from, FEED), 1, 'two widgets refreshing the same feed together share one request');
  assert.equal(count(from, OFTEN), 1, 'refresh="2" is raised to the 10 s minimum');

  await page.evaluate(() => document.querySelectorAll('opeka-chart').forEach((el) => el.remove()));
  from = server.requests.length;
  await page.clock.runFor(35_000);
  await page.waitForTimeout(300);
  assert.deepEqual(server.requests.slice(from), [], 'no request after the elements were removed');
  const timers = await page.evaluate(() => window.__opeka.rendered.length);
  await page.clock.runFor(35_000);
  assert.equal(await page.evaluate(() => window.__opeka.rendered.length), timers, 'nothing renders after removal');
  assert.deepEqual(errors, []);
  await context.close();
});

test('removing an element while its feed is in flight aborts the fetch quietly', async () => {
  const { page, context, errors, consoleErrors } = await openPage(browser, `${server.url}${PAGE}`);
  await waitForWidgets(page, 2);
  await page.route('**/feeds/kuzbass-caseload.json', (route) => setTimeout(() => route.continue().catch(() => {}), 500));
  await page.evaluate(() => {
    const el = document.createElement('opeka-chart');
    el.id = 'gone';
    el.setAttribute('src', '/feeds/kuzbass-caseload.json');
    document.body.append(el);
    setTimeout(() => el.remove(), 50);
  });
  await page.waitForTimeout(1000);
  const events = await page.evaluate(() => window.__opeka);
  assert.ok(!events.rendered.some((e) => e.id === 'gone') && !events.errors.some((e) => e.id === 'gone'), 'a removed widget fires nothing');
  assert.deepEqual(errors, []);
  assert.deepEqual(consoleErrors.filter((m) => m.includes('opeka')), []);
  await context.close();
});

test('theme="auto" follows prefers-color-scheme live', async () => {
  const { page, context } = await openPage(browser, `${server.url}${PAGE}`);
  await waitForWidgets(page, 2);
  const theme = () => page.evaluate(() => document.getElementById('auto').shadowRoot.querySelector('.opeka').dataset.theme);
  const background = () => page.evaluate(() => getComputedStyle(document.getElementById('auto').shadowRoot.querySelector('.opeka')).backgroundColor);
  assert.equal(await theme(), 'light');
  let seen = await page.evaluate(() => window.__opeka.rendered.length);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction((n) => window.__opeka.rendered.slice(n).some((e) => e.id === 'auto'), seen);
  assert.equal(await theme(), 'dark');
  assert.equal(await background(), 'rgb(22, 25, 29)');
  seen = await page.evaluate(() => window.__opeka.rendered.length);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction((n) => window.__opeka.rendered.slice(n).some((e) => e.id === 'auto'), seen);
  assert.equal(await theme(), 'light');
  assert.equal(await page.evaluate(() => document.getElementById('main').shadowRoot.querySelector('.opeka').dataset.theme), 'light');
  await context.close();
});

test('opeka-rendered and opeka-error bubble, are composed, and carry their detail', async () => {
  const { page, context } = await openPage(browser, `${server.url}${PAGE}`);
  await waitForWidgets(page, 2);
  const seen = await page.evaluate(() => new Promise((ok) => {
    const got = {};
    const listen = (name) => document.addEventListener(name, (e) => {
      got[name] = { bubbles: e.bubbles, composed: e.composed, target: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) };
      if (got['opeka-rendered'] && got['opeka-error']) ok(got);
    });
    listen('opeka-rendered');
    listen('opeka-error');
    const wrap = document.createElement('section');
    document.body.append(wrap);
    const good = document.createElement('opeka-chart');
    good.id = 'good';
    good.setAttribute('src', '/feeds/kuzbass-council-projects-2024.json');
    const bad = document.createElement('opeka-chart');
    bad.id = 'bad';
    bad.setAttribute('src', '/fixtures/invalid-caseload.json');
    wrap.append(good, bad);
  }));
  const r = seen['opeka-rendered'];
  assert.deepEqual([r.bubbles, r.composed, r.target], [true, true, 'good']);
  assert.equal(r.detail.view, 'progress');
  assert.ok(r.detail.width > 0 && r.detail.height > 0);
  const e = seen['opeka-error'];
  assert.deepEqual([e.bubbles, e.composed, e.target, e.detail.kind], [true, true, 'bad', 'invalid']);
  assert.ok(e.detail.problems.length > 0 && e.detail.problems.every((p) => p.path && p.message && p.severity));
  await context.close();
});

/** A page of one widget of `src` (and `attributes`), its module held back until `release` resolves. */
async function heldModulePage(src, attributes = '') {
  server.routes.set('/early.html', { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>early</title>
<script type="module" src="/opeka/opeka.js"></script></head><body><opeka-chart id="early" src="${src}" ${attributes}></opeka-chart></body></html>` });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const order = [];
  page.on('request', (r) => order.push(new URL(r.url()).pathname));
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route('**/opeka/opeka_bg.wasm', async (route) => { await released; order.push('wasm served'); await route.continue(); });
  await page.addInitScript(() => {
    window.__opeka = { rendered: [], errors: [] };
    document.addEventListener('opeka-rendered', (e) => window.__opeka.rendered.push(e.target.id));
    document.addEventListener('opeka-error', (e) => window.__opeka.errors.push(e.detail));
  });
  await page.goto(`${server.url}/early.html`);
  return { page, context, errors, order, release };
}

test("a widget's first request leaves while the module loads, and the module takes it over", async () => {
  const { page, context, errors, order, release } = await heldModulePage('/feeds/kuzbass-caseload.json');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/feeds/kuzbass-caseload.json')), null, { timeout: 5000 });
  release();
  await page.waitForFunction(() => window.__opeka.rendered.includes('early'));
  const feed = order.filter((p) => p === '/feeds/kuzbass-caseload.json');
  assert.deepEqual(feed, ['/feeds/kuzbass-caseload.json'], 'one request for the feed');
  assert.ok(order.indexOf('/feeds/kuzbass-caseload.json') < order.indexOf('wasm served'), `the feed is asked for before the module is served: ${order.join(', ')}`);
  assert.match((await readChart(page, '#early')).title, /Получатели социальных услуг в Кузбассе/, 'the chart is drawn');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a widget added after an unclaimed early request of its src was aborted makes its own request', async () => {
  const { page, context, errors, order, release } = await heldModulePage('/feeds/kuzbass-caseload.json');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/feeds/kuzbass-caseload.json')), null, { timeout: 5000 });
  await page.evaluate(() => document.getElementById('early').remove());
  release();
  // The module has set up (no widgets) and aborted the unclaimed request in the task after.
  await page.evaluate(async () => {
    await (await import('/opeka/opeka.js')).loadModule();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  await page.evaluate(() => {
    const late = document.createElement('opeka-chart');
    late.id = 'late';
    late.setAttribute('src', '/feeds/kuzbass-caseload.json');
    document.body.append(late);
  });
  await page.waitForFunction(() => window.__opeka.rendered.includes('late') || window.__opeka.errors.length > 0, null, { timeout: 10000 });
  assert.deepEqual(await page.evaluate(() => window.__opeka.errors), []);
  assert.match((await readChart(page, '#late')).title, /Получатели социальных услуг в Кузбассе/);
  assert.equal(order.filter((p) => p === '/feeds/kuzbass-caseload.json').length, 2, 'the aborted request, then the late widget\'s own');
  assert.deepEqual(errors.filter((e) => !e.includes('Failed to load resource')), []);
  await context.close();
});

test('an early request is aborted quietly when its element goes before the module starts, and bounded by the timeout', async () => {
  let answer;
  const held = new Promise((resolve) => { answer = resolve; });
  const { page, context, errors, release } = await heldModulePage('/held/feed.json', 'timeout="1"');
  const failed = [];
  page.on('requestfailed', (r) => failed.push(new URL(r.url()).pathname));
  await page.route('**/held/*.json', async (route) => { await held; await route.fulfill({ json: {} }).catch(() => {}); });
  await page.evaluate(() => {
    document.getElementById('early').remove();
    const other = document.createElement('opeka-chart');
    other.id = 'bounded';
    other.setAttribute('src', '/held/other.json');
    other.setAttribute('timeout', '1');
    document.body.append(other);
  });
  release();
  // The removed element's request is aborted once the module runs; the
  // other's, early too, is taken over and given up after its 1 s timeout.
  await page.waitForFunction(() => window.__opeka.errors.length > 0, null, { timeout: 10000 });
  const [error] = await page.evaluate(() => window.__opeka.errors);
  assert.equal(error.kind, 'network');
  assert.match(error.message, /no answer in 1 s/);
  await page.waitForTimeout(200);
  assert.ok(failed.includes('/held/feed.json'), `the unclaimed request is aborted: ${failed.join(', ')}`);
  assert.ok(failed.includes('/held/other.json'), `the timed-out request is aborted: ${failed.join(', ')}`);
  assert.deepEqual(await page.evaluate(() => window.__opeka.rendered), []);
  // The console has the failure's report, and nothing uncaught.
  assert.deepEqual(errors.filter((e) => !e.includes('Failed to load resource') && !e.startsWith('opeka-chart: could not fetch /held/other.json')), []);
  answer();
  await context.close();
});
