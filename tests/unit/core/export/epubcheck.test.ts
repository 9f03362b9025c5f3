import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractSavedPage } from '../../../../src/cli/extract-page';
import { toEpub } from '../../../../src/core/export/book';
import type { SavedArticle } from '../../../../src/core/shared/capture';
import { HIGHLIGHT_COLORS, type Highlight } from '../../../../src/core/highlights/highlight';
import { describePassage } from '../../../../src/core/highlights/quote-selector';

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
      const article = { ...extractSavedPage(readFileSync(join(FIXTURES, name, 'source.html'), 'utf8'), url), capturedAt: NOW.toISOString() };
      return { ...article, highlights: fixtureHighlights(article) };
    });
}

/**
 * Issue #16: every article carries highlights, so the validator sees marks in real markup: a long
 * passage in the middle of the text (it crosses blocks: paragraphs, lists, links, figures), a
 * shorter one overlapping it, a note with markup characters, and an orphan for the list.
 */
function fixtureHighlights(article: SavedArticle): Highlight[] {
  const text = parse(`<!doctype html><html><body>${article.contentHtml}</body></html>`).body.textContent ?? '';
  const start = Math.floor(text.length * 0.4);
  const made = (n: number, from: number, to: number, note = ''): Highlight => ({
    id: `h${n}`,
    captureId: 1,
    ...describePassage(text, from, to),
    color: HIGHLIGHT_COLORS[n % 4]!,
    note,
    createdAt: `2024-01-0${n + 1}T00:00:00.000Z`,
    updatedAt: NOW.toISOString(),
  });
  return [
    made(0, start, Math.min(text.length, start + 400), 'A note with <b>markup</b> & "quotes"'),
    made(1, start + 100, Math.min(text.length, start + 150)),
    { ...made(2, 0, 1), exact: 'a passage no longer in this article', prefix: '', suffix: '', start: undefined, end: undefined },
  ];
}

/** epubcheck's ERROR/WARNING/FATAL lines (its summary lines excluded). */
function problems(output: string): string[] {
  return output.split('\n').filter((line) => /^(FATAL|ERROR|WARNING)\(/.test(line));
}

/** epubcheck's whole output for a book (it exits non-zero on errors: the output is kept either way). */
function epubcheck(bytes: Uint8Array): string {
  if (!existsSync(EPUBCHECK)) {
    throw new Error(`epubcheck is missing (${EPUBCHECK}): apt-get install -y epubcheck (.ci/run does it)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'cc-epubcheck-'));
  try {
    const file = join(dir, 'book.epub');
    writeFileSync(file, bytes);
    try {
      return execFileSync('java', ['-jar', EPUBCHECK, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      return `${err.stdout ?? ''}\n${err.stderr ?? ''}`;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('EPUB from real pages', () => {
  it('a right-to-left book (issue 17): the Arabic fixture twice, its spine and chapters rtl, passes epubcheck', { timeout: 180_000 }, async () => {
    const html = readFileSync(new URL('../../../fixtures/rtl/arabic-article.html', import.meta.url), 'utf8');
    const article = { ...extractSavedPage(html, 'http://127.0.0.1/ar/library-nights.html'), capturedAt: NOW.toISOString() };
    const second = { ...article, url: 'http://127.0.0.1/ar/2.html', title: 'مقال ثان' };
    const bytes = await toEpub([article, second], { parse, now: NOW, title: 'كتاب' });
    const files = unzipSync(bytes);
    expect(strFromU8(files['OEBPS/content.opf']!)).toContain('<spine page-progression-direction="rtl">');
    expect(strFromU8(files['OEBPS/a0001.xhtml']!)).toMatch(/<html [^>]*lang="ar" dir="rtl">/);
    expect(strFromU8(files['OEBPS/nav.xhtml']!)).toMatch(/<html [^>]*dir="rtl">/);
    const output = epubcheck(bytes);
    expect(problems(output), output).toEqual([]);
    expect(output).toMatch(/No errors or warnings detected/);
  });

  it('passes epubcheck with 0 errors and 0 warnings', { timeout: 180_000 }, async () => {
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
    // The highlights really are in the book: marked in (nearly) every chapter, every note listed.
    const chapters = Object.entries(unzipSync(bytes))
      .filter(([name]) => /OEBPS\/a\d+\.xhtml$/.test(name))
      .map(([, data]) => strFromU8(data));
    expect(chapters.filter((c) => /<mark [^>]*class="hl hl-yellow"/.test(c)).length).toBeGreaterThanOrEqual(articles.length - 2);
    expect(chapters.filter((c) => c.includes('A note with &lt;b&gt;markup&lt;/b&gt; &amp;')).length).toBe(articles.length);
    const output = epubcheck(bytes);
    expect(problems(output), output).toEqual([]);
    expect(output).toMatch(/No errors or warnings detected/);
  });
});
