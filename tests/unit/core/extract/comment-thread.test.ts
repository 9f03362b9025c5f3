import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { commentThreadStart, trimCommentThread } from '../../../../src/core/extract/comment-thread';

const ARTICLE = [
  'Portsmouth manager Harry Redknapp has denied speculation linking him with the vacant managerial position at St James Park, saying he is happy where he is.',
  'Redknapp had been the favourite to replace Sam Allardyce, who was sacked yesterday afternoon after an indifferent start to the season at the club.',
  'However, he expressed his satisfaction with his life down on the south coast, which he was unwilling to swap for the intense pressure of the north.',
];
const comment = (text: string, who: string) => `<p>${text}<br><b>Posted by ${who} on January 10, 2008 5:29 PM</b><br><a href="#">Report this comment</a></p>`;

function contentOf(html: string): Element {
  const { document } = parseHTML(`<html><body><div id="c">${html}</div></body></html>`);
  return document.getElementById('c')!;
}

const blocksOf = (content: Element) => [...content.querySelectorAll('p')].map((el) => ({ el, length: (el.textContent ?? '').length }));

describe('a signed comment thread after the article', () => {
  it('is cut from its first signed comment, however long the thread', () => {
    const comments = Array.from({ length: 12 }, (_, i) => comment(`Comment ${i} `.repeat(40), `Reader ${i}`));
    const content = contentOf([...ARTICLE.map((p) => `<p>${p}</p>`), ...comments].join(''));
    expect(commentThreadStart(blocksOf(content))).toBe(3);
    trimCommentThread(content);
    expect(content.querySelectorAll('p')).toHaveLength(3);
    expect(content.textContent).not.toContain('Posted by');
  });

  it('is not found when fewer than three comments are signed', () => {
    const content = contentOf([...ARTICLE.map((p) => `<p>${p}</p>`), comment('One reply.', 'A'), comment('Two.', 'B')].join(''));
    expect(commentThreadStart(blocksOf(content))).toBe(-1);
  });

  it('is not found when the signatures stop well before the end (the article goes on)', () => {
    const signed = Array.from({ length: 3 }, (_, i) => comment(`Quoted reader ${i}.`, `R${i}`));
    const more = Array.from({ length: 8 }, () => `<p>${ARTICLE[0]}</p>`);
    const content = contentOf([...ARTICLE.map((p) => `<p>${p}</p>`), ...signed, ...more].join(''));
    expect(commentThreadStart(blocksOf(content))).toBe(-1);
  });

  it('never leaves less than a short article before it', () => {
    const content = contentOf(['<p>Short intro.</p>', ...Array.from({ length: 5 }, (_, i) => comment(`Text ${i}.`, `R${i}`))].join(''));
    expect(commentThreadStart(blocksOf(content))).toBe(-1);
  });

  it('runs on across a long comment of many paragraphs, and never takes a signed byline above the article', () => {
    const long = `${Array.from({ length: 9 }, (_, i) => `<p>Point ${i} of a long reply, a paragraph of its own.</p>`).join('')}${comment('And so on.', 'Long')}`;
    const thread = [comment('First.', 'A'), comment('Second.', 'B'), long, comment('Third.', 'C'), comment('Fourth.', 'D')];
    const byline = '<p>Posted by The Editor at January 10, 2008 9:00 AM</p>';
    const content = contentOf([byline, ...ARTICLE.map((p) => `<p>${p}</p>`), ...thread].join(''));
    // The byline (block 0) and the article (1–3) stay; the thread goes from its first signed comment.
    expect(commentThreadStart(blocksOf(content))).toBe(4);
  });
});
