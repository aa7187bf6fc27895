// Live feeds against a faulty server (tests/e2e/fault-server.mjs): a failed
// refresh keeps the chart, marked stale; fetches time out; refresh waits for
// a slow feed and backs off after failures; unchanged data is not redrawn;
// oversized bodies never reach wasm memory; problem lists are capped; a
// listener may remove its element; a BOM is fine and an HTML page is named.
// Time is Playwright's fake clock: no test waits for a refresh interval.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './harness.mjs';
import { feedTitled, GOOD } from './fault-server.mjs';

let server;
let browser;
let faults;
before(async () => {
  server = await startServer();
  faults = server.faults;
  server.routes.set('/live.html', {
    body: '<!doctype html><html lang="ru"><head><meta charset="utf-8"><script type="module" src="/opeka/opeka.js"></script></head><body></body></html>',
  });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

/** 12 March 2026, 10:40 in Moscow: what the stale marker must say. */
const START = new Date('2026-03-12T10:40:00+03:00');
const MB = 1024 * 1024;

/**
 * A blank page with the module, a fake clock from START, and every event
 * recorded; `window.__fetches` keeps the fake time of each fetch of /fault/….
 */
async function openLive() {
  const context = await browser.newContext({ timezoneId: 'Europe/Moscow' });
  const page = await context.newPage();
  const errors = [];
  const consoleMessages = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => consoleMessages.push({ type: m.type(), text: m.text() }));
  await page.clock.install({ time: START });
  await page.addInitScript(() => {
    window.__opeka = { rendered: [], errors: [] };
    const record = (list) => (e) => list.push({ id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail ?? null)) });
    document.addEventListener('opeka-rendered', record(window.__opeka.rendered));
    document.addEventListener('opeka-error', record(window.__opeka.errors));
    window.__fetches = [];
    const fetch = window.fetch;
    window.fetch = function (input, init) {
      const url = String(input?.url ?? input);
      if (url.includes('/fault/')) window.__fetches.push({ url: new URL(url, location.href).pathname, at: Date.now() });
      return fetch.call(this, input, init);
    };
  });
  await page.goto(`${server.url}/live.html`);
  return { page, context, errors, consoleMessages };
}

/** Appends <opeka-chart id=…> with `attributes`. */
function add(page, id, attributes) {
  return page.evaluate(([id, attributes]) => {
    const el = document.createElement('opeka-chart');
    el.id = id;
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    document.body.append(el);
  }, [id, attributes]);
}

const rendered = (page, id) => page.evaluate((id) => window.__opeka.rendered.filter((e) => e.id === id).length, id);
const errorsOf = (page, id) => page.evaluate((id) => window.__opeka.errors.filter((e) => e.id === id).map((e) => e.detail), id);
const until = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 15000 });
const untilRendered = (page, id, n = 1) => until(page, ([id, n]) => window.__opeka.rendered.filter((e) => e.id === id).length >= n, [id, n]);
const untilErrors = (page, id, n = 1) => until(page, ([id, n]) => window.__opeka.errors.filter((e) => e.id === id).length >= n, [id, n]);
/** Text of the first `selector` in the widget's shadow root, or null. */
const shadowText = (page, id, selector) => page.evaluate(([id, selector]) => document.getElementById(id).shadowRoot.querySelector(selector)?.textContent ?? null, [id, selector]);
const hasChart = (page, id) => page.evaluate((id) => !!document.getElementById(id).shadowRoot.querySelector('.opeka-figure:not([hidden]) svg'), id);
/** Polls the server side (requests arrive after the fake clock moved). */
async function serverSees(check) {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((ok) => setTimeout(ok, 20));
  assert.ok(check(), `the server saw the request (${JSON.stringify(faults.log.slice(-8))})`);
}

