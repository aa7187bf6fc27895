import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser } from '../e2e/harness.mjs';
import { generatedCaseload } from './big-feed-bench.mjs';
const dir = await mkdtemp(join(tmpdir(), 'opeka-job-'));
await writeFile(join(dir, 'feed.json'), generatedCaseload(4175));
const server = await startServer({ mounts: [['/big/', dir]] });
server.routes.set('/bench/job.html', { type: 'text/html; charset=utf-8', body: `<!doctype html><title>job</title><script type="module">
const bytes = new Uint8Array(await (await fetch('/big/feed.json')).arrayBuffer());
const w = new Worker('/opeka/opeka-worker.js', { type: 'module' });
const times = [];
const ask = (id, view) => new Promise((ok) => { w.onmessage = ({ data }) => data[0] === id && ok(data); const t = performance.now(); w.postMessage(id ? [id, bytes, view] : [0]); });
await ask(0);
await new Promise((ok) => setTimeout(ok, 1500));
for (let i = 1; i <= 3; i++) { const t = performance.now(); await ask(i, 'trend'); times.push(Math.round(performance.now() - t)); }
window.__times = times;
</script>` });
const browser = await launchBrowser();
for (let run = 0; run < 4; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/bench/job.html`);
  await page.waitForFunction(() => window.__times, null, { timeout: 60000 });
  console.log(await page.evaluate(() => window.__times.join(' ')));
  await context.close();
}
await browser.close(); await server.close();
