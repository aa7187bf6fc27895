// The ministry news page embeds widgets with the two-line snippet; each must
// draw its chart inside the page's narrow columns despite the page's CSS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForWidgets, readChart, screenshot } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const GROUPED = /^−?\d{1,3}(\u00a0\d{3})*$/;

test('the ministry page draws the caseload trend with Russian labels', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/examples/ministry-page.html`);
  const events = await waitForWidgets(page, 2);
  assert.deepEqual(events.errors, [], 'no widget failed');
  assert.deepEqual(events.rendered.map((e) => e.id).sort(), ['accident-families', 'caseload-trend']);
  const trend = events.rendered.find((e) => e.id === 'caseload-trend');
  assert.equal(trend.detail.view, 'trend');

  const chart = await readChart(page, '#caseload-trend');
  assert.ok(chart, 'the widget has an SVG chart');
  assert.equal(chart.title, 'Получатели социальных услуг в Кузбассе');
  assert.ok(chart.texts.includes('Получатели социальных услуг в Кузбассе'), 'the title is drawn');
  assert.ok(chart.texts.some((t) => t.includes('по видам обслуживания')), 'the subtitle is drawn');
  assert.equal(chart.polylines, 4, 'one line per category');
  for (const category of ['Социальное обслуживание на дому', 'Срочное социальное обслуживание']) {
    assert.ok(chart.texts.some((t) => t.includes(category)), `legend names ${category}`);
  }
  const numbers = chart.texts.filter((t) => GROUPED.test(t));
  assert.ok(numbers.some((t) => t.includes('\u00a0')), `tick labels grouped with a no-break space: ${numbers}`);
  assert.ok(chart.texts.some((t) => /^янв(\u00a0\d{4})?$/.test(t)), 'Russian month names on the period axis');
  assert.ok(chart.texts.some((t) => t.startsWith('Источник')), 'the source credit');
  assert.ok(chart.texts.some((t) => t.includes('иллюстративная')), 'the note');
  assert.equal(chart.tableRows, 30, 'the data table has a row per month');
  assert.ok(chart.width <= chart.hostWidth + 1, `the chart (${chart.width}px) fits its column (${chart.hostWidth}px)`);
  assert.ok(!/Comic Sans/.test(chart.fontFamily), 'the host page CSS does not restyle the chart text');

  const narrow = await readChart(page, '#accident-families');
  assert.ok(narrow.width <= narrow.hostWidth + 1 && narrow.hostWidth <= 300, 'the sidebar chart fits the 300px column');
  assert.equal(narrow.polylines, 6);

  await screenshot(page, 'ministry-page');
  assert.deepEqual(errors, [], 'no uncaught errors on the page');
  await context.close();
});

test('a phone-width page still draws every widget without errors', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/examples/ministry-page.html`, { viewport: { width: 360, height: 800 } });
  const events = await waitForWidgets(page, 2);
  assert.equal(events.rendered.length, 2);
  const chart = await readChart(page, '#caseload-trend');
  assert.ok(chart.width <= chart.hostWidth + 1 || chart.width === 280, `fits: ${chart.width} in ${chart.hostWidth}`);
  await screenshot(page, 'ministry-page-phone');
  assert.deepEqual(errors, []);
  await context.close();
});
