// What the big-feed benchmarks share (big-feeds.mjs, ab-dists.mjs,
// profile-worker.mjs): their feed and a cold load of a page.

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
 * One cold load of `url` in a fresh context: `{ done, longest, wasm }` once
 * the page's chart says `opeka-rendered` (or `opeka-error`, which throws).
 * `longest` is the longest main-thread task; `wasm` the memory of the page's
 * module under `dist` (a URL path such as `/opeka`; 0 when null). A build
 * from before stop 11 has its glue in `opeka_bindings.js` and no `loadModule`.
 */
export async function coldLoad(browser, url, dist) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
      .observe({ type: 'longtask', buffered: true });
    document.addEventListener('opeka-rendered', () => { window.__bench = { done: performance.now() }; });
    document.addEventListener('opeka-error', (e) => { window.__bench = { error: e.detail.message }; });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__bench, null, { timeout: 180000 });
  // Long tasks are reported after they end: give the observer a moment.
  await page.waitForTimeout(200);
  const result = await page.evaluate(async (dir) => {
    if (!dir) return { ...window.__bench, longest: window.__longest, wasm: 0 };
    const loader = await import(`${dir}/opeka.js`);
    const exports = loader.loadModule ? await loader.loadModule() : await (await import(`${dir}/opeka_bindings.js`)).default();
    return { ...window.__bench, longest: window.__longest, wasm: exports.memory.buffer.byteLength };
  }, dist);
  await context.close();
  if (result.error) throw new Error(`${url}: ${result.error}`);
  return result;
}
