// The iframe form on a CMS page: each frame draws its chart and the host's
// resize snippet (examples/cms-page.js, from the README) fits the frame to it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, screenshot, timesAsked, initiators } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The chart inside a frame, once drawn, and the height the frame page posts. */
async function frameState(page, id) {
  const handle = await page.$(`#${id}`);
  const content = await handle.contentFrame();
  await content.waitForFunction(() => document.querySelector('opeka-chart')?.shadowRoot?.querySelector('svg'), null, { timeout: 20000 });
  const inside = await content.evaluate(() => {
    const svg = document.querySelector('opeka-chart').shadowRoot.querySelector('svg');
    return { svgHeight: Number(svg.getAttribute('height')), docHeight: Math.ceil(document.documentElement.getBoundingClientRect().height), texts: [...svg.querySelectorAll('text')].map((t) => t.textContent.trim()) };
  });
  return { content, inside };
}

test('each CMS frame draws its chart and its height follows the posted opeka-height', async () => {
  const from = server.requests.length;
  const { page, context, errors } = await openPage(browser, `${server.url}/examples/cms-page.html`, { viewport: { width: 900, height: 900 } });
  for (const id of ['frame-outcomes', 'frame-caseload', 'frame-awards']) {
    const { inside } = await frameState(page, id);
    assert.ok(inside.svgHeight > 100, `${id}: the chart is inside the frame`);
    // The snippet sets the frame's height to the posted one: the whole chart shows, nothing scrolls.
    await page.waitForFunction(([sel, h]) => Math.abs(document.querySelector(sel).getBoundingClientRect().height - h) <= 1, [`#${id}`, inside.docHeight], { timeout: 10000 });
    const frameHeight = await page.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().height, `#${id}`);
    assert.ok(frameHeight >= inside.svgHeight, `${id}: frame ${frameHeight}px holds the ${inside.svgHeight}px chart`);
    assert.notEqual(frameHeight, 150, `${id}: resized from the CSS default`);
  }
  // embed.html preloads the module: each frame asks for it once, the preload's answer taken.
  assert.equal(timesAsked(server, from, '/opeka/opeka_bg.wasm'), 3, 'one request for the module per frame');
  const frames = page.frames().filter((f) => f.url().includes('/opeka/embed.html'));
  assert.deepEqual(await Promise.all(frames.map((f) => initiators(f, ['/opeka_bg.wasm']))), [['link'], ['link'], ['link']], 'asked for by the preload');
  const awards = await frameState(page, 'frame-awards');
  assert.ok(awards.inside.texts.some((t) => /award|Social Worker/i.test(t)), 'lang=en reached the frame');

  // Narrower page: the chart re-lays out, the frame page posts a new height, the frame follows.
  const before = await page.evaluate(() => document.querySelector('#frame-caseload').getBoundingClientRect().height);
  await page.setViewportSize({ width: 380, height: 900 });
  const { content } = await frameState(page, 'frame-caseload');
  await content.waitForFunction(() => document.querySelector('opeka-chart').shadowRoot.querySelector('svg').getAttribute('width') < 400);
  const posted = await content.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction((h) => Math.abs(document.querySelector('#frame-caseload').getBoundingClientRect().height - h) <= 1, posted);
  const after = await page.evaluate(() => document.querySelector('#frame-caseload').getBoundingClientRect().height);
  assert.notEqual(after, before, `the frame height changed with the chart (${before} → ${after})`);
  await screenshot(page, 'cms-page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the frame posts {type: "opeka-height", height} to its parent', async () => {
  const { page, context } = await openPage(browser, `${server.url}/examples/cms-page.html`);
  await frameState(page, 'frame-outcomes');
  let message = page.evaluate(() => new Promise((ok) => {
    addEventListener('message', (e) => { if (e.data?.type === 'opeka-height' && e.data.height > 150) ok(e.data); });
  }));
  await page.setViewportSize({ width: 500, height: 900 });
  message = await message;
  assert.equal(message.type, 'opeka-height');
  assert.equal(typeof message.height, 'number');
  await context.close();
});
