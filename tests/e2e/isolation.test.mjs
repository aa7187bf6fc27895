// Hostile host CSS does not reach inside a widget, the widget's CSS does not
// leak out, the documented custom properties do reach in, and the width
// follows the container.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForWidgets, readChart, screenshot } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const PAGE = '/fixtures/hostile-host.html';
const HOST_ELEMENTS = ['#host-heading', '#host-para', '#host-div', '#host-button', '#host-table', '#host-cell', '#host-svg', '#host-text'];
const PROPS = ['font-family', 'letter-spacing', 'text-transform', 'line-height', 'color', 'font-size', 'padding-top', 'margin-top',
  'border-top-style', 'background-color', 'fill', 'stroke', 'display', 'box-sizing', 'outline-style', 'text-align'];

/** Computed styles of the host page's own elements. */
function hostStyles(page) {
  return page.evaluate(([sels, props]) => Object.fromEntries(sels.map((sel) => {
    const style = getComputedStyle(document.querySelector(sel));
    return [sel, Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]))];
  })), [HOST_ELEMENTS, PROPS]);
}

/** Computed styles of a widget's inner parts. */
function innerStyles(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const pick = (el) => {
      const s = getComputedStyle(el);
      return { font: s.fontFamily, letterSpacing: s.letterSpacing, textTransform: s.textTransform, color: s.color, lineHeight: s.lineHeight,
        fontStyle: s.fontStyle, fontWeight: s.fontWeight, wordSpacing: s.wordSpacing, textShadow: s.textShadow, fontVariant: s.fontVariantCaps,
        direction: s.direction, whiteSpace: s.whiteSpace, background: s.backgroundColor, padding: s.paddingTop, border: s.borderTopStyle };
    };
    const svg = root.querySelector('svg');
    const text = svg.querySelector('text');
    return { box: pick(root.querySelector('.opeka')), text: { ...pick(text), fill: getComputedStyle(text).fill, fontSize: getComputedStyle(text).fontSize },
      summary: pick(root.querySelector('summary')), svgDisplay: getComputedStyle(svg).display };
  }, id);
}

