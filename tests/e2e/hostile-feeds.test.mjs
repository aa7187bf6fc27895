// Injection strings through every text field of every kind of feed, in every
// view: the widget renders or reports errors, nothing from the feed becomes
// an element or an attribute, no dialog opens, no error reaches the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForWidgets, screenshot } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The corpus: each string goes through every text field at once. */
export const CORPUS = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  'svg-onload': '"><svg onload=alert(1)>',
  'attr-break': "' onmouseover='alert(1)' x='",
  'js-url': 'javascript:alert(1)',
  'js-url-mixed': ' JaVaScRiPt:alert(document.domain)//',
  cdata: ']]><script>alert(1)</script><![CDATA[',
  'close-text': '</text><image href=x onerror=alert(1)/><text>',
  'foreign-object': '<foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject>',
  entities: '&lt;img src=x onerror=alert(1)&gt; &amp;lt;script&amp;gt; &#60;iframe&#62; &#x3C;svg onload=alert(1)&#x3E; &nbsp;&',
  'xml-tricks': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "pwn">]>&e;<!-- -->',
  rtl: '\u202Egnp.exe\u202C \u2066<b>\u2069 \u200F\u061C\u2067override',
  controls: 'nul\u0000 bell\u0007 esc\u001b del\u007f c1\u0085\u009f',
  template: '{{constructor.constructor("alert(1)")()}} ${alert(1)} #{alert(1)}',
  'long-word': 'Ж'.repeat(10000),
  'long-html': '<b onclick=alert(1)>'.repeat(500),
  'long-spaced': 'слово '.repeat(1700),
};

const text = (s, i = '') => `${s}${i}`;
const both = (s) => ({ ru: s, en: s });

function envelope(s, kind) {
  return {
    opeka: 1, kind, title: both(s), subtitle: s, locale: 'ru',
    source: { name: s, url: s, published: '2024-01-01' },
    notes: [s, both(s)],
    headline: [{ label: s, value: 12, unit: s, note: s }, { label: both(s), value: 3, of: 10, format: 'count' }],
  };
}

export function caseload(s) {
  const units = [0, 1, 2].map((i) => ({ id: `u${i}`, label: text(s, i), population: 1000 * (i + 1), group: s }));
  const categories = [0, 1].map((i) => ({ id: `c${i}`, label: text(s, i) }));
  const records = [];
  for (const period of ['2024-01', '2024-02', '2024-03']) {
    for (const u of units) for (const c of categories) records.push({ period, unit: u.id, category: c.id, value: 10 + records.length });
  }
  return { ...envelope(s, 'caseload'), measure: { label: s, unit: s, format: 'count' }, units, categories, records,
    targets: [{ period: '2024-03', category: 'c0', value: 40, label: s }] };
}

export function awards(s) {
  return {
    ...envelope(s, 'awards'),
    event: { name: s, date: '2024-06-08', place: s },
    award_types: [0, 1].map((i) => ({ id: `a${i}`, label: text(s, i), level: 'regional', category: 'medal' })),
    groups: [0, 1].map((i) => ({ id: `g${i}`, label: text(s, i) })),
    grants: [{ award: 'a0', group: 'g0', count: 5 }, { award: 'a1', group: 'g1', count: 7 }, { count: 2 }],
    recipients: [0, 1, 2].map((i) => ({ name: text(s, i), role: s, org: s, city: s, award: 'a0' })),
    contests: [{ name: s, year: 2024, places: [1, 2, 3].map((place) => ({ place, name: text(s, place), role: s, org: s, city: s, project: s, prize: s })) }],
  };
}

export function outcomes(s) {
  return {
    ...envelope(s, 'outcomes'),
    projects: [0, 1].map((i) => ({
      id: `p${i}`, name: text(s, i), status: i ? 'completed' : 'active', start: '2022', end: '2024', partners: [s, both(s)], summary: s,
      indicators: [0, 1].map((j) => ({
        id: `i${j}`, label: text(s, j), format: 'percent', unit: s, direction: j ? 'decrease' : 'increase',
        baseline: { period: '2022', value: 40 }, target: { period: '2024', value: 60 }, actual: [{ period: '2023', value: 50 }, { period: '2024', value: 55 }],
      })),
    })),
  };
}

/** An invalid feed whose problems quote the string (undeclared ids, an unknown member). */
function invalid(s) {
  return { opeka: 1, kind: 'caseload', title: s, [s]: s, records: [{ period: '2024-01', unit: s, category: s, value: 1 }] };
}

