import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractSavedPage } from '../../../../src/cli/extract-page';
import { toEpub } from '../../../../src/core/export/book';
import type { SavedArticle } from '../../../../src/core/shared/capture';

/**
 * The real validator over a book made from every real page in tests/fixtures/extract: 0 errors,
 * 0 warnings. epubcheck is required (CI installs it: .ci/run); without it this test fails.
 */
const EPUBCHECK = '/usr/share/java/epubcheck.jar';
const FIXTURES = fileURLToPath(new URL('../../../fixtures/extract/', import.meta.url));
const NOW = new Date('2024-01-02T03:04:05.000Z');
const parse = (html: string) => parseHTML(html).document as unknown as Document;

// A real 1×1 PNG, so epubcheck sees a valid image wherever a stored copy is used.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

function fixtureArticles(): SavedArticle[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'source.html')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const url = readFileSync(join(FIXTURES, name, 'url.txt'), 'utf8').trim();
      return { ...extractSavedPage(readFileSync(join(FIXTURES, name, 'source.html'), 'utf8'), url), capturedAt: NOW.toISOString() };
    });
}

/** epubcheck's ERROR/WARNING/FATAL lines (its summary lines excluded). */
function problems(output: string): string[] {
  return output.split('\n').filter((line) => /^(FATAL|ERROR|WARNING)\(/.test(line));
}

describe('EPUB from real pages', () => {
  it('passes epubcheck with 0 errors and 0 warnings', { timeout: 180_000 }, async () => {
    if (!existsSync(EPUBCHECK)) {
      throw new Error(`epubcheck is missing (${EPUBCHECK}): apt-get install -y epubcheck (.ci/run does it)`);
    }
    const articles = fixtureArticles();
    expect(articles.length).toBeGreaterThan(20);
    // Half the images "stored" (by a stable rule), the rest left on the web: both paths are checked;
    // the first lead image is stored, so the book has a cover.
    const withLead = articles.findIndex((a) => a.leadImage);
    articles.unshift(...articles.splice(withLead, 1));
    const cover = articles[0]!.leadImage?.url;
    expect(cover).toBeTruthy();
    const image = async (url: string) => (url === cover || url.length % 2 === 0 ? new Blob([PNG], { type: 'image/png' }) : null);
    const bytes = await toEpub(articles, { parse, now: NOW, image, title: 'Fixture pages' });
    const dir = mkdtempSync(join(tmpdir(), 'cc-epubcheck-'));
    try {
      const file = join(dir, 'book.epub');
      writeFileSync(file, bytes);
      let output: string;
      try {
        output = execFileSync('java', ['-jar', EPUBCHECK, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        const err = e as { stdout?: string; stderr?: string };
        output = `${err.stdout ?? ''}\n${err.stderr ?? ''}`;
      }
      expect(problems(output), output).toEqual([]);
      expect(output).toMatch(/No errors or warnings detected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