test('a failed refresh keeps the chart, marked stale in Russian; the next good answer clears the mark', async () => {
  const { page, context, errors } = await openLive();
  await add(page, 'flaky', { src: '/fault/flaky', refresh: '10', lang: 'ru' });
  await untilRendered(page, 'flaky');

  await page.clock.runFor(10_000); // 503
  await untilErrors(page, 'flaky');
  let [error] = await errorsOf(page, 'flaky');
  assert.deepEqual([error.kind, error.status, error.stale], ['network', 503, true]);
  assert.ok(await hasChart(page, 'flaky'), 'the chart stays');
  assert.equal(await shadowText(page, 'flaky', '.opeka-error'), null, 'no error box');
  assert.equal(await shadowText(page, 'flaky', '.opeka-stale:not([hidden]) > span'), 'Данные на 12\u00a0марта, 10:40 — обновить не удалось');
  assert.equal(await shadowText(page, 'flaky', '.opeka-stale:not([hidden]) button'), 'Повторить');

  await page.clock.runFor(20_000); // a cut connection, 20 s later (backing off)
  await untilErrors(page, 'flaky', 2);
  error = (await errorsOf(page, 'flaky'))[1];
  assert.deepEqual([error.kind, error.stale], ['network', true]);
  assert.ok(await hasChart(page, 'flaky'));

  await page.clock.runFor(40_000); // good again
  await until(page, () => !document.getElementById('flaky').shadowRoot.querySelector('.opeka-stale:not([hidden])'));
  assert.ok(await hasChart(page, 'flaky'));
  assert.equal(faults.count('flaky'), 4);
  assert.equal(await rendered(page, 'flaky'), 1, 'the same data again is not redrawn');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an HTML page or a half-written file on refresh marks the chart stale in English; retry clears it', async () => {
  const { page, context } = await openLive();
  faults.state.switch = 'good';
  await add(page, 'portal', { src: '/fault/switch', refresh: '10', lang: 'en' });
  await untilRendered(page, 'portal');

  faults.state.switch = 'html';
  await page.clock.runFor(10_000);
  await untilErrors(page, 'portal');
  let [error] = await errorsOf(page, 'portal');
  assert.deepEqual([error.kind, error.stale], ['invalid', true]);
  assert.equal(error.problems[0].message, 'this is an HTML page, not a feed');
  assert.equal(await shadowText(page, 'portal', '.opeka-stale:not([hidden]) > span'), 'Data as of 12\u00a0March, 10:40 — could not update');
  assert.equal(await shadowText(page, 'portal', '.opeka-stale:not([hidden]) button'), 'Try again');

  faults.state.switch = 'half';
  await page.evaluate(() => document.getElementById('portal').shadowRoot.querySelector('.opeka-stale:not([hidden]) button').click());
  await untilErrors(page, 'portal', 2);
  error = (await errorsOf(page, 'portal'))[1];
  assert.deepEqual([error.kind, error.stale], ['invalid', true]);
  assert.match(error.problems[0].message, /not valid JSON/);
  assert.ok(await hasChart(page, 'portal'));

  faults.state.switch = 'good';
  await page.evaluate(() => document.getElementById('portal').shadowRoot.querySelector('.opeka-stale:not([hidden]) button').click());
  await until(page, () => !document.getElementById('portal').shadowRoot.querySelector('.opeka-stale:not([hidden])'));
  assert.ok(await hasChart(page, 'portal'));
  assert.equal(await rendered(page, 'portal'), 1);
  await context.close();
});

