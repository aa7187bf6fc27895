// A bench page's own figures, for a load in a Chromium with no DevTools
// attached (big-feed-bench.mjs's `plainBrowser`): the first script of the
// page's head. Once the chart says `opeka-rendered` (the peers' page:
// `bench-drawn`) or `opeka-error`, and 200 ms more for the last long
// task to be reported, it posts to /bench/report: `done` (ms from
// navigation, to the chart or the error), `error`, `longest` (the longest main-thread task,
// PerformanceObserver 'longtask'), `tasks` (each long task's start and
// length, ms), `resources` (each file the page fetched, with its start and
// end, ms), `wasm`, the memory of the page's Opeka module (0 on a page
// without one), `here`, that of the worker's module where the page ran it
// itself (no worker: opeka-worker-host.js; else 0), and `origin`, the
// page's `performance.timeOrigin` (to set a worker's times beside the
// page's), and `marks`, the steps an instrumented build put in
// `self.__marks` (tests/bench/timeline.mjs). `self.__wasmMemory()` gives
// `{ wasm, here }` as they are now (big-feeds.mjs reads them after each
// reload).
(() => {
  const tasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
  }).observe({ type: 'longtask', buffered: true });
  self.__wasmMemory = async () => {
    let [wasm, here] = [0, 0];
    const script = document.querySelector('script[src$="/opeka.js"]');
    if (script) {
      const loader = await import(script.src);
      wasm = loader.loadModule ? (await loader.loadModule()).memory.buffer.byteLength : 0;
      // Its glue's init answers the module it has, once loaded.
      const module = new URL('opeka_worker_bg.wasm', script.src).href;
      if (performance.getEntriesByType('resource').some((e) => e.name === module)) {
        here = (await (await import(new URL('opeka_worker_bindings.js', script.src).href)).default()).memory.buffer.byteLength;
      }
    }
    return { wasm, here };
  };
  let reported = false;
  const report = async (result) => {
    if (reported) return;
    reported = true;
    await new Promise((ok) => setTimeout(ok, 200));
    const { wasm, here } = await self.__wasmMemory();
    await fetch('/bench/report', { method: 'POST', body: JSON.stringify({ ...result, origin: performance.timeOrigin, marks: self.__marks, longest: Math.max(0, ...tasks.map(([, ms]) => ms)), tasks, wasm, here, page: location.href, resources: performance.getEntriesByType('resource').map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd)]) }) });
  };
  for (const drawn of ['opeka-rendered', 'bench-drawn']) document.addEventListener(drawn, () => report({ done: performance.now() }));
  document.addEventListener('opeka-error', (event) => report({ error: event.detail.message, done: performance.now() }));
})();
