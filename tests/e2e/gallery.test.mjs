// The gallery at /: every sample feed in every view of its kind, the language
// switch, and the playground that re-renders or lists what is wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, openPage, screenshot } from './harness.mjs';

// Mirrors Kind::views in crates/feed/src/model.rs.
const VIEWS = {
  caseload: ['trend', 'ranking', 'composition', 'per-capita', 'tiles'],
  awards: ['breakdown', 'podium', 'roll', 'tiles'],
  outcomes: ['progress', 'before-after', 'trajectory', 'tiles'],
};
const SAMPLES = ['kuzbass-caseload', 'kuzbass-accident-families', 'kuzbass-social-worker-day-2018',
  'kuzbass-council-projects-2024', 'vyksa-orphanhood-prevention'];

// Sets the editor's text as a paste would. (Playwright's fill types through
// insertText, which Chromium does in quadratic time on a 100 KB textarea.)
const edit = (page, text) => page.$eval('#pg-text', (el, value) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}, text);

// The charts are OpekaChart components: each draws in its own shadow root.
const CHART_HELPERS = () => {
  const charts = (scope) => [...document.querySelectorAll(`${scope} .opeka-chart`)].map((c) => c.shadowRoot);
  window.drawnCharts = (scope) => charts(scope).filter((root) => root?.querySelector('svg')).length;
  window.chartTitle = (scope) => charts(scope).map((root) => root?.querySelector('svg title')?.textContent).find(Boolean);
};

const readFeed = async (name) => JSON.parse(await readFile(join(ROOT, 'feeds', `${name}.json`), 'utf8'));

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the gallery draws every view of every sample, switches language and runs the playground', async () => {
  const feeds = Object.fromEntries(await Promise.all(SAMPLES.map(async (n) => [n, await readFeed(n)])));
  const expected = SAMPLES.reduce((sum, n) => sum + VIEWS[feeds[n].kind].length, 0);

  const { page, context, errors } = await openPage(browser, `${server.url}/`);
  await page.evaluate(CHART_HELPERS);
  await page.waitForFunction((n) => drawnCharts('.cards .card') >= n, expected, { timeout: 30000 });

  for (const name of SAMPLES) {
    const views = await page.$$eval(`section[data-feed="${name}"] .cards .card`, (cards) => cards.map((c) => c.dataset.view));
    assert.deepEqual(views, VIEWS[feeds[name].kind], `${name}: one card per view of its kind`);
    const heading = await page.textContent(`section[data-feed="${name}"] h2`);
    assert.equal(heading, feeds[name].title.ru, `${name}: the section is titled in Russian`);
    const snippet = await page.textContent(`section[data-feed="${name}"] .card[data-view="tiles"] pre`);
    assert.equal(snippet, `<script type="module" src="/opeka/opeka.js"></script>\n<opeka-chart src="/feeds/${name}.json" view="tiles"></opeka-chart>`);
  }

  const trendTitle = 'section[data-feed="kuzbass-caseload"] .card[data-view="trend"] svg title';
  const caseload = feeds['kuzbass-caseload'];
  assert.equal(await page.textContent(trendTitle), caseload.title.ru);

  // The copy button works with or without a clipboard (it selects the code instead).
  await page.click('section[data-feed="kuzbass-caseload"] .card[data-view="trend"] button.copy');
  await page.waitForFunction(() => document.querySelector('section[data-feed="kuzbass-caseload"] .card[data-view="trend"] .copy-status').textContent.length > 0);

  await page.check('input[name="lang"][value="en"]');
  await page.waitForFunction((title) => chartTitle('section[data-feed="kuzbass-caseload"] .card[data-view="trend"]') === title, caseload.title.en);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('section[data-feed="kuzbass-caseload"] h2'), caseload.title.en);

  // The playground starts from the first sample and draws it.
  await page.waitForFunction(() => document.querySelector('#pg-text').value.includes('"kind"'));
  await page.waitForSelector('.playground-chart:not([hidden]) .opeka-svg svg');

  const broken = structuredClone(caseload);
  broken.records[3].value = -5;
  await edit(page, JSON.stringify(broken, null, 1));
  await page.waitForSelector('.problems.errors:not([hidden]) li');
  const problems = await page.$$eval('.problems.errors li', (items) => items.map((li) => li.textContent));
  assert.ok(problems.some((p) => p.startsWith('records[3].value: ') && p.includes('-5')), problems.join('\n'));
  assert.ok(await page.$('.playground-chart[hidden]'), 'no chart while the feed is invalid');

  // A hostile title is text, never markup.
  const hostile = structuredClone(caseload);
  hostile.title = '<img src=x onerror="window.__pwned=1">';
  await edit(page, JSON.stringify(hostile));
  await page.waitForSelector('.playground-chart:not([hidden]) .opeka-svg svg');
  await page.waitForFunction((t) => chartTitle('.playground-chart') === t, hostile.title);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length + (window.__pwned ?? 0)), 0);

  // Fixed again: the chart is back and the list is gone.
  await edit(page, JSON.stringify(caseload, null, 1));
  await page.waitForFunction((t) => chartTitle('.playground-chart:not([hidden])') === t, caseload.title.en);
  assert.ok(await page.$('.problems.errors[hidden]'));

  // Garbage never breaks the page; typing is checked once the keys pause.
  await edit(page, '{"opeka": 1, "kind": ');
  await page.waitForSelector('.problems.errors:not([hidden]) li');
  await page.focus('#pg-text');
  await page.keyboard.press('End');
  await page.keyboard.type('"caseload"}');
  await page.waitForFunction(() => [...document.querySelectorAll('.problems.errors li')].some((li) => li.textContent.startsWith('title: ')));

  await page.check('input[name="lang"][value="ru"]');
  await edit(page, JSON.stringify(caseload, null, 1));
  await page.waitForSelector('.playground-chart:not([hidden]) .opeka-svg svg');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'gallery');
  assert.deepEqual(errors, [], 'no uncaught errors on the page');
  await context.close();
});

test('the gallery links the example pages and serves what its snippets name', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/`);
  await page.evaluate(CHART_HELPERS);
  await page.waitForSelector('#examples a'); // the app mounts after the wasm loads
  const links = await page.$$eval('#examples a', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.includes('/examples/ministry-page.html'), links.join(', '));
  for (const path of ['/opeka/opeka.js', '/feeds/kuzbass-caseload.json', '/examples/ministry-page.html']) {
    const response = await page.request.get(`${server.url}${path}`);
    assert.equal(response.status(), 200, path);
  }
  // A phone: nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForFunction(() => drawnCharts('.cards .card') > 0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px on a phone`);
  assert.deepEqual(errors, []);
  await context.close();
});
