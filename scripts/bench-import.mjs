#!/usr/bin/env node
/**
 * Import at scale (issue #15): a Pocket CSV of 1,000 addresses on a local server (127.0.0.1),
 * fetched and captured (one request at a time per host, as an import does). Writes to
 * bench-results.json and prints a table:
 *
 *   import.pocket_1k_s       in the extension (headless Chromium): the CSV chosen in Options →
 *                            Import, "Import" clicked → the queue reports every page captured
 *                            (fetched by the service worker, extracted in the offscreen document,
 *                            saved with images and the search index) — target < 120 s
 *   import.pocket_1k_cli_s   the same file through `clean-capture import --fetch` into a new library file
 *
 *   node scripts/bench-import.mjs [--count N]      (npm run bench builds first)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchResults } from './lib/bench-results.mjs';
import { pocketCsv } from './import-fixtures.mjs';
import { startImportServer } from './import-server.mjs';
import { launchChromiumWithExtension } from './launch-chromium.mjs';
import { testCopyOf } from './extension-copy.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const countArg = process.argv.indexOf('--count');
const COUNT = countArg > 0 ? Number(process.argv[countArg + 1]) : 1000;

const { runCli } = await import(join(root, 'dist/cli/clean-capture.mjs'));
const server = await startImportServer();
const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
try {
  const entries = Array.from({ length: COUNT }, (_, i) => ({
    url: `${server.origin}/distinct/${i + 1}.html`,
    title: `Article ${i + 1}`,
    savedAt: 1600000000 + i * 3600,
    tags: [`tag${i % 50}`],
    archived: i % 4 === 0,
  }));
  const csv = join(dir, 'pocket.csv');
  writeFileSync(csv, pocketCsv(entries));
  const library = join(dir, 'library.json');
  let log = '';
  const started = performance.now();
  const code = await runCli(
    ['import', csv, '--library', library, '--fetch'],
    () => {},
    (s) => (log += s),
  );
  const seconds = (performance.now() - started) / 1000;
  const saved = JSON.parse(readFileSync(library, 'utf8')).tables.captures.rows.length;
  if (code !== 0 || saved !== COUNT) throw new Error(`import saved ${saved} of ${COUNT} (exit ${code}):\n${log}`);

  // The extension: the same file chosen in Options → Import.
  const { context, extensionId } = await launchChromiumWithExtension(testCopyOf('chrome'));
  let extensionSeconds;
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.setInputFiles('#import-file', csv);
    await page.waitForSelector('#import-preview[data-state="ready"]');
    const clicked = performance.now();
    await page.click('#import-start');
    await page.waitForSelector('#import-progress[data-state="done"]', { timeout: 600_000 });
    extensionSeconds = (performance.now() - clicked) / 1000;
    const line = await page.textContent('#import-progress');
    if (!line.startsWith(`${COUNT.toLocaleString('en-US')} captured`)) throw new Error(`the extension's import ended with: ${line}`);
  } finally {
    await context.close();
  }

  const machine = `${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`;
  writeBenchResults(['import.pocket_1k_s', 'import.pocket_1k_cli_s'], {
    'import.pocket_1k_s': {
      value: Number(extensionSeconds.toFixed(1)),
      unit: 's',
      note: `${COUNT} addresses of one local host captured by the extension in Chromium (Import clicked → all captured; one request at a time per host); target < 120 s (${machine})`,
    },
    'import.pocket_1k_cli_s': {
      value: Number(seconds.toFixed(1)),
      unit: 's',
      note: `the same ${COUNT} addresses through clean-capture import --fetch (${machine})`,
    },
  });
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
