// What V8 compiles for a page's first chart (docs/performance.md, stop 41):
// `node tests/bench/first-compile.mjs [DIST] [RUNS]` loads the sample feed's
// trend cold, RUNS times (3), with DIST's opeka.js and module (dist/opeka;
// `make named-dist`'s target/named-dist names the functions), traces V8's
// wasm events, and prints the median count, bytes and CPU of the functions
// compiled on their first call (`wasm.CompileLazy`), by body size, and the
// largest of them. V8 compiles a module's functions only when first called:
// that is about 12 ms of the sample's drawing task, and a page cannot ask
// for it sooner. The wasm compilation-hints proposal would let it: the
// script then loads a copy of the module with a
// `metadata.code.compilation_priority` section naming those functions and
// prints how many are still compiled on first call, and, where fewer are
// (Chromium 156 honours the section only with BENCH_JS_FLAGS=
// --wasm-compilation-hints, a V8 flag no page can set), the time each
// module's chart is drawn at. Figures only; nothing fails.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, startServer } from '../e2e/harness.mjs';
import { plainBrowser } from './big-feed-bench.mjs';

const DIST = resolve(process.argv[2] ?? join(ROOT, 'dist', 'opeka'));
const RUNS = Number(process.argv[3] ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Reads an unsigned LEB128 at `at.p` of `bytes`, moving past it. */
function leb(bytes, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at.p++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return value;
  }
}

const unsignedLeb = (n) => {
  const out = [];
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n);
  return out;
};

/**
 * A module's sections ({ id, start, end } of each, `start` at its id
 * byte), the number of functions it imports, its functions' body sizes
 * (by index past the imports), and their names from a name section.
 */
function readModule(bytes) {
  const at = { p: 8 };
  const sections = [];
  const sizes = [];
  const names = new Map();
  let imported = 0;
  while (at.p < bytes.length) {
    const start = at.p;
    const id = bytes[at.p++];
    const end = leb(bytes, at) + at.p;
    sections.push({ id, start, end });
    if (id === 2) {
      for (let n = leb(bytes, at); n > 0; n--) {
        // Its module's name, then its own (a length, then the bytes).
        for (const _ of [0, 1]) at.p = leb(bytes, at) + at.p;
        const kind = bytes[at.p++];
        if (kind === 0) (leb(bytes, at), imported++);
        else if (kind === 1 || kind === 2) {
          if (kind === 1) at.p++;
          if (leb(bytes, at) & 1) leb(bytes, at);
          leb(bytes, at);
        } else if (kind === 3) at.p += 2;
        else (at.p++, leb(bytes, at));
      }
    } else if (id === 10) {
      for (let n = leb(bytes, at); n > 0; n--) {
        const size = leb(bytes, at);
        sizes.push(size);
        at.p += size;
      }
    } else if (id === 0) {
      const length = leb(bytes, at);
      const name = bytes.subarray(at.p, at.p + length).toString();
      at.p += length;
      while (name === 'name' && at.p < end) {
        const kind = bytes[at.p++];
        const subEnd = leb(bytes, at) + at.p;
        if (kind === 1) {
          for (let n = leb(bytes, at); n > 0; n--) {
            const index = leb(bytes, at);
            const size = leb(bytes, at);
            names.set(index, bytes.subarray(at.p, at.p + size).toString());
            at.p += size;
          }
        }
        at.p = subEnd;
      }
    }
    at.p = end;
  }
  return { sections, imported, sizes, names };
}

/** `bytes` with a compilation-priority section (priority 0) for `indices`, before the code section. */
function withPriorities(bytes, module, indices) {
  const name = Buffer.from('metadata.code.compilation_priority');
  // Each function: its index, the hint's offset (0: the whole function), its length, the priority.
  const body = [...unsignedLeb(name.length), ...name, ...unsignedLeb(indices.length), ...indices.flatMap((i) => [...unsignedLeb(i), 0, 1, 0])];
  const code = module.sections.find((s) => s.id === 10).start;
  return Buffer.concat([bytes.subarray(0, code), Buffer.from([0, ...unsignedLeb(body.length), ...body]), bytes.subarray(code)]);
}

