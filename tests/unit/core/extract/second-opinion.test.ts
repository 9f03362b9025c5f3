import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/cli/dom';
import type { PageArticleStats } from '../../../../src/core/extract/completeness';
import { extract } from '../../../../src/core/extract/extract';
import { fuller, isSuspect, type ArticleBody } from '../../../../src/core/extract/second-opinion';

const doc = parseDocument('<!DOCTYPE html><html><body></body></html>', 'https://e.example/');
const body = (text: string, links = ''): ArticleBody => {
  const content = doc.createElement('div');
  content.append(doc.createTextNode(text));
  if (links) {
    const a = doc.createElement('a');
    a.textContent = links;
    content.append(a);
  }
  return { content, text: text + links };
};
const page = (densestBlockChars: number, textChars: number): PageArticleStats => ({
  paragraphChars: densestBlockChars,
  densestBlockChars,
  textChars,
  inArticle: null,
});

describe('second opinion: which results are suspect', () => {
  it("none at all, under half the page's densest block, or mostly links", () => {
    expect(isSuspect(null, page(2000, 5000))).toBe(true);
    expect(isSuspect(body('x'.repeat(900)), page(2000, 5000))).toBe(true);
    expect(isSuspect(body('x'.repeat(1100)), page(2000, 5000))).toBe(false);
    expect(isSuspect(body('x'.repeat(400), 'y'.repeat(700)), page(1000, 5000))).toBe(true);
  });

  it("on a page without a block of paragraphs: a caption's length and a small share of the page", () => {
    expect(isSuspect(body('x'.repeat(200)), page(0, 8000))).toBe(true);
    expect(isSuspect(body('x'.repeat(600)), page(0, 8000))).toBe(false);
    expect(isSuspect(body('x'.repeat(200)), page(0, 1000))).toBe(false);
  });

  it('takes an alternative only when it holds clearly more text, asking each only when needed', () => {
    const ours = body('x'.repeat(1000));
    expect(fuller(ours, [() => body('y'.repeat(1400))])).toBe(ours);
    const more = body('y'.repeat(1600));
    expect(fuller(ours, [() => more])).toBe(more);
    expect(fuller(null, [() => null, () => more])).toBe(more);
  });
});

describe('second opinion in extract', () => {
  // A page where our cleanup removes the post (its wrapper is named like a share bar) leaves an
  // "About" box; Readability on the untouched page finds the post.
  const post = Array.from({ length: 8 }, (_, i) => `<p>Sentence ${i} of the real post, long enough to be read as the article by anyone, with detail.</p>`).join(
    '',
  );
  const html = `<!DOCTYPE html><html><head><title>Post</title></head><body>
    <div class="share-this-post">${post}</div>
    <aside><h3>About</h3><p>This blog is about homes and gardens and has been since 2007, run by two people in a small town.</p></aside></body></html>`;

  it('falls back to Readability on an untouched copy when given a way to make one', () => {
    const capture = extract(parseDocument(html, 'https://e.example/p'), 'https://e.example/p');
    expect(capture.textContent).toContain('Sentence 7 of the real post');
  });
});