test('a fetch that never ends times out as a network error: 30 s by default, or the timeout attribute', async () => {
  const { page, context, consoleMessages } = await openLive();
  const before = faults.count('hang');
  await add(page, 'hang', { src: '/fault/hang', lang: 'ru' });
  await add(page, 'hang5', { src: '/fault/hang', timeout: '5', lang: 'en' });
  await add(page, 'typo', { src: '/fault/hang', timeout: 'soon' });
  // Three widgets of one feed share one request; each has its own timeout.
  await serverSees(() => faults.count('hang') === before + 1);

  await page.clock.runFor(5_500);
  await untilErrors(page, 'hang5');
  const [early] = await errorsOf(page, 'hang5');
  assert.equal(early.kind, 'network');
  assert.equal(early.stale, false);
  assert.match(early.message, /no answer in 5 s/);
  assert.match(await shadowText(page, 'hang5', '.opeka-error > p'), /The data could not be loaded/);
  assert.deepEqual(await errorsOf(page, 'hang'), [], 'the default is longer than 5 s');

  await page.clock.runFor(25_000);
  await untilErrors(page, 'hang');
  await untilErrors(page, 'typo');
  const [late] = await errorsOf(page, 'hang');
  assert.match(late.message, /no answer in 30 s/);
  assert.match(await shadowText(page, 'hang', '.opeka-error > p'), /Не удалось загрузить данные/);
  assert.ok(await shadowText(page, 'hang', '.opeka-retry'), 'a retry button');
  assert.ok(consoleMessages.some((m) => m.type === 'warning' && m.text.includes('timeout="soon"')), 'a bad timeout is reported');
  await context.close();
});

test('refresh ticks wait for a feed slower than the interval instead of aborting it', async () => {
  const { page, context } = await openLive();
  faults.state.slowVersion = 0;
  faults.state.slowMs = 1500;
  await add(page, 'slow', { src: '/fault/slow', refresh: '10' });
  await untilRendered(page, 'slow');
  const first = faults.count('slow');
  await page.clock.runFor(10_000);
  await serverSees(() => faults.count('slow') === first + 1);
  // Two more intervals pass while the answer is on its way: both ticks are skipped.
  await page.clock.runFor(10_000);
  await page.clock.runFor(10_000);
  await untilRendered(page, 'slow', 2);
  assert.equal(faults.count('slow'), first + 1, 'one request, never aborted');
  const title = await page.evaluate(() => document.getElementById('slow').shadowRoot.querySelector('svg title').textContent);
  assert.equal(title, 'Версия 1');
  await context.close();
});

test('after failures refresh backs off 20, 40 … up to 600 s, and returns to its interval after a success', async () => {
  const { page, context } = await openLive();
  faults.state.switch = 'good';
  await add(page, 'backoff', { src: '/fault/switch', refresh: '10' });
  await untilRendered(page, 'backoff');
  faults.state.switch = '503';
  // The fake times at which the widget fetched, and how many failures it reported.
  const fetchTimes = () => page.evaluate(() => window.__fetches.filter((f) => f.url === '/fault/switch').map((f) => f.at));
  let fetched = (await fetchTimes()).length;
  let failures = 0;
  const step = async () => {
    await page.clock.runFor(2_000);
    const times = await fetchTimes();
    if (times.length > fetched) {
      fetched = times.length;
      if (faults.state.switch === '503') {
        // Its end schedules the next tick: let it end before the clock moves on.
        failures += 1;
        await untilErrors(page, 'backoff', failures);
      } else {
        await until(page, () => !document.getElementById('backoff').shadowRoot.querySelector('.opeka-stale:not([hidden])'));
      }
    }
  };
  for (let i = 0; i < 700 && failures < 7; i++) await step();
  let times = (await fetchTimes()).slice(1);
  // A tick's answer is handled when the 2 s step ends, so a gap may be up to 2 s longer.
  const near = (got, want, what) => assert.ok(got >= want - 0.1 && got <= want + 2.1, `${what}: ${got} s, expected ${want} s`);
  const gaps = times.slice(1).map((t, i) => (t - times[i]) / 1000);
  assert.equal(gaps.length, 6, `gaps ${gaps}`);
  [20, 40, 80, 160, 320, 600].forEach((want, i) => near(gaps[i], want, `gap ${i + 1} between failing refreshes`));

  faults.state.switch = 'good';
  for (let i = 0; i < 400 && (await fetchTimes()).length < 10; i++) await step();
  times = (await fetchTimes()).slice(1);
  near((times[7] - times[6]) / 1000, 600, 'still backing off until a success');
  near((times[8] - times[7]) / 1000, 10, 'after a success the interval is 10 s again');
  await context.close();
});

