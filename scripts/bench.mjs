#!/usr/bin/env node
/**
 * Speed of the extractor, written to bench-results.json as `{ name: { value, unit, note } }`.
 * Other benchmarks add their own keys to that file, so only this script's keys are replaced.
 *
 *   node scripts/bench.mjs [--corpus DIR]     (npm run bench builds first)
 *
 * Absolute times depend on the machine; the corpus ratios (ours ÷ raw Readability, same DOM
 * library, same run, interleaved) are what compare across machines and commits.
 *
 * The ratios are taken over a fixed sample of every main-text set of the corpus (SAMPLE_EVERY), each
 * page timed as the fastest of PAGE_REPS runs per side: on a 2–3 ms page one garbage collection
 * (3–7 ms) in one run would otherwise decide the page's ratio, and the fastest run is the one
 * nothing else landed in.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CORPUS, loadLib, parseOptions, readArticles, root, runOurs, runReadability, TEXT_SETS } from './lib/corpus.mjs';
import { writeBenchResults } from './lib/bench-results.mjs';

const USAGE = 'Usage: node scripts/bench.mjs [--corpus DIR]';
const options = parseOptions(process.argv.slice(2), ['corpus'], USAGE);
const corpus = options.corpus ?? DEFAULT_CORPUS;
const SEED = { file: join(root, 'tests/fixtures/seed/chinanews-harper-jack-ma.html'), url: 'http://127.0.0.1/business/2014/11-08/6762151.shtml' };
const SEED_WARMUP = 50; // V8 keeps optimizing for ~50 runs of this small page; fewer inflates the median several-fold
const SEED_RUNS = 30;
const PAGE_REPS = 7;
const WARMUP_PAGES = 10;
/**
 * Every page of articles/, every 5th of the larger sets, in ground-truth.json order (the 1st, 6th,
 * 11th, …): a few hundred pages that keep the run to a few minutes and are the same pages each time.
 */
const SAMPLE_EVERY = { articles: 1, 'l3s-gn1': 5, dragnet: 5 };
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
  return {
    'extract.seed_ms': {
      value: round(ms, 3),
      unit: 'ms',
      note: `median of ${SEED_RUNS} runs after ${SEED_WARMUP} warm-up, parseDocument + extract, tests/fixtures/seed page`,
    },
  };
}

/**
 * Per page: (parse + ours) ÷ (parse + raw Readability), from the fastest of PAGE_REPS timed runs
 * each. The two alternate which goes first, so neither always pays the other's garbage collection.
 */
function benchCorpus(pages) {
  const loadBefore = loadavg()[0];
  for (const { html, url } of pages.slice(0, WARMUP_PAGES)) {
    runOurs(lib, html, url);
    runReadability(lib, html, url);
  }
  const ratios = pages.map(({ html, url }) => {
    const ours = () => runOurs(lib, html, url);
    const readability = () => runReadability(lib, html, url);
    ours();
    readability();
    const fastest = { ours: Infinity, readability: Infinity };
    for (let rep = 0; rep < PAGE_REPS; rep++) {
      const order = rep % 2 ? ['readability', 'ours'] : ['ours', 'readability'];
      for (const who of order) fastest[who] = Math.min(fastest[who], time(who === 'ours' ? ours : readability));
    }
    return fastest.ours / fastest.readability;
  });
  const bySet = new Map();
  pages.forEach(({ set }, i) => bySet.set(set, [...(bySet.get(set) ?? []), ratios[i]]));
  const perSet = [...bySet].map(([set, setRatios]) => `${set} ${round(median(setRatios), 3)}`).join(', ');
  const sample = [...bySet]
    .map(([set, { length }]) => `${set} ${SAMPLE_EVERY[set] === 1 ? `(all) ${length}` : `(every ${SAMPLE_EVERY[set]}th) ${length}`}`)
    .join(', ');
  // Other processes stretch some runs more than others; the fastest of several only partly undoes it.
  const load = `load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
  const how = `per page: fastest of ${PAGE_REPS} interleaved runs each, (parseDocument + extract) / (parseDocument + Readability 0.6.0), linkedom; ${load}`;
  return {
    'extract.ratio_median': { value: round(median(ratios), 3), unit: 'ratio', note: `median over the corpus sample (per set: ${perSet}); ${how}` },
    'extract.ratio_p95': { value: round(percentile(ratios, 95), 3), unit: 'ratio', note: `95th percentile (nearest rank) over the corpus sample; ${how}` },
    'extract.corpus_pages': {
      value: pages.length,
      unit: 'count',
      note: `corpus pages timed for the ratios: ${sample}; each set in ground-truth.json order from its first page`,
    },
  };
}

/** The fixed sample of SAMPLE_EVERY over the main-text sets present, each page tagged with its set. */
function corpusSample() {
  const pages = [];
  for (const set of TEXT_SETS) {
    const every = SAMPLE_EVERY[set] ?? 1;
    const all = readArticles(corpus, set);
    if (all) pages.push(...all.filter((_, i) => i % every === 0).map((page) => ({ ...page, set })));
    else console.log(`note: no ${set}/ in ${corpus}; the ratios leave it out`);
  }
  return pages;
}

const round = (x, digits) => Number(x.toFixed(digits));

const results = benchSeed();
const pages = corpusSample();
if (pages.length) Object.assign(results, benchCorpus(pages));
else console.log(`note: no corpus text sets (${TEXT_SETS.join(', ')}) at ${corpus}; ratio figures skipped (and dropped from bench-results.json)`);

writeBenchResults(KEYS, results);
