/**
 * bench-results.json is shared by the benchmark scripts: each replaces only its own keys (a figure
 * not measured this run must not linger), keeps the others', and prints its table.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './corpus.mjs';

const RESULTS = join(root, 'bench-results.json');

function readPrevious() {
  if (!existsSync(RESULTS)) return {};
  try {
    return JSON.parse(readFileSync(RESULTS, 'utf8'));
  } catch (error) {
    // Overwriting would silently drop other benchmarks' figures: make the person look instead.
    console.error(`bench-results.json is not valid JSON (${error.message}); fix or delete it, then rerun`);
    process.exit(1);
  }
}

/** `results`: `{ name: { value, unit, note } }`; `keys`: every name this script owns. */
export function writeBenchResults(keys, results) {
  const merged = readPrevious();
  for (const key of keys) delete merged[key];
  writeFileSync(RESULTS, `${JSON.stringify({ ...merged, ...results }, null, 2)}\n`);
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  console.log(`${'benchmark'.padEnd(width)}  ${'value'.padStart(9)}  unit   note`);
  for (const [name, { value, unit, note }] of Object.entries(results)) {
    console.log(`${name.padEnd(width)}  ${String(value).padStart(9)}  ${unit.padEnd(5)}  ${note}`);
  }
  console.log('\nwritten to bench-results.json');
}
