// Faults a feed's server can have, for the end-to-end tests of live feeds.
// `createFaults()` answers paths under /fault/ (the harness's server mounts
// it, so pages and feeds share an origin); `startFaultServer()` serves the
// same on its own port of 127.0.0.1, a second origin. Every answer allows
// CORS and exposes its validators. Nothing waits on wall time except
// /fault/slow, whose point is to be slow.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** A small valid feed (outcomes, drawn as `progress`). */
export const GOOD = readFileSync(join(ROOT, 'feeds', 'kuzbass-council-projects-2024.json'));

/** GOOD with another title: a feed whose data changed. */
export function feedTitled(title) {
  const feed = JSON.parse(GOOD.toString('utf8'));
  feed.title = title;
  return Buffer.from(JSON.stringify(feed));
}

const MB = 1024 * 1024;
const CAPTIVE_PORTAL = '<!DOCTYPE html>\n<html><head><title>Wi-Fi</title></head><body><form action="/login"><button>Войти</button></form></body></html>';
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified',
  'Cache-Control': 'no-store',
};
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The fault routes and what they saw. `hits` counts requests by path;
 * `headers` keeps each request's conditional headers; `sent` the body bytes
 * written by the huge routes; `state` is what tests switch:
 * `switch` ('good' | 'html' | '503' | 'half'), `body`/`etag` of /fault/etag.
 */
export function createFaults() {
  const hits = new Map();
  const log = [];
  const sent = new Map();
  const state = { switch: 'good', body: GOOD, etag: '"v1"', slowMs: 1500, slowVersion: 0 };

  function send(res, status, body, headers = {}) {
    res.writeHead(status, { 'Content-Type': JSON_TYPE, ...CORS, ...headers });
    res.end(body);
  }

  /** Writes `total` bytes of JSON whitespace as the client reads them, stopping when it goes. */
  function pump(res, name, total, headers) {
    res.writeHead(200, { 'Content-Type': JSON_TYPE, ...CORS, ...headers });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let written = 0;
    let closed = false;
    res.on('close', () => { closed = true; });
    const more = () => {
      while (!closed && written < total) {
        written += chunk.length;
        sent.set(name, written);
        if (!res.write(chunk)) { res.once('drain', more); return; }
      }
      if (!closed) res.end();
    };
    more();
  }

  /** Answers `path` if it is a fault route; returns whether it did. */
  function handle(req, res, path) {
    if (!path.startsWith('/fault/')) return false;
    const name = path.slice('/fault/'.length);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return true;
    }
    hits.set(name, (hits.get(name) ?? 0) + 1);
    log.push({ name, ifNoneMatch: req.headers['if-none-match'] ?? null, ifModifiedSince: req.headers['if-modified-since'] ?? null });
    const n = hits.get(name);
    const half = GOOD.subarray(0, GOOD.length >> 1);
    const truncated = () => {
      // Promises the whole feed, sends half, and cuts the connection.
      res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': String(GOOD.length), ...CORS });
      res.write(half, () => res.socket?.destroy());
    };
    if (name.startsWith('status/')) {
      send(res, Number(name.split('/')[1]) || 500, 'failure on purpose', { 'Content-Type': 'text/plain' });
    } else if (name === 'good' || name.startsWith('good/')) {
      send(res, 200, GOOD);
    } else if (name === 'bom') {
      send(res, 200, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), GOOD]));
    } else if (name === 'html') {
      send(res, 200, CAPTIVE_PORTAL, { 'Content-Type': 'text/html; charset=utf-8' });
    } else if (name === 'html-as-json') {
      send(res, 200, `\n  ${CAPTIVE_PORTAL}`);
    } else if (name === 'hang') {
      // Headers, the start of a body, then nothing until the client gives up.
      res.writeHead(200, { 'Content-Type': JSON_TYPE, ...CORS });
      res.write('{"opeka": 1,');
    } else if (name === 'slow') {
      // The first answer is quick; later ones take slowMs of wall time and carry new data.
      const version = state.slowVersion++;
      const body = version === 0 ? GOOD : feedTitled(`Версия ${version}`);
      if (version === 0) send(res, 200, body);
      else setTimeout(() => send(res, 200, body), state.slowMs);
    } else if (name === 'truncated') {
      truncated();
    } else if (name === 'half') {
      send(res, 200, half);
    } else if (name === 'huge') {
      pump(res, name, 100 * MB, { 'Content-Length': String(100 * MB) });
    } else if (name === 'huge-chunked') {
      pump(res, name, 100 * MB, {});
    } else if (name === 'many-problems') {
      send(res, 200, `{"opeka": 1, "kind": "caseload", "title": "t", "records": [${Array(5000).fill('{}').join(',')}]}`);
    } else if (name === 'flaky') {
      // good, 503, truncated, good, good…
      if (n === 2) send(res, 503, 'busy', { 'Content-Type': 'text/plain' });
      else if (n === 3) truncated();
      else send(res, 200, GOOD);
    } else if (name === 'switch') {
      if (state.switch === 'html') send(res, 200, CAPTIVE_PORTAL, { 'Content-Type': 'text/html; charset=utf-8' });
      else if (state.switch === '503') send(res, 503, 'busy', { 'Content-Type': 'text/plain' });
      else if (state.switch === 'half') send(res, 200, half);
      else send(res, 200, GOOD);
    } else if (name === 'etag') {
      if (req.headers['if-none-match'] === state.etag) send(res, 304, '', { ETag: state.etag });
      else send(res, 200, state.body, { ETag: state.etag });
    } else if (name === 'modified') {
      const stamp = 'Wed, 11 Mar 2026 09:00:00 GMT';
      if (req.headers['if-modified-since'] === stamp) send(res, 304, '', { 'Last-Modified': stamp });
      else send(res, 200, GOOD, { 'Last-Modified': stamp });
    } else if (name === 'poster.html') {
      // A page of another origin that tries to resize its frame.
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...CORS });
      res.end('<!doctype html><script src="/fault/poster.js"></script>');
    } else if (name === 'poster.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript', ...CORS });
      res.end("parent.postMessage({ type: 'opeka-height', height: 777 }, '*');");
    } else {
      send(res, 404, 'no such fault', { 'Content-Type': 'text/plain' });
    }
    return true;
  }

  return { handle, hits, log, sent, state, count: (name) => hits.get(name) ?? 0 };
}

/** The fault routes on their own 127.0.0.1 port (another origin): { url, faults, close }. */
export async function startFaultServer() {
  const faults = createFaults();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (!faults.handle(req, res, path)) {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...CORS });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    faults,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}
