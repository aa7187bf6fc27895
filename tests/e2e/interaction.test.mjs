// What a viewer does with a chart: hovering and tapping marks for their
// tooltips (checked against the data table), walking every mark with the
// keyboard, the widget's tab order, and hiding series from the legend.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, openPage, openTables, waitForWidgets, screenshot, heldMarks } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ mounts: [['/leptos-app/', join(ROOT, 'examples', 'leptos-app', 'dist')]] });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

const MINISTRY = '/examples/ministry-page.html';
const TREND = '#caseload-trend';
const NBSP = '\u00a0';

/**
 * The widget's table, tooltip, live region, outline and legend, as a viewer
 * (or a screen reader) meets them: the tooltip, outline and live region as
 * they are, then the tables opened (a trend's rows, not yet read, are read
 * then, and the chart's tooltip closes as the script takes them, as it
 * does when a reader leaves the chart for the table).
 */
async function readWidget(page, selector) {
  const shown = await page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const visible = (e) => e && !e.hidden && e.getBoundingClientRect().width > 0;
    const tip = root.querySelector('.opeka-tip');
    const ring = root.querySelector('.opeka-ring');
    const rect = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
    return {
      // The tooltip's lines, and apart from them the note under a period's rows.
      tip: visible(tip) ? [...tip.children].filter((line) => !('note' in line.dataset)).map((line) => line.textContent) : null,
      note: visible(tip) ? [...tip.children].find((line) => 'note' in line.dataset)?.textContent ?? null : null,
      tipBox: visible(tip) ? rect(tip) : null,
      host: rect(document.querySelector(sel)),
      ring: visible(ring) ? rect(ring) : null,
      live: root.querySelector('[aria-live="polite"]')?.textContent ?? '',
      active: root.activeElement ? (root.activeElement.className || root.activeElement.tagName.toLowerCase()) : null,
    };
  }, selector);
  await openTables(page);
  return page.evaluate(([sel, shown]) => {
    const root = document.querySelector(sel).shadowRoot;
    return {
      ...shown,
      columns: [...root.querySelectorAll('table thead th')].map((th) => th.textContent),
      rows: [...root.querySelectorAll('table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
      caption: root.querySelector('table caption')?.textContent ?? '',
      summary: root.querySelector('[role="img"]').getAttribute('aria-label'),
      keys: [...root.querySelectorAll('.opeka-key')].map((b) => ({ name: b.textContent, pressed: b.getAttribute('aria-pressed') })),
      lines: root.querySelectorAll('svg polyline').length,
      ticks: [...root.querySelectorAll('svg text')].map((t) => t.textContent.trim()),
    };
  }, [selector, shown]);
}

/** The trend's marks the script holds: how many are placed, and how many of them read. */
const held = (page) => heldMarks(page, TREND);

/** Whether `text` starts with `prefix` and the number in the prefix ends there. */
function startsWithNumber(text, prefix) {
  return text.startsWith(prefix) && !/[\d,]/.test(text[prefix.length] ?? '');
}

/**
 * Checks a trend tooltip against the data table: its first line is a period,
 * a row of the table; every other line is a series (a column) with that row's value.
 */
function checkTrendTooltip(tip, widget) {
  const row = widget.rows.find((r) => r[0] === tip[0]);
  assert.ok(row, `the tooltip's heading ${tip[0]} is a period of the table`);
  const shown = widget.keys.filter((k) => k.pressed !== 'false').map((k) => k.name);
  assert.equal(tip.length - 1, shown.length || 1, `one line per series shown: ${tip.join(' | ')}`);
  for (const line of tip.slice(1)) {
    const column = widget.columns.findIndex((c, i) => i > 0 && line.startsWith(`${c}: `));
    assert.ok(column > 0, `${line} names a series of the table`);
    assert.ok(startsWithNumber(line, `${widget.columns[column]}: ${row[column]}`), `${line} reads ${row[column]} as the table does`);
  }
}

/**
 * Waits until the widget's tooltip is shown: the tooltips load on a chart's
 * first pointer or focus (opeka-tooltips.js), so the first event's answer
 * can come a moment after it.
 */
function tooltipShown(page, selector) {
  return page.waitForFunction((sel) => {
    const tip = document.querySelector(sel).shadowRoot.querySelector('.opeka-tip');
    return tip && !tip.hidden && tip.getBoundingClientRect().width > 0;
  }, selector);
}

async function chartBox(page, selector) {
  return page.locator(`${selector} .opeka-svg`).boundingBox();
}

test('hovering the trend shows every series at the nearest period, as the table says, inside the widget', async () => {
  const tooltipsFetched = () => server.requests.filter((p) => p === '/opeka/opeka-tooltips.js').length;
  const before = tooltipsFetched();
  const { page, context, errors } = await openPage(browser, `${server.url}${MINISTRY}`);
  await waitForWidgets(page, 2);
  assert.equal(tooltipsFetched(), before, 'drawn charts do not fetch their tooltips before a reader points or tabs at one');
  // The readings interact.js holds for the tooltips and the keyboard walk.
  const readings = () => page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.opeka-figure').opeka.texts?.length ?? null, TREND);
  const places = () => page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.opeka-figure').opeka.marks.length, TREND);
  assert.equal(await readings(), null, "a trend's points are drawn unread (render_with): their readings are written when a reader first points or tabs");
  assert.equal(await places(), 0, 'and their places with them (a long trend has thousands)');
  const box = await chartBox(page, TREND);
  // The pointer's first entry loads the tooltips; the sweep starts once they answer.
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.55);
  await tooltipShown(page, TREND);
  assert.equal(tooltipsFetched(), before + 1, 'fetched once, for every chart of the page');
  assert.ok((await readings()) > 20, 'the first pointer placed every point');
  assert.equal(await places(), (await readings()) * 5, 'x, y, w, h, series each');
  // Read: the points of the period under the pointer, one a line (and a target there), not the rest.
  const written = (await held(page)).read;
  const lines = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelectorAll('.opeka-key').length, TREND);
  assert.ok(lines >= 2 && written >= lines && written <= lines + 1, `the period's ${lines} readings are written, not every point's: ${written}`);
  const seen = new Map();
  for (let x = box.x + 4; x < box.x + box.width; x += 9) {
    await page.mouse.move(x, box.y + box.height * 0.55);
    const widget = await readWidget(page, TREND);
    if (!widget.tip) continue;
    seen.set(widget.tip[0], widget);
    const { tipBox, host } = widget;
    assert.ok(tipBox.left >= host.left - 0.5 && tipBox.right <= host.right + 0.5 && tipBox.top >= host.top - 0.5 && tipBox.bottom <= host.bottom + 0.5,
      `the tooltip ${JSON.stringify(tipBox)} stays inside the widget ${JSON.stringify(host)}`);
  }
  const periods = (await readWidget(page, TREND)).rows.length;
  assert.equal(seen.size, periods, `a sweep across the plot meets every period: ${[...seen.keys()].join(', ')}`);
  for (const widget of seen.values()) checkTrendTooltip(widget.tip, widget);
  // Every series line gives the change from the month before, except in the
  // first month, and the words for it come once, under the lines.
  const [first, second] = [...seen.values()];
  assert.ok(first.tip.slice(1).every((l) => !/\s%|предыдущ/.test(l)) && first.note === null, `${first.tip.join(' | ')} / ${first.note}`);
  assert.ok(second.tip.slice(1).every((l) => /, [+−]?[\d,]+\s%$/.test(l)), second.tip.join(' | '));
  assert.equal(second.note, 'к предыдущему периоду');

  // Each line starts with its series' swatch: the colour of the point it reads.
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.55);
  const inks = await page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const s = root.querySelector('.opeka-figure').opeka;
    const tip = root.querySelector('.opeka-tip');
    const group = s.texts.flatMap((t, j) => (t[1] === tip.firstChild.textContent ? [j] : []));
    const ink = (shapes) => [...new Set(shapes.map((e) => e.getAttribute('fill')?.toUpperCase()).filter((f) => f && f !== '#FFFFFF' && f !== 'NONE'))];
    const holds = (e, x, y) => { const b = e.getBBox(); return x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height; };
    const points = [...root.querySelectorAll('.opeka-svg svg > circle, .opeka-svg svg > polygon')];
    return [...tip.children].slice(1).filter((row) => !('note' in row.dataset)).map((row, k) => {
      const [x, y, w, h] = s.marks.slice(group[k] * 5, group[k] * 5 + 4);
      // The marker drawn at the point (a circle, square, triangle or diamond).
      const point = points.filter((e) => holds(e, x + w / 2, y + h / 2));
      return { swatch: ink([...row.querySelectorAll('svg > *')]), point: ink(point), text: row.textContent };
    });
  }, TREND);
  assert.equal(inks.length, 4, JSON.stringify(inks));
  for (const { swatch, point, text } of inks) assert.ok(point.length === 1 && swatch.includes(point[0]), `${text}: swatch ${swatch}, point ${point}`);
  assert.equal(new Set(inks.map((i) => i.point[0])).size, 4, 'four series, four colours');

  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.55);
  assert.ok((await readWidget(page, TREND)).tip);
  await screenshot(page, 'interaction-hover-1280');
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height + 200);
  assert.equal((await readWidget(page, TREND)).tip, null, 'the tooltip closes when the pointer leaves');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bar tooltip is its full reading; hover at the right edge keeps it inside the widget', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/examples/twenty-widgets.html`, { viewport: { width: 1920, height: 1080 } });
  await waitForWidgets(page, 20);
  const host = page.locator('#w03');
  await host.scrollIntoViewIfNeeded();
  const widget = await readWidget(page, '#w03');
  // The first bar, by its row: the first table row's first category.
  const box = await chartBox(page, '#w03');
  let tip = null;
  for (let x = box.x + box.width * 0.35; x < box.x + box.width && !tip; x += 6) {
    for (let y = box.y + box.height * 0.25; y < box.y + box.height * 0.5 && !tip; y += 6) {
      await page.mouse.move(x, y);
      tip = (await readWidget(page, '#w03')).tip;
    }
  }
  assert.ok(tip, 'some bar has a tooltip');
  assert.equal(tip.length, 1);
  const [reading] = tip;
  const row = widget.rows.find((r) => reading.startsWith(`${r[0]}, `));
  assert.ok(row, `${reading} names a row of the table`);
  const column = widget.columns.findIndex((c, i) => i > 0 && reading.includes(`, ${c}: `));
  assert.ok(column > 0 && reading.includes(`, ${widget.columns[column]}: ${row[column]}`), `${reading} agrees with the table (${row})`);
  // Led by its category's swatch from the legend: the colour of the bar it reads.
  const inks = await page.evaluate(() => {
    const root = document.getElementById('w03').shadowRoot;
    const s = root.querySelector('.opeka-figure').opeka;
    const ink = (shapes) => [...new Set(shapes.map((e) => e.getAttribute('fill')?.toUpperCase()).filter((f) => f && f !== '#FFFFFF' && f !== 'NONE'))];
    const tip = root.querySelector('.opeka-tip');
    // The bar the tooltip reads: the mark whose reading it is.
    const i = s.texts.findIndex((t) => t[0] === tip.textContent);
    const [bx, by, bw, bh] = s.marks.slice(i * 5, i * 5 + 4);
    const bar = [...root.querySelectorAll('.opeka-svg svg > rect')].filter((r) => Math.abs(+r.getAttribute('x') - bx) < 0.6
      && Math.abs(+r.getAttribute('y') - by) < 0.6 && Math.abs(+r.getAttribute('width') - bw) < 0.6 && Math.abs(+r.getAttribute('height') - bh) < 0.6);
    return { swatch: ink([...tip.querySelectorAll('svg > *')]), bar: ink(bar) };
  });
  assert.ok(inks.bar.length === 1 && inks.swatch.includes(inks.bar[0]), `swatch ${inks.swatch}, bar ${inks.bar}`);
  await page.mouse.move(box.x + box.width - 3, box.y + box.height * 0.3);
  const edge = await readWidget(page, '#w03');
  if (edge.tipBox) assert.ok(edge.tipBox.right <= edge.host.right + 0.5, 'never cut off at the right edge');
  // Composition hides a category from its legend too; its bars end at what is shown.
  await page.locator('#w03 .opeka-key').first().click();
  const hidden = await readWidget(page, '#w03');
  assert.ok(hidden.summary.endsWith(`Скрыто: ${widget.keys[0].name}.`), hidden.summary);
  assert.equal(hidden.keys[0].pressed, 'false');
  await screenshot(page, 'interaction-bars-1920');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tap on a phone shows the tooltip, off the tapped period\'s points; a tap elsewhere closes it', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}${MINISTRY}`, {
    viewport: { width: 375, height: 740 }, context: { hasTouch: true, isMobile: true },
  });
  await waitForWidgets(page, 2);
  const chart = page.locator(`${TREND} .opeka-svg`);
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  await chart.tap({ position: { x: box.width * 0.6, y: box.height * 0.55 } });
  await tooltipShown(page, TREND);
  const widget = await readWidget(page, TREND);
  assert.ok(widget.tip, 'the tapped period shows its tooltip');
  checkTrendTooltip(widget.tip, widget);
  assert.ok(widget.tipBox.left >= widget.host.left - 0.5 && widget.tipBox.right <= widget.host.right + 0.5, 'inside the phone-wide widget');
  // The tooltip is too wide to stand beside the period's column of points
  // on a phone: it stands above or below it, and every line's point there
  // (each line's point nearest the tap) stays in view. Until stop 31 it
  // covered them.
  const tapX = box.x + box.width * 0.6;
  const points = await page.evaluate(([sel, x]) => {
    const svg = document.querySelector(sel).shadowRoot.querySelector('.opeka-svg svg');
    const matrix = svg.getScreenCTM();
    return [...svg.querySelectorAll('polyline')].map((line) => [...line.points]
      .map((p) => new DOMPoint(p.x, p.y).matrixTransform(matrix))
      .reduce((best, p) => (Math.abs(p.x - x) < Math.abs(best.x - x) ? p : best)))
      .map((p) => [p.x, p.y]);
  }, [TREND, tapX]);
  assert.ok(points.length >= 2, `${points.length} lines`);
  const covered = points.filter(([x, y]) => x > widget.tipBox.left && x < widget.tipBox.right && y > widget.tipBox.top && y < widget.tipBox.bottom);
  assert.deepEqual(covered, [], `the tooltip ${JSON.stringify(widget.tipBox)} covers the tapped period's points`);
  await screenshot(page, 'interaction-tap-375');
  await page.locator('h1').first().tap();
  assert.equal((await readWidget(page, TREND)).tip, null, 'a tap elsewhere closes it');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone, a table wider than the screen is swiped on its own: the chart, the menu, the page and each row\'s period stay', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}${MINISTRY}`, {
    viewport: { width: 390, height: 844 }, context: { hasTouch: true, isMobile: true },
  });
  await waitForWidgets(page, 2);
  await page.locator(`${TREND} .opeka-table summary`).tap();
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('table tbody tr'), TREND);
  // Brought into view by its period, at the table's left: its last cell would scroll the table too.
  const row = page.locator(`${TREND} table tbody tr:nth-child(3) th`);
  await row.scrollIntoViewIfNeeded();
  const layout = () => page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const box = root.querySelector('.opeka');
    const rect = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
    const period = root.querySelector('tbody tr:nth-child(3) th');
    const p = rect(period);
    return {
      page: [document.scrollingElement.scrollWidth, innerWidth],
      widget: [box.scrollWidth, box.clientWidth],
      figure: rect(root.querySelector('.opeka-figure')),
      svg: rect(root.querySelector('.opeka-svg')),
      menu: rect(root.querySelector('.opeka-menu')),
      summary: rect(root.querySelector('.opeka-table summary')),
      caption: rect(root.querySelector('table caption')),
      table: rect(root.querySelector('table')),
      period: p,
      periodText: period.textContent,
      // What a finger at the period's place meets: the period itself, not a number scrolled under it.
      atPeriod: root.elementFromPoint(p.left + 4, (p.top + p.bottom) / 2)?.textContent,
      number: rect(root.querySelector('tbody tr:nth-child(3) td')),
    };
  }, TREND);
  const before = await layout();
  assert.ok(before.table.right > before.figure.right + 50, `the table (${before.table.right}) is wider than the phone's widget (${before.figure.right})`);
  assert.equal(before.page[0], before.page[1], 'the page does not scroll sideways');
  // Nor is the phone's layout viewport widened past the screen, by the widget or the example page around it.
  assert.equal(before.page[1], 390, 'the page is laid out at the phone\'s width');
  assert.ok(before.widget[0] <= before.widget[1], 'nor does the widget: the chart stays put');
  assert.ok(before.menu.right <= before.figure.right + 0.5 && before.menu.bottom <= before.caption.top, 'the menu stays at the right, above the table');
  assert.ok(before.summary.right <= before.menu.left, 'the toggle beside it, not under it');
  // Its caption (a long series' says which rows the table holds) wraps
  // within the screen, to be read whole before the table is swiped.
  assert.ok(before.caption.right <= before.figure.right + 0.5, `the caption (to ${before.caption.right}) wraps within the widget (to ${before.figure.right})`);
  // A finger's swipe to the left over the table, as the phone's touch events
  // (Chromium's synthesized scroll gestures do not scroll in headless mode).
  const cdp = await context.newCDPSession(page);
  const at = await row.boundingBox();
  const y = at.y + at.height / 2;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 300, y }] });
  for (let x = 280; x >= 100; x -= 20) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction(([sel, left]) => document.querySelector(sel).shadowRoot.querySelector('tbody tr:nth-child(3) td').getBoundingClientRect().left < left - 100, [TREND, before.number.left]);
  const after = await layout();
  assert.ok(after.number.left < before.number.left - 100, `the numbers moved left (${before.number.left} → ${after.number.left})`);
  assert.deepEqual([after.svg.left, after.page, after.widget], [before.svg.left, before.page, before.widget], 'the chart and the page did not move');
  assert.equal(after.period.left, before.period.left, 'the row\'s period stays at the left');
  assert.equal(after.caption.left, before.caption.left, 'so does the caption, to be read while the numbers move');
  assert.equal(after.atPeriod, after.periodText, `the period ${after.periodText} is what shows there, over the numbers`);
  await screenshot(page, 'interaction-table-swiped-390');
  // As wide as on the narrowest phones (320 px, less the page's margins): the
  // toggle's words wrap beside the menu rather than run under it.
  await page.evaluate((sel) => { document.querySelector(sel).style.width = '256px'; }, TREND);
  // The chart redrawn at that width too.
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('svg').getBoundingClientRect().width <= 256, TREND);
  const narrow = await layout();
  assert.ok(narrow.summary.right <= narrow.menu.left, `the toggle (to ${narrow.summary.right}) ends before the menu (from ${narrow.menu.left})`);
  assert.ok(narrow.menu.right <= narrow.figure.right + 0.5 && narrow.widget[0] <= narrow.widget[1], 'the menu and the widget still fit the phone');
  assert.deepEqual(errors, []);
  await context.close();
});

