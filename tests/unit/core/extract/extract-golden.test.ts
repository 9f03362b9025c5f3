import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeHtml } from '../../../../src/cli/decode';
import { extractSavedPage } from '../../../../src/cli/extract-page';
import type { Capture } from '../../../../src/core/shared/capture';
import { isCaptureError } from '../../../../src/core/shared/errors';

/**
 * Golden files for extraction: tests/fixtures/extract/<name>/source.html (raw bytes, decoded the
 * way the CLI reads a file) + url.txt → expected.json (metadata and text) and expected.html (the
 * article HTML). They record what the extractor does today, reviewed by a person; after a
 * deliberate change, regenerate with `npm run golden` and read the diff before committing
 * (STYLE.md §9, tests/fixtures/extract/README.md).
 */
const DIR = new URL('../../../fixtures/extract/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** The frozen clock, the same instant as the Markdown golden files: nothing may depend on today. */
const NOW = '2024-01-02T03:04:05.000Z';

/** What expected.json holds: the Capture's fields a regression would show in, text split for diffing. */
type Golden =
  | (Pick<
      Capture,
      | 'title'
      | 'byline'
      | 'authors'
      | 'siteName'
      | 'published'
      | 'modified'
      | 'lang'
      | 'dir'
      | 'canonicalUrl'
      | 'excerpt'
      | 'keywords'
      | 'leadImage'
      | 'wordCount'
      | 'completeness'
    > & {
      /** textContent split at its blank lines, one block a line: `.join('\n\n')` gives it back exactly. */
      textContent: string[];
    })
  | { error: string };

function golden(capture: Capture): Golden {
  const { title, byline, authors, siteName, published, modified, lang, dir, canonicalUrl, excerpt, keywords, leadImage, wordCount, completeness } = capture;
  return {
    title,
    byline,
    authors,
    siteName,
    published,
    modified,
    lang,
    dir,
    canonicalUrl,
    excerpt,
    keywords,
    leadImage,
    wordCount,
    completeness,
    textContent: capture.textContent.split('\n\n'),
  };
}

interface Result {
  json: string;
  html: string | null;
}

/** The fixture run as the CLI runs a saved file: bytes → decodeHtml → extractSavedPage. */
function run(name: string): Result {
  const bytes = readFileSync(new URL(`${name}/source.html`, DIR));
  const url = readFileSync(new URL(`${name}/url.txt`, DIR), 'utf8').trim();
  let capture: Capture;
  try {
    capture = extractSavedPage(decodeHtml(bytes), url);
  } catch (error) {
    // A page with no article is a result too: the fixture then records the refusal.
    if (!isCaptureError(error)) throw error;
    return { json: `${JSON.stringify({ error: error.code } satisfies Golden, null, 2)}\n`, html: null };
  }
  return { json: `${JSON.stringify(golden(capture), null, 2)}\n`, html: `${capture.contentHtml}\n` };
}

function check(name: string, file: string, actual: string): void {
  const path = new URL(`${name}/${file}`, DIR);
  if (UPDATE) writeFileSync(path, actual);
  expect(existsSync(path), `${name}/${file} missing: run npm run golden`).toBe(true);
  const expected = readFileSync(path, 'utf8');
  // Parsed, so that a failure shows which field moved rather than one long changed string.
  if (file.endsWith('.json')) expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
  expect(actual).toBe(expected);
}

const fixtures = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('extraction golden files', () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(NOW));
  });
  afterAll(() => vi.useRealTimers());

  it('has its fixtures, each with a source page and its URL', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
    for (const name of fixtures) {
      expect(existsSync(new URL(`${name}/source.html`, DIR)), `${name}/source.html`).toBe(true);
      expect(existsSync(new URL(`${name}/url.txt`, DIR)), `${name}/url.txt`).toBe(true);
    }
  });

  for (const name of fixtures) {
    let result: Result | undefined;
    const get = () => (result ??= run(name));

    it(`${name}: metadata and text (expected.json)`, () => {
      check(name, 'expected.json', get().json);
    });

    it(`${name}: article HTML (expected.html)`, () => {
      const { html } = get();
      const path = new URL(`${name}/expected.html`, DIR);
      if (html === null) {
        if (UPDATE) rmSync(path, { force: true });
        expect(existsSync(path), `${name} has no article: expected.html should not exist`).toBe(false);
        return;
      }
      check(name, 'expected.html', html);
    });
  }
});
