// Shared pieces of the end-to-end tests: a static server on 127.0.0.1 that
// lays out the site as a host would (/opeka/ = dist/opeka, /feeds/, /examples/,
// /fixtures/, and / = the built gallery), and headless Debian Chromium.
import { createServer } from 'node:http';
import { stat, mkdir, readFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createFaults } from './fault-server.mjs';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

const MOUNTS = [
  ['/opeka/', join(ROOT, 'dist', 'opeka')],
  ['/feeds/', join(ROOT, 'feeds')],
  ['/examples/', join(ROOT, 'examples')],
  ['/fixtures/', join(ROOT, 'tests', 'fixtures')],
  // Last: the gallery answers whatever the mounts above do not.
  ['/', join(ROOT, 'www', 'dist')],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Headers for some paths: a page can ask for a strict CSP by its name. */
function extraHeaders(path) {
  if (path.includes('strict-csp')) {
    return { 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" };
  }
  return {};
}

/**
 * Starts the server on a free port; returns { url, requests, routes, faults, onReport, close }.
 * `routes` maps a path to a generated body (`{ body, type?, headers?, perSecond? }`,
 * `perSecond` pacing it as a network of that many bytes a second), for tests that
 * write their pages and feeds on the fly; `options.mounts` adds
 * `[prefix, dir]` pairs in front of the standard ones (the benchmark's).
 */
export async function startServer(options = {}) {
  const requests = [];
  const routes = new Map();
  // The fault routes (/fault/…, tests/e2e/fault-server.mjs), same origin as the pages.
  const faults = createFaults();
  const mounts = [...(options.mounts ?? []), ...MOUNTS];
  // `onReport`: set by tests/bench/big-feed-bench.mjs's plainBrowser.
  const api = {
    requests,
    routes,
    faults,
    onReport: null,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (faults.handle(req, res, path)) return;
    // A bench page's own figures (tests/bench/measure.js), posted from a
    // browser with no DevTools attached.
    if (req.method === 'POST' && path === '/bench/report') {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        res.writeHead(204).end();
        api.onReport?.(JSON.parse(Buffer.concat(chunks).toString()));
      });
      return;
    }
    const route = routes.get(path);
    if (route) {
      const headers = {
        'Content-Type': route.type ?? TYPES[extname(path)] ?? 'text/plain',
        'Content-Length': Buffer.byteLength(route.body ?? ''),
        'Cache-Control': 'no-store',
        ...extraHeaders(path),
        ...route.headers,
      };
      // A route's header set to null is left out (no Content-Length: sent chunked).
      for (const [name, value] of Object.entries(headers)) if (value === null) delete headers[name];
      res.writeHead(200, headers);
      if (!route.perSecond) {
        res.end(route.body);
        return;
      }
      // Paced as a network of that many bytes a second delivers it, 16 KB at a time.
      const body = Buffer.from(route.body);
      const send = (at) => {
        if (res.destroyed) return;
        if (at >= body.length) return res.end();
        res.write(body.subarray(at, at + 16384));
        setTimeout(() => send(at + 16384), (16384 / route.perSecond) * 1000);
      };
      send(0);
      return;
    }
    if (path.startsWith('/status/')) {
      res.writeHead(Number(path.split('/')[2]) || 500, { 'Content-Type': 'text/plain' });
      res.end('failure on purpose');
      return;
    }
    for (const [prefix, dir] of mounts) {
      if (!path.startsWith(prefix)) continue;
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir + sep) && file !== dir) break;
      try {
        let found = await stat(file);
        if (found.isDirectory()) found = await stat((file = join(file, 'index.html')));
        // Its headers first, then its body as it is read, as a web server
        // sends a file: a widget hears of a big body (and starts its worker)
        // before the body ends (docs/performance.md, stop 25).
        res.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          // As a static host sends it: the widget decides from it, before
          // reading, whether a body goes to its worker.
          'Content-Length': found.size,
          'Cache-Control': 'no-store',
          ...extraHeaders(path),
        });
        // A response the page aborts, or a file that fails, ends both.
        pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), res, () => {});
        return;
      } catch {
        break;
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  api.url = `http://127.0.0.1:${port}`;
  return api;
}

/** How many times `server` was asked for `path` since its request number `since` (its `requests.length` then). */
export const timesAsked = (server, since, path) => server.requests.slice(since).filter((p) => p === path).length;

