#!/usr/bin/env node
/**
 * Zip export of 1,000 captures with one ≈100 KB stored image each, in real Chromium:
 *   export.zip_1000_ms       wall time of the export (read library → zip Blob), median of RUNS
 *   export.zip_1000_peak_mb  peak JS heap (V8 used size, CDP Runtime.getHeapUsage sampled every 20 ms) during it
 * Merged into bench-results.json (only these keys are replaced).
 */
import { createServer } from 'node:http';
import { join, dirname } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../tests/e2e/browsers.mjs';
import { writeBenchResults } from './lib/bench-results.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const COUNT = 1000;
const IMAGE_BYTES = 100 * 1024;
const RUNS = 3;
const KEYS = ['export.zip_1000_ms', 'export.zip_1000_peak_mb'];

const bundle = await build({
  entryPoints: [join(root, 'scripts/bench/export-page.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  write: false,
  logLevel: 'warning',
  define: { __BROWSER__: '"chrome"' },
});
const script = bundle.outputFiles[0].text;
const server = createServer((req, res) => {
  if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>export bench</title><script src="/bench.js"></script>');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: chromiumArgs(['--headless=new']) });
const results = {};
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin);
  await page.waitForFunction(() => typeof window.prepareExportBench === 'function');
  const stored = await page.evaluate(([n, b]) => window.prepareExportBench(n, b), [COUNT, IMAGE_BYTES]);
  if (stored !== COUNT) throw new Error(`library has ${stored} captures, expected ${COUNT}`);
  const cdp = await context.newCDPSession(page);
  const times = [];
  const peaks = [];
  let baseline = 0;
  for (let run = 0; run < RUNS; run++) {
    await cdp.send('HeapProfiler.collectGarbage');
    baseline = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    let peak = baseline;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const result = await page.evaluate(() => window.runExportBench());
    sampling = false;
    await sampler;
    if (result.articles !== COUNT || result.images !== COUNT) throw new Error(`exported ${result.articles} articles / ${result.images} images`);
    times.push(result.ms);
    peaks.push(peak);
    console.error(
      `run ${run + 1}: ${result.ms.toFixed(0)} ms, zip ${(result.bytes / 1e6).toFixed(1)} MB, heap peak ${(peak / 2 ** 20).toFixed(1)} MB (baseline ${(baseline / 2 ** 20).toFixed(1)} MB)`,
    );
  }
  const sorted = [...times].sort((a, b) => a - b);
  results['export.zip_1000_ms'] = {
    value: Math.round(sorted[Math.floor(sorted.length / 2)]),
    unit: 'ms',
    note: `median of ${RUNS}: zip export (read → Markdown → zip Blob) of ${COUNT} captures with one ${IMAGE_BYTES / 1024} KB stored image each, headless Chromium; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
  };
  results['export.zip_1000_peak_mb'] = {
    value: Math.round((Math.max(...peaks) / 2 ** 20) * 10) / 10,
    unit: 'MB',
    note: `highest V8 used heap sampled every 20 ms during the ${RUNS} runs (baseline after GC ${(baseline / 2 ** 20).toFixed(1)} MB); Blob data is outside the heap`,
  };
} finally {
  await browser.close();
  server.close();
}

writeBenchResults(KEYS, results);
