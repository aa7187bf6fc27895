// A feed too big to draw in full: the chart draws its largest 200 rows and
// says so under the bars and in its accessible name; the page's data table
// holds the first 1 000 rows and counts the rest, so 3 000 units cost the
// host page 1 000 rows of DOM, not 3 000; its CSV holds all 3 000. A daily
// trend over more periods tabulates its latest 1 000, and its table's
// caption says so; its CSV holds every day. An outcomes feed of 3 000
// indicators draws what its largest canvas holds, reads out 50 of them in
// its summary, and tabulates them as a ranking does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForWidgets, readChart, openTables, heldMarks } from './harness.mjs';
import { generatedOutcomes } from '../bench/big-feed-bench.mjs';

let server;
let browser;
/** `s` with its no-break spaces (digit groups, number and noun) as plain ones. */
const nbsp = (s) => s.replaceAll('\u00a0', ' ');

/**
 * The CSV of each widget of `ids` on `page`, as the downloads menu writes
 * it (opeka-extras.js, with the widget's box): its lines, without the BOM.
 */
async function csvLines(page, ids) {
  const files = await page.evaluate(async (ids) => {
    const { csv } = await import('/opeka/opeka-extras.js');
    return ids.map((id) => csv(document.getElementById(id).shadowRoot.querySelector('.opeka')));
  }, ids);
  return files.map((file) => file.slice(1).split('\r\n').slice(0, -1));
}

/** `n` municipalities, unit `i` serving `i + 1` people in June 2024. */
function manyUnits(n) {
  const units = Array.from({ length: n }, (_, i) => ({ id: `u${i}`, label: `Территория ${i}` }));
  const records = units.map((u, i) => ({ period: '2024-06', unit: u.id, value: i + 1 }));
  return { opeka: 1, kind: 'caseload', title: 'Получатели по территориям', measure: { label: 'Получатели' }, units, records };
}

