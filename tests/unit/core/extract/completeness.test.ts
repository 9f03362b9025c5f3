import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/cli/dom';
import { assessCompleteness, LOW_COMPLETENESS, pageArticleStats } from '../../../../src/core/extract/completeness';
import { extract } from '../../../../src/core/extract/extract';
import { scanPage } from '../../../../src/core/extract/page-scan';

const para = (i: number) => `<p>Paragraph ${i} of the story says something long enough to count as article text, with detail and more detail.</p>`;

describe('completeness', () => {
  it('is 1 for a capture that kept the article', () => {
    const html = `<html><head><title>Story</title></head><body><article><h1>Story</h1>${Array.from({ length: 12 }, (_, i) => para(i)).join('')}</article></body></html>`;
    const capture = extract(parseDocument(html, 'https://e.com/a'), 'https://e.com/a');
    expect(capture.completeness).toEqual({ score: 1, reasons: [] });
  });

  it('is low, with the reason, when most of the paragraph text was not kept', () => {
    const doc = parseDocument(`<html><body>${Array.from({ length: 20 }, (_, i) => para(i)).join('')}</body></html>`, 'https://e.com/a');
    const stats = pageArticleStats(scanPage(doc));
    const content = doc.createElement('div');
    content.innerHTML = para(1);
    const result = assessCompleteness(stats, content, content.textContent!);
    expect(result.score).toBeLessThan(LOW_COMPLETENESS);
    expect(result.reasons[0]).toMatch(/^kept \d+% of the page's paragraph text$/);
  });

  it("does not take a reader comment thread for the page's densest block (comments-open is a post state, not a thread)", () => {
    const comments = Array.from({ length: 30 }, (_, i) => `<div class="comments-body">${para(i)}</div>`).join('');
    const html = `<html><body><div class="post comments-open">${para(1)}${para(2)}</div><div id="comments">${comments}</div></body></html>`;
    const stats = pageArticleStats(scanPage(parseDocument(html, 'https://e.com/a')));
    expect(stats.densestBlockChars).toBeLessThan(para(1).length * 2);
    expect(stats.densestBlockChars).toBeGreaterThan(0);
  });

  it('names code blocks and data tables of the article that were lost', () => {
    const doc = parseDocument(
      `<html><body><article>${para(1)}<pre><code>x = 1</code></pre><table><tr><th>a</th></tr><tr><td>1</td></tr></table></article></body></html>`,
      'https://e.com/a',
    );
    const stats = pageArticleStats(scanPage(doc));
    const content = doc.createElement('div');
    content.innerHTML = para(1);
    const result = assessCompleteness(stats, content, content.textContent!);
    expect(result.reasons).toEqual(['0 of 1 code blocks in the article kept', '0 of 1 data tables in the article kept']);
    expect(result.score).toBeCloseTo(0.64, 2);
  });

  it("counts only what is inside the page's article, nested tables with a header cell included", () => {
    const table = '<table><tr><td><table><tr><th>h</th></tr></table></td></tr></table>';
    const doc = parseDocument(
      `<html><body><img src="a.jpg"><h2>Menu</h2><table><tr><th>x</th></tr></table>
      <article>${para(1)}<img src="b.jpg"><h2>One</h2><h3>Two</h3><pre>x</pre>${table}<table><tr><td>plain</td></tr></table></article>
      <pre>y</pre></body></html>`,
      'https://e.com/a',
    );
    expect(pageArticleStats(scanPage(doc)).inArticle).toEqual({ images: 1, headings: 2, code: 1, tables: 2 });
  });
});
