// The downloads menu: its module loads only when a reader opens it; it works
// from the keyboard; each download holds what it names (the PNG at twice the
// shown size, a well-formed SVG, the data table as CSV in the reader's
// convention); and a strict CSP sees no violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, startServer, launchBrowser, openPage, openTables, waitForWidgets, screenshot } from './harness.mjs';
import { generatedAwards } from '../bench/big-feed-bench.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  server.routes.set('/downloads.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="/opeka/opeka.js"></script></head>
<body style="margin: 0 auto; padding: 16px; max-width: 960px; font-family: sans-serif">
<h1>Получатели услуг</h1>
<opeka-chart id="ru" src="/feeds/kuzbass-caseload.json" view="per-capita"></opeka-chart>
<opeka-chart id="en" src="/feeds/kuzbass-caseload.json" view="per-capita" lang="en"></opeka-chart>
<opeka-chart id="bare" src="/feeds/kuzbass-accident-families.json" controls="none"></opeka-chart>
</body></html>`,
  });
  // Labels a spreadsheet would run as formulas, or that break naive CSV.
  const labels = ['=HYPERLINK("http://x","y")', '+cmd|calc', '-2+3', '@SUM(A1)', 'a;b, "c"\nd', '\u2212 5 минус'];
  server.routes.set('/hostile-csv.json', {
    type: 'application/json',
    body: JSON.stringify({
      opeka: 1, kind: 'caseload', id: 'hostile-csv', title: 'Формулы', locale: 'ru',
      measure: { label: 'Число', unit: 'человек', format: 'count' },
      units: labels.map((label, i) => ({ id: `u${i}`, label })),
      records: labels.map((_, i) => ({ period: '2024-01', unit: `u${i}`, value: 1000 * (i + 1) + 0.5 * (i % 2) })),
    }),
  });
  server.routes.set('/hostile-csv.html', {
    body: `<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/opeka/opeka.js"></script></head><body>
<opeka-chart id="ru" src="/hostile-csv.json" view="ranking" lang="ru"></opeka-chart>
<opeka-chart id="en" src="/hostile-csv.json" view="ranking" lang="en"></opeka-chart></body></html>`,
  });
  // A roll of 300 names and a hostile one among them: a chart about
  // 5 000 px tall, its bands joined by their markup for the downloads.
  const roll = JSON.parse(generatedAwards(300));
  roll.recipients.splice(150, 0, { name: HOSTILE_NAME, role: HOSTILE_ROLE, org: 'КЦСОН', city: 'Кемерово', award: 'medal' });
  server.routes.set('/tall-roll.json', { type: 'application/json', body: JSON.stringify(roll) });
  server.routes.set('/tall.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><script type="module" src="/opeka/opeka.js"></script></head>
<body style="margin: 0; width: 960px"><opeka-chart id="roll" src="/tall-roll.json" view="roll" height="auto"></opeka-chart></body></html>`,
  });
});
after(async () => { await browser?.close(); await server?.close(); });

const EXTRAS = '/opeka/opeka-extras.js';
// A recipient's name and role that would be elements if read as markup.
const HOSTILE_NAME = '<svg onload=window.__pwned=1>';
const HOSTILE_ROLE = '</svg><img src=x onerror=window.__pwned=1>';

/** The focused element inside `#id`'s shadow root: its text, role and the menu's state. */
const focus = (page, id) => page.evaluate((sel) => {
  const root = document.querySelector(sel).shadowRoot;
  const active = root.activeElement;
  const list = root.querySelector('[role="menu"]');
  return {
    text: active?.textContent ?? null,
    role: active?.getAttribute('role') ?? active?.localName ?? null,
    open: Boolean(list && !list.hidden),
    expanded: root.querySelector('.opeka-menu > [aria-haspopup]').getAttribute('aria-expanded'),
  };
}, `#${id}`);

/** Opens `#id`'s menu with a click and picks the item labelled `label`; returns the download's file name and bytes. */
async function download(page, id, label) {
  const button = page.locator(`#${id} .opeka-menu > [aria-haspopup]`);
  await button.click();
  const item = page.locator(`#${id} [role="menuitem"]`, { hasText: label });
  await item.waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), item.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The data table as a reader sees it, opened: header and body rows of cell texts. */
