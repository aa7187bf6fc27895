// The iframe page draws feeds of its own origin, and of the origins the
// site lists in embed-config.json beside it; any other feed gets a clear
// message. The README's height snippet (examples/cms-page.js) listens to
// its own origin only and keeps heights within 120–4000 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage } from './harness.mjs';
import { startFaultServer } from './fault-server.mjs';

let server;
let other;
let browser;
before(async () => { server = await startServer(); other = await startFaultServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await other?.close(); await server?.close(); });

const CONFIG = '/opeka/embed-config.json';

/** Opens embed.html with `query`; resolves to what it shows once it shows something. */
async function openEmbed(query) {
  const { page, context, errors } = await openPage(browser, `${server.url}/opeka/embed.html?${query}`);
  await page.waitForFunction(() => document.querySelector('.opeka-refused') || document.querySelector('opeka-chart')?.shadowRoot?.querySelector('svg'), null, { timeout: 20000 });
  const shown = await page.evaluate(() => ({
    refused: document.querySelector('.opeka-refused')?.textContent ?? null,
    chart: !!document.querySelector('opeka-chart')?.shadowRoot?.querySelector('svg'),
  }));
  return { page, context, errors, shown };
}

test('embed.html refuses a feed of another origin without embed-config.json, in the page language', async () => {
  server.routes.delete(CONFIG);
  const before = other.faults.count('good');
  const ru = await openEmbed(`src=${encodeURIComponent(`${other.url}/fault/good`)}&lang=ru`);
  assert.equal(ru.shown.chart, false);
  assert.equal(ru.shown.refused, `Этот сайт не показывает данные с ${other.url}: источник не указан в embed-config.json.`);
  await ru.context.close();
  const en = await openEmbed(`src=${encodeURIComponent(`${other.url}/fault/good`)}&lang=en`);
  assert.match(en.shown.refused, new RegExp(`^This site does not show data from ${other.url.replace(/[.]/g, '\\.')}`));
  await en.context.close();
  assert.equal(other.faults.count('good'), before, 'the refused feed was never fetched');

  // Its own origin needs no config.
  const own = await openEmbed('src=/fault/good&lang=ru');
  assert.equal(own.shown.chart, true);
  assert.deepEqual(own.errors, []);
  await own.context.close();
});

test('embed.html draws a feed of an origin listed in embed-config.json, and only that one', async () => {
  server.routes.set(CONFIG, { body: JSON.stringify({ feeds: [other.url] }), type: 'application/json' });
  try {
    const listed = await openEmbed(`src=${encodeURIComponent(`${other.url}/fault/good`)}&lang=ru`);
    assert.equal(listed.shown.chart, true);
    assert.equal(listed.shown.refused, null);
    await listed.context.close();

    const unlisted = await openEmbed(`src=${encodeURIComponent('http://localhost:9/feed.json')}&lang=en`);
    assert.match(unlisted.shown.refused, /http:\/\/localhost:9/);
    await unlisted.context.close();
  } finally {
    server.routes.delete(CONFIG);
  }
});

test('the height snippet ignores other origins and keeps heights within 120–4000 px', async () => {
  const { page, context } = await openPage(browser, `${server.url}/examples/cms-page.html`);
  const frame = await (await page.$('#frame-outcomes')).contentFrame();
  await frame.waitForFunction(() => document.querySelector('opeka-chart')?.shadowRoot?.querySelector('svg'), null, { timeout: 20000 });

  // A frame of the page's own origin posting absurd heights is kept within bounds.
  await frame.evaluate(() => parent.postMessage({ type: 'opeka-height', height: 99999 }, '*'));
  await page.waitForFunction(() => document.querySelector('#frame-outcomes').getBoundingClientRect().height === 4000);
  await frame.evaluate(() => parent.postMessage({ type: 'opeka-height', height: 3 }, '*'));
  await page.waitForFunction(() => document.querySelector('#frame-outcomes').getBoundingClientRect().height === 120);

  // A frame of another origin cannot resize itself.
  await page.evaluate((src) => new Promise((ok) => {
    const f = document.createElement('iframe');
    f.id = 'foreign';
    f.style.height = '200px';
    f.src = src;
    f.onload = ok;
    document.body.append(f);
  }), `${other.url}/fault/poster.html`);
  // The foreign frame's message and a same-origin control message are handled in order.
  await frame.evaluate(() => parent.postMessage({ type: 'opeka-height', height: 300 }, '*'));
  await page.waitForFunction(() => document.querySelector('#frame-outcomes').getBoundingClientRect().height === 300);
  assert.equal(await page.evaluate(() => document.querySelector('#foreign').style.height), '200px', 'the foreign frame kept its height');
  await context.close();
});