test('refresh sends If-None-Match / If-Modified-Since; a 304 or the same bytes is not redrawn', async () => {
  const { page, context } = await openLive();
  faults.state.body = GOOD;
  faults.state.etag = '"v1"';
  const from = faults.log.length;
  await add(page, 'etag', { src: '/fault/etag', refresh: '10' });
  await add(page, 'modified', { src: '/fault/modified', refresh: '10' });
  await add(page, 'same', { src: '/fault/good/same', refresh: '10' });
  for (const id of ['etag', 'modified', 'same']) await untilRendered(page, id);

  await page.clock.runFor(10_000);
  await serverSees(() => faults.log.slice(from).length >= 6);
  const second = (name) => faults.log.slice(from).filter((r) => r.name === name)[1];
  assert.equal(second('etag').ifNoneMatch, '"v1"');
  assert.equal(second('modified').ifModifiedSince, 'Wed, 11 Mar 2026 09:00:00 GMT');
  assert.equal(second('good/same').ifNoneMatch, null, 'no validators, no condition');

  // New data: only the widget whose feed changed draws again.
  faults.state.body = feedTitled('Новые данные');
  faults.state.etag = '"v2"';
  await page.clock.runFor(10_000);
  await untilRendered(page, 'etag', 2);
  // A widget's next tick counts from the end of its last load: one whose
  // second answer was still being checked when the clock jumped ticks in
  // the next window, so give the clock one more interval.
  await page.clock.runFor(10_000);
  await serverSees(() => faults.log.slice(from).filter((r) => r.name === 'good/same').length >= 3);
  await until(page, () => true);
  assert.equal(await page.evaluate(() => document.getElementById('etag').shadowRoot.querySelector('svg title').textContent), 'Новые данные');
  assert.equal(await rendered(page, 'etag'), 2, 'the 304 drew nothing; the new data drew once');
  assert.equal(await rendered(page, 'modified'), 1);
  assert.equal(await rendered(page, 'same'), 1);
  await context.close();
});

