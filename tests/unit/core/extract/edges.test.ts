import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/cli/dom';
import { trimEdges } from '../../../../src/core/extract/edges';

const prose = (n: number, topic = 'the river') =>
  Array.from(
    { length: n },
    (_, i) => `<p>Paragraph ${i} says something about ${topic}, long enough to be read as the article's own text and not a teaser.</p>`,
  ).join('');

function trimmed(html: string): Element {
  const doc = parseDocument(`<!DOCTYPE html><html><body><div id="content">${html}</div></body></html>`, 'https://e.example/a');
  const content = doc.getElementById('content')!;
  trimEdges(content);
  return content;
}

describe('trimEdges', () => {
  it('cuts a trailing page section from its heading to the end, and a section menu before the text', () => {
    const content = trimmed(`<ul><li><a href="/world">World</a></li><li><a href="/us">U.S.</a></li><li><a href="/tech">Technology</a></li></ul>
      ${prose(8)}<h3>Recent Posts</h3><p><a href="/a">Another post</a></p><p>A teaser of another post, short.</p><h3>About Gadgetwise</h3><p>A blog about gadgets.</p>`);
    const text = content.textContent!;
    expect(text).toContain('Paragraph 7 says');
    for (const gone of ['World', 'Technology', 'Recent Posts', 'Another post', 'About Gadgetwise']) expect(text).not.toContain(gone);
  });

  it('keeps a heading that prose follows, one in the first half, and anything past its 40 % cap', () => {
    const long = `<p>${'The article goes on after this heading with more of its own reporting and detail. '.repeat(6)}</p>`;
    expect(trimmed(`${prose(6)}<h3>Comments</h3>${long}${prose(1)}`).textContent).toContain('Comments');
    expect(trimmed(`${prose(1)}<h3>Related</h3>${prose(6)}`).textContent).toContain('Related');
    expect(trimmed(`${prose(3)}<h3>Most popular</h3>${prose(3, 'other stories')}`).textContent).toContain('Most popular');
  });
});
