// The gallery's embed-code generator («Код для вставки»): a feed in by URL,
// by file or by drop; its problems by path; previews; the snippets work when
// pasted into a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, ARTIFACTS, startServer, launchBrowser, openPage, waitForWidgets, readChart } from './harness.mjs';

const CASELOAD_VIEWS = ['trend', 'ranking', 'composition', 'per-capita', 'tiles'];

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const drawnPreviews = (page) => page.$$eval('#generator .gen-cell .opeka-chart', (charts) => charts.filter((c) => c.shadowRoot?.querySelector('svg')).length);

async function openGenerator(viewport) {
  const opened = await openPage(browser, `${server.url}/#generator`, {
    viewport,
    context: { permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true },
  });
  await opened.page.waitForSelector('#gen-url');
  return opened;
}

test('a pasted URL is checked, previewed in every view, width and theme, and its snippets work', async () => {
  const { page, context, errors } = await openGenerator();
  await page.fill('#gen-url', '/feeds/kuzbass-accident-families.json');
  await page.click('#generator .gen-url button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('#gen-status').textContent.startsWith('Лента верна'));
  const expected = CASELOAD_VIEWS.length * 3 * 3;
  await page.waitForFunction((n) => [...document.querySelectorAll('#generator .gen-cell .opeka-chart')].filter((c) => c.shadowRoot?.querySelector('svg')).length === n, expected, { timeout: 60000 });
  assert.deepEqual(await page.$$eval('#generator .gen-view', (s) => s.map((v) => v.dataset.view)), CASELOAD_VIEWS);
  const widths = await page.$$eval('#generator .gen-view[data-view="ranking"] .gen-theme[data-theme="dark"] .gen-cell .opeka-chart',
    (charts) => charts.map((c) => Number(c.shadowRoot.querySelector('svg').getAttribute('width'))));
  assert.deepEqual(widths, [320, 640, 960]);
  const themes = await page.$$eval('#generator .gen-view[data-view="trend"] .gen-theme', (t) => t.map((x) => x.dataset.theme));
  assert.deepEqual(themes, ['light', 'dark', 'contrast']);
  assert.equal(await drawnPreviews(page), expected);

  // Options shape the snippet.
  await page.selectOption('#gen-view', 'ranking');
  await page.selectOption('#gen-lang', 'en');
  await page.selectOption('#gen-theme', 'dark');
  await page.fill('#gen-height', '400');
  const script = await page.textContent('#gen-script pre');
  assert.equal(script, '<script type="module" src="/opeka/opeka.js"></script>\n'
    + '<opeka-chart src="/feeds/kuzbass-accident-families.json" view="ranking" lang="en" theme="dark" height="400"></opeka-chart>');

  // Copy puts the same text on the clipboard.
  await page.click('#gen-script button.copy');
  await page.waitForFunction(() => document.querySelector('#gen-script .copy-status').textContent.length > 0);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, script);
  const iframe = await page.textContent('#gen-iframe pre');
  assert.ok(iframe.startsWith('<iframe src="/opeka/embed.html?src=%2Ffeeds%2Fkuzbass-accident-families.json&amp;view=ranking&amp;lang=en&amp;theme=dark&amp;height=400"'), iframe);
  // The whole gallery is tens of thousands of pixels tall: the generator's
  // top (input, verdict, first previews) and its code, one screen each.
  await mkdir(ARTIFACTS, { recursive: true });
  await page.evaluate(() => document.querySelector('#generator').scrollIntoView());
  await page.screenshot({ path: join(ARTIFACTS, 'generator-1280.png') });
  await page.evaluate(() => document.querySelector('#gen-options-anchor').scrollIntoView());
  await page.screenshot({ path: join(ARTIFACTS, 'generator-1280-code.png') });

  // Pasted into a blank page, the script snippet draws the chart…
  server.routes.set('/pasted.html', { body: `<!doctype html><html><head><meta charset="utf-8"></head><body>\n${copied}\n</body></html>` });
  const blank = await openPage(browser, `${server.url}/pasted.html`);
  const { rendered, errors: widgetErrors } = await waitForWidgets(blank.page, 1);
  assert.deepEqual(widgetErrors, []);
  assert.equal(rendered[0].detail.view, 'ranking');
  assert.equal(rendered[0].detail.height, 400);
  const chart = await readChart(blank.page, 'opeka-chart');
  assert.ok(chart.width > 0 && chart.summary.length > 0, 'a chart with its summary');
  assert.equal(await blank.page.getAttribute('opeka-chart', 'lang'), 'en');
  await blank.context.close();

  // …and so does the iframe snippet.
  server.routes.set('/pasted-iframe.html', { body: `<!doctype html><html><body>\n${iframe}\n</body></html>` });
  const framed = await openPage(browser, `${server.url}/pasted-iframe.html`);
  const frame = await (await framed.page.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => document.querySelector('opeka-chart')?.shadowRoot?.querySelector('svg'), null, { timeout: 20000 });
  await framed.context.close();

  // The checked feed downloads as it was read.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#gen-download')]);
  assert.equal(download.suggestedFilename(), 'kuzbass-accident-families.json');
  const saved = await readFile(await download.path(), 'utf8');
  assert.equal(saved, await readFile(join(ROOT, 'feeds', 'kuzbass-accident-families.json'), 'utf8'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bad file lists every problem by path, in the page language; a dropped file is read too', async () => {
  const { page, context, errors } = await openGenerator();
  await page.setInputFiles('#gen-file', join(ROOT, 'tests', 'fixtures', 'invalid-caseload.json'));
  await page.waitForSelector('#generator .problems.errors:not([hidden]) li');
  const problems = await page.$$eval('#generator .problems.errors li', (items) => items.map((li) => li.textContent));
  assert.ok(problems.some((p) => p.startsWith('records[1].value: ')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('records[2].unit: ')), problems.join('\n'));
  assert.ok(problems.every((p) => /[а-яё]/i.test(p)), `messages in Russian: ${problems.join('\n')}`);
  assert.match(await page.textContent('#gen-status'), /^Ошибок: \d+/);
  assert.ok(await page.$('#generator .gen-result[hidden]'), 'no previews or code for a bad feed');

  await page.check('input[name="lang"][value="en"]');
  await page.waitForFunction(() => document.querySelector('#gen-status').textContent.startsWith('Errors:'));
  const english = await page.$$eval('#generator .problems.errors li', (items) => items.map((li) => li.textContent));
  assert.ok(english.every((p) => !/[а-яё]/i.test(p.split(': ').slice(1).join(': '))), english.join('\n'));

  // A hostile title stays text; dropped as a file, it is read and previewed.
  const hostile = JSON.parse(await readFile(join(ROOT, 'feeds', 'kuzbass-accident-families.json'), 'utf8'));
  hostile.title = '<img src=x onerror="window.__pwned=1">';
  const drop = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, JSON.stringify(hostile));
  await page.dispatchEvent('#generator .gen-drop', 'drop', { dataTransfer: drop });
  await page.waitForFunction(() => document.querySelector('#gen-status').textContent.startsWith('The feed is valid'));
  await page.waitForFunction(() => [...document.querySelectorAll('#generator .gen-cell .opeka-chart')].some((c) => c.shadowRoot?.querySelector('svg')), null, { timeout: 30000 });
  assert.equal(await page.inputValue('#gen-src'), '/feeds/dropped.json');
  assert.match(await page.textContent('#gen-script pre'), /<opeka-chart src="\/feeds\/dropped.json"><\/opeka-chart>$/);
  assert.match(await page.textContent('#gen-iframe pre'), /title="&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;"/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length + (window.__pwned ?? 0)), 0);

  // A URL that does not answer says so.
  await page.fill('#gen-url', '/status/404');
  await page.click('#generator .gen-url button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('#gen-status').textContent.includes('404'));
  assert.ok(await page.$('#generator .gen-result[hidden]'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the generator fits a phone', async () => {
  const { page, context, errors } = await openGenerator({ width: 360, height: 800 });
  await page.fill('#gen-url', '/feeds/vyksa-orphanhood-prevention.json');
  await page.click('#generator .gen-url button[type="submit"]');
  await page.waitForFunction(() => [...document.querySelectorAll('#generator .gen-cell .opeka-chart')].filter((c) => c.shadowRoot?.querySelector('svg')).length >= 36, null, { timeout: 60000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px on a phone`);
  await page.evaluate(() => document.querySelector('#generator').scrollIntoView());
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'generator-360.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
