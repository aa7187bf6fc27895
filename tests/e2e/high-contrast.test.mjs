// High contrast: under forced colours (Windows high contrast) the chart is
// drawn in the system's colours; `theme="auto"` follows `prefers-contrast:
// more` and forced colours to the contrast theme, live.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForWidgets, screenshot } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  server.routes.set('/contrast.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="/opeka/opeka.js"></script></head>
<body style="margin: 0 auto; padding: 16px; max-width: 960px">
<opeka-chart id="auto" src="/feeds/kuzbass-caseload.json" view="trend"></opeka-chart>
<opeka-chart id="bars" src="/feeds/kuzbass-caseload.json" view="composition"></opeka-chart>
<opeka-chart id="dark" src="/feeds/kuzbass-accident-families.json" view="ranking" theme="dark"></opeka-chart>
</body></html>`,
  });
});
after(async () => { await browser?.close(); await server?.close(); });

/** Each widget's theme and the computed colours its chart is painted in, with the system colours to compare. */
const readColours = (page) => page.evaluate(() => {
  // What the system colours resolve to on this page.
  const probe = document.body.appendChild(document.createElement('span'));
  const system = {};
  for (const name of ['Canvas', 'CanvasText', 'Highlight', 'GrayText']) {
    probe.style.color = name;
    system[name] = getComputedStyle(probe).color;
  }
  probe.remove();
  const widgets = {};
  for (const el of document.querySelectorAll('opeka-chart')) {
    const root = el.shadowRoot;
    const svg = root.querySelector('svg');
    const fills = (selector) => [...new Set([...svg.querySelectorAll(selector)].map((n) => getComputedStyle(n).fill))];
    const strokes = (selector) => [...new Set([...svg.querySelectorAll(selector)].map((n) => getComputedStyle(n).stroke))];
    widgets[el.id] = {
      theme: root.querySelector('.opeka').dataset.theme,
      background: getComputedStyle(svg.querySelector('rect')).fill,
      text: fills('text'),
      lines: strokes('polyline'),
      bars: fills('rect:not(:first-of-type):not([fill="#FFFFFF"])'),
    };
  }
  return { system, widgets };
});

/** The WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a, b) {
  const lum = (rgb) => {
    const [r, g, bl] = rgb.match(/\d+/g).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('under forced colours the chart takes the system colours and stays readable', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/contrast.html`);
  await waitForWidgets(page, 3);
  const before = await readColours(page);
  assert.equal(before.widgets.auto.theme, 'light');
  assert.notEqual(before.widgets.auto.text[0], before.system.CanvasText, 'without forced colours the theme paints the chart');

  const drawn = await page.evaluate(() => window.__opeka.rendered.length);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.waitForFunction((n) => window.__opeka.rendered.length >= n + 2, drawn);
  const { system, widgets } = await readColours(page);
  assert.equal(widgets.auto.theme, 'contrast', 'theme="auto" draws the contrast theme: thick lines, larger type');
  assert.equal(widgets.dark.theme, 'dark', 'a theme the page chose stays');
  for (const [id, chart] of Object.entries(widgets)) {
    assert.equal(chart.background, system.Canvas, `${id}: the canvas is Canvas`);
    assert.deepEqual(chart.text, [system.CanvasText], `${id}: every text is CanvasText`);
    assert.ok(contrast(chart.text[0], chart.background) >= 4.5, `${id}: text reads on the canvas`);
  }
  assert.deepEqual(widgets.auto.lines, [system.CanvasText], 'lines are CanvasText (series differ by their markers)');
  const allowed = [system.Highlight, system.CanvasText, system.GrayText];
  assert.ok(widgets.bars.bars.includes(system.Highlight), 'bars are Highlight');
  for (const fill of widgets.bars.bars) assert.ok(allowed.includes(fill), `every bar, swatch and rule is a system colour (${fill})`);
  // A period's tooltip: its rows' swatches, copied from the legend, take
  // the system colours as the chart's markers do.
  const trend = await page.locator('#auto .opeka-svg').boundingBox();
  await page.mouse.move(trend.x + trend.width * 0.5, trend.y + trend.height * 0.55);
  await page.waitForFunction(() => !document.querySelector('#auto').shadowRoot.querySelector('.opeka-tip').hidden);
  const swatches = await page.evaluate(() => {
    const tip = document.querySelector('#auto').shadowRoot.querySelector('.opeka-tip');
    return [...tip.querySelectorAll('svg > *')].map((e) => [e.localName, getComputedStyle(e).fill]);
  });
  assert.ok(swatches.filter(([name]) => name !== 'rect').length >= 4, `a marker in each row's swatch: ${JSON.stringify(swatches)}`);
  for (const [name, fill] of swatches) {
    assert.ok(name === 'rect' ? fill === system.Highlight : [system.CanvasText, system.Canvas].includes(fill), `the swatch's ${name} is a system colour (${fill})`);
  }
  await screenshot(page, 'forced-colors');

  // Dark system colours (Windows' "Night sky"): the same mapping, light on dark.
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  await page.waitForTimeout(300);
  const night = await readColours(page);
  assert.equal(night.widgets.auto.background, night.system.Canvas);
  assert.ok(contrast(night.widgets.auto.text[0], night.widgets.auto.background) >= 4.5);
  await screenshot(page, 'forced-colors-dark');
  assert.deepEqual(errors, []);
  await context.close();
});

test('theme="auto" follows prefers-contrast: more to the contrast theme and back', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/contrast.html`);
  await waitForWidgets(page, 3);
  const themes = () => page.$$eval('opeka-chart', (els) => els.map((el) => el.shadowRoot.querySelector('.opeka').dataset.theme));
  const lineWidth = () => page.evaluate(() => Number(document.querySelector('#auto').shadowRoot.querySelector('svg polyline').getAttribute('stroke-width')));
  assert.deepEqual(await themes(), ['light', 'light', 'dark']);
  const thin = await lineWidth();

  await page.emulateMedia({ contrast: 'more' });
  await page.waitForFunction(() => document.querySelector('#auto').shadowRoot.querySelector('.opeka').dataset.theme === 'contrast');
  assert.deepEqual(await themes(), ['contrast', 'contrast', 'dark'], 'auto widgets switch; a chosen theme stays');
  assert.ok(await lineWidth() > thin, 'the contrast theme draws thicker lines');

  await page.emulateMedia({ contrast: 'no-preference', colorScheme: 'dark' });
  await page.waitForFunction(() => document.querySelector('#auto').shadowRoot.querySelector('.opeka').dataset.theme === 'dark');
  assert.deepEqual(await themes(), ['dark', 'dark', 'dark'], 'back to following the colour scheme');
  assert.deepEqual(errors, []);
  await context.close();
});