const readTable = async (page, id) => (await openTables(page), page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('.opeka-table tr')]
  .map((row) => [...row.cells].map((cell) => cell.textContent)), `#${id}`));

/** Parses CSV as RFC 4180 writes it (quoted fields, doubled quotes, CRLF). */
function parseCsv(text, sep) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  return rows;
}

/**
 * What the CSV must hold for a cell the table shows: a number the way a
 * spreadsheet in that language reads it (digit groups gone, ASCII minus,
 * the decimal comma in Russian and point in English), any other text as is.
 */
function expectedCell(text, lang) {
  const number = lang === 'ru' ? /^−?\d{1,3}(\u00a0\d{3})*(,\d+)?$/ : /^−?\d{1,3}(,\d{3})*(\.\d+)?$/;
  if (!number.test(text)) return text;
  const plain = text.replace('−', '-');
  return lang === 'ru' ? plain.replaceAll('\u00a0', '') : plain.replaceAll(',', '');
}

test('the menu loads its module only when opened, and works from the keyboard', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/downloads.html`);
  await waitForWidgets(page, 3);
  assert.ok(!server.requests.includes(EXTRAS), 'nothing of the menu is fetched before a reader opens it');
  const bare = await page.evaluate(() => {
    const menu = document.querySelector('#bare').shadowRoot.querySelector('.opeka-menu');
    return { hidden: menu.hidden, shown: menu.getBoundingClientRect().height > 0 };
  });
  assert.deepEqual(bare, { hidden: true, shown: false }, 'controls="none" hides the menu');

  // An arrow key on the button opens it too, the first time as well (on the English widget).
  await page.locator('#en .opeka-menu > [aria-haspopup]').focus();
  await page.keyboard.press('ArrowDown');
  await page.locator('#en [role="menu"]').waitFor();
  assert.deepEqual(await focus(page, 'en'), { text: 'PNG image', role: 'menuitem', open: true, expanded: 'true' });
  await page.keyboard.press('Escape');

  // Tab order: the table's toggle, the full-screen button, then the menu button.
  await page.locator('#ru .opeka-table summary').focus();
  await page.keyboard.press('Tab');
  assert.equal((await focus(page, 'ru')).text, 'На весь экран');
  await page.keyboard.press('Tab');
  assert.deepEqual(await focus(page, 'ru'), { text: 'Скачать', role: 'button', open: false, expanded: null });
  assert.equal(await page.locator('#ru .opeka-menu > [aria-haspopup]').getAttribute('aria-haspopup'), 'menu');

  await page.keyboard.press('Enter');
  await page.locator('#ru [role="menu"]').waitFor();
  assert.deepEqual(await focus(page, 'ru'), { text: 'Рисунок PNG', role: 'menuitem', open: true, expanded: 'true' });
  assert.equal(server.requests.filter((r) => r === EXTRAS).length, 1, 'the module is fetched once, from beside opeka.js, for every widget');
  assert.equal(await page.locator('#ru [role="menu"]').getAttribute('aria-label'), 'Скачать');
  const steps = [['ArrowDown', 'Рисунок SVG'], ['ArrowDown', 'Таблица CSV'], ['ArrowDown', 'Рисунок PNG'], ['ArrowUp', 'Таблица CSV'], ['Home', 'Рисунок PNG'], ['End', 'Таблица CSV']];
  for (const [key, label] of steps) {
    await page.keyboard.press(key);
    assert.equal((await focus(page, 'ru')).text, label, `${key} moves to ${label}`);
  }
  await page.keyboard.press('Escape');
  assert.deepEqual(await focus(page, 'ru'), { text: 'Скачать', role: 'button', open: false, expanded: null }, 'Escape closes and returns focus to the button');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.querySelector('#ru').shadowRoot.activeElement?.getAttribute('role') === 'menuitem');
  assert.deepEqual(await focus(page, 'ru'), { text: 'Таблица CSV', role: 'menuitem', open: true, expanded: 'true' }, 'ArrowUp opens at the last item');
  await page.keyboard.press('Escape');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.querySelector('#ru').shadowRoot.activeElement?.getAttribute('role') === 'menuitem');
  assert.deepEqual(await focus(page, 'ru'), { text: 'Рисунок PNG', role: 'menuitem', open: true, expanded: 'true' }, 'Space opens it');
  await page.keyboard.press('Tab');
  assert.equal((await focus(page, 'ru')).open, false, 'Tab leaves and closes the menu');

  // A click elsewhere closes it; the English widget speaks English.
  await page.locator('#en .opeka-menu > [aria-haspopup]').click();
  await page.locator('#en [role="menu"]').waitFor();
  assert.deepEqual(await page.locator('#en [role="menuitem"]').allTextContents(), ['PNG image', 'SVG image', 'CSV table']);
  assert.equal(await page.locator('#en .opeka-menu > [aria-haspopup]').textContent(), 'Download');
  await page.mouse.click(5, 5);
  assert.equal((await focus(page, 'en')).open, false, 'a click outside closes the menu');
  assert.equal(server.requests.filter((r) => r === EXTRAS).length, 1, 'the module is fetched once');

  // Look at it open, at phone, laptop and full-HD widths.
  for (const [width, height] of [[375, 800], [1280, 900], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await page.locator('#ru .opeka-menu > [aria-haspopup]').click();
    await page.locator('#ru [role="menu"]').waitFor();
    await page.locator('#ru').scrollIntoViewIfNeeded();
    await screenshot(page, `downloads-menu-${width}`);
    await page.keyboard.press('Escape');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a PNG keeps a plan\'s dashes: ink on each dash, the background in each gap', async () => {
  server.routes.set('/plan.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><script type="module" src="/opeka/opeka.js"></script></head>
<body style="margin: 0; width: 800px"><opeka-chart id="plan" src="/feeds/vyksa-orphanhood-prevention.json" view="trajectory"></opeka-chart></body></html>`,
  });
  const { page, context, errors } = await openPage(browser, `${server.url}/plan.html`);
  await waitForWidgets(page, 1);
  const along = await page.evaluate(async (extras) => {
    const { png } = await import(extras);
    const svg = document.querySelector('#plan').shadowRoot.querySelector('svg');
    const plan = svg.querySelector('polyline[stroke-dasharray]');
    const [dash, gap] = plan.getAttribute('stroke-dasharray').split(' ').map(Number);
    const [x0, y0, x1, y1] = plan.getAttribute('points').trim().split(/[ ,]/).map(Number);
    const image = await createImageBitmap(await png([svg], 1));
    const g = new OffscreenCanvas(image.width, image.height).getContext('2d');
    g.drawImage(image, 0, 0);
    const length = Math.hypot(x1 - x0, y1 - y0);
    // The ink at `t` pixels along the line: the sum of its red, green and blue.
    const ink = (t) => {
      const [r, gr, b] = g.getImageData(Math.round(x0 + ((x1 - x0) * t) / length), Math.round(y0 + ((y1 - y0) * t) / length), 1, 1).data;
      return r + gr + b;
    };
    // Past the baseline's marker and short of the target's.
    const periods = [];
    for (let t = 2 * (dash + gap); t + dash + gap < length - 16; t += dash + gap) periods.push([ink(t + dash / 2), ink(t + dash + gap / 2)]);
    return { dash, gap, periods };
  }, EXTRAS);
  assert.deepEqual([along.dash, along.gap], [6, 4]);
  assert.ok(along.periods.length >= 10, JSON.stringify(along));
  assert.ok(along.periods.every(([onDash, inGap]) => onDash < 600 && inGap > 700), `dashes dark, gaps light: ${JSON.stringify(along.periods)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('each download holds what it names: PNG at twice the size, well-formed SVG, the table as CSV', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/downloads.html`);
  await waitForWidgets(page, 3);
  const shown = await page.evaluate(() => {
    const svg = document.querySelector('#ru').shadowRoot.querySelector('svg');
    return { width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')), title: svg.querySelector('title').textContent };
  });

  const png = await download(page, 'ru', 'Рисунок PNG');
  assert.equal(png.name, 'kuzbass-caseload-per-capita.png', 'named by the feed id and the view');
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, 'download-per-capita.png'), png.bytes);
  assert.equal(png.bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG signature');
  assert.equal(png.bytes.subarray(12, 16).toString('ascii'), 'IHDR');
  assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [2 * shown.width, 2 * shown.height], 'twice the shown size');
  // The picture has the title at its top and the source line at its bottom: dark ink on the white canvas there.
  const ink = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(image.width, image.height);
    const g = canvas.getContext('2d');
    g.drawImage(image, 0, 0);
    const dark = (y0, y1) => {
      const { data } = g.getImageData(0, y0, image.width, y1 - y0);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 300) n++;
      return n;
    };
    return { top: dark(0, 80), bottom: dark(image.height - 60, image.height), corner: [...g.getImageData(0, 0, 1, 1).data] };
  }, png.bytes.toString('base64'));
  assert.deepEqual(ink.corner, [255, 255, 255, 255], 'the chart background is painted');
  assert.ok(ink.top > 500, `the title is drawn (${ink.top} dark pixels)`);
  assert.ok(ink.bottom > 300, `the source line is drawn (${ink.bottom} dark pixels)`);

  const svg = await download(page, 'ru', 'Рисунок SVG');
  assert.equal(svg.name, 'kuzbass-caseload-per-capita.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      title: root.querySelector('title')?.textContent,
      texts: [...root.querySelectorAll('text')].map((t) => t.textContent.trim()),
      hidden: root.getAttribute('aria-hidden'),
    };
  }, svg.bytes.toString('utf8'));
  assert.equal(parsed.error, null, 'the SVG is well-formed XML');
  assert.equal(parsed.root, 'svg');
  assert.equal(parsed.ns, 'http://www.w3.org/2000/svg');
  assert.equal(parsed.width, shown.width);
  assert.equal(parsed.title, shown.title);
  assert.ok(parsed.texts.some((t) => t.startsWith('Источник')), 'the source line is in the drawing');
  assert.equal(parsed.hidden, null, 'what hides it from screen readers on the page is not exported');

  // The tables are not built until wanted: the first CSV builds its own.
  assert.equal(await page.evaluate(() => document.querySelector('#ru').shadowRoot.querySelectorAll('table').length), 0, 'no table before it is wanted');
  for (const [id, lang, sep, item] of [['ru', 'ru', ';', 'Таблица CSV'], ['en', 'en', ',', 'CSV table']]) {
    const csv = await download(page, id, item);
    assert.equal(csv.name, 'kuzbass-caseload-per-capita.csv');
    assert.equal(csv.bytes.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 with a byte-order mark');
    const text = csv.bytes.toString('utf8').slice(1);
    assert.ok(text.endsWith('\r\n'), 'CRLF line ends');
    const rows = parseCsv(text, sep);
    const table = await readTable(page, id);
    assert.equal(rows.length, table.length, 'a row for each row of the table, with the header');
    assert.deepEqual(rows, table.map((row) => row.map((cell) => expectedCell(cell, lang))), `${lang}: the CSV is the table`);
    // The figures read back as the table shows them.
    const decimals = rows.slice(1).map((row) => row[3]).filter((cell) => /\d/.test(cell));
    assert.ok(decimals.length > 5);
    for (const cell of decimals) assert.match(cell, lang === 'ru' ? /^\d+,\d$/ : /^\d+\.\d$/, `a rate in the ${lang} convention: ${cell}`);
    assert.ok(rows.slice(1).some((row) => /^\d{5,}$/.test(row[1])), 'populations without digit groups');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a CSV cell is a number exactly when the table shows a bare number, in the reader\'s convention', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/downloads.html`);
  const cases = [
    ['12\u00a0000,5', 'ru', '12000,5'], ['12,000.5', 'en', '12000.5'], ['\u22121\u00a0234\u00a0567', 'ru', '-1234567'],
    ['\u22120.25', 'en', '-0.25'], ['770', 'ru', '770'], ['60,7', 'ru', '60,7'], ['1\u00a0000', 'ru', '1000'],
    // Words, units, years in brackets, signed changes, percentages, misgrouped digits: text.
    ['57\u00a0семей', 'ru', null], ['70 (2023)', 'ru', null], ['+20', 'ru', null], ['\u221230\u00a0%', 'ru', null],
    ['×2', 'en', null], ['нет данных', 'ru', null], ['—', 'en', null], ['', 'ru', null], ['1\u00a020', 'ru', null],
    ['1234\u00a0567', 'ru', null], ['12,5', 'en', null], ['12.5', 'ru', null], ['1,', 'en', null], [',5', 'ru', null],
    ['январь\u00a02016', 'ru', null], ['12\u00a0000', 'en', null],
  ];
  const got = await page.evaluate(async (list) => {
    const { csvNumber } = await import('/opeka/opeka-extras.js');
    return list.map(([text, lang]) => csvNumber(text, lang));
  }, cases);
  assert.deepEqual(got, cases.map(([, , want]) => want));
  assert.deepEqual(errors, []);
  await context.close();
});

test('on the strict-CSP page the menu loads and every download works with no violation', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/examples/strict-csp.html`);
  await waitForWidgets(page, 5);
  const names = [];
  for (const item of ['Рисунок PNG', 'Рисунок SVG', 'Таблица CSV']) names.push((await download(page, 'csp-trend', item)).name);
  assert.deepEqual(names, ['kuzbass-caseload-trend.png', 'kuzbass-caseload-trend.svg', 'kuzbass-caseload-trend.csv']);
  assert.deepEqual(await page.evaluate(() => window.__opeka.violations), [], 'no CSP violation of any kind');
  assert.deepEqual(errors, []);
  await screenshot(page, 'downloads-strict-csp');
  await context.close();
});