const bytes = await readFile(join(DIST, 'opeka_bg.wasm'));
const module = readModule(bytes);
const hinted = await mkdtemp(join(tmpdir(), 'opeka-hinted-'));
const server = await startServer({ mounts: [['/measured/', DIST], ['/hinted/', hinted], ['/bench/', join(ROOT, 'tests', 'bench')]] });
for (const build of ['measured', 'hinted']) {
  server.routes.set(`/first/${build}.html`, { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>first</title>
<script src="/bench/measure.js"></script><script type="module" src="/${build}/opeka.js"></script></head><body>
<opeka-chart src="/feeds/kuzbass-caseload.json" view="trend" height="400" style="display:block;width:960px"></opeka-chart></body></html>` });
}
const loads = await plainBrowser(server);
/** RUNS traced loads of `build`'s page: each load's functions compiled on first call, [index, CPU µs]. */
const compiledOnFirstCall = async (build) => {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const { events } = await loads.load(`${server.url}/first/${build}.html`, 'v8.wasm');
    runs.push(events.filter((e) => e.name === 'wasm.CompileLazy').map((e) => [e.args.func_index, e.tdur ?? 0]));
  }
  return runs;
};
try {
  const runs = await compiledOnFirstCall('measured');
  const size = (index) => module.sizes[index - module.imported] ?? 0;
  const kb = (list) => (list.reduce((sum, [i]) => sum + size(i), 0) / 1024).toFixed(0);
  const ms = (list) => (list.reduce((sum, [, us]) => sum + us, 0) / 1000).toFixed(1);
  const typical = runs.find((r) => r.length === median(runs.map((x) => x.length)));
  console.log(`-- the sample's trend, ${RUNS} cold loads: functions compiled on their first call, median ${typical.length} of the module's ${module.sizes.length}, ${kb(typical)} KB, ${ms(typical)} ms of CPU (traced; CPU of that load)`);
  for (const [lo, hi] of [[0, 100], [100, 500], [500, 2000], [2000, Infinity]]) {
    const these = typical.filter(([i]) => size(i) >= lo && size(i) < hi);
    console.log(`   bodies of ${lo}${hi === Infinity ? ' bytes and more' : `–${hi - 1} bytes`}: ${these.length} functions, ${kb(these)} KB, ${ms(these)} ms`);
  }
  console.log('   the largest:');
  for (const [index, us] of [...typical].sort((a, b) => size(b[0]) - size(a[0])).slice(0, 8)) {
    console.log(`   ${String(size(index)).padStart(7)} bytes ${(us / 1000).toFixed(2).padStart(6)} ms  ${module.names.get(index)?.slice(0, 110) ?? `function ${index} (make named-dist names it)`}`);
  }
  const indices = [...new Set(runs.flat().map(([i]) => i))].sort((a, b) => a - b);
  await cp(DIST, hinted, { recursive: true });
  await writeFile(join(hinted, 'opeka_bg.wasm'), withPriorities(bytes, module, indices));
  const hintedRuns = await compiledOnFirstCall('hinted');
  const still = median(hintedRuns.map((r) => r.length));
  console.log(`-- the same module with a compilation-priority section for those ${indices.length} functions: compiled on first call, median ${still}${process.env.BENCH_JS_FLAGS ? ` (V8 flags: ${process.env.BENCH_JS_FLAGS})` : ''}`);
  // Where the browser compiles them ahead, what it saves: untraced loads of
  // both, alternately, five times RUNS each.
  if (still < typical.length) {
    const done = { measured: [], hinted: [] };
    for (let run = 0; run < 5 * RUNS; run++) {
      for (const build of run % 2 ? ['hinted', 'measured'] : ['measured', 'hinted']) done[build].push((await loads.load(`${server.url}/first/${build}.html`)).done);
    }
    const paired = done.hinted.map((d, i) => d / done.measured[i]);
    console.log(`   drawn at ${median(done.measured).toFixed(0)} ms without the section, ${median(done.hinted).toFixed(0)} ms with it (paired ${median(paired).toFixed(2)}), ${5 * RUNS} cold loads each`);
  }
} finally {
  await loads.close();
  await server.close();
  await rm(hinted, { recursive: true, force: true });
}