/**
 * Who asked for each of `paths` in a page's or frame's resource timing:
 * 'link' for a `<link rel="preload">`, 'script' for a module (imported or
 * modulepreloaded), 'fetch'; undefined for a path never asked for.
 */
export const initiators = (target, paths) => target.evaluate((list) => list.map((path) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(path))?.initiatorType), paths);

/**
 * The worker's script (dist/opeka/opeka-worker.js) with a few lines ahead
 * that keep its module's memory as `self.memory`, where a test or a
 * benchmark can read it (the module's glue keeps it to itself): served in
 * place of the script, for the worker's memory (issue 13's goal 3).
 */
export async function measuredWorkerScript() {
  return `{
  const keep = (result) => ((self.memory = (result.instance ?? result).exports.memory), result);
  const [instantiate, streaming] = [WebAssembly.instantiate, WebAssembly.instantiateStreaming];
  WebAssembly.instantiate = (...args) => instantiate(...args).then(keep);
  WebAssembly.instantiateStreaming = (...args) => streaming(...args).then(keep);
}\n${await readFile(join(ROOT, 'dist', 'opeka', 'opeka-worker.js'), 'utf8')}`;
}

/** Launches Debian's Chromium headless (never a downloaded browser). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/**
 * Opens a page that records every opeka event and every uncaught error
 * from the first script on, so no event can be missed. `options.init`: a
 * script of the test's own, run before the page's (as the recorder is);
 * a function is called with `options.initArg`.
 */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, ...options.context });
  const page = await context.newPage();
  if (options.init) await page.addInitScript(options.init, options.initArg);
  const errors = [];
  const consoleErrors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  await page.addInitScript(() => {
    window.__opeka = { rendered: [], errors: [], violations: [] };
    const record = (list) => (event) => list.push({ id: event.target.id, detail: JSON.parse(JSON.stringify(event.detail ?? null)) });
    document.addEventListener('opeka-rendered', record(window.__opeka.rendered));
    document.addEventListener('opeka-error', record(window.__opeka.errors));
    document.addEventListener('securitypolicyviolation', (e) => window.__opeka.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  return { page, context, errors, consoleErrors };
}

/** Waits until `count` widgets rendered or failed (bounded by `timeout`). */
export async function waitForWidgets(page, count, timeout = 20000) {
  await page.waitForFunction((n) => window.__opeka.rendered.length + window.__opeka.errors.length >= n, count, { timeout });
  await waitForBands(page, timeout);
  return page.evaluate(() => window.__opeka);
}

/**
 * Resolves once no chart on the page (in the shadow roots of its elements,
 * nested too) has bands still to come: a tall chart is drawn with its first
 * band, and its box says `aria-busy` until the others are in, a task each
 * (interact.js's `mount`).
 */
export async function waitForBands(page, timeout = 20000) {
  await page.waitForFunction(() => {
    const busy = (root) => [...root.querySelectorAll('*')].some((e) => e.matches('.opeka-svg[aria-busy]') || (e.shadowRoot && busy(e.shadowRoot)));
    return !busy(document);
  }, null, { timeout });
}

/**
 * Opens every widget's data table on the page (in the shadow roots of its
 * elements, nested too), as a reader does by its toggle, and resolves once
 * each has been built: a table is built when first wanted, and an open
 * one's rows go in a hundred a frame (interact.js), so this then waits
 * until 100 ms pass without a row added. In real time, from here: a test
 * may have stopped the page's clock, and its frames with it (a long
 * table then keeps the rows it opened with).
 */
export async function openTables(page) {
  const rows = () => page.evaluate(async () => {
    const boxes = [];
    const walk = (root) => root.querySelectorAll('*').forEach((e) => {
      if (e.matches('details.opeka-table')) boxes.push(e);
      if (e.shadowRoot) walk(e.shadowRoot);
    });
    walk(document);
    await Promise.all(boxes.filter((box) => !box.open).map((box) => new Promise((resolve) => {
      box.addEventListener('toggle', resolve, { once: true });
      box.open = true;
    })));
    return boxes.reduce((n, box) => n + box.querySelectorAll('tr').length, 0);
  });
  for (let last = -1, now = await rows(); now !== last; now = await rows()) {
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A drawn trend's marks as its script holds them (interact.js), in the
 * widget at `selector`: how many points are placed, and how many of them
 * read (a trend's points are placed on the first pointer or key, and read
 * a period at a time).
 */
export function heldMarks(page, selector) {
  return page.evaluate((sel) => {
    const s = document.querySelector(sel).shadowRoot.querySelector('.opeka-figure').opeka;
    return { placed: s.marks.length / 5, read: s.texts?.filter((t) => t[0]).length ?? 0 };
  }, selector);
}

/**
 * Records the title of every SVG put into a widget's shadow root (`__drawn`:
 * an `<opeka-chart>`'s or a Leptos chart's), and of every SVG a frame shows
 * (`__shown`). With `tasks`, also numbers the page's tasks in which
 * something is recorded (`__task`, the last number), and records the task
 * in which each text was first measured on a canvas (`__measuredIn`), each
 * title first put in (`__drawnIn`), and those in which a body was read to
 * its end (`__bodyIn`).
 */
export function recordDrawn(page, tasks = false) {
  return page.addInitScript((counted) => {
    window.__drawn = [];
    window.__shown = new Set();
    window.__task = 0;
    window.__measuredIn = {};
    window.__drawnIn = {};
    window.__bodyIn = [];
    let task = 0;
    // The task under way, numbered when the first thing is recorded in it.
    // It ends before any task the page's modules queue meanwhile: their
    // `scheduler.yield()` goes ahead of other tasks, not of user-blocking ones.
    const current = () => {
      if (counted && !task) {
        task = ++window.__task;
        scheduler.postTask(() => { task = 0; }, { priority: 'user-blocking' });
      }
      return task;
    };
    if (counted) {
      const measure = CanvasRenderingContext2D.prototype.measureText;
      CanvasRenderingContext2D.prototype.measureText = function (text) {
        window.__measuredIn[text] ??= current();
        return measure.call(this, text);
      };
      const read = ReadableStreamDefaultReader.prototype.read;
      ReadableStreamDefaultReader.prototype.read = function () {
        return read.call(this).then((result) => {
          if (result.done) window.__bodyIn.push(current());
          return result;
        });
      };
    }
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            // A chart's SVG documents come in a <div> (a tall one's bands).
            if (n.localName !== 'div' || n.firstElementChild?.localName !== 'svg') continue;
            const title = n.querySelector('svg title')?.textContent;
            window.__drawn.push(title);
            window.__drawnIn[title] ??= current();
          }
        }
      }).observe(root, { childList: true, subtree: true });
      const frame = () => {
        const figure = root.querySelector('.opeka-figure');
        if (figure && !figure.hidden) window.__shown.add(root.querySelector('svg title')?.textContent);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      return root;
    };
  }, tasks);
}

