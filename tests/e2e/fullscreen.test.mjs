// Full screen for one widget (issue 11 §1) and PT Sans as a web font
// (§6): the button beside the downloads menu and `f` on a focused widget
// show the chart full-screen in the slide medium, in PT Sans (shipped as
// "Opeka Sans", a Latin and Cyrillic woff2 subset, loaded only then);
// leaving restores the widget; without the Fullscreen API a fixed overlay
// does the same and Escape closes it. Decks load the same fonts; a plain
// page never does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, startServer, launchBrowser, openPage, waitForWidgets, screenshot } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  server.routes.set('/full.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="/opeka/opeka.js"></script></head>
<body style="margin: 0 auto; padding: 16px; max-width: 960px; font-family: sans-serif">
<h1>Получатели услуг</h1>
<opeka-chart id="chart" src="/feeds/kuzbass-caseload.json" view="trend" height="320"></opeka-chart>
<opeka-chart id="en" src="/feeds/kuzbass-caseload.json" view="ranking" lang="en"></opeka-chart>
<opeka-chart id="bare" src="/feeds/kuzbass-accident-families.json" controls="none"></opeka-chart>
</body></html>`,
  });
  server.routes.set('/deck.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<script type="module" src="/opeka/opeka-deck.js"></script></head>
<body style="margin:0"><opeka-deck id="deck" src="/examples/decks/ceremony.json" style="height:100vh;aspect-ratio:auto"></opeka-deck></body></html>`,
  });
});
after(async () => { await browser?.close(); await server?.close(); });

const FONTS = ['/opeka/opeka-sans-regular.woff2', '/opeka/opeka-sans-bold.woff2'];

/** The font size of widget `id`'s tooltip and the height of each swatch in it, px. */
const tipType = (page, id) => page.evaluate((sel) => {
  const tip = document.querySelector(`#${sel}`).shadowRoot.querySelector('.opeka-tip');
  return { font: parseFloat(getComputedStyle(tip).fontSize), swatches: [...tip.querySelectorAll('svg')].map((svg) => svg.getBoundingClientRect().height) };
}, id);

