/**
 * Bench page for scripts/bench-library.mjs, bundled into a copy of dist/chrome as bench.js: runs in
 * the extension's own origin, on the extension's real database, with the extension's own code.
 * Never shipped.
 */
import type { Capture } from '../../src/core/shared/capture';
import { saveCapture } from '../../src/storage/captures';
import { openDb } from '../../src/storage/db';
import type { CaptureRecord } from '../../src/storage/records';
import { decide } from '../../src/storage/dedupe';
import { readGeneration } from '../../src/storage/generation';
import { signCapture } from '../../src/storage/record-fields';
import { countWords, readingMinutes } from '../../src/core/shared/text';

const db = openDb();

/** A small deterministic PRNG, so every run generates the same library. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mer',
  'tin',
  'sa',
  'ra',
  'ven',
  'dor',
  'li',
  'po',
  'an',
  'tre',
  'mu',
  'sol',
  'ge',
  'bri',
  'on',
  'del',
  'us',
  'ha',
  'ric',
  'ta',
  'ne',
  'vo',
];
const COMMON =
  'the of and to in a is that for on was with as by at from his her said it be are has have not but this which were its an they new after will their who been more one year two also than over first city government people'.split(
    ' ',
  );
/** ~8,000 words: common English words plus invented ones, drawn with a Zipf-like skew. */
const VOCAB = (() => {
  const r = rng(7);
  const words = new Set<string>(COMMON);
  while (words.size < 8000) {
    const n = 2 + Math.floor(r() * 3);
    words.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join(''));
  }
  return [...words];
})();
const SITES = Array.from({ length: 60 }, (_, i) => `news${i}.example${i % 3 ? '.com' : '.org'}`);

function word(r: () => number): string {
  return VOCAB[Math.floor(VOCAB.length * Math.pow(r(), 2.2))]!;
}

export function generateCapture(i: number, words = 1500): Capture {
  const r = rng(1000 + i);
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const len = 40 + Math.floor(r() * 60);
    const sentence = Array.from({ length: len }, () => word(r)).join(' ');
    paragraphs.push(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`);
    count += len;
  }
  const site = SITES[i % SITES.length]!;
  const title = Array.from({ length: 5 + Math.floor(r() * 6) }, () => word(r)).join(' ');
  const day = new Date(Date.UTC(2022, 0, 1) + Math.floor(r() * 3 * 365) * 86_400_000).toISOString();
  const url = `https://${site}/${day.slice(0, 4)}/${day.slice(5, 7)}/story-${i}`;
  const text = paragraphs.join('\n\n');
  const wordCount = countWords(text);
  return {
    url,
    canonicalUrl: url,
    title: `${title[0]!.toUpperCase()}${title.slice(1)}`,
    byline: `Reporter ${i % 400}`,
    authors: [`Reporter ${i % 400}`],
    siteName: `News ${i % SITES.length}`,
    published: day.slice(0, 16),
    modified: null,
    lang: 'en',
    dir: null,
    excerpt: paragraphs[0]!.slice(0, 200),
    keywords: [],
    leadImage: null,
    contentHtml: paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
    textContent: text,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    sources: {},
    selectionOnly: false,
  };
}

/** Fill the library with `n` generated captures (as saveCapture would store them), in batches. */
async function seed(n: number, from = 0): Promise<number> {
  const BATCH = 250;
  for (let start = from; start < from + n; start += BATCH) {
    const records: CaptureRecord[] = [];
    for (let i = start; i < Math.min(from + n, start + BATCH); i++) {
      const capture = generateCapture(i);
      const signed = signCapture(capture);
      const at = new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString();
      records.push({
        ...capture,
        urlKeys: signed.keys,
        capturedAt: at,
        updatedAt: at,
        fingerprint: signed.fingerprint,
        minhash: signed.minhash,
        bands: signed.bands,
        storyId: null,
        tags: i % 7 ? [] : ['weekly'],
        readState: i % 3 ? 'unread' : 'read',
        archived: i % 11 ? 0 : 1,
        favourite: i % 13 ? 0 : 1,
        versionCount: 1,
        listOrder: -Date.parse(at),
      });
    }
    // The write generation moves by itself (storage/generation.ts).
    await db.captures.bulkAdd(records);
  }
  return db.captures.count();
}

/** Median and p95 of the time of `fn` over `runs` runs. */
async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<{ median: number; p95: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    all.push(performance.now() - start);
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)]!, all };
}

/** capture.store_ms: one new 1,500-word capture from "content script result" to committed. */
async function store(runs: number): Promise<{ median: number; p95: number }> {
  const captures = Array.from({ length: runs }, (_, i) => generateCapture(900_000 + i));
  return time(runs, (i) => saveCapture(db, captures[i]!));
}

/**
 * dedupe.check_10k_ms: sign one capture and decide new / same / version / same story against
 * the stored library, in a read transaction, cycling through the four kinds.
 */
async function dedupeCheck(runs: number): Promise<{ median: number; p95: number; kinds: Record<string, number>; medians: string }> {
  const kinds: Record<string, number> = {};
  const cases: Array<() => Capture> = [
    () => generateCapture(800_000 + Math.floor(Math.random() * 1e5)), // new
    () => generateCapture(42), // same URL, same text
    () => ({ ...generateCapture(43), textContent: `${generateCapture(43).textContent} A correction was added.` }), // version
    () => {
      // same story elsewhere: another site, a paragraph dropped, a dateline added
      const c = generateCapture(44);
      const paras = c.textContent.split('\n\n');
      return {
        ...c,
        url: 'https://wire.example.net/copy-44',
        canonicalUrl: 'https://wire.example.net/copy-44',
        textContent: `WIRE — ${paras.slice(0, -1).join('\n\n')}`,
      };
    },
  ];
  // Generated before timing: only signing and deciding are measured.
  const captures = Array.from({ length: runs }, (_, i) => cases[i % cases.length]!());
  const byKind: Record<string, number[]> = {};
  const result = await time(runs, async (i) => {
    const capture = captures[i]!;
    const decision = await db.transaction('r', db.captures, () => decide(db, signCapture(capture), false));
    const kind = decision.kind === 'new' && decision.story ? 'same-story' : decision.kind;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  });
  result.all.forEach((ms, i) => (byKind[i % cases.length] ??= []).push(ms));
  const medians = Object.values(byKind).map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!.toFixed(2));
  return { median: result.median, p95: result.p95, kinds, medians: medians.join(' / ') };
}

/** Whether the background has saved its search index for the current library. */
async function indexPersisted(): Promise<boolean> {
  // The packed copy since issue 17; the JSON copy before.
  const row = (await db.searchIndex.get('packed')) ?? (await db.searchIndex.get('minisearch'));
  return !!row && row.generation === (await readGeneration(db));
}

Object.assign(globalThis, { bench: { seed, store, dedupeCheck, indexPersisted, count: () => db.captures.count() } });
if (typeof document !== 'undefined') document.title = 'bench ready';
