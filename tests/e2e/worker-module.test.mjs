// The worker's module (crates/worker-wasm, dist/opeka/opeka_worker_bg.wasm
// with its bindings), run in Node as opeka-worker.js runs it: a body
// streamed in chunks whose answer is found as it becomes whole
// (`reduce_ahead`) answers the widget's ask for the feed's own view, or any
// view that draws as it does, exactly as a job on the whole body would,
// once; an ask for another view is answered anew; an invalid feed's
// problems serve every view. In a page the ask comes after the worker's
// page side has loaded, so what is found ahead is what the test tells apart
// here: it answers even once the body itself was let go. Asked for, the
// body is let go as the next one comes, as before.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import { generatedCaseload } from '../bench/big-feed-bench.mjs';

const DIST = join(ROOT, 'dist', 'opeka');
let worker;

before(async () => {
  worker = await import(join(DIST, 'opeka_worker_bindings.js'));
  await worker.default({ module_or_path: await readFile(join(DIST, 'opeka_worker_bg.wasm')) });
});

/** `feed` streamed to the module as body `id`, in chunks of 100 000 bytes, then whole. */
function stream(id, feed) {
  const bytes = Buffer.from(feed);
  for (let at = 0; at < bytes.length; at += 100_000) worker.stream_chunk(id, bytes.subarray(at, at + 100_000), bytes.length);
  worker.reduce_ahead(id);
  return bytes;
}

/** Two small bodies streamed after the others: a body not yet asked for is let go (two are kept). */
function letGo(from) {
  worker.stream_chunk(from, Buffer.from('{}'), 2);
  worker.stream_chunk(from + 1, Buffer.from('{}'), 2);
}

/** An answer as plain data: the reduced feed's bytes in hex (or null), then the rest. */
const plain = (answer) => answer && [...answer].map((part) => (part instanceof Uint8Array ? Buffer.from(part).toString('hex') : part));

test('a whole body\'s answer is found before the ask, and answers its own view once, as a job on the whole body would', () => {
  const feed = generatedCaseload(60);
  const bytes = stream(1, feed);
  letGo(2);
  const answer = plain(worker.reduce_streamed(1, 'trend'));
  assert.ok(answer[0]?.length > 2000 && answer[0].length / 2 < bytes.length / 4, 'the trend is reduced');
  assert.deepEqual(answer, plain(worker.reduce_feed(bytes, 'trend')));
  assert.equal(worker.reduce_streamed(1, 'trend'), undefined, 'given once: the body itself was let go');
  // The feed's own view, asked for by no name.
  stream(4, feed);
  letGo(5);
  assert.deepEqual(plain(worker.reduce_streamed(4, '')), plain(worker.reduce_feed(bytes, 'trend')));
  // Asked for, a body whose answer was found ahead is let go as the next one comes, as any other is.
  stream(10, feed);
  assert.ok(worker.reduce_streamed(10, 'trend')[0]);
  worker.stream_chunk(11, Buffer.from('{}'), 2);
  assert.equal(worker.reduce_streamed(10, 'trend'), undefined);
});

test('an ask for another view is answered anew from the body; an invalid feed\'s problems serve every view', () => {
  const bytes = stream(7, generatedCaseload(60));
  assert.deepEqual(plain(worker.reduce_streamed(7, 'ranking')), plain(worker.reduce_feed(bytes, 'ranking')));
  assert.equal(plain(worker.reduce_streamed(7, 'ranking'))[0], null, 'the ranking is not reduced: the page validates the body');
  // The third unit declared by another id: its records name an undeclared one.
  const broken = generatedCaseload(60).replace('"district-3"', '"no-such-district"');
  const brokenBytes = stream(8, broken);
  letGo(9);
  const problems = plain(worker.reduce_streamed(8, 'ranking'));
  assert.equal(typeof problems[0], 'number', 'an invalid feed\'s answer: its problems');
  assert.deepEqual(problems.slice(2, 6), ['records[8].unit', true, '"district-3" не объявлен в units', '"district-3" is not declared in units']);
  assert.deepEqual(problems, plain(worker.reduce_feed(brokenBytes, 'trend')));
});
