// axe-core on every page a viewer can open: the example host pages (the
// iframe page inside the CMS page), the test host pages, the Leptos example app and the gallery,
// with every widget drawn (shadow roots and frames included). Violations
// are fixed, not silenced: no rule is turned off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, openPage } from './harness.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server;
let browser;
before(async () => {
  server = await startServer({ mounts: [['/leptos-app/', join(ROOT, 'examples', 'leptos-app', 'dist')]] });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

const examples = (await readdir(join(ROOT, 'examples'))).filter((f) => f.endsWith('.html')).map((f) => `/examples/${f}`);
// The host pages the end-to-end tests serve (bench.html is the benchmark's, not a test's).
const fixtures = (await readdir(join(ROOT, 'tests', 'fixtures'))).filter((f) => f.endsWith('.html') && f !== 'bench.html').map((f) => `/fixtures/${f}`);
const PAGES = [
  ...examples,
  ...fixtures,
  '/leptos-app/',
  '/',
  // The deck page for CMSs without scripts, playing the sample deck.
  '/opeka/deck.html?src=/examples/decks/ceremony.json',
];

/** Waits until no widget, in the page or its shadow roots, still shows its loading skeleton. */
async function settle(frame) {
  await frame.waitForFunction(() => {
    const roots = [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)];
    const charts = document.querySelectorAll('opeka-chart');
    // Something drawn (a page of Leptos components mounts after its module loads), or frames that draw.
    const drawn = document.querySelector('iframe') || roots.some((r) => r.querySelector('.opeka-figure:not([hidden]), .opeka-error, [role="alert"]'));
    return drawn && [...charts].every((c) => c.shadowRoot?.querySelector('.opeka-figure, .opeka-error, [role="alert"]'))
      && roots.every((r) => ![...r.querySelectorAll('.opeka-skeleton')].some((s) => !s.hidden));
  }, null, { timeout: 20000 });
}

for (const path of PAGES) {
  test(`axe finds nothing on ${path}`, async () => {
    // The strict-CSP page would refuse the injected script; its CSP is tested in strict-csp.test.mjs.
    const { page, context } = await openPage(browser, `${server.url}${path}`, { context: { bypassCSP: true } });
    await page.waitForLoadState('load');
    // axe in every frame, run from the top: an iframe's content is audited as part of its page.
    for (const frame of page.frames()) {
      await settle(frame);
      await frame.evaluate(AXE);
    }
    const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')} — ${v.nodes[0]?.failureSummary}`);
    assert.deepEqual(found, [], `${path}:\n${found.join('\n')}`);
    await context.close();
  });
}

test('axe finds nothing with a tooltip open, a mark outlined and a series hidden', async () => {
  const { page, context } = await openPage(browser, `${server.url}/examples/ministry-page.html`);
  await settle(page.mainFrame());
  await page.locator('#caseload-trend .opeka-key').first().click();
  await page.locator('#caseload-trend .opeka-svg').focus();
  await page.keyboard.press('ArrowRight');
  // The tooltips load on the chart's first pointer or focus: wait for the answer.
  await page.locator('#caseload-trend .opeka-tip').waitFor({ state: 'visible' });
  await page.evaluate(AXE);
  const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  await context.close();
});
