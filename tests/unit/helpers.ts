import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Capture } from '../../src/core/shared/capture';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEED_DIR = fileURLToPath(new URL('../fixtures/seed/', import.meta.url));
export const SEED_HTML_PATH = `${SEED_DIR}chinanews-harper-jack-ma.html`;
export const SEED_URL = 'http://127.0.0.1:8080/business/2014/11-08/6762151.shtml';

export interface SeedExpected {
  title: string;
  published: string;
  bylineContains: string;
  paragraphs: string[];
  images: number;
  caption: string;
  mustNotContain: string[];
}

export function readSeed(): { html: string; expected: SeedExpected } {
  return {
    html: readFileSync(SEED_HTML_PATH, 'utf8'),
    expected: JSON.parse(readFileSync(`${SEED_DIR}expected.json`, 'utf8')) as SeedExpected,
  };
}

/** Non-overlapping occurrences of `needle` in `haystack`. */
export function countOccurrences(haystack: string, needle: string): number {
  if (!needle) throw new Error('empty needle');
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) count++;
  return count;
}

/** HTML-escape text the way a serializer writes it inside an element ("'" may stay raw). */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A complete Capture with plausible defaults; override what the test is about. */
export function makeCapture(overrides: Partial<Capture> = {}): Capture {
  const url = overrides.url ?? 'https://news.example.com/2014/11/08/harper-meets-ma';
  return {
    url,
    canonicalUrl: url,
    title: 'Canadian PM meets Alibaba founder',
    byline: 'Xinhua',
    authors: ['Xinhua'],
    siteName: 'Example News',
    published: '2014-11-08T09:04',
    modified: null,
    lang: 'en',
    dir: null,
    excerpt: 'Harper met Jack Ma in Hangzhou.',
    keywords: [],
    leadImage: null,
    contentHtml: '<p>Harper met Jack Ma in Hangzhou on Friday to talk about small businesses.</p>',
    textContent: 'Harper met Jack Ma in Hangzhou on Friday to talk about small businesses.',
    wordCount: 13,
    readingMinutes: 1,
    sources: {},
    selectionOnly: false,
    completeness: { score: 1, reasons: [] },
    ...overrides,
  };
}

/** Filler prose long enough to count as an article. */
export function paragraphs(count: number, topic = 'the harbour'): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `<p>Paragraph ${i + 1} tells the reader about ${topic} in enough plain words to read like real reporting, with facts, quotes and context that a newspaper would print.</p>`,
  ).join('\n');
}
