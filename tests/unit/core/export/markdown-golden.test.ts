import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { parseDocument } from '../../../../src/cli/dom';
import { extract } from '../../../../src/core/extract/extract';
import { toMarkdown, type MarkdownOptions } from '../../../../src/core/export/markdown';
import type { SavedArticle } from '../../../../src/core/shared/capture';
import { makeCapture, readSeed, SEED_URL } from '../../helpers';

/**
 * Golden files: fixture → expected Markdown, compared byte for byte. After a deliberate change,
 * regenerate with `npm run golden` and read the diff before committing (STYLE.md §9).
 */
const DIR = new URL('../../../fixtures/markdown/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** The frozen clock: every capture was "saved" at this instant. */
const CAPTURED = '2024-01-02T03:04:05.000Z';

/** Images packed in a zip: each image URL → assets/<n>.<ext> in order of first use. */
function assetsMapper(): MarkdownOptions['imagePath'] {
  const seen = new Map<string, string>();
  return (src) => {
    if (!seen.has(src)) seen.set(src, `assets/${seen.size + 1}${/\.(png|jpe?g|gif|webp)\b/i.exec(src)?.[0] ?? '.img'}`);
    return seen.get(src)!;
  };
}

function cases(): { name: string; article: SavedArticle }[] {
  const out = readdirSync(DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.html$/, '');
      const metaPath = new URL(`${name}.meta.json`, DIR);
      const meta = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as Partial<SavedArticle>) : {};
      const contentHtml = readFileSync(new URL(file, DIR), 'utf8');
      return { name, article: { ...makeCapture({ contentHtml }), capturedAt: CAPTURED, ...meta } };
    });
  const seed = readSeed();
  out.push({ name: 'seed', article: { ...extract(parseDocument(seed.html, SEED_URL), SEED_URL), capturedAt: CAPTURED } });
  return out;
}

function check(name: string, actual: string): void {
  const path = new URL(name, DIR);
  if (UPDATE) writeFileSync(path, actual);
  expect(existsSync(path), `${name} missing: run npm run golden`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('Markdown golden files', () => {
  beforeAll(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(CAPTURED));
  });
  afterAll(() => vi.useRealTimers());

  for (const { name, article } of cases()) {
    it(`${name}: remote images`, () => {
      const md = toMarkdown(article);
      check(`${name}.expected.md`, md);
      const front = parse(md.slice(4, md.indexOf('\n---\n', 4))) as Record<string, unknown>;
      expect(front.title).toBe(article.title);
      expect(md.split('\n').filter((l) => /^# /.test(l))).toHaveLength(1);
    });
    it(`${name}: images in assets/`, () => {
      check(`${name}.assets.expected.md`, toMarkdown(article, { imagePath: assetsMapper() }));
    });
  }
});
