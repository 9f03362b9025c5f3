import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/cli/dom';
import type { Capture } from '../../../../src/core/shared/capture';
import { extract } from '../../../../src/core/extract/extract';
import { toMarkdown } from '../../../../src/core/export/markdown';
import { countOccurrences, escapeText, readSeed, SEED_URL, type SeedExpected } from '../../helpers';

/** The shorter caption the page prints under its second copy of the photo. */
const SHORT_CAPTION =
  "Canadian Prime Minister Stephen Harper (3rd R, front) and Executive Chairman of Alibaba Group Jack Ma (2nd R, front) pose for photos in Hangzhou, capital of east China's Zhejiang Province, Nov. 7, 2014. (Xinhua/Ju Huanzong)";

/** The Markdown after the closing "---" of the front matter. */
function markdownBody(markdown: string): string {
  expect(markdown.startsWith('---\n')).toBe(true);
  const end = markdown.indexOf('\n---\n', 4);
  expect(end).toBeGreaterThan(0);
  return markdown.slice(end + '\n---\n'.length);
}

describe('extract: seed page (chinanews Harper / Jack Ma)', () => {
  let expected: SeedExpected;
  let capture: Capture;
  let markdown: string;

  beforeAll(() => {
    const seed = readSeed();
    expected = seed.expected;
    capture = extract(parseDocument(seed.html, SEED_URL), SEED_URL);
    markdown = toMarkdown({ ...capture, capturedAt: '2024-01-02T03:04:05.000Z' });
  });

  it('has the exact title', () => {
    expect(capture.title).toBe(expected.title);
  });

  it('has the published time from the page, without an invented zone', () => {
    expect(capture.published).not.toBeNull();
    expect(capture.published!.startsWith('2014-11-08T09:04')).toBe(true);
    expect(capture.published!.startsWith(expected.published)).toBe(true);
    expect(capture.published).not.toMatch(/(Z|[+-]\d{2}:?\d{2})$/);
    expect(capture.sources.published).toBe('date-heuristic');
  });

  it('names Xinhua in the byline', () => {
    expect(capture.byline).toContain(expected.bylineContains);
  });

  it('holds each of the eight paragraphs exactly once, in order', () => {
    expect(expected.paragraphs).toHaveLength(8);
    let last = -1;
    for (const paragraph of expected.paragraphs) {
      expect(countOccurrences(capture.textContent, paragraph), paragraph).toBe(1);
      const at = capture.textContent.indexOf(paragraph);
      expect(at, `out of order: ${paragraph}`).toBeGreaterThan(last);
      last = at;
    }
  });

  it('holds the photo once, with the fuller caption once', () => {
    expect(expected.images).toBe(1);
    expect(capture.contentHtml.match(/<img\b/gi) ?? []).toHaveLength(expected.images);
    expect(countOccurrences(capture.textContent, expected.caption)).toBe(1);
    expect(countOccurrences(capture.contentHtml, escapeText(expected.caption))).toBe(1);
    expect(capture.contentHtml.match(/<figcaption\b/gi) ?? []).toHaveLength(1);
  });

  it('does not keep the shorter caption as a block of its own', () => {
    const blocks = capture.textContent.split(/\n{2,}/).map((b) => b.trim());
    expect(blocks).not.toContain(SHORT_CAPTION);
    // The short caption is a prefix-and-suffix variant; its credit should appear only once (in the full one).
    expect(countOccurrences(capture.textContent, '(Xinhua/Ju Huanzong)')).toBe(1);
    expect(countOccurrences(capture.textContent, 'Nov. 7, 2014. (Xinhua')).toBe(0);
  });

  it('leaves no page furniture in the text, the HTML or the Markdown body', () => {
    const body = markdownBody(markdown);
    for (const banned of expected.mustNotContain) {
      expect(capture.textContent, `textContent holds "${banned}"`).not.toContain(banned);
      expect(capture.contentHtml, `contentHtml holds "${banned}"`).not.toContain(banned);
      expect(body, `Markdown body holds "${banned}"`).not.toContain(banned);
    }
  });

  it('makes the image address absolute', () => {
    const srcs = [...capture.contentHtml.matchAll(/<img\b[^>]*\ssrc="([^"]*)"/gi)].map((m) => m[1]);
    expect(srcs).toHaveLength(1);
    expect(srcs[0]).toBe('http://127.0.0.1:8080/business/2014/11-08/U194P886T4D147553F107DT20141108090401.jpg');
  });

  it('gives the lead image the fuller caption', () => {
    expect(capture.leadImage).not.toBeNull();
    expect(capture.leadImage!.caption).toBe(expected.caption);
    expect(capture.leadImage!.url).toMatch(/^http:\/\/127\.0\.0\.1:8080\//);
  });

  it('counts words and reading time', () => {
    expect(capture.wordCount).toBeGreaterThan(200);
    expect(capture.readingMinutes).toBeGreaterThanOrEqual(1);
  });

  it('does not modify the document it reads', () => {
    const { html } = readSeed();
    const doc = parseDocument(html, SEED_URL);
    const before = doc.body.innerHTML;
    const head = doc.head.innerHTML;
    extract(doc, SEED_URL);
    expect(doc.body.innerHTML).toBe(before);
    expect(doc.head.innerHTML).toBe(head);
    expect(doc.querySelectorAll('img')).toHaveLength(3);
  });
});
