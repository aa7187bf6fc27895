// A page under a strict Content-Security-Policy (header and meta): widgets
// render with no inline script, no inline style and no eval.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForWidgets, readChart, screenshot } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('widgets render under a strict CSP with no securitypolicyviolation', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/examples/strict-csp.html`);
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
  // Control: the recorder does see a violation when there is one (an inline style attribute).
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>'));
  await page.waitForFunction(() => window.__opeka.violations.length > 0);
  assert.match((await page.evaluate(() => window.__opeka.violations))[0], /^style-src/);
  await screenshot(page, 'strict-csp');
  assert.deepEqual(errors, []);
  await context.close();
});
