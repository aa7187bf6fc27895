// examples/leptos-app, built by Trunk: three OpekaChart components whose view
// and language follow the page's select boxes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, openPage, screenshot, recordDrawn } from './harness.mjs';
import { generatedCaseload, generatedOutcomes } from '../bench/big-feed-bench.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ mounts: [['/leptos-app/', join(ROOT, 'examples', 'leptos-app', 'dist')]] });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

/** What each chart shows: its SVG's title, width and lines, or its error. */
const readCharts = (page) => page.$$eval('.opeka-chart', (charts) => charts.map((chart) => {
  const root = chart.shadowRoot;
  const svg = root?.querySelector('svg');
  return {
    title: svg?.querySelector('title')?.textContent ?? null,
    width: svg ? Number(svg.getAttribute('width')) : 0,
    height: svg ? Number(svg.getAttribute('height')) : 0,
    boxWidth: chart.getBoundingClientRect().width,
    lines: root?.querySelectorAll('svg polyline').length ?? 0,
    error: root?.querySelector('.opeka-error')?.textContent ?? null,
  };
}));

const drawn = (page, test) => page.waitForFunction(test, null, { timeout: 20000 });

test('the Leptos example draws three charts that follow the view and language selects', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/leptos-app/`);
  await drawn(page, () => [...document.querySelectorAll('.opeka-chart')].filter((c) => c.shadowRoot?.querySelector('svg')).length === 3);
  let charts = await readCharts(page);
  assert.equal(charts.length, 3);
  assert.equal(charts[0].title, 'Получатели социальных услуг в Кузбассе');
  for (const chart of charts) {
    assert.equal(chart.error, null);
    assert.ok(chart.lines > 0, 'trend lines drawn');
    assert.ok(Math.abs(chart.width - chart.boxWidth) <= 1, `the chart fills its box: ${chart.width} vs ${chart.boxWidth}`);
  }
  assert.equal(charts[2].height, 300, 'the third chart keeps its fixed height');

  await page.selectOption('#view', 'ranking');
  await drawn(page, () => [...document.querySelectorAll('.opeka-chart')].every((c) => c.shadowRoot?.querySelector('svg') && !c.shadowRoot.querySelector('svg polyline')));
  charts = await readCharts(page);
  assert.ok(charts.every((c) => c.lines === 0), 'bars, not lines');

  await page.selectOption('#lang', 'en');
  await drawn(page, () => document.querySelector('.opeka-chart').shadowRoot.querySelector('svg title')?.textContent === 'People receiving social services in Kuzbass');
  assert.equal(await page.textContent('h1'), 'Opeka in a Leptos app');
  await page.selectOption('#lang', 'ru');
  await page.selectOption('#view', 'trend');
  await drawn(page, () => document.querySelector('.opeka-chart').shadowRoot.querySelector('svg title')?.textContent === 'Получатели социальных услуг в Кузбассе');
  await screenshot(page, 'leptos-app-1280');

  // A phone: the charts narrow with the page, nothing scrolls sideways.
  await page.setViewportSize({ width: 360, height: 800 });
  await drawn(page, () => [...document.querySelectorAll('.opeka-chart')].every((c) => {
    const svg = c.shadowRoot?.querySelector('svg');
    return svg && Math.abs(Number(svg.getAttribute('width')) - Math.max(240, Math.floor(c.getBoundingClientRect().width))) <= 1;
  }));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px on a phone`);
  await screenshot(page, 'leptos-app-360');
  assert.deepEqual(errors, []);
  await context.close();
});

