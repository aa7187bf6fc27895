// Puts the worker's module glue (opeka_worker_bindings.js) into
// opeka-worker.js, so that a starting worker fetches one script, not two in
// a row (its script, then the glue it imports) before it asks for its wasm:
// 30–45 ms sooner at 1 MB on this machine, a round trip on a real network
// (docs/performance.md, "Stop 18"). opeka_worker_bindings.js stays in dist
// as well: the page imports it for the words of a feed's problems
// (opeka-worker-host.js's `words`).
//
// The glue's exports become local declarations, and the worker's import of
// them becomes `init`, the glue's default export.
//
// Usage: node scripts/join-worker.mjs GLUE.js WORKER.js OUT.js. Fails when
// the glue or the import does not read as expected, so that another
// wasm-bindgen breaks the build rather than the worker. `joinWorker` is
// also tests/bench/timeline.mjs's, for its instrumented worker.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * The worker's source `worker` with the glue `glue` (as wasm-bindgen
 * writes it, or minified) in place of its import; throws when either does
 * not read as expected.
 */
export function joinWorker(glue, worker) {
  const exports = /\bexport ?\{ ?(?:\w+ as )?initSync, ?(\w+) as default ?\};?/;
  const found = glue.match(exports);
  if (!found) throw new Error("the glue does not end in wasm-bindgen's exports as expected");
  glue = glue.replace(exports, '').replace(/\bexport (class|function) /g, '$1 ');
  if (/\bexport\b/.test(glue)) throw new Error('the glue exports something this script does not know');
  const imported = /^import init, ?\{ ?[\w, ]+ ?\} ?from ?'\.\/opeka_worker_bindings\.js';$/m;
  if (!imported.test(worker)) throw new Error('the worker does not import opeka_worker_bindings.js as expected');
  return `${glue}\n${worker.replace(imported, `const init = ${found[1]};`)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [glueFile, workerFile, outFile] = process.argv.slice(2);
  if (!glueFile || !workerFile || !outFile) {
    console.error('usage: node scripts/join-worker.mjs GLUE.js WORKER.js OUT.js');
    process.exit(2);
  }
  try {
    writeFileSync(outFile, joinWorker(readFileSync(glueFile, 'utf8'), readFileSync(workerFile, 'utf8')));
  } catch (error) {
    console.error(`join-worker: ${glueFile}, ${workerFile}: ${error.message}`);
    process.exit(1);
  }
}