/** The widget's state: its attributes, the drawn SVG's size and title type, the button, the fonts. */
const state = (page, id = 'chart') => page.evaluate((sel) => {
  const host = document.querySelector(sel);
  const root = host.shadowRoot;
  const svg = root.querySelector('.opeka-svg svg');
  const sizes = [...svg.querySelectorAll('text')].map((t) => Number.parseFloat(t.getAttribute('font-size')) || 0);
  const r = host.getBoundingClientRect();
  const full = root.querySelector('[name=full]');
  return {
    full: document.fullscreenElement === host,
    overlay: host.getAttribute('data-full') === 'overlay',
    medium: host.getAttribute('medium'),
    height: host.getAttribute('height'),
    svgWidth: Number(svg.getAttribute('width')),
    svgHeight: Number(svg.getAttribute('height')),
    largest: Math.max(...sizes),
    button: full?.textContent ?? null,
    buttonShown: Boolean(full?.offsetParent),
    pressed: full?.getAttribute('aria-pressed') ?? null,
    box: { x: r.x, y: r.y, width: r.width, height: r.height, position: getComputedStyle(host).position },
    font: getComputedStyle(svg.querySelector('text')).fontFamily,
    loaded: [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Opeka Sans' && f.status === 'loaded').map((f) => f.weight).sort(),
  };
}, `#${id}`);

const rendered = (page) => page.evaluate(() => window.__opeka.rendered.length);
const untilRenderedMore = (page, n) => page.waitForFunction((k) => window.__opeka.rendered.length > k, n, { timeout: 20000 });

test('the button: full screen in the slide medium and PT Sans, the fonts loaded only now; leaving restores', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/full.html`, { viewport: { width: 1920, height: 1080 } });
  await waitForWidgets(page, 3);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const before = await state(page);
  assert.equal(before.button, 'На весь экран');
  assert.equal((await state(page, 'en')).button, 'Full screen');
  assert.equal((await state(page, 'bare')).buttonShown, false, 'controls="none" hides it with the menu');
  assert.equal(before.medium, null);
  assert.equal(before.svgHeight, 320);
  assert.deepEqual(before.loaded, [], 'no web font before');
  await screenshot(page, 'fullscreen-page-1920');

  let n = await rendered(page);
  await page.locator('#chart').locator('[name=full]').click();
  await page.waitForFunction(() => document.fullscreenElement === document.querySelector('#chart'), null, { timeout: 10000 });
  await page.waitForFunction(() => document.querySelector('#chart').getAttribute('medium') === 'slide', null, { timeout: 10000 });
  await untilRenderedMore(page, n);
  await page.waitForTimeout(300);
  const full = await state(page);
  assert.equal(full.full, true, 'document.fullscreenElement is the widget');
  assert.equal(full.pressed, 'true');
  assert.equal(full.medium, 'slide');
  assert.equal(full.svgWidth > 1800, true, `the chart takes the screen's width (${full.svgWidth})`);
  assert.ok(full.svgHeight > 900 && full.svgHeight <= 1080, `and nearly its height (${full.svgHeight})`);
  assert.ok(full.largest >= 1.6 * before.largest, `the title's type is much larger (${before.largest} → ${full.largest})`);
  assert.ok(FONTS.every((f) => fetched.includes(f)), `both fonts requested (${fetched.join(' ')})`);
  assert.deepEqual(full.loaded, ['400', '700'], 'PT Sans (as Opeka Sans) regular and bold loaded');
  assert.match(full.font, /^"?Opeka Sans"?, "?PT Sans"?/, 'and the chart is drawn in it');
  // A period's tooltip grows with the chart: its type and its swatches.
  const svg = await page.locator('#chart .opeka-svg').boundingBox();
  await page.mouse.move(svg.x + svg.width * 0.5, svg.y + svg.height * 0.6);
  await page.waitForFunction(() => !document.querySelector('#chart').shadowRoot.querySelector('.opeka-tip').hidden, null, { timeout: 10000 });
  const tip = await tipType(page, 'chart');
  assert.ok(tip.font >= 30, `the tooltip's type at 1 920 px: ${tip.font} px (13 on the page)`);
  assert.ok(tip.swatches.length === 4 && tip.swatches.every((h) => Math.abs(h - 1.2 * tip.font) < 1), `a swatch a line tall on each row: ${tip.swatches}`);
  // What the screen shows (a full-page shot would add the page under it).
  await page.screenshot({ path: join(ARTIFACTS, 'fullscreen-1920.png') });

  // The button again leaves.
  n = await rendered(page);
  await page.locator('#chart').locator('[name=full]').click();
  await page.waitForFunction(() => document.fullscreenElement === null, null, { timeout: 10000 });
  await untilRenderedMore(page, n);
  const after = await state(page);
  assert.equal(after.medium, null, 'medium restored');
  assert.equal(after.height, '320', 'height restored');
  assert.equal(after.svgHeight, 320);
  assert.equal(after.largest, before.largest, 'the screen medium again');
  const box = await page.locator('#chart .opeka-svg').boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6);
  await page.waitForFunction(() => !document.querySelector('#chart').shadowRoot.querySelector('.opeka-tip').hidden, null, { timeout: 10000 });
  assert.equal((await tipType(page, 'chart')).font, 13, "the page's tooltip again");
  assert.equal(after.pressed, null);

  // Leaving by the browser (Escape, F11): fullscreenchange restores too.
  await page.locator('#chart').locator('[name=full]').click();
  await page.waitForFunction(() => document.querySelector('#chart').getAttribute('medium') === 'slide', null, { timeout: 10000 });
  await page.evaluate(() => document.exitFullscreen());
  await page.waitForFunction(() => document.querySelector('#chart').getAttribute('medium') === null, null, { timeout: 10000 });
  assert.equal((await state(page)).height, '320');
  assert.deepEqual(errors, []);
  await context.close();
});