test('while their feeds download, the Leptos charts warm up once, unseen, and then draw their feeds', async () => {
  const { page, context, errors } = await openPage(browser, 'about:blank');
  try {
    await recordDrawn(page);
    // The feeds held a second: the app is up and waiting for them.
    await page.route('**/feeds/*.json', async (route) => { await new Promise((ok) => setTimeout(ok, 1000)); await route.continue(); });
    await page.goto(`${server.url}/leptos-app/`);
    await drawn(page, () => [...document.querySelectorAll('.opeka-chart')].filter((c) => c.shadowRoot?.querySelector('.opeka-svg svg polyline')).length === 3);
    await page.waitForTimeout(300);
    const { drawnTitles, shown } = await page.evaluate(() => ({ drawnTitles: window.__drawn, shown: [...window.__shown] }));
    const titles = (await readCharts(page)).map((c) => c.title);
    assert.equal(titles[0], 'Получатели социальных услуг в Кузбассе');
    assert.equal(drawnTitles[0], 'Ж', `the warm-up feed's chart first: ${drawnTitles}`);
    assert.equal(drawnTitles.filter((t) => t === 'Ж').length, 1, 'one warm-up for the app\'s three charts');
    assert.deepEqual(drawnTitles.slice(1).sort(), [...titles].sort(), 'then each chart\'s feed, once');
    assert.ok(!shown.includes('Ж'), `no frame showed the warm-up chart: ${shown}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a feed read on the app\'s main thread is validated in the task that read it and drawn in a later one', async () => {
  const { page, context, errors } = await openPage(browser, 'about:blank');
  try {
    await recordDrawn(page, true);
    await page.goto(`${server.url}/leptos-app/`);
    await drawn(page, () => [...document.querySelectorAll('.opeka-chart')].filter((c) => c.shadowRoot?.querySelector('.opeka-svg svg polyline')).length === 3);
    const { drawnIn, bodyIn } = await page.evaluate(() => ({ drawnIn: window.__drawnIn, bodyIn: window.__bodyIn }));
    const titles = (await readCharts(page)).map((c) => c.title);
    assert.equal(titles[0], 'Получатели социальных услуг в Кузбассе');
    assert.ok(bodyIn.length >= 1, 'a feed\'s body was read');
    for (const title of titles) {
      assert.ok(drawnIn[title] > Math.min(...bodyIn), `${title}: drawn in task ${drawnIn[title]}, after the body's (${bodyIn})`);
      assert.ok(!bodyIn.includes(drawnIn[title]), `${title}: drawn in task ${drawnIn[title]}, which read a body (${bodyIn})`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the Leptos charts have the same downloads menu, loaded from beside the app', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/leptos-app/`);
  await drawn(page, () => [...document.querySelectorAll('.opeka-chart')].filter((c) => c.shadowRoot?.querySelector('svg')).length === 3);
  assert.ok(!server.requests.some((r) => r.endsWith('opeka-extras.js')), 'nothing of the menu before it is opened');
  const chart = page.locator('.opeka-chart').first();
  await chart.locator('.opeka-menu > [aria-haspopup]').click();
  await chart.locator('[role="menu"]').waitFor();
  assert.deepEqual(await chart.locator('[role="menuitem"]').allTextContents(), ['Рисунок PNG', 'Рисунок SVG', 'Таблица CSV']);
  assert.deepEqual(server.requests.filter((r) => r.endsWith('opeka-extras.js')), ['/leptos-app/opeka-extras.js']);
  const [download] = await Promise.all([page.waitForEvent('download'), chart.locator('[role="menuitem"]', { hasText: 'Таблица CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'kuzbass-caseload-trend.csv');
  const bytes = await readFile(await download.path());
  const lines = bytes.toString('utf8').split('\r\n');
  assert.equal(lines[0], '\ufeffПериод;Социальное обслуживание на дому;Полустационарное обслуживание;Стационарное обслуживание;Срочное социальное обслуживание');
  const table = await chart.evaluate((el) => [...el.shadowRoot.querySelectorAll('.opeka-table tbody tr')].length);
  assert.ok(table > 0, 'the download built the table, never opened');
  assert.equal(lines.length, table + 2, 'the header, a line per row, and the last line end');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Leptos chart goes full screen in the slide medium, by its button and by f, and comes back', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/leptos-app/`, { viewport: { width: 1920, height: 1080 } });
  await drawn(page, () => [...document.querySelectorAll('.opeka-chart')].filter((c) => c.shadowRoot?.querySelector('svg')).length === 3);
  const chart = page.locator('.opeka-chart').first();
  const state = () => chart.evaluate((el) => {
    const svg = el.shadowRoot.querySelector('.opeka-svg svg');
    const sizes = [...svg.querySelectorAll('text')].map((t) => Number.parseFloat(t.getAttribute('font-size')) || 0);
    return { full: document.fullscreenElement === el, height: Number(svg.getAttribute('height')), largest: Math.max(...sizes) };
  });
  const before = await state();
  assert.equal(before.full, false);
  assert.ok(before.largest < 40, `the page's title is ${before.largest} px`);
  for (const press of ['button', 'f']) {
    if (press === 'button') await chart.locator('[name=full]').click();
    else {
      await chart.locator('.opeka-svg').focus();
      await page.keyboard.press('f');
    }
    // Full screen asks for the slide medium at the screen's height (the holder's attributes)
    // once its fonts are in; the chart is drawn so. (Its width alone redraws it taller first.)
    await page.waitForFunction(() => {
      const el = document.querySelector('.opeka-chart');
      const svg = el.shadowRoot.querySelector('.opeka-svg svg');
      const asked = Number(el.getAttribute('height'));
      return document.fullscreenElement === el && el.getAttribute('medium') === 'slide' && asked > 700 && Number(svg.getAttribute('height')) === asked;
    }, null, { timeout: 20000 });
    // A slide's title reads from the back of the room.
    const shown = await state();
    assert.ok(shown.largest >= 40, `${press}: the slide's title is ${shown.largest} px`);
    if (press === 'button') await screenshot(page, 'leptos-fullscreen-1920');
    await page.evaluate(() => document.exitFullscreen());
    await page.waitForFunction((h) => {
      const svg = document.querySelector('.opeka-chart').shadowRoot.querySelector('.opeka-svg svg');
      return !document.fullscreenElement && Number(svg.getAttribute('height')) === h;
    }, before.height, { timeout: 20000 });
    assert.deepEqual(await state(), before, `${press}: leaving restores the chart`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a big feed streams to the worker as it is read: the chart read on the main thread, off it; a broken one names its problems by path', async () => {
  // The app's first and third charts read one feed of 1.2 MB, the second a
  // broken one; where the worker's files are not there (served as text),
  // the app reads both on its main thread.
  const feed = generatedCaseload(300);
  // The third unit renamed where it is declared: its records name a unit the feed does not have.
  const broken = feed.replace('"district-3"', '"no-such-district"');
  server.routes.set('/leptos-app/feeds/kuzbass-caseload.json', { body: feed, type: 'application/json' });
  server.routes.set('/leptos-app/feeds/kuzbass-accident-families.json', { body: broken, type: 'application/json' });
  const load = async (refused) => {
    for (const file of refused) server.routes.set(`/leptos-app/${file}`, { body: 'export {};', type: 'text/plain' });
    const from = server.requests.length;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    const warnings = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    // What the app posts to a worker: a body's chunk ([-body, chunk,
    // size]), with its length, and a feed asked for ([id, bytes or a
    // streamed body's number, view]), with its view and how it is given.
    await page.addInitScript(() => {
      window.__asked = [];
      window.__chunks = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (message, ...rest) {
        const [id, body, view] = Array.isArray(message) ? message : [];
        if (id > 0) window.__asked.push(`${view} by ${typeof body === 'number' ? 'number' : body instanceof Uint8Array ? 'bytes' : typeof body}`);
        if (id < 0 && body) window.__chunks.push(body.length);
        return post.call(this, message, ...rest);
      };
    });
    await page.goto(`${server.url}/leptos-app/`);
    await drawn(page, () => {
      const [a, b, c] = document.querySelectorAll('.opeka-chart');
      return a?.shadowRoot?.querySelector('svg') && c?.shadowRoot?.querySelector('svg') && b?.shadowRoot?.querySelector('.opeka-error');
    });
    const read = () => page.$$eval('.opeka-chart', (charts) => charts.map((chart) => ({
      svg: chart.shadowRoot.querySelector('.opeka-svg svg')?.outerHTML ?? null,
      summary: chart.shadowRoot.querySelector('[role="img"]')?.getAttribute('aria-label') ?? null,
      error: chart.shadowRoot.querySelector('.opeka-error')?.textContent ?? null,
    })));
    const trend = await read();
    await page.selectOption('#view', 'ranking');
    await drawn(page, () => [0, 2].every((i) => {
      const svg = document.querySelectorAll('.opeka-chart')[i].shadowRoot.querySelector('.opeka-svg svg');
      return svg && !svg.querySelector('polyline') && svg.querySelector('rect');
    }));
    const ranking = await read();
    const { asked, chunks } = await page.evaluate(() => ({ asked: window.__asked, chunks: window.__chunks }));
    const loaded = server.requests.slice(from).map((r) => r.split('/').pop());
    await context.close();
    for (const file of refused) server.routes.delete(`/leptos-app/${file}`);
    return { trend, ranking, asked, chunks, loaded, errors, warnings };
  };
  try {
    const off = await load(['opeka-worker-host.js', 'opeka-worker.js']);
    const on = await load([]);

    assert.deepEqual(on.errors, []);
    assert.deepEqual(off.errors, []);
    // The worker read each big feed once for each view: the two charts of
    // one feed share an ask; the broken feed. Each body came to it in
    // chunks as it was read (the two charts of one feed share one), and was
    // asked for by its number, never posted whole from the app's copy.
    assert.deepEqual(on.asked, ['trend by number', 'trend by number', 'ranking by number'], 'asked of the worker');
    assert.equal(on.chunks.reduce((sum, length) => sum + length, 0), Buffer.byteLength(feed) + Buffer.byteLength(broken), 'streamed to the worker');
    assert.ok(on.loaded.includes('opeka_worker_bg.wasm'), 'the worker loaded its module');
    assert.deepEqual(on.warnings.filter((w) => w.includes('opeka-worker-host.js')), []);
    assert.deepEqual(off.asked, [], 'no worker where its files are not there');
    assert.ok(!off.loaded.includes('opeka_worker_bg.wasm'));
    assert.equal(off.warnings.filter((w) => w.startsWith('opeka-leptos: could not load opeka-worker-host.js')).length, 1, off.warnings.join('\n'));

    // What a reader gets is the same either way.
    for (const view of ['trend', 'ranking']) {
      for (const i of [0, 2]) {
        assert.ok(on[view][i].svg?.includes('Обращения за социальной поддержкой'), `${view} ${i}: the big feed's chart`);
        assert.equal(on[view][i].svg, off[view][i].svg, `${view} ${i}: the same SVG`);
        assert.equal(on[view][i].summary, off[view][i].summary, `${view} ${i}: the same summary`);
      }
    }
    assert.equal(on.trend[0].svg.match(/<polyline/g).length, 4, 'four categories');
    // The broken feed's problems, by their paths, as the main thread words them.
    assert.equal(on.trend[1].error, off.trend[1].error);
    assert.ok(on.trend[1].error.startsWith('Не удалось показать график: в данных есть ошибки.'), on.trend[1].error.slice(0, 200));
    assert.ok(on.trend[1].error.includes('records[8].unit: "district-3" не объявлен в units'), on.trend[1].error.slice(0, 200));
  } finally {
    server.routes.delete('/leptos-app/feeds/kuzbass-caseload.json');
    server.routes.delete('/leptos-app/feeds/kuzbass-accident-families.json');
  }
});

test('a big outcomes feed comes to a Leptos chart from the worker in slices of its projects, a task each, and is drawn as on the main thread', async () => {
  // 1 200 projects (1.2 MB) for all three charts: the worker reduces them
  // in three slices of about 512 KiB (crates/chart/src/reduce.rs), which the
  // component validates one a task and joins.
  const feed = generatedOutcomes(1200);
  for (const name of ['kuzbass-caseload', 'kuzbass-accident-families']) {
    server.routes.set(`/leptos-app/feeds/${name}.json`, { body: feed, type: 'application/json' });
  }
  const load = async (refused) => {
    for (const file of refused) server.routes.set(`/leptos-app/${file}`, { body: 'export {};', type: 'text/plain' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    // Each reduction's slices, as the worker answers them: one, and one
    // more after each 0 byte and its four of the next slice's record count.
    await page.addInitScript(() => {
      window.__slices = [];
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', ({ data: [id, answer] }) => {
            const packed = answer?.[0];
            if (id > 0 && packed instanceof Uint8Array) window.__slices.push(1 + packed.subarray(4).filter((b) => b === 0).length / 5);
          });
        }
      };
    });
    await page.goto(`${server.url}/leptos-app/`);
    // All three charts drawn: not `every` of none, which a page under load
    // answers before the app has mounted them (the charts then read empty).
    await drawn(page, () => {
      const charts = document.querySelectorAll('.opeka-chart');
      return charts.length === 3 && [...charts].every((c) => c.shadowRoot?.querySelector('.opeka-svg svg'));
    });
    const charts = await page.$$eval('.opeka-chart', (all) => all.map((chart) => ({
      svg: chart.shadowRoot.querySelector('.opeka-svg svg')?.outerHTML ?? null,
      summary: chart.shadowRoot.querySelector('[role="img"]')?.getAttribute('aria-label') ?? null,
    })));
    const slices = await page.evaluate(() => window.__slices);
    await context.close();
    for (const file of refused) server.routes.delete(`/leptos-app/${file}`);
    return { charts, slices, errors };
  };
  try {
    const off = await load(['opeka-worker-host.js', 'opeka-worker.js']);
    const on = await load([]);
    assert.deepEqual(on.errors, []);
    assert.deepEqual(off.errors, []);
    // One ask a feed and view (the first and third charts share one), each in three slices.
    assert.deepEqual(on.slices, [3, 3]);
    assert.deepEqual(off.slices, []);
    for (const i of [0, 1, 2]) {
      assert.ok(on.charts[i].svg?.includes('Проект номер 0'), `${i}: the first project drawn`);
      assert.match(on.charts[i].summary.replaceAll('\u00a0', ' '), /и ещё 2 350 показателей/, `${i}: every indicator counted`);
      assert.equal(on.charts[i].svg, off.charts[i].svg, `${i}: the same SVG`);
      assert.equal(on.charts[i].summary, off.charts[i].summary, `${i}: the same summary`);
    }
  } finally {
    server.routes.delete('/leptos-app/feeds/kuzbass-caseload.json');
    server.routes.delete('/leptos-app/feeds/kuzbass-accident-families.json');
  }
});
