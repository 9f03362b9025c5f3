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

  it('cuts the headline lists after the article that no known heading opens, back to the last prose', () => {
    const lists = `<div><h3>Also in UK News</h3><ul><li><a href="/1">Women workers appeal over equal pay</a></li><li><a href="/2">DJ jailed for three months</a></li>
      <li><a href="/3">Rain lashes the West</a></li></ul><p><a href="/4">Knights seek zip</a><br><a href="/5">Win keeps rink in hunt</a></p></div>`;
    const text = trimmed(`${prose(8)}<p>He added that she had told a close friend.</p>${lists}`).textContent!;
    expect(text).toContain('told a close friend');
    for (const gone of ['Also in UK News', 'equal pay', 'Rain lashes', 'Knights seek zip']) expect(text).not.toContain(gone);
  });

  it('keeps a source link or two at the end, links followed by prose, and a list in the first half', () => {
    const source = `<p>Source: <a href="/s">the agency's report on the river</a></p><p><a href="/m">More about the river</a></p>`;
    expect(trimmed(`${prose(8)}${source}`).textContent).toContain("the agency's report");
    // (A first paragraph of prose length, so that the list is not taken for a menu before the text.)
    const lead = `<p>${'The article opens with a paragraph long enough to be prose. '.repeat(4)}</p>`;
    const list = `<ul><li><a href="/1">First other story</a></li><li><a href="/2">Second other story</a></li><li><a href="/3">Third other story</a></li></ul>`;
    expect(trimmed(`${lead}${prose(8)}${list}${prose(1, 'the end')}`).textContent).toContain('Third other story');
    expect(trimmed(`${lead}${prose(8)}<p>From left to right:</p>${list}`).textContent).toContain('Third other story');
    const longList = `<ul>${[1, 2, 3, 4, 5].map((i) => `<li><a href="/${i}">Other story number ${i}, with a headline of some length</a></li>`).join('')}</ul>`;
    expect(trimmed(`${lead}${longList}`).textContent).toContain('Other story number 5');
  });

  it("cuts a blog's footer under a short post, but never more than two thirds of the text", () => {
    const post = `<p>${'A short post about a robot that plays a song on a guitar. '.repeat(3)}</p>`;
    const footer = `<p>This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under <a href="/c">Neat Stuff</a>.
      You can follow any responses to this entry through the <a href="/feed">RSS 2.0</a> feed.</p><p>No Comments</p>`;
    const text = trimmed(`${post}${footer}`).textContent!;
    expect(text).toContain('plays a song');
    for (const gone of ['This entry was posted', 'No Comments']) expect(text).not.toContain(gone);
    // A one-line post under a long footer: the footer would be most of the text, so it stays.
    expect(trimmed(`<p>A robot plays a song.</p>${footer}`).textContent).toContain('This entry was posted');
    // A sentence that only starts like a footer, with the article going on after it, stays.
    const goesOn = `<p>No comments came from the ministry on Friday.</p><p>${'The ministry later said it would answer every question in writing. '.repeat(7)}</p>`;
    expect(trimmed(`${post}${goesOn}`).textContent).toContain('No comments came');
  });
});