const VIEWS = {
  caseload: ['trend', 'ranking', 'composition', 'per-capita', 'tiles'],
  awards: ['breakdown', 'podium', 'roll', 'tiles'],
  outcomes: ['progress', 'before-after', 'trajectory', 'tiles'],
};
const BUILD = { caseload, awards, outcomes };

function publish(name, s) {
  const widgets = [];
  for (const [kind, views] of Object.entries(VIEWS)) {
    const path = `/gen/${name}/${kind}.json`;
    server.routes.set(path, { body: JSON.stringify(BUILD[kind](s)), type: 'application/json' });
    for (const view of views) widgets.push({ id: `${kind}-${view}`, src: path, view });
  }
  const bad = `/gen/${name}/invalid.json`;
  server.routes.set(bad, { body: JSON.stringify(invalid(s)), type: 'application/json' });
  widgets.push({ id: 'invalid', src: bad, view: 'trend' });
  const tags = widgets.map((w) => `<opeka-chart id="${w.id}" src="${w.src}" view="${w.view}"></opeka-chart>`).join('\n');
  const page = `/gen/${name}/page.html`;
  server.routes.set(page, { body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${name}</title>
<script type="module" src="/opeka/opeka.js"></script></head><body>${tags}</body></html>`, type: 'text/html; charset=utf-8' });
  return { page, count: widgets.length };
}

/** Everything in every shadow root that a feed must never produce. */
function inspect() {
  const FORBIDDEN = 'script, img, image, iframe, object, embed, foreignObject, use, animate, set, style, link, meta, base, form, input, a, [href], [src]';
  const found = [];
  for (const host of document.querySelectorAll('opeka-chart')) {
    const root = host.shadowRoot;
    if (!root) { found.push(`${host.id}: no shadow root`); continue; }
    for (const el of root.querySelectorAll(FORBIDDEN)) found.push(`${host.id}: <${el.localName}>`);
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${host.id}: ${el.localName}[${attr.name}]`);
        // Text attributes (aria-label) may quote a feed; a URL attribute never may.
        const isUrl = /^(href|xlink:href|src|srcset|action|formaction|data|poster|background|style)$/i.test(attr.name);
        if (isUrl && /javascript:|url\(/i.test(attr.value)) found.push(`${host.id}: ${el.localName}[${attr.name}=javascript:]`);
      }
    }
    if (root.querySelector('parsererror')) found.push(`${host.id}: parsererror`);
  }
  return found;
}

for (const [name, s] of Object.entries(CORPUS)) {
  test(`hostile strings (${name}) in every text field of every kind and view`, async () => {
    const { page: path, count } = publish(name, s);
    const dialogs = [];
    const { page, context, errors } = await openPage(browser, `${server.url}${path}`);
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    const events = await waitForWidgets(page, count, 60000);
    const ids = new Set([...events.rendered, ...events.errors].map((e) => e.id));
    assert.equal(ids.size, count, 'every widget rendered or reported');
    assert.deepEqual(events.errors.map((e) => e.id), ['invalid'], `only the invalid feed fails: ${JSON.stringify(events.errors.filter((e) => e.id !== 'invalid'))}`);
    const invalidEvent = events.errors.find((e) => e.id === 'invalid');
    assert.equal(invalidEvent.detail.kind, 'invalid');
    await page.evaluate(() => {
      // Open every table and details box so their content is in the DOM and laid out.
      for (const host of document.querySelectorAll('opeka-chart')) for (const d of host.shadowRoot.querySelectorAll('details')) d.open = true;
    });
    await page.waitForTimeout(100);
    assert.deepEqual(await page.evaluate(inspect), [], 'nothing from a feed became an element or an attribute');
    if (!['controls', 'rtl', 'long-spaced'].includes(name)) {
      const title = await page.evaluate(() => document.getElementById('caseload-trend').shadowRoot.querySelector('svg title')?.textContent ?? '');
      assert.ok(title.includes(s.trim().slice(0, 20)), `the title is shown as text: ${title.slice(0, 60)}`);
    }
    const problems = await page.evaluate(() => document.getElementById('invalid').shadowRoot.querySelector('.opeka-error').textContent);
    assert.ok(problems.length > 0);
    if (name === 'img') await screenshot(page, 'hostile-feeds-img');
    assert.deepEqual(dialogs, [], 'no dialog');
    assert.deepEqual(errors, [], 'no page error');
    await context.close();
  });
}
