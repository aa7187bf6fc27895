// What the big-feed benchmarks share (big-feeds.mjs, ab-dists.mjs,
// profile-worker.mjs, devtools-cost.mjs, long-tasks.mjs,
// leptos-big-feeds.mjs): their feed and a cold load of a page, in a
// Chromium with no DevTools session on the page (`plainBrowser`) or driven
// by Playwright (`coldLoad`).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A caseload of 10 units × 4 categories × `days` daily periods; 280 days
 * make about 1 MB, 4 175 days 15 MB (167 000 records).
 */
export function generatedCaseload(days) {
  const units = Array.from({ length: 10 }, (_, i) => ({ id: `district-${i + 1}`, label: `Муниципальный округ ${i + 1}` }));
  const categories = ['pensioners-living-alone', 'families-with-children', 'people-with-disabilities', 'low-income-citizens']
    .map((id, i) => ({ id, label: ['Одинокие пенсионеры', 'Семьи с детьми', 'Люди с инвалидностью', 'Малоимущие граждане'][i] }));
  const start = Date.UTC(2014, 0, 1);
  const records = [];
  for (let d = 0; d < days; d++) {
    const period = new Date(start + d * 86400000).toISOString().slice(0, 10);
    for (const [u, unit] of units.entries()) {
      for (const [c, category] of categories.entries()) records.push({ period, unit: unit.id, category: category.id, value: (d * 7 + u * 13 + c * 31) % 500 });
    }
  }
  return JSON.stringify({ opeka: 1, kind: 'caseload', title: 'Обращения за социальной поддержкой', measure: { label: 'Обращения' }, units, categories, records });
}

/**
 * A caseload of `units` units × `days` daily periods and no categories (a
 * trend's lines are then units): 40 units over 4 175 days make 15 MB
 * (167 000 records).
 */
export function generatedCaseloadByUnit(days, units = 40) {
  const declared = Array.from({ length: units }, (_, i) => ({ id: `district-${i + 1}`, label: `Муниципальный округ ${i + 1}` }));
  const start = Date.UTC(2014, 0, 1);
  const records = [];
  for (let d = 0; d < days; d++) {
    const period = new Date(start + d * 86400000).toISOString().slice(0, 10);
    for (const [u, unit] of declared.entries()) records.push({ period, unit: unit.id, value: (d * 7 + u * 13) % 500 });
  }
  return JSON.stringify({ opeka: 1, kind: 'caseload', title: 'Обращения по округам', measure: { label: 'Обращения' }, units: declared, records });
}

/**
 * An awards feed of `n` named recipients over four award types (every
 * thirteenth with none) and a contest, with no grants (the breakdown
 * counts the recipients): 10 000 make 1.8 MB. Their organisations repeat
 * every 97 names, as a region's centres would.
 */
export function generatedAwards(n) {
  const award_types = [['medal', 'Медаль «За веру и добро»', 'medal'], ['diploma', 'Почётная грамота губернатора', 'diploma'],
    ['letter', 'Благодарственное письмо', 'letter'], ['badge', 'Нагрудный знак «Милосердие»', 'badge']]
    .map(([id, label, category]) => ({ id, label, level: 'regional', category }));
  const recipients = Array.from({ length: n }, (_, i) => ({
    name: `Иванова Мария Петровна ${i}`, role: 'специалист по социальной работе',
    org: `ГКУ «Центр социальной поддержки населения» № ${i % 97}`, city: 'Кемерово',
    ...(i % 13 === 5 ? {} : { award: award_types[i % 4].id }),
  }));
  const contests = [{ name: 'Лучший социальный работник', year: 2024, places: [1, 2, 3].map((place) => ({ place, name: `Победитель ${place}`, org: 'КЦСОН г. Кемерово' })) }];
  return JSON.stringify({ opeka: 1, kind: 'awards', title: 'Награждённые ко Дню социального работника', award_types, recipients, contests });
}

