#!/usr/bin/env node
/**
 * Sync at scale (issue 14), Node-level: the background's own engine code (src/background/sync) on
 * two fake-indexeddb libraries, A and B, through one PouchDB Server in memory on 127.0.0.1.
 * Browsers are left out on purpose: two browsers plus the server and 1,000 captures do not fit the
 * shared 2-core machine; the e2e spec proves the same code in both browsers.
 *
 *   sync.initial_1k_s     1,000 captures (≈1,500 words, one 30 KB image each) A → server → B, seconds
 *   sync.change_ms        one tag change on A → on B (A's round + B's round), median of 7
 *   sync.overhead_1k_kb   sync's own bookkeeping on the device for those 1,000 (syncDocs rows)
 *   sync.server_1k_mb     what the server stores for them: encrypted documents + encrypted images
 *
 *   node scripts/bench-sync.mjs [--count N]
 */
import { build } from 'esbuild';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeBenchResults } from './lib/bench-results.mjs';
import { startSyncServer } from './sync-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const countArg = process.argv.indexOf('--count');
const COUNT = countArg > 0 ? Number(process.argv[countArg + 1]) : 1000;
const IMAGE_BYTES = 30_000;
const KEYS = ['sync.initial_1k_s', 'sync.change_ms', 'sync.overhead_1k_kb', 'sync.server_1k_mb'];

const outfile = join(tmpdir(), `cc-bench-sync-${process.pid}.mjs`);
await build({
  entryPoints: [join(root, 'scripts/bench/sync-node.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: ['node20'],
  define: { __BROWSER__: '"chrome"' },
  logLevel: 'warning',
});
const { runSyncBench } = await import(pathToFileURL(outfile).href);
const server = await startSyncServer();
try {
  const load = loadavg()[0].toFixed(1);
  const r = await runSyncBench(server.url, COUNT, IMAGE_BYTES);
  const note = `${COUNT} captures, Node engine, PouchDB Server in memory, load ${load}`;
  writeBenchResults(KEYS, {
    'sync.initial_1k_s': {
      value: Number(r.initialSeconds.toFixed(1)),
      unit: 's',
      note: `${note}; push ${r.pushSeconds.toFixed(1)} s + pull ${r.pullSeconds.toFixed(1)} s (target < 60)`,
    },
    'sync.change_ms': { value: Math.round(r.changeMedianMs), unit: 'ms', note: `${note}; median of 7 (target < 2000)` },
    'sync.overhead_1k_kb': {
      value: Math.round(r.deviceOverheadBytes / 1024),
      unit: 'KB',
      note: `${note}; syncDocs rows on B (library text alone: ${Math.round(r.libraryTextBytes / 1024)} KB; images not duplicated)`,
    },
    'sync.server_1k_mb': {
      value: Number(((r.serverDocBytes + r.serverImageBytes) / 1048576).toFixed(1)),
      unit: 'MB',
      note: `${note}; documents ${(r.serverDocBytes / 1048576).toFixed(1)} MB (deflated, encrypted, base64) + images ${(r.serverImageBytes / 1048576).toFixed(1)} MB`,
    },
  });
} finally {
  await server.stop();
}