test('hostile host CSS leaves the widget as designed', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}${PAGE}`);
  await waitForWidgets(page, 4);
  const inner = await innerStyles(page, 'plain');
  for (const part of [inner.box, inner.text, inner.summary]) {
    assert.match(part.font, /PT Sans|Helvetica Neue|Arial/, `font: ${part.font}`);
    assert.doesNotMatch(part.font, /Comic/);
    assert.equal(part.letterSpacing, 'normal');
    assert.equal(part.textTransform, 'none');
    assert.equal(part.fontStyle, 'normal');
    assert.equal(part.wordSpacing, '0px');
    assert.equal(part.textShadow, 'none');
    assert.equal(part.fontVariant, 'normal');
    assert.equal(part.direction, 'ltr');
    assert.notEqual(part.color, 'rgb(255, 0, 0)', 'not the host red');
  }
  assert.equal(inner.box.color, 'rgb(27, 31, 36)', 'the widget foreground');
  assert.equal(inner.box.background, 'rgb(255, 255, 255)', 'the widget background');
  assert.equal(inner.box.padding, '0px', 'host div padding does not apply inside');
  assert.equal(inner.box.border, 'none', 'host div border does not apply inside');
  assert.equal(inner.box.lineHeight, `${15 * 1.35}px`);
  assert.notEqual(inner.text.fontSize, '40px', 'host svg text size does not apply');
  assert.notEqual(inner.text.fill, 'rgb(255, 0, 255)');
  assert.notEqual(inner.text.fill, 'rgb(204, 0, 0)');
  assert.equal(inner.svgDisplay, 'block');
  const chart = await readChart(page, '#plain');
  assert.ok(chart.polylines > 0);
  await screenshot(page, 'hostile-host');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the widget CSS does not leak out: host elements are styled the same with and without widgets', async () => {
  const { page, context } = await openPage(browser, `${server.url}${PAGE}`);
  await waitForWidgets(page, 4);
  const withWidgets = await hostStyles(page);
  const withoutPage = await openPage(browser, `${server.url}${PAGE}`);
  await withoutPage.page.route('**/opeka/**', (route) => route.abort());
  await withoutPage.page.reload();
  const without = await hostStyles(withoutPage.page);
  assert.deepEqual(withWidgets, without);
  // And the host page's own styles are the hostile ones (the fixture works).
  assert.match(withWidgets['#host-para']['font-family'], /Comic Sans/);
  assert.equal(withWidgets['#host-para'].color, 'rgb(255, 0, 0)');
  await withoutPage.context.close();
  await context.close();
});

test('--opeka-font, --opeka-background, --opeka-foreground and --opeka-accent reach in', async () => {
  const { page, context } = await openPage(browser, `${server.url}${PAGE}`);
  await waitForWidgets(page, 4);
  const inner = await innerStyles(page, 'themed');
  assert.match(inner.box.font, /^Georgia/);
  assert.match(inner.text.font, /^Georgia/, 'the chart text follows --opeka-font');
  assert.equal(inner.box.background, 'rgb(255, 251, 230)');
  assert.equal(inner.box.color, 'rgb(16, 32, 48)');
  const accent = await page.evaluate(() => {
    const root = document.getElementById('failing').shadowRoot;
    document.getElementById('failing').style.setProperty('--opeka-accent', 'rgb(0, 128, 0)');
    return getComputedStyle(root.querySelector('.opeka-retry')).backgroundColor;
  });
  assert.equal(accent, 'rgb(0, 128, 0)', 'the retry button takes the accent');
  await context.close();
});

test('the chart width follows its container from 280 to 1200 px and back', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}${PAGE}`, { viewport: { width: 1400, height: 900 } });
  await waitForWidgets(page, 4);
  const widthOf = () => readChart(page, '#resized').then((c) => c.width);
  assert.ok(Math.abs((await widthOf()) - 280) <= 1, `starts at 280: ${await widthOf()}`);
  for (const target of [1200, 600, 280]) {
    const seen = await page.evaluate(() => window.__opeka.rendered.length);
    await page.evaluate((w) => { document.getElementById('resizable').style.width = `${w}px`; }, target);
    await page.waitForFunction(([n, w]) => window.__opeka.rendered.slice(n).some((e) => e.id === 'resized' && Math.abs(e.detail.width - w) <= 1), [seen, target]);
    const width = await widthOf();
    assert.ok(Math.abs(width - target) <= 1, `svg width ${width} follows ${target}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a browser that refuses the canvas still gets its chart laid out, every text within the chart', async () => {
  // Some privacy settings give pages no 2D canvas: the widget then lays its
  // texts out by an estimate of their width (crates/widgets/src/measure.rs)
  // rather than by measuring them.
  server.routes.set('/no-canvas.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Без canvas</title>
      <script>HTMLCanvasElement.prototype.getContext = () => null;</script>
      <script type="module" src="/opeka/opeka.js"></script></head>
      <body><opeka-chart id="trend" src="/feeds/kuzbass-caseload.json" view="trend"></opeka-chart>
      <opeka-chart id="ranking" src="/feeds/kuzbass-caseload.json" view="ranking"></opeka-chart></body></html>`,
  });
  for (const width of [390, 1280]) {
    const { page, context, errors } = await openPage(browser, `${server.url}/no-canvas.html`, { viewport: { width, height: 900 } });
    try {
      const events = await waitForWidgets(page, 2);
      assert.deepEqual(events.errors, []);
      assert.equal(await page.evaluate(() => document.createElement('canvas').getContext('2d')), null, 'the page has no canvas');
      for (const id of ['#trend', '#ranking']) {
        const chart = await readChart(page, id);
        assert.match(chart.texts[0], /Получатели/, `${id} at ${width}: its title`);
        // Each text's drawn box (in the real font) inside the chart's.
        const outside = await page.evaluate((sel) => {
          const svg = document.querySelector(sel).shadowRoot.querySelector('svg');
          const width = Number(svg.getAttribute('width'));
          return [...svg.querySelectorAll('text')].map((t) => [t.textContent, t.getBBox()])
            .filter(([, b]) => b.width > 0 && (b.x < -0.5 || b.x + b.width > width + 0.5)).map(([text, b]) => `${text}: ${b.x.toFixed(1)}–${(b.x + b.width).toFixed(1)} of ${width}`);
        }, id);
        assert.deepEqual(outside, [], `${id} at ${width}`);
      }
      if (width === 390) await screenshot(page, 'no-canvas-390');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});