/**
 * An outcomes feed of `n` projects, each with two indicators (a baseline,
 * a target and six yearly actuals), as a register of a region's projects
 * would be: 2 000 make 1.96 MB.
 */
export function generatedOutcomes(n) {
  const projects = Array.from({ length: n }, (_, p) => ({
    id: `p${p}`, name: { ru: `Проект номер ${p}`, en: `Project ${p}` }, status: 'active', summary: { ru: `Краткое описание проекта ${p}` },
    indicators: [0, 1].map((i) => ({
      id: `i${i}`, label: { ru: `Показатель ${i} проекта ${p}`, en: `Indicator ${i}` }, format: 'count', direction: i ? 'decrease' : 'increase',
      baseline: { period: '2018', value: 100 + (p % 50) }, target: { period: '2025', value: 150 + (p % 30) },
      actual: Array.from({ length: 6 }, (_, k) => ({ period: String(2019 + k), value: (p * 7 + i * 13 + 2019 + k) % 200 })),
    })),
  }));
  return JSON.stringify({ opeka: 1, kind: 'outcomes', title: `Проекты: ${n}`, projects });
}

/**
 * The figures the page at `url` posts (tests/bench/measure.js, the first
 * script of every bench page's head) once `open()` has started loading
 * it: `{ done, longest, tasks, resources, wasm }`; throws the page's
 * `opeka-error`, or after 180 s without a report.
 */
async function reported(server, url, open) {
  let timer;
  try {
    const report = new Promise((resolve, reject) => {
      server.onReport = resolve;
      timer = setTimeout(() => reject(new Error(`${url}: no report in 180 s`)), 180000);
    });
    await open();
    const result = await report;
    // The page's figures go with its error (adversarial.mjs reads them).
    if (result.error) throw Object.assign(new Error(`${url}: ${result.error}`), { report: result });
    return result;
  } finally {
    clearTimeout(timer);
    server.onReport = null;
  }
}

/** One cold load of `url` (a page of `server`) in a new Playwright context: the page's figures. */
export async function coldLoad(browser, server, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    return await reported(server, url, async () => {
      await (await context.newPage()).goto(url);
    });
  } finally {
    await context.close();
  }
}

/**
 * The cold load the benchmarks time: one in a Chromium driven without a
 * DevTools session on the page (`plainBrowser`), unless BENCH_DEVTOOLS=1.
 * Playwright's session (its Network domain keeps every response body) puts
 * a task of 100–300 ms on the main thread of a page that fetches 15 MB,
 * which a reader's browser does not have (docs/performance.md, stop 20):
 * the pages of both builds and of the peers pay it alike, so it muddles
 * the times, and the longest task it reports is the harness's. Resolves to
 * `{ load(url), close() }`.
 */
export async function timedLoads(browser, server) {
  if (process.env.BENCH_DEVTOOLS === '1') return { load: (url) => coldLoad(browser, server, url), close: () => {} };
  return plainBrowser(server);
}

/** How long a new window is left to settle before its page is loaded (`plainBrowser`). */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 1000);

/**
 * A Chromium of its own, driven over a pipe (`--remote-debugging-pipe`)
 * with no DevTools domain enabled on its pages: each `load(url)` opens
 * `url` (a page of `server`, the harness's, whose head starts with
 * tests/bench/measure.js) in a new browser context, as a cold load in a
 * reader's browser (once the context's new window has settled), and
 * resolves to the figures the page reports (or throws its `opeka-error`).
 * BENCH_JS_FLAGS: V8 flags for that Chromium, to look into the engine
 * (`--liftoff-only`: wasm in baseline code only, docs/performance.md,
 * stop 24), never for the figures a goal is read from. `load(url, trace)`
 * also traces the load (long-tasks.mjs).
 */
