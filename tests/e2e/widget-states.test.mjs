// Bad input never crashes a widget or the page: it gets a localized message
// in the widget's box and the full problem list in the opeka-error event.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForWidgets, readChart, screenshot } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('an invalid feed shows a message in the box and reports every problem with its path', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/fixtures/states.html`);
  const events = await waitForWidgets(page, 4);
  const invalid = events.errors.find((e) => e.id === 'invalid');
  assert.ok(invalid, 'the invalid feed raised opeka-error');
  assert.equal(invalid.detail.kind, 'invalid');
  const paths = invalid.detail.problems.map((p) => `${p.path}: ${p.message}`);
  assert.ok(paths.some((p) => p.startsWith('records[1].value: ') && p.includes('-5')), paths.join('\n'));
  assert.ok(paths.some((p) => p.startsWith('records[2].unit: ') && p.includes('nowhere')), paths.join('\n'));
  const box = await readChart(page, '#invalid');
  assert.equal(box, null, 'no chart is drawn from an invalid feed');
  const text = await page.evaluate(() => document.querySelector('#invalid').shadowRoot.querySelector('.opeka-error').textContent);
  assert.match(text, /в данных есть ошибки/);
  assert.match(text, /records\[1\]\.value/);

  const missing = events.errors.find((e) => e.id === 'missing');
  assert.equal(missing.detail.kind, 'network');
  assert.equal(missing.detail.status, 404);
  const missingText = await page.evaluate(() => document.querySelector('#missing').shadowRoot.querySelector('.opeka-error').textContent);
  assert.match(missingText, /Could not|could not be loaded/i, 'English page gets an English message');
  assert.match(missingText, /HTTP 404/);

  assert.ok(events.rendered.some((e) => e.id === 'inline'), 'an inline feed renders');
  const hostile = await readChart(page, '#hostile');
  assert.ok(hostile.title.includes('<img src=x onerror=alert(1)>'), 'a hostile title is shown as text');
  const injected = await page.evaluate(() => [...document.querySelectorAll('opeka-chart')].some((el) => el.shadowRoot.querySelector('img, script:not([type])')));
  assert.equal(injected, false, 'nothing from a feed became an element');
  await screenshot(page, 'widget-states');
  assert.deepEqual(errors, [], 'no uncaught errors on the page');
  await context.close();
});

test('removing a widget and changing attributes keeps the page healthy', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/fixtures/states.html`);
  await waitForWidgets(page, 4);
  const before = await page.evaluate(() => window.__opeka.rendered.length);
  await page.evaluate(() => document.querySelector('#inline').setAttribute('lang', 'en'));
  await page.waitForFunction((n) => window.__opeka.rendered.length > n, before);
  const chart = await readChart(page, '#inline');
  assert.ok(chart.texts.some((t) => t === 'Inline feed'), 'lang="en" re-rendered in English');
  await page.evaluate(() => document.querySelectorAll('opeka-chart').forEach((el) => el.remove()));
  assert.deepEqual(errors, []);
  await context.close();
});

// The skeleton's shimmer repaints the box every frame, on the page's main
// thread: while a big feed is read in the worker, those frames took about
// 150 ms from it on a two-core machine (docs/performance.md, stop 17). So
// it waits 2 s: a load that ends sooner shows a still skeleton, and a slow
// one shimmers. Read from the animation itself, on a feed that never comes.
test('the loading skeleton is still for its first 2 s, then shimmers; never with reduced motion', async () => {
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Загрузка</title>
    <script type="module" src="/opeka/opeka.js"></script></head>
    <body><opeka-chart src="/fault/hang" timeout="60" style="display:block;width:720px"></opeka-chart></body></html>`;
  server.routes.set('/gen/loading.html', { body: html, type: 'text/html; charset=utf-8' });
  const shimmer = (page) => page.evaluate(() => {
    const skeleton = document.querySelector('opeka-chart').shadowRoot?.querySelector('.opeka-skeleton');
    if (!skeleton || skeleton.hidden) return null;
    return skeleton.getAnimations().map((a) => ({ delay: a.effect.getTiming().delay, progress: a.effect.getComputedTiming().progress }));
  });
  for (const reducedMotion of ['no-preference', 'reduce']) {
    const { page, context, errors } = await openPage(browser, 'about:blank', { context: { reducedMotion } });
    try {
      await page.goto(`${server.url}/gen/loading.html`);
      await page.waitForFunction(() => document.querySelector('opeka-chart').shadowRoot?.querySelector('.opeka-skeleton:not([hidden])'));
      const early = await shimmer(page);
      if (reducedMotion === 'reduce') {
        assert.deepEqual(early, []);
      } else {
        assert.equal(early.length, 1);
        assert.equal(early[0].delay, 2000);
        assert.equal(early[0].progress, null, 'still: the animation has not begun');
      }
      await page.waitForTimeout(2500);
      const late = await shimmer(page);
      if (reducedMotion === 'reduce') assert.deepEqual(late, []);
      else assert.ok(late.length === 1 && typeof late[0].progress === 'number', JSON.stringify(late));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});
