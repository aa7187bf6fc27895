// What opeka.js does while the module downloads, so that the first drawing's
// task is shorter (docs/performance.md, stop 37): it sets up the fonts the
// chart's text is measured in. A font's first measuring costs 1–5 ms (the
// family looked up, the font set up at that size), so a chart that measures
// its first text in a font opeka.js did not set up pays for it in its task.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForWidgets } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // A wide chart (an 18 px title) and a narrow one (16 px), each of the
  // sample feed, whose trend has a subtitle, notes, a legend and both axes.
  server.routes.set('/startup.html', { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<script type="module" src="/opeka/opeka.js"></script></head><body>
<opeka-chart id="wide" view="trend" style="display:block;width:960px" src="/feeds/kuzbass-caseload.json"></opeka-chart>
<opeka-chart id="narrow" view="trend" style="display:block;width:390px" src="/feeds/kuzbass-caseload.json"></opeka-chart></body></html>` });
});
after(async () => { await browser?.close(); await server?.close(); });

test('every font a chart measures in its first drawing was set up before the module was up', async () => {
  // Every text measured on a canvas, in order, with the canvas's font as the
  // browser reads it back (weight and size normalized).
  const { page, context } = await openPage(browser, `${server.url}/startup.html`, {
    init: () => {
      const measure = CanvasRenderingContext2D.prototype.measureText;
      window.__measured = [];
      CanvasRenderingContext2D.prototype.measureText = function (text) {
        window.__measured.push({ text, font: this.font });
        return measure.call(this, text);
      };
    },
  });
  const events = await waitForWidgets(page, 2);
  assert.deepEqual(events.errors, []);
  const measured = await page.evaluate(() => window.__measured);
  // "700 18px …" and "bold 18px …" are one font: the weight and size name it
  // (the family is the widget's default in both).
  const fontOf = ({ font }) => {
    const [, weight, size] = font.match(/^(?:(bold|700) )?.*?(\d+(?:\.\d+)?)px/) ?? [];
    return `${weight ? 'bold' : 'normal'} ${size}px`;
  };
  const firstChartText = measured.findIndex((m) => m.text !== 'Ж');
  assert.ok(firstChartText > 0, `opeka.js measured before the charts: ${JSON.stringify(measured.slice(0, 3))}`);
  const setUp = new Set(measured.slice(0, firstChartText).map(fontOf));
  const drawn = new Set(measured.slice(firstChartText).map(fontOf));
  assert.ok(drawn.has('bold 18px') && drawn.has('bold 16px'), `both titles measured: ${[...drawn]}`);
  assert.deepEqual([...drawn].filter((font) => !setUp.has(font)), [], `set up: ${[...setUp].join(', ')}`);
  await context.close();
});
