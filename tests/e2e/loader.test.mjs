// The widget's loader (crates/widgets/js/loader.js), run in Node against a
// server on 127.0.0.1 that sends each body in several chunks: the bytes it
// answers are the body's, whether the Content-Length is the body's, smaller
// (a compressed body) or absent (chunked); a sink hears every chunk, may
// transfer its buffer, and its last answer stays with the body; a body over
// the limit is refused by its length. Browsers hand the loader a local body
// in one or two chunks, so the chunk by chunk paths are tested here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { load } from '../../crates/widgets/js/loader.js';

/** A body of `n` bytes that differ from place to place. */
const bytes = (n) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + (i >> 8)) % 251));

// The body as compressed text, so that its Content-Length is the smaller one.
const TEXT = Buffer.from(JSON.stringify({ opeka: 1, records: Array.from({ length: 30000 }, (_, i) => ({ period: `2024-01-${(i % 28) + 1}`, value: i })) }));
const BODIES = {
  exact: { body: bytes(300_000), headers: {} },
  big: { body: bytes(1_500_000), headers: {} },
  chunked: { body: bytes(300_000), headers: { length: null } },
  gzip: { body: TEXT, sent: gzipSync(TEXT), headers: { 'Content-Encoding': 'gzip' } },
};

let server;
let url;

before(async () => {
  server = createServer((req, res) => {
    const { body, sent = body, headers } = BODIES[req.url.slice(1)];
    const { length, ...rest } = headers;
    res.writeHead(200, { 'Content-Type': 'application/json', ...(length === null ? {} : { 'Content-Length': sent.length }), ...rest });
    // Seven pieces, a few milliseconds apart, so that the reader gets them one by one.
    const piece = Math.ceil(sent.length / 7);
    let at = 0;
    const next = () => {
      if (at >= sent.length) return res.end();
      res.write(sent.subarray(at, (at += piece)));
      setTimeout(next, 15);
    };
    next();
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${server.address().port}`;
});

after(() => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }));

/** load() on `name`, with a limit of 16 MiB; the sink's calls when `big` answers one. */
async function loaded(name, options = {}) {
  const calls = [];
  const big = options.sink ? (size) => (calls.push(['size', size]), (chunk, transfer) => {
    if (!chunk) return 'ended';
    calls.push(['chunk', Buffer.from(chunk), transfer]);
    // As the page's worker would be handed it: the buffer goes.
    structuredClone(chunk, { transfer });
    assert.equal(chunk.length, 0, 'the chunk was transferred');
  }) : undefined;
  const answer = await load([`${url}/${name}`, null, null, options.limit ?? 2 ** 24], undefined, big);
  return { answer, calls };
}

test('a body in several chunks is answered whole, with an exact, a smaller or no Content-Length', async () => {
  for (const name of ['exact', 'chunked', 'gzip']) {
    const { answer } = await loaded(name);
    assert.equal(answer[0], 200, name);
    assert.ok(answer[2] instanceof Uint8Array, name);
    assert.equal(answer[2].length, BODIES[name].body.length, `${name}: length`);
    assert.ok(Buffer.from(answer[2]).equals(BODIES[name].body), `${name}: bytes`);
  }
});

test('a big body is handed to the sink chunk by chunk, each with its buffer to transfer, and kept whole', async () => {
  const { answer, calls } = await loaded('big', { sink: true });
  const body = BODIES.big.body;
  assert.deepEqual(calls[0], ['size', body.length]);
  const chunks = calls.slice(1);
  assert.ok(chunks.length >= 3, `${chunks.length} chunks`);
  assert.ok(Buffer.concat(chunks.map(([, chunk]) => chunk)).equals(body), 'the chunks make the body');
  for (const [, , transfer] of chunks) assert.equal(transfer.length, 1);
  assert.ok(Buffer.from(answer[2]).equals(body), 'the body survives its chunks being transferred');
  assert.equal(answer[2].streamed, 'ended');
});

test('a body over the limit is refused by its length, read only so far', async () => {
  const { answer } = await loaded('chunked', { limit: 100_000 });
  assert.equal(typeof answer[2], 'number');
  assert.ok(answer[2] > 100_000 && answer[2] <= BODIES.chunked.body.length, String(answer[2]));
});
