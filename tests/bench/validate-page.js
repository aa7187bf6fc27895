// Parse + validate throughput of the wasm validator on a generated caseload
// of 100 000 records. Sets window.__bench = {records, bytes, runs: [ms…], errors}.
// The validator of the worker's module (crates/worker-wasm): the page's code,
// with the worker's `declared-ranks` (its search for repeats sorts nothing
// when records come in their lists' order, as here); the page's module
// exports nothing for benchmarks (bytes).
import init, { word_problems } from '/opeka/opeka_worker_bindings.js';

function caseload(records) {
  const units = Array.from({ length: 100 }, (_, i) => ({ id: `u${i}`, label: `Район ${i}`, population: 10000 + i * 137 }));
  const categories = ['home', 'day', 'urgent', 'stationary'].map((id) => ({ id, label: id }));
  const list = [];
  for (let m = 0; list.length < records; m += 1) {
    const period = `${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    for (const u of units) for (const c of categories) if (list.length < records) list.push({ period, unit: u.id, category: c.id, value: (m * 7 + list.length) % 997 });
  }
  return { opeka: 1, kind: 'caseload', title: 'Нагрузка', measure: { label: 'Получатели', format: 'count' }, units, categories, records: list };
}

await init({ module_or_path: '/opeka/opeka_worker_bg.wasm' });
const records = 100000;
const bytes = new TextEncoder().encode(JSON.stringify(caseload(records)));
const runs = [];
let errors = -1;
for (let i = 0; i < 5; i += 1) {
  const start = performance.now();
  // A valid feed answers [null, warnings…]; an invalid one starts with a count.
  errors = typeof word_problems(bytes)[0] === 'number' ? 1 : 0;
  runs.push(performance.now() - start);
}
window.__bench = { records, bytes: bytes.length, runs, errors };
