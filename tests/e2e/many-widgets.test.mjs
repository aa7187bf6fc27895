// Twenty widgets on one page: one module, one wasm instance, one request per
// feed URL; a failing widget never takes the others down.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForWidgets, readChart, screenshot } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const count = (list, path) => list.filter((p) => p === path).length;

test('twenty widgets load the module and the wasm once and fetch each feed once', async () => {
  const start = server.requests.length;
  const { page, context, errors } = await openPage(browser, `${server.url}/examples/twenty-widgets.html`);
  const events = await waitForWidgets(page, 20, 60000);
  assert.deepEqual(events.errors, [], 'no widget failed');
  assert.equal(new Set(events.rendered.map((e) => e.id)).size, 20, 'every widget rendered');
  const requests = server.requests.slice(start);
  for (const file of ['/opeka/opeka.js', '/opeka/opeka_bg.wasm']) {
    assert.equal(count(requests, file), 1, `${file} requested once`);
  }
  const feeds = requests.filter((p) => p.startsWith('/feeds/'));
  assert.deepEqual(feeds.sort(), [
    '/feeds/kuzbass-accident-families.json', '/feeds/kuzbass-caseload.json', '/feeds/kuzbass-council-projects-2024.json',
    '/feeds/kuzbass-social-worker-day-2018.json', '/feeds/vyksa-orphanhood-prevention.json',
  ], `each feed fetched once: ${feeds.join(', ')}`);
  for (const id of ['w01', 'w08', 'w20']) {
    const chart = await readChart(page, `#${id}`);
    assert.ok(chart && chart.width > 0, `${id} drew an SVG`);
  }
  await screenshot(page, 'twenty-widgets');
  assert.deepEqual(errors, [], 'no uncaught errors');
  await context.close();
});

test('failing widgets beside working ones: the others keep their charts, nothing uncaught', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/examples/twenty-widgets.html`);
  await waitForWidgets(page, 20, 60000);
  const start = server.requests.length;
  await page.evaluate(() => {
    const grid = document.querySelector('.grid');
    const add = (id, attrs) => {
      const el = document.createElement('opeka-chart');
      el.id = id;
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      grid.append(el);
    };
    add('bad-500a', { src: '/status/503' });
    add('bad-500b', { src: '/status/503' });
    add('bad-500c', { src: '/status/503' });
    add('bad-invalid', { src: '/fixtures/invalid-caseload.json' });
    add('bad-json', { src: '/opeka/opeka.js' });
    add('bad-view', { src: '/feeds/kuzbass-caseload.json', view: 'podium' });
    add('bad-none', {});
  });
  const events = await waitForWidgets(page, 27, 30000);
  const failed = events.errors.map((e) => e.id).sort();
  assert.deepEqual(failed, ['bad-500a', 'bad-500b', 'bad-500c', 'bad-invalid', 'bad-json', 'bad-none'].sort());
  assert.equal(count(server.requests.slice(start), '/status/503'), 1, 'three widgets of one failing URL share one request');
  assert.equal(count(server.requests.slice(start), '/feeds/kuzbass-caseload.json'), 0, 'a later widget reuses the fetched feed');
  // A retry fetches again: a failed request is never kept.
  await page.evaluate(() => document.querySelector('#bad-500a').shadowRoot.querySelector('.opeka-retry').click());
  await page.waitForFunction(() => window.__opeka.errors.filter((e) => e.id === 'bad-500a').length >= 2);
  assert.equal(count(server.requests.slice(start), '/status/503'), 2, 'the retry fetched again');
  const drawn = await page.evaluate(() => [...document.querySelectorAll('.grid opeka-chart[id^="w"]')].filter((el) => el.shadowRoot.querySelector('svg')).length);
  assert.equal(drawn, 20, 'the twenty charts are still there');
  assert.deepEqual(errors, [], 'no uncaught errors');
  await context.close();
});

test("widgets of one feed share its validated feed, but a slide's title and a view's own reading stay their own", async () => {
  server.routes.set('/shared-feed.html', { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>shared</title>
<script type="module" src="/opeka/opeka.js"></script></head><body>
<opeka-chart id="plain" src="/feeds/kuzbass-caseload.json" view="trend"></opeka-chart>
<opeka-chart id="slide" src="/feeds/kuzbass-caseload.json" view="trend" slide-title="Свой заголовок слайда"></opeka-chart>
<opeka-chart id="ranking" src="/feeds/kuzbass-caseload.json" view="ranking"></opeka-chart></body></html>` });
  const start = server.requests.length;
  const { page, context, errors } = await openPage(browser, `${server.url}/shared-feed.html`);
  await waitForWidgets(page, 3);
  assert.equal(count(server.requests.slice(start), '/feeds/kuzbass-caseload.json'), 1, 'one request');
  const [plain, slide, ranking] = await Promise.all(['#plain', '#slide', '#ranking'].map((id) => readChart(page, id)));
  assert.match(plain.title, /Получатели социальных услуг в Кузбассе/);
  assert.equal(slide.title, 'Свой заголовок слайда', "the slide's title is its own");
  assert.match(ranking.title, /Получатели социальных услуг в Кузбассе/);
  assert.ok(plain.polylines > 0 && ranking.polylines === 0, 'each draws its own view');
  // One added later, while the others show the feed, reads the same one.
  const seen = await page.evaluate(() => window.__opeka.rendered.length);
  await page.evaluate(() => {
    const late = document.createElement('opeka-chart');
    late.id = 'late';
    late.setAttribute('src', '/feeds/kuzbass-caseload.json');
    document.body.append(late);
  });
  await page.waitForFunction((n) => window.__opeka.rendered.slice(n).some((e) => e.id === 'late'), seen);
  const late = await readChart(page, '#late');
  assert.equal(late.title, plain.title);
  assert.equal(late.tableRows, plain.tableRows);
  assert.deepEqual(errors, []);
  await context.close();
});
