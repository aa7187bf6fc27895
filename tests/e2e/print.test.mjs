// Printing a host page: every chart takes the width it gets on paper, is
// never cut between pages, its data table is printed open under it, and
// no button is printed. Checked on a PDF printed by headless Chromium,
// read back with poppler's pdftotext and pdfinfo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ARTIFACTS, startServer, launchBrowser, openPage, waitForWidgets, screenshot } from './harness.mjs';

const run = promisify(execFile);
let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  server.routes.set('/print.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/examples/ministry-page.css">
<script type="module" src="/opeka/opeka.js"></script></head>
<body><main class="wrap"><article class="news">
<h1>Отчёт о работе министерства за 2018 год</h1>
<p>Социальное обслуживание, награды работников и итоги проектов — на одной странице.</p>
<opeka-chart id="trend" src="/feeds/kuzbass-caseload.json" view="ranking"></opeka-chart>
<p>Награды к Дню социального работника.</p>
<opeka-chart id="awards" src="/feeds/kuzbass-social-worker-day-2018.json" view="breakdown"></opeka-chart>
<p>Проекты общественного совета.</p>
<opeka-chart id="outcomes" src="/feeds/kuzbass-council-projects-2024.json" view="progress" lang="en"></opeka-chart>
<opeka-chart id="families" src="/feeds/kuzbass-accident-families.json" view="composition"></opeka-chart>
</article></main></body></html>`,
  });
});
after(async () => { await browser?.close(); await server?.close(); });

/** Every chart's title, source line and a few figures of its table, as the page shows them. */
const readCharts = (page) => page.$$eval('opeka-chart', (charts) => charts.map((chart) => {
  const root = chart.shadowRoot;
  const texts = [...root.querySelectorAll('svg text')].map((t) => t.textContent.trim());
  return {
    id: chart.id,
    title: root.querySelector('svg title').textContent,
    source: texts.find((t) => /^(Источник|Source)/.test(t)),
    tables: root.querySelectorAll('.opeka-table table').length,
    figures: [...root.querySelectorAll('.opeka-table td')].map((td) => td.textContent).filter((t) => /\d/.test(t)).slice(0, 3),
  };
}));

/** Letters and digits only: what survives any PDF's spacing and line breaks. */
const squash = (text) => text.replace(/[^\p{L}\p{N}]+/gu, '');

test('a printed page keeps every chart whole, with its table open and no buttons', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/print.html`);
  await waitForWidgets(page, 4);
  // No table is built until it is wanted; printing wants them all
  // (`beforeprint`, which page.pdf fires as a browser's print does).
  assert.deepEqual((await readCharts(page)).map((chart) => chart.tables), [0, 0, 0, 0], 'no table built before it is wanted');
  await mkdir(ARTIFACTS, { recursive: true });
  const pdf = join(ARTIFACTS, 'print.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  const charts = await readCharts(page);
  assert.equal(charts.length, 4);
  for (const chart of charts) assert.ok(chart.tables === 1 && chart.figures.length > 0, `${chart.id}: its table was built for the print`);

  await page.emulateMedia({ media: 'print' });
  const printed = await page.$$eval('opeka-chart', (els) => els.map((el) => {
    const root = el.shadowRoot;
    const visible = (node) => Boolean(node) && getComputedStyle(node).display !== 'none' && node.getBoundingClientRect().height > 0;
    return {
      svgWidth: root.querySelector('svg').getBoundingClientRect().width,
      boxWidth: root.querySelector('.opeka-figure').getBoundingClientRect().width,
      table: visible(root.querySelector('.opeka-table table')),
      menu: visible(root.querySelector('.opeka-menu')),
      toggle: visible(root.querySelector('.opeka-table summary')),
    };
  }));
  for (const chart of printed) {
    assert.ok(Math.abs(chart.svgWidth - chart.boxWidth) < 1, `the chart takes its box's width on paper (${chart.svgWidth} of ${chart.boxWidth})`);
    assert.deepEqual([chart.table, chart.menu, chart.toggle], [true, false, false], 'the table printed open; no menu, no toggle');
  }
  await screenshot(page, 'print-media');

  const info = (await run('pdfinfo', [pdf])).stdout;
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  assert.ok(pages >= 2, `several charts and their tables take pages (${pages})`);
  assert.match(info, /^Page size:.*\(A4\)/m);

  const pageTexts = [];
  for (let n = 1; n <= pages; n++) pageTexts.push(squash((await run('pdftotext', ['-f', String(n), '-l', String(n), '-enc', 'UTF-8', pdf, '-'])).stdout));
  const all = pageTexts.join('');
  for (const chart of charts) {
    // Whole: its title and its source line (the top and the bottom of the drawing) on one page.
    const onPage = pageTexts.findIndex((text) => text.includes(squash(chart.title)));
    assert.ok(onPage >= 0, `${chart.id}: the title "${chart.title}" is printed`);
    assert.ok(pageTexts[onPage].includes(squash(chart.source)), `${chart.id}: the source line is on the title's page: the chart is not cut`);
    for (const figure of chart.figures) assert.ok(all.includes(squash(figure)), `${chart.id}: the table's figure ${figure} is printed`);
  }
  assert.ok(!all.includes('Скачать') && !all.includes('Download'), 'no menu button on paper');
  assert.ok(!all.includes(squash('Таблица данных')), 'no table toggle on paper');
  assert.deepEqual(errors, []);
  await context.close();
});
