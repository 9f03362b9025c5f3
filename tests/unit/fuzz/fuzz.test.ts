/**
 * A seeded fuzz run inside `npm test` (400 documents; `npm run fuzz` runs 10,000): generated and
 * mutated HTML through parseDocument + extract, each document time-boxed in a worker thread.
 * Passing means: a Capture or CaptureError('no-article'), never another error, never a hang.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { fuzz, knownBug, loadSeedPages, makeDocument } from '../../../scripts/fuzz.mjs';
import { ROOT } from '../../../scripts/package.mjs';

describe('fuzz: extract on generated and mutated HTML', () => {
  it('the same seed gives the same documents, and the kinds are all there', () => {
    const pages = loadSeedPages();
    expect(pages.length).toBeGreaterThan(0);
    const a = Array.from({ length: 60 }, (_, i) => makeDocument(5, i, pages));
    const b = Array.from({ length: 60 }, (_, i) => makeDocument(5, i, pages));
    expect(a).toEqual(b);
    expect(new Set(a.map((d) => d.kind))).toEqual(new Set(['mutated', 'generated', 'special', 'deep']));
  });

  it('400 seeded documents: each a capture or no-article, none throws otherwise, none hangs', async () => {
    // The fuzzer runs plain JS in worker threads: bundle the CLI's extractor from the current sources,
    // to its own file (the CLI test rebuilds dist/cli at the same time).
    const lib = join(ROOT, '.tmp/fuzz-lib/lib.mjs');
    await build({
      entryPoints: [join(ROOT, 'src/cli/lib.ts')],
      outfile: lib,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    const result = await fuzz({ count: 400, seed: 2024, timeoutMs: 30_000, lib });
    const summary = result.failures.map((f) => `#${f.index} ${f.docKind} ${f.kind}: ${f.detail.split('\n')[0]}`);
    expect(summary).toEqual([]);
    // The core bugs the fuzzer first found (text outside <body>, rootless documents) are fixed: none left.
    expect(result.counts.known).toBe(0);
    expect(result.counts.capture + result.counts['no-article']).toBe(400);
    // Both outcomes occur, so the documents are neither all junk nor all articles.
    expect(result.counts.capture).toBeGreaterThan(40);
    expect(result.counts['no-article']).toBeGreaterThan(40);
  }, 300_000);

  it('a hang is caught by the time box and the run goes on', async () => {
    const result = await fuzz({ count: 3, seed: 1, timeoutMs: 300, workers: 1, lib: join(ROOT, 'tests/unit/fuzz/hanging-lib.mjs') });
    expect(result.failures.map((f) => f.kind)).toEqual(['timeout', 'timeout', 'timeout']);
  }, 60_000);

  it('known core bugs are recognised by their stack, nothing else is', () => {
    expect(knownBug("TypeError: Cannot read properties of null (reading 'tagName')\n    at Readability._grabArticle (x)")).toBe('readability-outside-body');
    expect(knownBug("TypeError: Cannot read properties of null (reading 'tagName')\n    at somethingElse (x)")).toBeNull();
    expect(knownBug('RangeError: Maximum call stack size exceeded')).toBeNull();
  });
});