test('before its table is read, a trend is read a period at a time as the keys come to it, as the table has it', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}${MINISTRY}`);
  await waitForWidgets(page, 2);
  const live = () => page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[aria-live="polite"]').textContent, TREND);
  await page.locator(`${TREND} .opeka-svg`).focus();
  const heard = [];
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowLeft']) {
    await page.keyboard.press(key);
    await page.waitForFunction(([sel, before]) => {
      const text = document.querySelector(sel).shadowRoot.querySelector('[aria-live="polite"]').textContent;
      return text && text !== before;
    }, [TREND, heard.at(-1) ?? ''], { timeout: 10000 });
    heard.push(await live());
  }
  const { placed, read } = await held(page);
  assert.ok(placed > 20, `every point placed: ${placed}`);
  assert.ok(read >= 4 && read < placed / 2, `the periods walked to are read, not the rest: ${read} of ${placed}`);
  const widget = await readWidget(page, TREND);
  const [first, second] = widget.columns.slice(1);
  const periods = widget.rows.map((row) => row[0]);
  const said = (reading, series, period) => {
    const row = widget.rows.find((r) => r[0] === period);
    const value = row[widget.columns.indexOf(series)];
    return startsWithNumber(reading, `${series}, ${period}: ${value}`) && reading[`${series}, ${period}: ${value}`.length] === NBSP;
  };
  // Right along the first series, its first three periods; down to the second series there; left along it.
  [[first, 0], [first, 1], [first, 2], [second, 2], [second, 1]].forEach(([series, p], i) => {
    assert.ok(said(heard[i], series, periods[p]), `${heard[i]} is ${series} at ${periods[p]}, as the table has it`);
  });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the keyboard walks every mark, announcing each reading as the table has it', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}${MINISTRY}`);
  await waitForWidgets(page, 2);
  // Tab from the top of the page until the chart has focus: one tab stop, named by its summary.
  let widget;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    widget = await readWidget(page, TREND);
    if (widget.active === 'opeka-svg') break;
  }
  assert.equal(widget.active, 'opeka-svg', 'the chart is a tab stop');
  assert.ok(widget.summary.startsWith('Получатели социальных услуг в Кузбассе.'), widget.summary);
  // Every reported value of the table is a mark: series, period, value.
  const expected = new Set();
  for (const row of widget.rows) {
    widget.columns.slice(1).forEach((series, i) => { if (row[i + 1] !== 'нет данных') expected.add(`${series}, ${row[0]}: ${row[i + 1]}`); });
  }
  const heard = [];
  for (let i = 0; i < expected.size + 2; i++) {
    await page.keyboard.press('ArrowRight');
    if (i === 0) await tooltipShown(page, TREND);
    const now = await readWidget(page, TREND);
    assert.ok(now.ring, 'the focused mark is outlined');
    assert.ok(now.tip, 'and shows its tooltip');
    if (heard.at(-1) !== now.live) heard.push(now.live);
  }
  assert.equal(heard.length, expected.size, 'each mark once, and the walk stops at the last');
  const matched = new Set();
  for (const reading of heard) {
    const match = [...expected].find((e) => startsWithNumber(reading, e) && reading[e.length] === NBSP);
    assert.ok(match, `${reading} is a value of the table`);
    matched.add(match);
  }
  assert.equal(matched.size, expected.size, 'every value of the table is reached');

  await page.keyboard.press('Home');
  const first = (await readWidget(page, TREND)).live;
  assert.equal(first, heard[0]);
  await page.keyboard.press('ArrowDown');
  const below = (await readWidget(page, TREND)).live;
  const period = first.split(': ')[0].split(', ').at(-1);
  assert.ok(below.startsWith(`${widget.columns[2]}, ${period}: `), `down moves to the next series at the same period: ${below}`);
  await page.keyboard.press('ArrowUp');
  assert.equal((await readWidget(page, TREND)).live, first);
  await page.keyboard.press('End');
  assert.equal((await readWidget(page, TREND)).live, heard.at(-1));
  await screenshot(page, 'interaction-keyboard-1280');
  await page.keyboard.press('Escape');
  const left = await readWidget(page, TREND);
  assert.equal(left.tip, null, 'Escape closes the tooltip');
  assert.equal(left.ring, null, 'and takes the outline down');

  // Tab order: chart, each legend entry, the table toggle.
  const order = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    order.push((await readWidget(page, TREND)).active);
  }
  assert.deepEqual(order, ['opeka-key', 'opeka-key', 'opeka-key', 'opeka-key', 'summary']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the legend hides and shows a series, by click and by Enter; the axis, summary and table follow', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}${MINISTRY}`);
  await waitForWidgets(page, 2);
  const before = await readWidget(page, TREND);
  assert.deepEqual(before.keys.map((k) => k.pressed), ['true', 'true', 'true', 'true']);
  assert.equal(before.lines, 4);
  const name = before.keys[0].name;
  await page.locator(`${TREND} .opeka-key`).first().click();
  const hidden = await readWidget(page, TREND);
  assert.equal(hidden.lines, 3, 'its line is gone');
  assert.deepEqual(hidden.keys.map((k) => k.pressed), ['false', 'true', 'true', 'true']);
  assert.deepEqual(hidden.keys.map((k) => k.name), before.keys.map((k) => k.name), 'the legend keeps its entries');
  assert.ok(hidden.summary.endsWith(`Скрыто: ${name}.`), hidden.summary);
  assert.ok(hidden.caption.endsWith(`Скрыто: ${name}.`), hidden.caption);
  assert.deepEqual(hidden.rows, before.rows, 'the table keeps every value');
  const topTick = (w) => Math.max(...w.ticks.filter((t) => /^\d{1,3}(\u00a0\d{3})*$/.test(t)).map((t) => Number(t.replaceAll(NBSP, ''))));
  assert.ok(topTick(hidden) < topTick(before), `the axis rescales: ${topTick(before)} → ${topTick(hidden)}`);
  await screenshot(page, 'interaction-legend-1280');

  // Enter on the focused entry shows it again, and focus stays on the entry.
  await page.locator(`${TREND} .opeka-key`).first().focus();
  await page.keyboard.press('Enter');
  const shown = await readWidget(page, TREND);
  assert.equal(shown.lines, 4);
  assert.equal(shown.active, 'opeka-key');
  assert.ok(!shown.summary.includes('Скрыто'), shown.summary);
  assert.deepEqual(errors, []);
  await context.close();
});

