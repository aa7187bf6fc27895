// <opeka-deck> and deck.html (docs/decks.md): one slide at a time in the
// slide medium, drawn ahead; keys, clicker keys, number keys and swipe;
// autoplay under Playwright's fake clock, paused by a key or a touch and
// resumed after a minute; the deck's checks with every path in ru and en;
// <opeka-chart> children as slides; a stale slide when the feed is gone;
// full screen, and the overlay where the Fullscreen API is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, launchBrowser, screenshot, ARTIFACTS, timesAsked, initiators } from './harness.mjs';

let server;
let browser;
const page = (body, lang = 'ru') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<script type="module" src="/opeka/opeka-deck.js"></script></head><body style="margin:0">${body}</body></html>`;
const CEREMONY = '/examples/decks/ceremony.json';
const FEED = '/feeds/kuzbass-social-worker-day-2018.json';

before(async () => {
  server = await startServer();
  server.routes.set('/deck.html', { body: page(`<opeka-deck id="deck" src="${CEREMONY}"></opeka-deck>`) });
  server.routes.set('/deck-wide.html', { body: page(`<opeka-deck id="deck" src="${CEREMONY}" style="height:100vh;aspect-ratio:auto"></opeka-deck>`) });
  server.routes.set('/children.html', {
    body: page(`<opeka-deck id="deck">
      <opeka-chart src="${FEED}" view="podium"></opeka-chart>
      <opeka-chart src="/feeds/kuzbass-caseload.json" theme="dark"></opeka-chart>
    </opeka-deck>`),
  });
  server.routes.set('/bad-deck.json', {
    body: JSON.stringify({ 'opeka-deck': 1, autoplay: 3, theme: 'neon', colour: 'red', slides: [{ view: 'pie' }] }),
  });
  server.routes.set('/bad.html', { body: page('<opeka-deck id="deck" src="/bad-deck.json"></opeka-deck>') });
  server.routes.set('/bad-en.html', { body: page('<opeka-deck id="deck" src="/bad-deck.json"></opeka-deck>', 'en') });
  server.routes.set('/missing.html', { body: page('<opeka-deck id="deck" src="/nowhere.json"></opeka-deck>') });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Opens `path` with every opeka event recorded; `options.clock` installs the fake clock first. */
async function open(path, options = {}) {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1920, height: 1080 }, ...options.context });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  if (options.clock) await tab.clock.install({ time: new Date('2026-03-12T10:40:00+03:00') });
  if (options.init) await tab.addInitScript(options.init);
  await tab.addInitScript(() => {
    window.__opeka = { rendered: [], errors: [], slides: [] };
    const record = (list) => (e) => list.push({ id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail ?? null)) });
    document.addEventListener('opeka-rendered', record(window.__opeka.rendered));
    document.addEventListener('opeka-error', record(window.__opeka.errors));
    document.addEventListener('opeka-slide', record(window.__opeka.slides));
  });
  await tab.goto(`${server.url}${path}`);
  return { page: tab, context, errors };
}

const until = (tab, fn, arg) => tab.waitForFunction(fn, arg, { timeout: 20000 });
const untilRendered = (tab, n) => until(tab, (n) => window.__opeka.rendered.length >= n, n);

/** What the deck shows: the slide on show, the counter, and the chart in it. */
function deckState(tab) {
  return tab.evaluate(() => {
    const deck = document.querySelector('opeka-deck');
    const root = deck.shadowRoot;
    const slides = [...root.querySelectorAll('.slide')];
    const current = slides.findIndex((s) => s.hasAttribute('data-current'));
    const slide = slides[current];
    const chart = slide?.querySelector('opeka-chart') ?? slide?.querySelector('slot')?.assignedElements()[0];
    const svg = chart?.shadowRoot?.querySelector('.opeka-figure:not([hidden]) svg');
    return {
      index: deck.current,
      count: deck.count,
      current,
      shown: slides.filter((s) => getComputedStyle(s).opacity !== '0').length,
      inert: slides.filter((s) => s.inert).length,
      counter: root.querySelector('.counter [aria-hidden]')?.textContent,
      said: root.querySelector('.counter .hidden-text')?.textContent,
      paused: deck.isPaused,
      medium: chart?.getAttribute('medium'),
      theme: chart?.getAttribute('theme'),
      title: svg?.querySelector('title')?.textContent ?? null,
      texts: svg ? [...svg.querySelectorAll('text')].map((t) => t.textContent) : [],
      svgWidth: Number(svg?.getAttribute('width')),
      svgHeight: Number(svg?.getAttribute('height')),
      stale: chart?.shadowRoot?.querySelector('.opeka-stale:not([hidden])')?.textContent ?? null,
      progress: !root.querySelector('.progress').hidden,
      progressPaused: root.querySelector('.progress').hasAttribute('data-paused'),
    };
  });
}

test('a deck file: one slide at a time in the slide medium, contrast, a counter, each feed fetched once', async () => {
  const { page: tab, context, errors } = await open('/deck-wide.html');
  await untilRendered(tab, 4);
  const state = await deckState(tab);
  assert.equal(state.count, 4);
  assert.equal(state.index, 0);
  assert.equal(state.shown, 1, 'one slide on show');
  assert.equal(state.inert, 3, 'the others are out of reach');
  assert.equal(state.medium, 'slide');
  assert.equal(state.theme, 'contrast', 'the deck says contrast (and it is the default)');
  assert.equal(state.counter, '1 / 4');
  assert.equal(state.said, 'Слайд 1 из 4');
  assert.equal(state.svgWidth, 1920, 'the slide fills the screen');
  assert.ok(state.svgHeight > 950, `and its height (${state.svgHeight})`);
  assert.ok(state.texts.some((t) => t.includes('105')), 'the headline tiles: 105 honoured');
  assert.equal(server.requests.filter((p) => p === FEED).length, 1, 'four slides of one feed: one request');
  await screenshot(tab, 'deck-1920');
  await tab.keyboard.press('ArrowRight');
  const second = await deckState(tab);
  assert.equal(second.title, 'Награды по видам', "the slide's own title replaces the feed's");
  await tab.keyboard.press('ArrowRight');
  const third = await deckState(tab);
  assert.ok(third.texts.some((t) => t.includes('Региональный конкурс профессионального мастерства')), "the slide's note is drawn under the chart");
  await screenshot(tab, 'deck-1920-podium');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keys and clicker keys move between slides drawn ahead, in under a frame', async () => {
  const { page: tab, context } = await open('/deck.html', { viewport: { width: 1280, height: 800 } });
  await untilRendered(tab, 4);
  await tab.focus('opeka-deck');
  const rendered = await tab.evaluate(() => window.__opeka.rendered.length);
  const steps = [
    ['ArrowRight', 1], ['PageDown', 2], ['Space', 3], ['PageUp', 2], ['ArrowLeft', 1], ['Home', 0],
    ['End', 3], ['ArrowRight', 0], ['ArrowLeft', 3], ['2', 1], ['4', 3], ['9', 3],
  ];
  for (const [key, index] of steps) {
    await tab.keyboard.press(key);
    const state = await deckState(tab);
    assert.equal(state.index, index, `${key} shows slide ${index + 1}`);
    assert.equal(state.current, index);
    assert.equal(state.counter, `${index + 1} / 4`);
    assert.ok(state.title, `slide ${index + 1} has its chart`);
  }
  // Nothing was drawn again: the slides were drawn ahead.
  assert.equal(await tab.evaluate(() => window.__opeka.rendered.length), rendered);
  // A change is a class switch inside the key's own task, far under a 16 ms frame.
  const took = await tab.evaluate(() => {
    const deck = document.querySelector('opeka-deck');
    const start = performance.now();
    deck.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, composed: true }));
    const slide = deck.shadowRoot.querySelectorAll('.slide')[deck.current];
    const drawn = !!slide.querySelector('opeka-chart').shadowRoot.querySelector('svg');
    return { ms: performance.now() - start, drawn, index: deck.current };
  });
  assert.equal(took.index, 0);
  assert.ok(took.drawn, 'the slide shown was already drawn');
  assert.ok(took.ms < 16, `a change took ${took.ms} ms`);
  // A clicker types to the page: with nothing focused, the deck filling the window still hears it.
  await tab.evaluate(() => document.activeElement?.blur());
  await tab.keyboard.press('PageDown');
  assert.equal((await deckState(tab)).index, 1, 'PageDown from the page');
  await screenshot(tab, 'deck-1280');
  await context.close();
});

test('swipe on touch: right to left is forward, left to right back, a vertical move nothing', async () => {
  const from = server.requests.length;
  // offline=0: no offline worker, which would ask for each file again to keep it.
  const { page: tab, context } = await open(`/opeka/deck.html?src=${CEREMONY}&offline=0`, { viewport: { width: 375, height: 667 }, context: { hasTouch: true, isMobile: true } });
  await untilRendered(tab, 4);
  // deck.html preloads what the deck loads: each file asked for once, the preload's answer taken.
  const files = ['opeka-deck.js', 'opeka.js', 'opeka_deck_bindings.js', 'opeka-extras.js', 'opeka_deck_bg.wasm', 'opeka_bg.wasm', 'opeka-sans-regular.woff2', 'opeka-sans-bold.woff2']
    .map((name) => `/opeka/${name}`);
  assert.deepEqual(files.map((path) => timesAsked(server, from, path)), files.map(() => 1), 'each asked for once');
  // Fetched by the page's <link>s (modules preloaded count as 'script', as imported ones do).
  assert.deepEqual((await initiators(tab, files)).slice(4), ['link', 'link', 'link', 'link'], 'the modules\' wasm and the fonts come from the preloads');
  const cdp = await context.newCDPSession(tab);
  const swipe = async (from, to) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from[0], y: from[1] }] });
    for (let i = 1; i <= 5; i++) {
      const point = { x: from[0] + ((to[0] - from[0]) * i) / 5, y: from[1] + ((to[1] - from[1]) * i) / 5 };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  await swipe([300, 300], [60, 310]);
  assert.equal((await deckState(tab)).index, 1, 'a swipe to the left shows the next slide');
  await swipe([300, 300], [60, 300]);
  assert.equal((await deckState(tab)).index, 2);
  await swipe([60, 300], [300, 300]);
  assert.equal((await deckState(tab)).index, 1, 'a swipe to the right goes back');
  await swipe([200, 200], [210, 400]);
  assert.equal((await deckState(tab)).index, 1, 'a vertical move does not change the slide');
  await swipe([200, 300], [180, 300]);
  assert.equal((await deckState(tab)).index, 1, 'a short move is not a swipe');
  await screenshot(tab, 'deck-375');
  await context.close();
});

test('autoplay advances on a fake clock and loops; a key or a touch pauses it, a minute idle resumes it', async () => {
  const { page: tab, context } = await open('/deck.html', { clock: true, viewport: { width: 1280, height: 720 } });
  await untilRendered(tab, 4);
  let state = await deckState(tab);
  assert.equal(state.index, 0);
  assert.ok(state.progress, 'the progress bar is up');
  assert.ok(!state.progressPaused);
  await tab.clock.runFor(19_000);
  assert.equal((await deckState(tab)).index, 0, 'not before 20 s');
  await tab.clock.runFor(1_000);
  assert.equal((await deckState(tab)).index, 1, 'the deck says 20 s');
  await tab.clock.runFor(40_000);
  assert.equal((await deckState(tab)).index, 3);
  await tab.clock.runFor(20_000);
  assert.equal((await deckState(tab)).index, 0, 'it loops');
  const bar = await tab.evaluate(() => document.querySelector('opeka-deck').shadowRoot.querySelector('.progress > div').getAnimations().length);
  assert.equal(bar, 1, 'the bar runs down the time left');

  // A key pauses: no change for a minute after it.
  await tab.focus('opeka-deck');
  await tab.keyboard.press('ArrowRight');
  state = await deckState(tab);
  assert.deepEqual([state.index, state.paused, state.progressPaused], [1, true, true]);
  await tab.clock.runFor(30_000);
  await tab.keyboard.press('x'); // any key is a sign of life
  await tab.clock.runFor(59_000);
  assert.equal((await deckState(tab)).index, 1, 'paused while someone is there');
  await tab.clock.runFor(1_000);
  state = await deckState(tab);
  assert.deepEqual([state.index, state.paused], [1, false], 'resumed after 60 s idle, with a whole interval to go');
  await tab.clock.runFor(20_000);
  assert.equal((await deckState(tab)).index, 2);

  // A touch pauses too.
  await tab.evaluate(() => {
    const deck = document.querySelector('opeka-deck');
    deck.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch' }));
  });
  assert.ok((await deckState(tab)).paused);
  await tab.clock.runFor(40_000);
  assert.equal((await deckState(tab)).index, 2, 'paused by a touch');
  await tab.clock.runFor(40_000);
  assert.equal((await deckState(tab)).index, 3, 'resumed: 60 s idle, then 20 s');

  // The page may change the pace: the slides stay, the wait restarts.
  const rendered = await tab.evaluate(() => window.__opeka.rendered.length);
  await tab.evaluate(() => document.querySelector('opeka-deck').setAttribute('autoplay', '5'));
  await tab.clock.runFor(5_000);
  assert.equal((await deckState(tab)).index, 0, 'autoplay="5": five seconds, and it loops');
  assert.equal(await tab.evaluate(() => window.__opeka.rendered.length), rendered, 'nothing drawn again');
  await context.close();
});

test('<opeka-chart> children are the slides: contrast unless a child says otherwise', async () => {
  const { page: tab, context, errors } = await open('/children.html', { viewport: { width: 1280, height: 800 } });
  await untilRendered(tab, 2);
  // The state once `ready` holds, or as it is after a bounded wait (the assertions then say what differs).
  const settled = async (ready) => {
    let state = await deckState(tab);
    for (let i = 0; i < 50 && !ready(state); i++) {
      await tab.waitForTimeout(100);
      state = await deckState(tab);
    }
    return state;
  };
  let state = await settled((s) => s.svgWidth >= 1270);
  assert.deepEqual([state.count, state.counter, state.medium, state.theme], [2, '1 / 2', 'slide', 'contrast']);
  assert.ok(state.svgWidth >= 1270, `the slide fills the deck (${state.svgWidth})`);
  await tab.focus('opeka-deck');
  await tab.keyboard.press('End');
  state = await settled((s) => s.index === 1 && s.theme === 'dark');
  assert.deepEqual([state.index, state.theme], [1, 'dark'], "a child's own theme stays");
  // The trend's tooltip is the slide's size: 1.7 % of the deck's width.
  const slide = tab.locator('opeka-deck > opeka-chart[theme="dark"] .opeka-svg');
  const box = await slide.boundingBox();
  await tab.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6);
  await tab.waitForFunction(() => !document.querySelector('opeka-deck > opeka-chart[theme="dark"]').shadowRoot.querySelector('.opeka-tip').hidden, null, { timeout: 10000 });
  const tip = await tab.evaluate(() => parseFloat(getComputedStyle(document.querySelector('opeka-deck > opeka-chart[theme="dark"]').shadowRoot.querySelector('.opeka-tip')).fontSize));
  assert.ok(Math.abs(tip - 0.017 * 1280) < 1, `the tooltip's type in a 1 280-px deck: ${tip} px`);
  assert.equal(await tab.evaluate(() => document.querySelectorAll('opeka-deck > opeka-chart[slot]').length), 2, 'the children stay in the page, slotted');
  await tab.keyboard.press('ArrowRight');
  assert.equal((await deckState(tab)).index, 1, 'a deck without loop stops at its last slide');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an invalid deck lists every problem with its path, in Russian and in English', async () => {
  for (const [path, lang, heading, line] of [
    ['/bad.html', 'ru', 'Презентация не прошла проверку (4\u00a0ошибки)', 'autoplay: ожидается целое число секунд, не меньше 5, получено: 3'],
    ['/bad-en.html', 'en', 'The deck is invalid (4\u00a0errors)', 'autoplay: must be a whole number of seconds, at least 5, got 3'],
  ]) {
    const { page: tab, context } = await open(path);
    await until(tab, () => window.__opeka.errors.length >= 1);
    const [error] = await tab.evaluate(() => window.__opeka.errors);
    assert.equal(error.detail.kind, 'invalid', lang);
    const paths = error.detail.problems.map((p) => `${p.severity} ${p.path}`);
    for (const expected of ['error autoplay', 'error theme', 'error slides[0].view', 'error slides[0].feed', 'warning colour']) {
      assert.ok(paths.includes(expected), `${lang}: ${expected} in ${paths}`);
    }
    assert.ok(error.detail.problems.every((p) => p.ru && p.en), 'each problem in both languages');
    const shown = await tab.evaluate(() => {
      const root = document.querySelector('opeka-deck').shadowRoot;
      return { heading: root.querySelector('.failure p').textContent, lines: [...root.querySelectorAll('.failure li')].map((li) => li.textContent) };
    });
    assert.equal(shown.heading, heading);
    assert.ok(shown.lines.includes(line), `${lang}: ${shown.lines.join(' | ')}`);
    if (lang === 'ru') await screenshot(tab, 'deck-invalid');
    await context.close();
  }
  const { page: tab, context } = await open('/missing.html');
  await until(tab, () => window.__opeka.errors.length >= 1);
  const [missing] = await tab.evaluate(() => window.__opeka.errors);
  assert.deepEqual([missing.detail.kind, missing.detail.status], ['network', 404]);
  assert.equal(missing.detail.message, 'Не удалось загрузить презентацию (HTTP 404)');
  await context.close();
});

