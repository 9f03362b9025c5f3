import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/cli/dom';
import { collapsedLength, isSpaceCode, textOf } from '../../../../src/core/extract/dom';

describe('isSpaceCode', () => {
  it('matches exactly the code units \\s matches', () => {
    for (let code = 0; code < 0x10000; code++) expect(isSpaceCode(code), code.toString(16)).toBe(/\s/.test(String.fromCharCode(code)));
  });
});

describe('collapsedLength', () => {
  const html =
    '<div id="r">  <p>One \u00a0 two\n</p><!-- a comment --><span> </span><b>three</b>\u3000' +
    '<pre>  four\n\n five </pre><script>x = 1;</script></div><div id="empty"> \n </div>';
  const docs = {
    linkedom: parseDocument(html, 'https://e.com/'),
    jsdom: new JSDOM(html).window.document as unknown as Document,
  };
  for (const [name, doc] of Object.entries(docs)) {
    it(`is the length of textOf, without building it (${name})`, () => {
      for (const el of [doc.getElementById('r')!, doc.getElementById('empty')!, doc.querySelector('p')!, doc.body]) {
        expect(collapsedLength(el)).toBe(textOf(el).length);
      }
    });
  }

  it('stops past the cap with a length above it', () => {
    const el = docs.linkedom.getElementById('r')!;
    const length = collapsedLength(el, 5);
    expect(length).toBeGreaterThan(5);
    expect(length).toBeLessThanOrEqual(textOf(el).length);
  });
});
