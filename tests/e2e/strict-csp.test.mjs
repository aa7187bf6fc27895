// A page under a strict Content-Security-Policy (header and meta): widgets
// render with no inline script, no inline style and no eval.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, openPage, waitForWidgets, readChart, screenshot, timesAsked, initiators } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('widgets render under a strict CSP with no securitypolicyviolation', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/examples/strict-csp.html`);
  const warnings = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  const from = server.requests.length;
  const response = await page.reload();
  assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/, 'the header is sent');
  const events = await waitForWidgets(page, 5);
  assert.deepEqual(events.rendered.map((e) => e.id).sort(), ['csp-awards', 'csp-outcomes', 'csp-tiles', 'csp-trend']);
  assert.deepEqual(events.errors.map((e) => e.id), ['csp-missing'], 'the missing feed reports an error box');
  // Exercise the dynamic paths too: the table, a theme switch, a resize, the error box's retry.
  await page.evaluate(() => {
    document.querySelector('#csp-trend').shadowRoot.querySelector('details').open = true;
    document.querySelector('#csp-trend').setAttribute('theme', 'dark');
    document.querySelector('#csp-outcomes').style.width = '400px';
    document.querySelector('#csp-missing').shadowRoot.querySelector('.opeka-retry')?.click();
  });
  await page.waitForFunction(() => window.__opeka.errors.length >= 2);
  await page.waitForTimeout(300);
  const chart = await readChart(page, '#csp-trend');
  assert.ok(chart.polylines > 0, 'the trend is drawn');
  const violations = await page.evaluate(() => window.__opeka.violations);
  assert.deepEqual(violations, [], 'no CSP violation of any kind');
  // The page preloads the module and the trend's feed: each asked for once,
  // the preload's answer taken by the widget (a preload whose mode does not
  // match the widget's request is fetched twice, and Chromium warns).
  const preloaded = ['/opeka/opeka_bg.wasm', '/feeds/kuzbass-caseload.json'];
  assert.deepEqual(preloaded.map((path) => timesAsked(server, from, path)), [1, 1], 'module and feed asked for once');
  assert.deepEqual(await initiators(page, preloaded), ['link', 'link'], 'both asked for by the preloads');
  assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), []);
  // Control: the recorder does see a violation when there is one (an inline style attribute).
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>'));
  await page.waitForFunction(() => window.__opeka.violations.length > 0);
  assert.match((await page.evaluate(() => window.__opeka.violations))[0], /^style-src/);
  await screenshot(page, 'strict-csp');
  assert.deepEqual(errors, []);
  await context.close();
});

test('under the strict CSP (sent with every Opeka file too) the worker runs, with no violation, and draws as the main thread', async () => {
  // The policy travels with the worker's own script, as on a server that
  // sends it for every response: the mount's path names the strict CSP.
  const cspServer = await startServer({ mounts: [['/strict-csp-opeka/', join(ROOT, 'dist', 'opeka')]] });
  cspServer.routes.set('/strict-csp-worker.html', { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8">
    <title>Воркер под строгой политикой</title><script type="module" src="/strict-csp-opeka/opeka.js"></script></head><body>
    <opeka-chart id="on" worker="on" src="/feeds/kuzbass-caseload.json" view="trend"></opeka-chart>
    <opeka-chart id="off" worker="off" src="/feeds/kuzbass-caseload.json" view="trend"></opeka-chart></body></html>` });
  const { page, context, errors } = await openPage(browser, 'about:blank');
  try {
    await page.addInitScript(() => {
      window.__answers = [];
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(...args) {
          super(...args);
          // Id 0 is the worker saying its module is up, not an answer.
          this.addEventListener('message', ({ data: [id, answer] }) => id && window.__answers.push(answer?.[0] instanceof Uint8Array ? 'reduced' : String(answer)));
        }
      };
    });
    const response = await page.goto(`${cspServer.url}/strict-csp-worker.html`);
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
    const events = await waitForWidgets(page, 2);
    assert.deepEqual(events.errors, []);
    assert.deepEqual(await page.evaluate(() => window.__answers), ['reduced'], 'the worker answered with the reduced feed');
    const svg = (id) => page.evaluate((i) => document.getElementById(i).shadowRoot.querySelector('svg').outerHTML, id);
    assert.equal(await svg('on'), await svg('off'));
    assert.deepEqual(await page.evaluate(() => window.__opeka.violations), [], 'no CSP violation of any kind');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await cspServer.close();
  }
});