test('deck.html?src= shows the same deck, keys reach it at once, the tab takes its title', async () => {
  const { page: tab, context, errors } = await open(`/opeka/deck.html?src=${CEREMONY}`, { viewport: { width: 1280, height: 720 } });
  await untilRendered(tab, 4);
  let state = await deckState(tab);
  assert.deepEqual([state.count, state.medium, state.theme, state.svgWidth], [4, 'slide', 'contrast', 1280]);
  await tab.keyboard.press('PageDown');
  state = await deckState(tab);
  assert.equal(state.index, 1);
  assert.equal(await tab.title(), 'День социального работника — 2018: награды Кузбасса');
  await screenshot(tab, 'deck-page-1280');
  // In English: the slides' own titles, the counter and the buttons.
  const english = await context.newPage();
  await english.goto(`${server.url}/opeka/deck.html?src=${CEREMONY}&lang=en`);
  await english.waitForFunction(() => document.querySelector('opeka-deck')?.count === 4);
  await english.keyboard.press('ArrowRight');
  await english.waitForFunction(() => {
    const deck = document.querySelector('opeka-deck');
    return deck.shadowRoot.querySelectorAll('.slide')[deck.current]?.querySelector('opeka-chart')?.shadowRoot?.querySelector('svg');
  });
  const en = await deckState(english);
  assert.deepEqual([en.said, en.title], ['Slide 2 of 4', 'Awards by type']);
  const labels = await english.evaluate(() => [...document.querySelector('opeka-deck').shadowRoot.querySelectorAll('button')].map((b) => b.getAttribute('aria-label')));
  assert.deepEqual(labels, ['Previous slide', 'Next slide', 'Full screen']);
  assert.equal(await english.title(), 'Day of the Social Worker 2018: Kuzbass awards');
  // Another origin's deck is refused unless embed-config.json lists it.
  const other = await context.newPage();
  await other.goto(`${server.url}/opeka/deck.html?src=https://elsewhere.example/deck.json`);
  await other.waitForSelector('.opeka-refused');
  assert.match(await other.textContent('.opeka-refused'), /не показывает презентации с https:\/\/elsewhere\.example/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with the feed gone, a slide keeps its last good data and says it is stale', async () => {
  const body = await (await fetch(`${server.url}${FEED}`)).text();
  server.routes.set('/live/awards.json', { body });
  server.routes.set('/live/deck.json', {
    body: JSON.stringify({ 'opeka-deck': 1, slides: [{ feed: 'awards.json', view: 'tiles' }, { feed: 'awards.json', view: 'roll' }] }),
  });
  server.routes.set('/live.html', { body: page('<opeka-deck id="deck" src="/live/deck.json" refresh="30"></opeka-deck>') });
  const { page: tab, context } = await open('/live.html', { clock: true, viewport: { width: 1280, height: 720 }, context: { timezoneId: 'Europe/Moscow' } });
  await untilRendered(tab, 2);
  assert.equal(server.requests.filter((p) => p === '/live/awards.json').length, 1, 'two slides, one request');
  server.routes.delete('/live/awards.json');
  await tab.clock.runFor(30_000);
  await until(tab, () => window.__opeka.errors.length >= 2);
  const state = await deckState(tab);
  assert.ok(state.title, 'the chart stays');
  assert.match(state.stale ?? '', /Данные на 12\sмарта,\s10:40\s— обновить не удалось/);
  const errors = await tab.evaluate(() => window.__opeka.errors.map((e) => e.detail.stale));
  assert.ok(errors.every(Boolean), 'every failure is a stale one');
  await screenshot(tab, 'deck-stale');
  await context.close();
});

test('full screen: the button and the f key; a fixed overlay where the Fullscreen API is missing', async () => {
  const { page: tab, context } = await open('/deck.html', { viewport: { width: 1280, height: 800 } });
  await untilRendered(tab, 4);
  const button = () => tab.evaluateHandle(() => document.querySelector('opeka-deck').shadowRoot.querySelector('button[aria-pressed]'));
  await (await button()).click();
  await until(tab, () => document.fullscreenElement === document.querySelector('opeka-deck'));
  // The button says so once the deck hears `fullscreenchange`, which follows `fullscreenElement`.
  const label = () => document.querySelector('opeka-deck').shadowRoot.querySelector('button[aria-pressed]').getAttribute('aria-label');
  await until(tab, () => document.querySelector('opeka-deck').shadowRoot.querySelector('button[aria-pressed]').getAttribute('aria-label') !== 'Во весь экран').catch(() => {});
  assert.equal(await tab.evaluate(label), 'Выйти из полноэкранного режима');
  await tab.keyboard.press('f');
  await until(tab, () => document.fullscreenElement === null);
  await tab.focus('opeka-deck');
  await tab.keyboard.press('f');
  await until(tab, () => document.fullscreenElement === document.querySelector('opeka-deck'));
  await tab.evaluate(() => document.exitFullscreen());
  await context.close();

  const bare = await open('/deck.html', {
    viewport: { width: 1280, height: 800 },
    init: () => { delete Element.prototype.requestFullscreen; },
  });
  await untilRendered(bare.page, 4);
  await bare.page.evaluate(() => window.scrollTo(0, 0));
  await bare.page.focus('opeka-deck');
  await bare.page.keyboard.press('f');
  const box = await bare.page.evaluate(() => {
    const deck = document.querySelector('opeka-deck');
    const r = deck.getBoundingClientRect();
    return { overlay: deck.hasAttribute('data-overlay'), x: r.x, y: r.y, width: r.width, height: r.height, position: getComputedStyle(deck).position };
  });
  assert.deepEqual(box, { overlay: true, x: 0, y: 0, width: 1280, height: 800, position: 'fixed' });
  await bare.page.keyboard.press('Escape');
  assert.equal(await bare.page.evaluate(() => document.querySelector('opeka-deck').hasAttribute('data-overlay')), false);
  await bare.context.close();
});

test('the deck code loads only where a deck is shown', async () => {
  const { page: tab, context } = await open('/examples/ministry-page.html', { viewport: { width: 1280, height: 900 } });
  const loaded = [];
  tab.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await tab.reload();
  await tab.waitForFunction(() => window.__opeka.rendered.length + window.__opeka.errors.length >= 1, null, { timeout: 20000 });
  await tab.waitForLoadState('networkidle');
  assert.ok(loaded.includes('/opeka/opeka_bg.wasm'), 'the page draws its charts');
  assert.deepEqual(loaded.filter((p) => /deck/.test(p)), [], 'and never fetches the deck module');
  await context.close();
});

test('the gallery plays the sample deck on its «Презентация» page', async () => {
  const { page: tab, context, errors } = await open('/#deck', { viewport: { width: 1280, height: 900 } });
  await until(tab, () => document.querySelector('#deck opeka-deck')?.count === 4);
  await tab.waitForFunction(() => {
    const deck = document.querySelector('#deck opeka-deck');
    const charts = [...deck.shadowRoot.querySelectorAll('.slide opeka-chart')];
    return charts.length > 0 && charts.every((c) => c.shadowRoot?.querySelector('svg'));
  }, null, { timeout: 30000 });
  const state = await deckState(tab);
  assert.deepEqual([state.count, state.medium, state.theme], [4, 'slide', 'contrast']);
  assert.ok(state.texts.some((t) => t.includes('105')), 'the headline tiles: 105 honoured');
  await tab.locator('#deck').scrollIntoViewIfNeeded();
  await tab.locator('#deck').screenshot({ path: join(ARTIFACTS, 'deck-gallery-1280.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a hostile deck's texts stay text, on the slides and in the problem list", async () => {
  const evil = '<img src=x onerror="window.__pwned=1">';
  server.routes.set('/hostile/deck.json', {
    body: JSON.stringify({ 'opeka-deck': 1, title: evil, slides: [{ feed: FEED, view: 'tiles', title: evil, note: evil }] }),
  });
  server.routes.set('/hostile/bad.json', { body: JSON.stringify({ 'opeka-deck': 1, theme: evil, slides: [{ feed: FEED }] }) });
  server.routes.set('/hostile.html', { body: page('<opeka-deck id="deck" src="/hostile/deck.json"></opeka-deck>') });
  server.routes.set('/hostile-bad.html', { body: page('<opeka-deck id="deck" src="/hostile/bad.json"></opeka-deck>') });
  const { page: tab, context } = await open('/hostile.html', { viewport: { width: 1280, height: 720 } });
  await untilRendered(tab, 1);
  const state = await deckState(tab);
  assert.equal(state.title, evil, 'the title is drawn as the text it is');
  assert.ok(state.texts.join(' ').includes('onerror="window.__pwned=1">'), `and so is the note: ${state.texts.join(' | ')}`);
  await tab.goto(`${server.url}/hostile-bad.html`);
  await until(tab, () => window.__opeka.errors.length >= 1);
  const line = await tab.evaluate(() => document.querySelector('opeka-deck').shadowRoot.querySelector('.failure li').textContent);
  assert.ok(line.startsWith('theme: "<img src=x onerror='), line);
  const found = await tab.evaluate(() => {
    const roots = [document, document.querySelector('opeka-deck').shadowRoot];
    return { images: roots.reduce((n, r) => n + r.querySelectorAll('img').length, 0), pwned: window.__pwned ?? null };
  });
  assert.deepEqual(found, { images: 0, pwned: null });
  await context.close();
});