/** What a viewer sees in one widget's chart: texts, lines and the table (opened first). */
export async function readChart(page, selector) {
  await waitForBands(page);
  await openTables(page);
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const root = host?.shadowRoot;
    const svg = root?.querySelector('svg');
    if (!svg) return null;
    const box = host.getBoundingClientRect();
    // A tall chart comes in bands, an SVG each (crates/chart's
    // write_svg_bands): its elements, each once (an item that reaches over
    // a band's edge is in both bands, the same markup).
    const bands = [...root.querySelectorAll('.opeka-svg svg')];
    const elements = [];
    bands.reduce((before, band) => {
      const here = new Set([...band.children].map((el) => el.outerHTML));
      elements.push(...[...band.children].filter((el) => !before.has(el.outerHTML)));
      return here;
    }, new Set());
    return {
      width: Number(svg.getAttribute('width')),
      height: bands.reduce((sum, band) => sum + Number(band.getAttribute('height')), 0),
      bands: bands.length,
      hostWidth: box.width,
      title: svg.querySelector('title')?.textContent ?? '',
      texts: elements.filter((el) => el.localName === 'text').map((t) => t.textContent.trim()),
      polylines: elements.filter((el) => el.localName === 'polyline').length,
      summary: root.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '',
      tableRows: root.querySelectorAll('table tbody tr').length,
      errorText: root.querySelector('.opeka-error')?.textContent ?? null,
      fontFamily: getComputedStyle(svg.querySelector('text')).fontFamily,
    };
  }, selector);
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