test('an oversized feed is refused without entering wasm memory, with or without Content-Length', async () => {
  const { page, context } = await openLive();
  await add(page, 'small', { src: '/fault/good' });
  await untilRendered(page, 'small');
  // The wasm module's memory, from the glue's init (it returns the running instance).
  const memory = () => page.evaluate(async () => (await (await import('/opeka/opeka.js')).loadModule()).memory.buffer.byteLength);
  const before = await memory();
  await add(page, 'huge', { src: '/fault/huge' });
  await add(page, 'chunked', { src: '/fault/huge-chunked' });
  await untilErrors(page, 'huge');
  await untilErrors(page, 'chunked');
  for (const id of ['huge', 'chunked']) {
    const [error] = await errorsOf(page, id);
    assert.equal(error.kind, 'invalid');
    assert.match(error.problems[0].message, /more than the limit of 16,777,216; not parsed$/);
    assert.match(await shadowText(page, id, '.opeka-error'), /в данных есть ошибки/);
  }
  assert.match((await errorsOf(page, 'huge'))[0].problems[0].message, /^the feed's size in bytes is 104,857,600,/);
  const grown = (await memory()) - before;
  assert.ok(grown < 64 * MB, `wasm memory grew by ${grown} bytes`);
  assert.ok(faults.sent.get('huge') < 16 * MB, `a declared 100 MB body is not read (${faults.sent.get('huge')} bytes sent)`);
  assert.ok(faults.sent.get('huge-chunked') < 100 * MB, 'a body without a length is cut at the limit');
  await context.close();
});

test('the shared cache serves a later widget only while the fetch is recent', async () => {
  const { page, context } = await openLive();
  const name = 'good/cache';
  await add(page, 'a', { src: `/fault/${name}` });
  await untilRendered(page, 'a');
  await page.clock.runFor(30_000);
  await add(page, 'b', { src: `/fault/${name}` });
  await untilRendered(page, 'b');
  assert.equal(faults.count(name), 1, 'a widget added 30 s later shares the bytes');
  await page.clock.runFor(120_000);
  await add(page, 'c', { src: `/fault/${name}` });
  await untilRendered(page, 'c');
  assert.equal(faults.count(name), 2, 'a widget added minutes later fetches anew');
  await context.close();
});

test('a feed of thousands of problems lists the first 200, then «и ещё N», in one console message', async () => {
  const { page, context, consoleMessages } = await openLive();
  await add(page, 'many', { src: '/fault/many-problems', lang: 'ru' });
  await untilErrors(page, 'many');
  const [error] = await errorsOf(page, 'many');
  assert.equal(error.problems.length, 200);
  assert.equal(error.omitted, 9800);
  assert.match(error.message, /10000 errors/);
  const items = await page.evaluate(() => [...document.getElementById('many').shadowRoot.querySelectorAll('.opeka-details li')].map((li) => li.textContent));
  assert.equal(items.length, 201);
  assert.equal(items.at(-1), 'и ещё 9\u00a0800');
  const logged = consoleMessages.filter((m) => m.text.startsWith('opeka-chart: the feed is invalid'));
  assert.equal(logged.length, 1);
  assert.ok(logged[0].text.split('\n').length <= 202);
  assert.match(logged[0].text, /and 9,800 more$/);
  await context.close();
});

test('a listener may remove its element on the first opeka-error: no timer or fetch remains', async () => {
  const { page, context, errors } = await openLive();
  const path = 'status/503';
  const before = faults.count(path);
  await page.evaluate(() => {
    window.__heard = { inline: 0, fetched: 0 };
    const make = (id, setup) => {
      const el = document.createElement('opeka-chart');
      el.id = id;
      el.setAttribute('refresh', '10');
      setup(el);
      el.addEventListener('opeka-error', () => { window.__heard[id] += 1; el.remove(); });
      window[`__${id}`] = el;
      document.body.append(el);
    };
    // Fails while the widget is being set up (an inline feed is read at once).
    make('inline', (el) => {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = '{"opeka": 1, "kind": "caseload"}';
      el.append(script);
    });
    make('fetched', (el) => el.setAttribute('src', '/fault/status/503'));
  });
  await until(page, () => window.__heard.inline >= 1 && window.__heard.fetched >= 1);
  await page.clock.runFor(60_000);
  await page.clock.runFor(60_000);
  assert.deepEqual(await page.evaluate(() => window.__heard), { inline: 1, fetched: 1 });
  assert.equal(faults.count(path), before + 1, 'no refresh after removal');
  assert.deepEqual(await page.evaluate(() => [window.__inline.widget, window.__fetched.widget]), [undefined, undefined], 'both widgets were freed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a BOM is accepted; an HTML page is named as such, not as a JSON syntax error', async () => {
  const { page, context } = await openLive();
  await add(page, 'bom', { src: '/fault/bom' });
  await add(page, 'portal', { src: '/fault/html', lang: 'ru' });
  await add(page, 'portal-json', { src: '/fault/html-as-json', lang: 'en' });
  await untilRendered(page, 'bom');
  await untilErrors(page, 'portal');
  await untilErrors(page, 'portal-json');
  for (const [id, text] of [['portal', 'это не лента данных, а HTML-страница'], ['portal-json', 'this is an HTML page, not a feed']]) {
    const [error] = await errorsOf(page, id);
    assert.equal(error.kind, 'invalid');
    assert.deepEqual(error.problems.map((p) => p.message), ['this is an HTML page, not a feed']);
    assert.ok((await shadowText(page, id, '.opeka-details')).includes(text));
  }
  await context.close();
});