test('new data resets the legend; a redraw of the same data keeps it', async () => {
  const feed = JSON.parse(await readFile(join(ROOT, 'feeds', 'kuzbass-caseload.json'), 'utf8'));
  server.routes.set('/live/caseload.json', { body: JSON.stringify(feed), type: 'application/json' });
  server.routes.set('/live/page.html', {
    body: '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Live</title><script type="module" src="/opeka/opeka.js"></script></head>'
      + '<body><main><h1>Live</h1><opeka-chart id="live" src="/live/caseload.json" view="trend"></opeka-chart></main></body></html>',
    type: 'text/html; charset=utf-8',
  });
  const { page, context, errors } = await openPage(browser, `${server.url}/live/page.html`);
  await waitForWidgets(page, 1);
  await page.locator('#live .opeka-key').nth(1).click();
  assert.equal((await readWidget(page, '#live')).lines, 3);
  // Another width redraws the same data: the series stays hidden.
  await page.setViewportSize({ width: 900, height: 900 });
  await page.waitForFunction(() => window.__opeka.rendered.length >= 2);
  assert.equal((await readWidget(page, '#live')).lines, 3);
  feed.records[0].value += 1;
  server.routes.set('/live/caseload.json', { body: JSON.stringify(feed), type: 'application/json' });
  const drawn = await page.evaluate(() => window.__opeka.rendered.length);
  await page.evaluate(() => document.querySelector('#live').reload());
  await page.waitForFunction((n) => window.__opeka.rendered.length > n, drawn);
  const fresh = await readWidget(page, '#live');
  assert.equal(fresh.lines, 4, 'new data shows every series');
  assert.deepEqual(fresh.keys.map((k) => k.pressed), ['true', 'true', 'true', 'true']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Leptos component reads, walks and toggles as the element does', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/leptos-app/`);
  const first = '.opeka-chart';
  await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('svg'), first, { timeout: 20000 });
  await page.locator(`${first} .opeka-svg`).first().focus();
  await page.keyboard.press('End');
  // The tooltip may come in a task after the key's (tooltips.js's `later`, for readings not written yet): wait for it.
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('.opeka-tip')?.hidden === false, first, { timeout: 10000 });
  const walked = await readWidget(page, first);
  assert.ok(walked.tip && walked.ring, 'the last mark is outlined with its tooltip');
  assert.ok(walked.live.includes(walked.rows.at(-1)[0]), `${walked.live} is of the last period`);
  checkTrendTooltip(walked.tip, walked);
  await page.locator(`${first} .opeka-key`).nth(2).click(); // the first chart's third entry
  const hidden = await readWidget(page, first);
  assert.equal(hidden.lines, walked.lines - 1);
  assert.ok(hidden.summary.endsWith(`Скрыто: ${walked.keys[2].name}.`), hidden.summary);
  assert.deepEqual(errors, []);
  await context.close();
});