test('f on a focused widget toggles its full screen; not on a widget without controls', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/full.html`, { viewport: { width: 1280, height: 800 } });
  await waitForWidgets(page, 3);
  await page.locator('#bare').locator('.opeka-svg').focus();
  await page.keyboard.press('f');
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => document.fullscreenElement), null, 'controls="none": f does nothing');
  await page.locator('#chart').locator('.opeka-svg').focus();
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement === document.querySelector('#chart'), null, { timeout: 10000 });
  await page.waitForFunction(() => document.querySelector('#chart').getAttribute('medium') === 'slide', null, { timeout: 10000 });
  const full = await state(page);
  assert.equal(full.box.width, 1280);
  assert.equal(full.box.height, 800);
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement === null && document.querySelector('#chart').getAttribute('medium') === null, null, { timeout: 10000 });
  assert.equal((await state(page)).height, '320');
  assert.deepEqual(errors, []);
  await context.close();
});

test('without the Fullscreen API (iPhone Safari) a fixed overlay covers the viewport; Escape closes it', async () => {
  const { page, context: ctx, errors } = await openPage(browser, `${server.url}/full.html`, { viewport: { width: 375, height: 740 } });
  await page.addInitScript(() => { delete Element.prototype.requestFullscreen; });
  await page.reload();
  await waitForWidgets(page, 3);
  assert.equal(await page.evaluate(() => typeof Element.prototype.requestFullscreen), 'undefined');
  await screenshot(page, 'fullscreen-page-375');
  await page.evaluate(() => window.scrollTo(0, 200));
  await page.locator('#chart').locator('[name=full]').click();
  await page.waitForFunction(() => document.querySelector('#chart').getAttribute('medium') === 'screen', null, { timeout: 10000 });
  await page.waitForTimeout(300);
  const over = await state(page);
  assert.equal(over.overlay, true);
  assert.deepEqual(over.box, { x: 0, y: 0, width: 375, height: 740, position: 'fixed' }, 'the overlay covers the viewport');
  assert.deepEqual(over.loaded, ['400', '700']);
  assert.equal(over.medium, 'screen', 'a phone upright keeps the page type, as decks do below 768 px');
  assert.ok(over.svgHeight > 600, `the chart takes the screen's height (${over.svgHeight})`);
  await page.screenshot({ path: join(ARTIFACTS, 'fullscreen-overlay-375.png') });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('#chart').getAttribute('medium') === null, null, { timeout: 10000 });
  const back = await state(page);
  assert.equal(back.overlay, false);
  assert.equal(back.box.position, 'static');
  assert.equal(back.height, '320');
  // A wide screen without the API: the overlay in the slide medium.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('#chart').locator('[name=full]').click();
  await page.waitForFunction(() => document.querySelector('#chart').getAttribute('medium') === 'slide', null, { timeout: 10000 });
  await page.waitForTimeout(300);
  const wide = await state(page);
  assert.deepEqual(wide.box, { x: 0, y: 0, width: 1280, height: 800, position: 'fixed' });
  assert.ok(wide.largest >= 1.6 * back.largest, `slide type (${back.largest} → ${wide.largest})`);
  await page.screenshot({ path: join(ARTIFACTS, 'fullscreen-overlay-1280.png') });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('#chart').getAttribute('medium') === null, null, { timeout: 10000 });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a plain page never requests the fonts, nor the lazy module', async () => {
  const { page, context } = await openPage(browser, `${server.url}/full.html`);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.reload();
  await waitForWidgets(page, 3);
  await page.waitForLoadState('networkidle');
  assert.ok(fetched.includes('/opeka/opeka_bg.wasm'));
  assert.deepEqual(fetched.filter((p) => /woff2|extras/.test(p)), []);
  assert.deepEqual(await page.evaluate(() => [...document.fonts].map((f) => f.family)), []);
  await screenshot(page, 'fullscreen-page-1280');
  await context.close();
});

test('a deck loads PT Sans before its slides, and the podium shows its cards', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/deck.html`, { viewport: { width: 1920, height: 1080 } });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.reload();
  await waitForWidgets(page, 4);
  assert.ok(FONTS.every((f) => fetched.includes(f)), 'both fonts requested');
  const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight}`).sort());
  assert.deepEqual(loaded, ['Opeka Sans 400', 'Opeka Sans 700']);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(700);
  const podium = await page.evaluate(() => {
    const root = document.querySelector('opeka-deck').shadowRoot;
    const chart = root.querySelector('.slide[data-current] opeka-chart');
    const svg = chart.shadowRoot.querySelector('.opeka-svg svg');
    return {
      view: chart.getAttribute('view'),
      font: getComputedStyle(svg.querySelector('text')).fontFamily,
      texts: [...svg.querySelectorAll('text')].map((t) => t.textContent),
    };
  });
  assert.equal(podium.view, 'podium');
  assert.match(podium.font, /^"?Opeka Sans"?/);
  await screenshot(page, 'deck-podium-pt-sans-1920');
  // Every place, in the contrast theme's type scaled to fit the slide (the
  // third card once fell off it), and no pointer to a table a slide lacks.
  const texts = podium.texts.map((t) => t.trim().replace(/\s+/gu, ' '));
  for (const text of ['1 место', 'Юлия Владимировна Лякина', '2 место', 'Елена Сергеевна Покачалова', '3 место', 'Светлана Валерьевна Дедова']) {
    assert.ok(texts.includes(text), `the podium shows «${text}» (${texts.join(' | ')})`);
  }
  assert.ok(!texts.some((t) => t.includes('таблиц')), texts.join(' | '));
  assert.deepEqual(errors, []);
  await context.close();
});
