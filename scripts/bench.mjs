#!/usr/bin/env node
/**
 * Speed of the extractor, written to bench-results.json as `{ name: { value, unit, note } }`.
 * Other benchmarks add their own keys to that file, so only this script's keys are replaced.
 *
 *   node scripts/bench.mjs [--corpus DIR]     (npm run bench builds first)
 *
 * Absolute times depend on the machine; the corpus ratios (ours ÷ raw Readability, same DOM
 * library, same run, interleaved) are what compare across machines and commits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CORPUS, loadLib, parseOptions, readArticles, root, runOurs, runReadability } from './lib/corpus.mjs';
import { writeBenchResults } from './lib/bench-results.mjs';

const USAGE = 'Usage: node scripts/bench.mjs [--corpus DIR]';
const options = parseOptions(process.argv.slice(2), ['corpus'], USAGE);
const corpus = options.corpus ?? DEFAULT_CORPUS;
const SEED = { file: join(root, 'tests/fixtures/seed/chinanews-harper-jack-ma.html'), url: 'http://127.0.0.1/business/2014/11-08/6762151.shtml' };
const SEED_WARMUP = 50; // V8 keeps optimizing for ~50 runs of this small page; fewer inflates the median several-fold
const SEED_RUNS = 30;
const PAGE_REPS = 5;
const WARMUP_PAGES = 10;
const KEYS = ['extract.seed_ms', 'extract.ratio_median', 'extract.ratio_p95', 'extract.corpus_pages'];

const lib = await loadLib();

function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile: a value that was actually observed. */
function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

function benchSeed() {
  const html = readFileSync(SEED.file, 'utf8');
  const run = () => runOurs(lib, html, SEED.url);
  for (let i = 0; i < SEED_WARMUP; i++) run();
  const ms = median(Array.from({ length: SEED_RUNS }, () => time(run)));
  return { 'extract.seed_ms': { value: round(ms, 3), unit: 'ms', note: `median of ${SEED_RUNS} runs after ${SEED_WARMUP} warm-up, parseDocument + extract, tests/fixtures/seed page` } };
}

/**
 * Per page: (parse + ours) ÷ (parse + raw Readability), from the medians of PAGE_REPS timed runs
 * each. The two alternate which goes first, so neither always pays the other's garbage collection.
 */
function benchCorpus(pages) {
  for (const { html, url } of pages.slice(0, WARMUP_PAGES)) {
    runOurs(lib, html, url);
    runReadability(lib, html, url);
  }
  const ratios = pages.map(({ html, url }) => {
    const ours = () => runOurs(lib, html, url);
    const readability = () => runReadability(lib, html, url);
    ours();
    readability();
    const times = { ours: [], readability: [] };
    for (let rep = 0; rep < PAGE_REPS; rep++) {
      const order = rep % 2 ? ['readability', 'ours'] : ['ours', 'readability'];
      for (const who of order) times[who].push(time(who === 'ours' ? ours : readability));
    }
    return median(times.ours) / median(times.readability);
  });
  const how = `per page: median of ${PAGE_REPS} interleaved runs, (parseDocument + extract) / (parseDocument + Readability 0.6.0), linkedom`;
  return {
    'extract.ratio_median': { value: round(median(ratios), 3), unit: 'ratio', note: `median over corpus pages; ${how}` },
    'extract.ratio_p95': { value: round(percentile(ratios, 95), 3), unit: 'ratio', note: `95th percentile (nearest rank) over corpus pages; ${how}` },
    'extract.corpus_pages': { value: pages.length, unit: 'count', note: 'pages of corpus/articles timed for the ratios' },
  };
}

const round = (x, digits) => Number(x.toFixed(digits));


const results = benchSeed();
const pages = readArticles(corpus);
if (pages) Object.assign(results, benchCorpus(pages));
else console.log(`note: no corpus at ${join(corpus, 'articles')}; ratio figures skipped (and dropped from bench-results.json)`);

writeBenchResults(KEYS, results);