/** A daily series of `days` days from 1 January 2024, day `d` counting `d + 1`. */
function manyDays(days) {
  const day = (d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
  const records = Array.from({ length: days }, (_, d) => ({ period: day(d), value: d + 1 }));
  return { opeka: 1, kind: 'caseload', title: 'Обращения по дням', records };
}

/** Three lines of `days` days from 1 January 2024 whose ups and downs fall on different days. */
function threeLines(days) {
  const day = (d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
  const categories = [['a', 'Первая', 7, 50], ['b', 'Вторая', 13, 70], ['c', 'Третья', 29, 90]];
  const records = Array.from({ length: days }, (_, d) => categories.map(([id, , step, span], c) => ({ period: day(d), category: id, value: 100 * (c + 1) + ((d * step) % span) }))).flat();
  return { opeka: 1, kind: 'caseload', title: 'Три ряда по дням', categories: categories.map(([id, label]) => ({ id, label })), records };
}

/** A roll of `n` named recipients, every third with a letter of thanks, the rest with a medal. */
function manyNames(n) {
  const award_types = [{ id: 'medal', label: 'Медаль', level: 'regional', category: 'medal' }, { id: 'letter', label: 'Благодарность', level: 'department', category: 'letter' }];
  const recipients = Array.from({ length: n }, (_, i) => ({ name: `Получатель ${i}`, org: `Центр № ${i % 7}`, award: i % 3 === 2 ? 'letter' : 'medal' }));
  return { opeka: 1, kind: 'awards', title: 'Награждённые', award_types, recipients };
}

before(async () => {
  server = await startServer();
  server.routes.set('/names.json', { body: JSON.stringify(manyNames(2500)), type: 'application/json' });
  server.routes.set('/names.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Список</title>
      <script type="module" src="/opeka/opeka.js"></script></head>
      <body><opeka-chart id="roll" src="/names.json" view="roll"></opeka-chart></body></html>`,
  });
  server.routes.set('/days.json', { body: JSON.stringify(manyDays(1200)), type: 'application/json' });
  server.routes.set('/days.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Длинный ряд</title>
      <script type="module" src="/opeka/opeka.js"></script></head>
      <body><opeka-chart id="ru" src="/days.json" view="trend" lang="ru"></opeka-chart>
      <opeka-chart id="en" src="/days.json" view="trend" lang="en"></opeka-chart></body></html>`,
  });
  server.routes.set('/lines.json', { body: JSON.stringify(threeLines(900)), type: 'application/json' });
  server.routes.set('/lines.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Три ряда</title>
      <script type="module" src="/opeka/opeka.js"></script></head>
      <body style="margin: 0"><opeka-chart id="lines" src="/lines.json" view="trend"></opeka-chart></body></html>`,
  });
  server.routes.set('/big.json', { body: JSON.stringify(manyUnits(3000)), type: 'application/json' });
  server.routes.set('/big.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Большая лента</title>
      <script type="module" src="/opeka/opeka.js"></script></head>
      <body><opeka-chart id="ru" src="/big.json" view="ranking" lang="ru"></opeka-chart>
      <opeka-chart id="en" src="/big.json" view="ranking" lang="en"></opeka-chart></body></html>`,
  });
  server.routes.set('/projects.json', { body: generatedOutcomes(1500), type: 'application/json' });
  server.routes.set('/projects.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Проекты</title>
      <script type="module" src="/opeka/opeka.js"></script></head>
      <body><opeka-chart id="progress" src="/projects.json" view="progress"></opeka-chart></body></html>`,
  });
  server.routes.set('/split.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Проекты</title>
      <script type="module" src="/opeka/opeka.js"></script></head>
      <body><opeka-chart id="chart" src="/projects.json" view="progress"></opeka-chart></body></html>`,
  });
  // 100 projects, 90 KB: read on the main thread. The element comes once
  // the module is in, so that the module itself asks for the feed and
  // validates it in the task that reads its body's end.
  server.routes.set('/small-projects.json', { body: generatedOutcomes(100), type: 'application/json' });
  server.routes.set('/split-small.html', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Проекты</title></head><body>
      <script type="module">import { loadModule } from '/opeka/opeka.js';
      loadModule().then(() => {
        const chart = Object.assign(document.createElement('opeka-chart'), { id: 'chart' });
        chart.setAttribute('src', '/small-projects.json');
        chart.setAttribute('view', 'progress');
        document.body.append(chart);
      });</script></body></html>`,
  });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

test('3 000 units: 200 bars with a note, 1 000 table rows and a line counting the rest; the CSV holds all 3 000', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/big.html`);
  try {
    const events = await waitForWidgets(page, 2, 60000);
    assert.deepEqual(events.errors, []);
    const ru = await readChart(page, '#ru');
    assert.ok(ru.texts.some((t) => nbsp(t).includes('На графике — 200 строк из 3 000')), ru.texts.slice(-5).join(' | '));
    assert.match(nbsp(ru.summary), /На графике — 200 строк из 3 000, с наибольшими значениями; больше — в таблице данных\.$/);
    assert.ok(ru.texts.includes('Территория 2999') && !ru.texts.includes('Территория 2799'), 'the largest 200 are drawn');
    assert.equal(ru.tableRows, 1000);
    const foot = await page.evaluate(() => ['ru', 'en'].map((id) => document.getElementById(id).shadowRoot.querySelector('table tfoot')?.textContent));
    assert.deepEqual(foot.map(nbsp), ['…и ещё 2 000 строк', '…and 2,000 more rows']);
    // Its CSV (the downloads menu's, opeka-extras.js) holds all 3 000
    // units, the largest first; the page's table still shows 1 000 and the
    // line counting the rest.
    const files = await page.evaluate(async () => {
      const { csv } = await import('/opeka/opeka-extras.js');
      return ['ru', 'en'].map((id) => csv(document.getElementById(id).shadowRoot.querySelector('.opeka')));
    });
    // Row 1 001 is the first the page's table leaves out.
    for (const [file, expected] of [
      [files[0], ['Территория;Получатели, июнь 2024', 'Территория 2999;3000', 'Территория 1999;2000', 'Территория 0;1']],
      [files[1], ['Area,"Получатели, Jun 2024"', 'Территория 2999,3000', 'Территория 1999,2000', 'Территория 0,1']]]) {
      const lines = nbsp(file).slice(1).split('\r\n').slice(0, -1);
      assert.equal(lines.length, 3001, 'a header and 3 000 units');
      assert.deepEqual([lines[0], lines[1], lines[1001], lines.at(-1)], expected);
    }
    const after = await page.evaluate(() => ['ru', 'en'].map((id) => {
      const table = document.getElementById(id).shadowRoot.querySelector('.opeka-table table');
      return [table.tBodies[0].rows.length, table.tFoot?.textContent];
    }));
    assert.deepEqual(after.map(([rows, foot]) => [rows, nbsp(foot)]), [[1000, '…и ещё 2 000 строк'], [1000, '…and 2,000 more rows']]);
    const bars = await page.evaluate(() => document.getElementById('ru').shadowRoot.querySelectorAll('svg rect').length);
    assert.ok(bars >= 200 && bars < 400, `about one rect per drawn bar, got ${bars}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a roll of 2 500 names: its table holds the first 1 000 and counts the rest; its CSV holds all 2 500, by award', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/names.html`);
  try {
    const events = await waitForWidgets(page, 1, 60000);
    assert.deepEqual(events.errors, []);
    const roll = await readChart(page, '#roll');
    assert.equal(roll.tableRows, 1000);
    const foot = await page.evaluate(() => document.getElementById('roll').shadowRoot.querySelector('table tfoot')?.textContent);
    assert.equal(nbsp(foot), '…и ещё 1 500 строк');
    const [lines] = await csvLines(page, ['roll']);
    // The medals' 1 667 recipients first, in the feed's order, then the letters' 833.
    assert.equal(lines.length, 2501, 'a header and 2 500 recipients');
    assert.deepEqual([lines[1], lines[1667], lines[1668], lines.at(-1)],
      ['Получатель 0;;Центр № 0;;Медаль', 'Получатель 2499;;Центр № 0;;Медаль', 'Получатель 2;;Центр № 2;;Благодарность', 'Получатель 2498;;Центр № 6;;Благодарность']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('1 500 projects (3 000 indicators, 1.4 MB): the first projects drawn, 50 indicators read out; 1 000 table rows and a line counting the rest; the CSV holds all 3 000', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/projects.html`);
  try {
    const events = await waitForWidgets(page, 1, 60000);
    assert.deepEqual(events.errors, []);
    const chart = await readChart(page, '#progress');
    assert.ok(chart.texts.includes('Проект номер 0') && !chart.texts.includes('Проект номер 1499'), 'the first projects are drawn');
    assert.match(nbsp(chart.summary), /Показатель 1 проекта 24 — .*…и ещё 2 950 показателей \(см\. таблицу данных\)\.$/);
    assert.equal(chart.tableRows, 1000);
    const foot = await page.evaluate(() => document.getElementById('progress').shadowRoot.querySelector('table tfoot')?.textContent);
    assert.equal(nbsp(foot), '…и ещё 2 000 строк');
    const [lines] = await csvLines(page, ['progress']);
    assert.equal(lines.length, 3001, 'a header and 3 000 indicators');
    assert.match(lines[1], /^Проект номер 0;Реализуется;Показатель 0 проекта 0;/);
    assert.match(lines.at(-1), /^Проект номер 1499;Реализуется;Показатель 1 проекта 1499;/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/**
 * Watches, from before the page's scripts, how the chart of `#chart` is
 * read, laid out and drawn: each task in which a body is read to its end
 * or the module measures text (as it lays a chart out) is one record,
 * `body` if a body was read to its end in it, `real` if it measured the
 * feed's projects (not the warm-up's texts). `window.__split.laidWithBody`
 * says whether a task that read a body also measured the projects;
 * `drawn`, of the first drawing of those projects put in the chart's box,
 * whether the task that put it there measured them or read a body too,
 * and which language it is in. With `switchTo`, the first task after the
 * first laying out of the projects sets the element's `lang` to it.
 */
function watchSplit(switchTo) {
  window.__split = { laid: 0, drawn: null, laidWithBody: false };
  let task = null;
  const current = () => {
    if (!task) {
      const t = (task = { real: false, body: false });
      // A task of its own, before any the module queues after this one: the
      // module's `scheduler.yield()` goes ahead of other tasks, but not of
      // user-blocking ones.
      scheduler.postTask(() => {
        task = null;
        if (t.real && !window.__split.laid++ && switchTo) document.getElementById('chart').setAttribute('lang', switchTo);
      }, { priority: 'user-blocking' });
    }
    return task;
  };
  const read = ReadableStreamDefaultReader.prototype.read;
  ReadableStreamDefaultReader.prototype.read = function () {
    return read.call(this).then((result) => {
      if (result.done) current().body = true;
      return result;
    });
  };
  const measure = CanvasRenderingContext2D.prototype.measureText;
  CanvasRenderingContext2D.prototype.measureText = function (text) {
    const t = current();
    // The module measures a text word by word (crates/widgets/src/measure.rs).
    if (/^(Проект|Project)$/.test(text)) {
      t.real = true;
      if (t.body) window.__split.laidWithBody = true;
    }
    return measure.call(this, text);
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    new MutationObserver((records) => {
      for (const node of records.flatMap((r) => [...r.addedNodes])) {
        const text = node.textContent ?? '';
        const lang = text.includes('Проект номер 0') ? 'ru' : text.includes('Project 0') ? 'en' : null;
        if (lang && !window.__split.drawn) window.__split.drawn = { lang, whileMeasuring: !!task?.real, withBody: !!task?.body };
      }
    }).observe(root, { childList: true, subtree: true });
    return root;
  };
}

test('a feed, big or small, is read in a task, laid out in the next and drawn in a third; asked meanwhile to draw in another language, it draws in that one', async () => {
  for (const [path, switchTo] of [['/split.html', null], ['/split.html', 'en'], ['/split-small.html', null], ['/split-small.html', 'en']]) {
    const { page, context, errors } = await openPage(browser, `${server.url}${path}`, { init: watchSplit, initArg: switchTo });
    try {
      const events = await waitForWidgets(page, 1, 60000);
      assert.deepEqual(events.errors, []);
      const split = await page.evaluate(() => window.__split);
      assert.ok(split.laid >= 1, 'the projects were laid out');
      assert.ok(split.drawn, 'the projects were drawn');
      // The task that drew them measured nothing, the layout done in one
      // before it; asked meanwhile for English, it laid them out again.
      assert.equal(split.drawn.whileMeasuring, Boolean(switchTo), `${path}: laid out in the drawing task`);
      assert.equal(split.laidWithBody, false, `${path}: laid out in the task that read the body`);
      assert.equal(split.drawn.withBody, false, `${path}: drawn in the task that read the body`);
      assert.equal(split.drawn.lang, switchTo ?? 'ru', 'the first drawing is in the language asked for last');
      const chart = await readChart(page, '#chart');
      assert.ok(chart.texts.includes(switchTo ? 'Project 0' : 'Проект номер 0'), `drawn in ${switchTo ?? 'ru'}`);
      assert.equal(events.rendered.length, 1, 'drawn once');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('a daily trend of 1 200 days: its table holds the latest 1 000, from the 201st day to the last, and its caption says so; its CSV holds all 1 200', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/days.html`);
  try {
    const events = await waitForWidgets(page, 2, 60000);
    assert.deepEqual(events.errors, []);
    // Opened, its rows go in a hundred a frame, so that no task lays out
    // the thousand: a hundred as it opens, then more in each frame.
    const growth = await page.evaluate(() => new Promise((resolve) => {
      const box = document.getElementById('ru').shadowRoot.querySelector('.opeka-table');
      const counts = [];
      const count = () => {
        counts.push(box.querySelectorAll('tbody tr').length);
        if (counts.at(-1) < 1000 && counts.length < 50) requestAnimationFrame(count);
        else resolve(counts);
      };
      box.addEventListener('toggle', count, { once: true });
      box.open = true;
    }));
    assert.equal(growth[0], 100, `rows as the table opened: ${growth}`);
    assert.equal(growth.at(-1), 1000, `rows frame by frame: ${growth}`);
    assert.ok(growth.every((n, i) => i === 0 || n - growth[i - 1] <= 200), `no frame adds more than two hundred: ${growth}`);
    await openTables(page);
    const tables = await page.evaluate(() => ['ru', 'en'].map((id) => {
      const table = document.getElementById(id).shadowRoot.querySelector('.opeka-table table');
      const rows = [...table.tBodies[0].rows].map((row) => [...row.cells].map((cell) => cell.textContent));
      return { caption: table.caption.textContent, rows: rows.length, first: rows[0], last: rows.at(-1), foot: table.tFoot?.textContent ?? null };
    }));
    const [ru, en] = tables;
    assert.equal(nbsp(ru.caption), 'Обращения по дням. Последние 1 000 строк из 1 200.');
    assert.equal(nbsp(en.caption), 'Обращения по дням. The latest 1,000 rows of 1,200.');
    for (const table of tables) {
      assert.equal(table.rows, 1000);
      assert.equal(table.foot, null, 'no line counts rows after the last');
    }
    // Day 201 (19 July 2024) counts 201; the last, day 1 200 (14 April 2027), 1 200.
    assert.deepEqual(ru.first.map(nbsp), ['19 июля 2024 г.', '201'], ru.first.join(' | '));
    assert.deepEqual(ru.last.map(nbsp), ['14 апреля 2027 г.', '1 200'], ru.last.join(' | '));
    assert.deepEqual(en.last.map(nbsp), ['14 April 2027', '1,200'], en.last.join(' | '));
    // Its CSV (the downloads menu's, opeka-extras.js) holds every day: the header, then days 1 to 1 200.
    const files = await page.evaluate(async () => {
      const { csv } = await import('/opeka/opeka-extras.js');
      // As the menu calls it: with the widget's box.
      return ['ru', 'en'].map((id) => csv(document.getElementById(id).shadowRoot.querySelector('.opeka')));
    });
    for (const [file, sep, first, last] of [[files[0], ';', '1 января 2024 г.;1', '14 апреля 2027 г.;1200'], [files[1], ',', '1 January 2024,1', '14 April 2027,1200']]) {
      const lines = nbsp(file).slice(1).split('\r\n').slice(0, -1);
      assert.equal(lines.length, 1201, `a header and 1 200 days (${sep})`);
      assert.deepEqual([lines[1], lines.at(-1)], [first, last]);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a phone-width trend of three lines over 900 days: each line drawn with fewer points, every tooltip names all three, as the table has them', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/lines.html`, { viewport: { width: 390, height: 844 } });
  try {
    const events = await waitForWidgets(page, 1, 60000);
    assert.deepEqual(events.errors, []);
    const drawn = await page.evaluate(() => [...document.getElementById('lines').shadowRoot.querySelectorAll('svg polyline')]
      .map((line) => line.getAttribute('points').trim().split(/\s+/).length));
    // Each line is downsampled on its own to the plot's width, keeping its own days.
    assert.equal(drawn.length, 3);
    assert.ok(drawn.every((n) => n < 900), `points drawn per line: ${drawn}`);
    // The points' readings, as the script holds them: each point is placed
    // on the first pointer, and read when the pointer comes to its place.
    const held = () => heldMarks(page, '#lines');
    const box = await page.locator('#lines .opeka-svg').boundingBox();
    const tips = [];
    for (let x = box.x + box.width * 0.2; x < box.x + box.width * 0.95; x += box.width / 40) {
      await page.mouse.move(x, box.y + box.height * 0.5);
      await page.waitForFunction(() => !document.getElementById('lines').shadowRoot.querySelector('.opeka-tip').hidden, null, { timeout: 10000 });
      tips.push(await page.evaluate(() => [...document.getElementById('lines').shadowRoot.querySelector('.opeka-tip').children].filter((line) => !('note' in line.dataset)).map((line) => line.textContent)));
      if (tips.length === 1) {
        const first = await held();
        assert.equal(first.placed, 2700, 'the first pointer placed every point of the three lines');
        assert.ok(first.read >= 3 && first.read <= 9, `and read those at its place only: ${first.read}`);
      }
    }
    const swept = await held();
    assert.ok(swept.read >= 3 * 20 && swept.read < 2700 / 4, `the sweep read the places it came to: ${swept.read} of 2 700`);
    // The table's rows, read when it is opened.
    await openTables(page);
    const rows = await page.evaluate(() => [...document.getElementById('lines').shadowRoot.querySelectorAll('.opeka-table tbody tr')]
      .map((row) => [...row.cells].map((cell) => cell.textContent)));
    const byDay = new Map(rows.map(([period, ...values]) => [period, values]));
    assert.ok(new Set(tips.map((tip) => tip[0])).size >= 20, `${tips.length} tooltips over ${new Set(tips.map((tip) => tip[0])).size} days`);
    for (const [period, ...lines] of tips) {
      assert.deepEqual(lines.map((line) => line.split(':')[0]), ['Первая', 'Вторая', 'Третья'], `${period}: ${lines.join(' | ')}`);
      // The values are the day's, as its table row has them.
      assert.deepEqual(lines.map((line) => line.split(': ')[1].split(',')[0]), byDay.get(period), period);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