test('labels that look like formulas or break CSV come out as inert text', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/hostile-csv.html`);
  await waitForWidgets(page, 2);
  for (const [id, sep, item] of [['ru', ';', 'Таблица CSV'], ['en', ',', 'CSV table']]) {
    const csv = await download(page, id, item);
    assert.equal(csv.name, 'hostile-csv-ranking.csv');
    const rows = parseCsv(csv.bytes.toString('utf8').slice(1), sep);
    const table = await readTable(page, id);
    const labels = rows.slice(1).map((row) => row[0]);
    assert.equal(labels.length, 6, 'each label is one field however many separators, quotes and line breaks it holds');
    for (const label of labels) assert.doesNotMatch(label, /^[=+\-@]/, `no field starts a formula: ${label}`);
    assert.deepEqual(labels.map((l) => l.replace(/^'(?=[=+\-@])/, '')), table.slice(1).map((row) => row[0]), 'the labels, behind an apostrophe where needed');
    assert.ok(labels.includes("'=HYPERLINK(\"http://x\",\"y\")"));
    assert.ok(labels.some((l) => l.startsWith('a;b, "c"')), `separators and quotes survive inside one field: ${JSON.stringify(labels)}`);
    assert.deepEqual(rows.slice(1).map((row) => row[1]), table.slice(1).map((row) => expectedCell(row[1], id)), 'the figures');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tall chart is drawn with its first band, and the others come a task each while its box keeps its height', async () => {
  // Before the page's scripts: what the box holds as the page hears the
  // chart is drawn, the bands each mutation batch (one per task, at its
  // microtask checkpoint) brings into the box, and the bands in the box
  // each time it stops saying it is busy.
  const init = () => {
    window.__batches = [];
    window.__idle = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (options) {
      const root = attach.call(this, options);
      new MutationObserver((records) => {
        const added = records.flatMap((r) => [...r.addedNodes]);
        const bands = added.reduce((n, node) => n + (node.localName === 'svg' ? 1 : node.localName === 'div' ? node.querySelectorAll(':scope > svg').length : 0), 0);
        if (bands) window.__batches.push(bands);
        const box = root.querySelector('.opeka-svg');
        if (records.some((r) => r.attributeName === 'aria-busy') && !box.hasAttribute('aria-busy')) window.__idle.push(box.querySelectorAll('svg').length);
      }).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
      return root;
    };
    document.addEventListener('opeka-rendered', (event) => {
      const box = event.target.shadowRoot.querySelector('.opeka-svg');
      window.__atRendered ??= { bands: box.querySelectorAll('svg').length, busy: box.getAttribute('aria-busy'), height: box.getBoundingClientRect().height, detail: event.detail.height };
    });
  };
  const { page, context, errors } = await openPage(browser, `${server.url}/tall.html`, { viewport: { width: 960, height: 800 }, init });
  await waitForWidgets(page, 1);
  const read = () => page.evaluate(() => {
    const box = document.querySelector('#roll').shadowRoot.querySelector('.opeka-svg');
    const bands = [...box.querySelectorAll('svg')];
    return {
      atRendered: window.__atRendered,
      batches: window.__batches,
      idle: window.__idle,
      tops: bands.map((band) => band.getAttribute('viewBox')),
      total: bands.reduce((sum, band) => sum + Number(band.getAttribute('height')), 0),
      height: box.getBoundingClientRect().height,
      busy: box.getAttribute('aria-busy'),
      minHeight: box.style.minHeight,
    };
  });
  const seen = await read();
  assert.ok(seen.tops.length >= 4, `${seen.tops.length} bands`);
  assert.deepEqual(seen.atRendered, { bands: 1, busy: 'true', height: seen.total, detail: seen.total },
    'drawn: the first band in, the box at the whole chart\'s height and busy');
  assert.deepEqual(seen.batches, Array(seen.tops.length).fill(1), 'each band comes into the page in a task of its own');
  assert.deepEqual([seen.height, seen.busy, seen.minHeight], [seen.total, null, ''], 'all in: the bands make the box\'s height, which is no longer held');
  assert.deepEqual(seen.idle, [seen.tops.length], 'busy until then');

  // Drawn again (in English), and once more in Russian from the listener
  // of that drawing, before its second band: its bands stop, and the last
  // drawing's bands tile the canvas, each once.
  await page.evaluate(() => {
    window.__batches = [];
    window.__idle = [];
    const roll = document.querySelector('#roll');
    roll.addEventListener('opeka-rendered', () => roll.setAttribute('lang', 'ru'), { once: true });
    roll.setAttribute('lang', 'en');
  });
  await waitForWidgets(page, 3);
  const again = await read();
  let top = 0;
  for (const box of again.tops) {
    const [x, y, w, h] = box.split(' ').map(Number);
    assert.deepEqual([x, y, w], [0, top, 960], `the bands tile the last drawing (${again.tops.join(' | ')})`);
    top += h;
  }
  assert.deepEqual([again.tops.length, again.total, again.height, again.busy], [seen.tops.length, seen.total, seen.total, null]);
  assert.deepEqual(again.batches, [1, ...Array(seen.tops.length).fill(1)], 'the English drawing\'s first band, then the last drawing\'s bands');
  assert.deepEqual(again.idle, [seen.tops.length], 'the box is busy until the last drawing\'s bands are all in');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tall chart comes in bands laid out only near the screen, and downloads whole', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/tall.html`, { viewport: { width: 960, height: 800 } });
  await waitForWidgets(page, 1);
  // Whether the browser has the band's texts laid out: `checkVisibility`
  // says no for an element in a `content-visibility: auto` subtree it skips.
  const read = () => page.evaluate(() => {
    const bands = [...document.querySelector('#roll').shadowRoot.querySelectorAll('.opeka-svg svg')];
    return bands.map((band) => ({
      box: band.getAttribute('viewBox'),
      height: Number(band.getAttribute('height')),
      skipped: !band.querySelector('text').checkVisibility({ contentVisibilityAuto: true }),
      texts: [...band.querySelectorAll('text')].map((t) => t.textContent),
    }));
  });
  const bands = await read();
  const total = bands.reduce((sum, band) => sum + band.height, 0);
  assert.ok(bands.length >= 4 && total > 3 * 1024, `${bands.length} bands, ${total} px`);
  let top = 0;
  for (const band of bands) {
    assert.equal(band.box, `0 ${top} 960 ${band.height}`, 'each band shows the stretch of the canvas under the one before');
    assert.ok(band.height <= 1024);
    top += band.height;
  }
  const names = (texts) => texts.filter((t) => /^Иванова Мария Петровна \d+$/.test(t));
  const drawn = new Set(names(bands.flatMap((band) => band.texts)));
  assert.equal(drawn.size, 300, 'every name is drawn in some band');
  assert.equal(bands[0].skipped, false, 'the band on screen is laid out');
  assert.equal(bands.at(-1).skipped, true, 'a band far below the screen is not');
  await page.evaluate(() => document.querySelector('#roll').shadowRoot.querySelectorAll('.opeka-svg svg')[3].scrollIntoView());
  await page.waitForFunction(() => document.querySelector('#roll').shadowRoot.querySelectorAll('.opeka-svg svg')[3].querySelector('text').checkVisibility({ contentVisibilityAuto: true }));
  await page.evaluate(() => window.scrollTo(0, 0));

  const svg = await download(page, 'roll', 'Рисунок SVG');
  const whole = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      size: [root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')],
      backgrounds: root.querySelectorAll(':scope > rect[x="0"][y="0"]').length,
      titles: root.querySelectorAll('title').length,
      texts: [...root.querySelectorAll('text')].map((t) => t.textContent),
      hostile: root.querySelectorAll('img, svg svg, script').length,
    };
  }, svg.bytes.toString('utf8'));
  assert.equal(whole.error, null, 'the SVG is well-formed XML');
  assert.equal(whole.root, 'svg');
  assert.deepEqual(whole.size, ['960', String(total), `0 0 960 ${total}`], 'one document of the whole canvas');
  assert.deepEqual([whole.backgrounds, whole.titles], [1, 1], 'one canvas and one title, though every band has them');
  assert.equal(names(whole.texts).length, 300, 'each name once, though a band draws what reaches into it from the next');
  assert.deepEqual(new Set(names(whole.texts)), drawn);
  // The hostile recipient is text on the page and in the file, never an element.
  const onPage = await page.evaluate(() => {
    const box = document.querySelector('#roll').shadowRoot.querySelector('.opeka-svg');
    return { texts: [...box.querySelectorAll('text')].map((t) => t.textContent).join(' '), elements: box.querySelectorAll('img, svg svg, script').length, pwned: window.__pwned ?? null };
  });
  for (const texts of [onPage.texts, whole.texts.join(' ')]) {
    assert.ok(texts.includes(HOSTILE_NAME) && texts.includes(HOSTILE_ROLE), 'the hostile name and role are drawn as text');
  }
  assert.deepEqual([onPage.elements, whole.hostile, onPage.pwned], [0, 0, null], 'no element and no script from a label');

  const png = await download(page, 'roll', 'Рисунок PNG');
  assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [2 * 960, 2 * total], 'the PNG: the whole chart at twice its size');
  // Its last band painted: ink in the picture's last 1 000 px above the foot.
  const ink = await page.evaluate(async (b64) => {
    const image = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const g = new OffscreenCanvas(image.width, image.height).getContext('2d');
    g.drawImage(image, 0, 0);
    const { data } = g.getImageData(0, image.height - 2000, image.width, 2000);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 300) n++;
    return n;
  }, png.bytes.toString('base64'));
  assert.ok(ink > 2000, `the last band is painted (${ink} dark pixels)`);
  // The top of the chart, as the reader scrolled back up sees it (a
  // full-page capture would show blank bands that are off screen).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => document.querySelector('#roll').shadowRoot.querySelector('.opeka-svg svg text').checkVisibility({ contentVisibilityAuto: true }));
  await page.screenshot({ path: join(ARTIFACTS, 'tall-roll-bands.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
