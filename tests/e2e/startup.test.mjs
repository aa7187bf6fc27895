// What opeka.js does while the module downloads, so that the first drawing's
// task is shorter (docs/performance.md, stop 37): it sets up the fonts the
// chart's text is measured in. A font's first measuring costs 1–5 ms (the
// family looked up, the font set up at that size), so a chart that measures
// its first text in a font opeka.js did not set up pays for it in its task.
// Since stop 42 every text is measured at 100 px and scaled: two fonts,
// however many sizes a chart uses (the tiles, fitting their numbers, used
// about a hundred).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForWidgets } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // A wide chart (an 18 px title) and a narrow one (16 px), each of the
  // sample feed, whose trend has a subtitle, notes, a legend and both axes;
  // and its tiles, whose numbers are fitted at many sizes.
  server.routes.set('/startup.html', { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<script type="module" src="/opeka/opeka.js"></script></head><body>
<opeka-chart id="wide" view="trend" style="display:block;width:960px" src="/feeds/kuzbass-caseload.json"></opeka-chart>
<opeka-chart id="narrow" view="trend" style="display:block;width:390px" src="/feeds/kuzbass-caseload.json"></opeka-chart>
<opeka-chart id="tiles" view="tiles" height="400" style="display:block;width:960px" src="/feeds/kuzbass-caseload.json"></opeka-chart></body></html>` });
});
after(async () => { await browser?.close(); await server?.close(); });

test('charts of any size and view measure their texts in two fonts, both set up before the module was up', async () => {
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
  const events = await waitForWidgets(page, 3);
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
  assert.deepEqual([...drawn].sort(), ['bold 100px', 'normal 100px'], `measured in: ${[...drawn]}`);
  assert.deepEqual([...drawn].filter((font) => !setUp.has(font)), [], `set up: ${[...setUp].join(', ')}`);
  // Scaled, a title's width is what the browser measures at its size: the
  // wide chart's 18 px title ends where the text does.
  const title = await page.evaluate(() => {
    const text = document.getElementById('wide').shadowRoot.querySelector('svg text');
    const canvas = document.createElement('canvas').getContext('2d');
    canvas.font = `700 ${text.getAttribute('font-size')}px ${getComputedStyle(text).fontFamily}`;
    return { measured: canvas.measureText(text.textContent.trim()).width, drawn: text.getComputedTextLength() };
  });
  assert.ok(Math.abs(title.measured - title.drawn) < 0.5, JSON.stringify(title));
  await context.close();
});