export async function plainBrowser(server) {
  const profile = await mkdtemp(join(tmpdir(), 'opeka-plain-'));
  const browser = spawn(process.env.CHROME_BIN || '/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
    // As Playwright launches it: a page in a context of its own is not a
    // background one, whose timers and renderer Chromium would slow.
    '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows', '--disable-renderer-backgrounding',
    '--disable-field-trial-config', '--disable-extensions', '--disable-breakpad', '--disable-hang-monitor',
    '--remote-debugging-pipe', `--user-data-dir=${profile}`, ...(process.env.BENCH_JS_FLAGS ? [`--js-flags=${process.env.BENCH_JS_FLAGS}`] : []), 'about:blank'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const pending = new Map();
  // Events (messages without an id), by method: one waiter each.
  const awaited = new Map();
  let asked = 0;
  let unread = '';
  browser.stdio[4].on('data', (data) => {
    unread += data;
    for (let end; (end = unread.indexOf('\0')) >= 0; unread = unread.slice(end + 1)) {
      const message = JSON.parse(unread.slice(0, end));
      if (message.id === undefined) {
        awaited.get(message.method)?.(message.params);
        awaited.delete(message.method);
        continue;
      }
      pending.get(message.id)?.(message);
      pending.delete(message.id);
    }
  });
  const event = (method) => new Promise((resolve) => awaited.set(method, resolve));
  const send = (method, params = {}, sessionId = undefined) => new Promise((resolve, reject) => {
    pending.set(++asked, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
    browser.stdio[3].write(`${JSON.stringify({ id: asked, method, params, sessionId })}\0`);
  });
  // A Chromium that exits fails what is waiting on it, rather than hanging.
  const exited = new Promise((resolve) => browser.once('exit', resolve)).then(() => {
    for (const answer of pending.values()) answer({ error: { message: 'Chromium exited' } });
  });
  // The trace of a load, read whole once it ends: its events.
  const traceEvents = async () => {
    const complete = event('Tracing.tracingComplete');
    await send('Tracing.end');
    const { stream } = await complete;
    const chunks = [];
    for (let eof = false; !eof; ) {
      const read = await send('IO.read', { handle: stream, size: 1 << 22 });
      chunks.push(Buffer.from(read.data, read.base64Encoded ? 'base64' : 'utf8'));
      eof = read.eof;
    }
    await send('IO.close', { handle: stream });
    const trace = JSON.parse(Buffer.concat(chunks).toString());
    return trace.traceEvents ?? trace;
  };
  return {
    /**
     * One cold load of `url`: the page's figures; with `trace` (Chromium's
     * trace categories, comma-separated), also `events`, the browser's trace
     * of the load (all its processes, from before the navigation until the
     * page has reported).
     */
    async load(url, trace = '') {
      const { browserContextId } = await send('Target.createBrowserContext');
      try {
        // Opened blank, then navigated, as Playwright's `goto` does: the
        // renderer's process is up (it has run a script) when the
        // navigation starts. The session enables no domain.
        const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId, width: 1280, height: 900 });
        const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
        await send('Runtime.evaluate', { expression: '0' }, sessionId);
        // A context's first target opens a window, and Chromium loads that
        // window's own pages (the address bar's popup, chrome://omnibox-popup,
        // in renderers of their own) for about 400 ms after it opens: 37–99
        // ms of CPU on the two cores during the sample's drawing task alone
        // (docs/performance.md, stop 37). A reader's window is open before
        // they follow a link, so the navigation waits until it has settled.
        await new Promise((settled) => setTimeout(settled, SETTLE_MS));
        const figures = await reported(server, url, async () => {
          if (trace) await send('Tracing.start', { categories: trace, transferMode: 'ReturnAsStream' });
          await send('Page.navigate', { url }, sessionId);
        });
        return trace ? { ...figures, events: await traceEvents() } : figures;
      } finally {
        await send('Target.disposeBrowserContext', { browserContextId });
      }
    },
    async close() {
      browser.kill();
      await exited;
      // Chromium's other processes may still be writing into the profile
      // as its browser process exits (ENOTEMPTY): tried again, a while.
      await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
