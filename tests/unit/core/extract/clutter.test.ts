import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/cli/dom';
import { clutterKind, removeClutter } from '../../../../src/core/extract/clutter';

const doc = parseDocument('<!DOCTYPE html><html><body></body></html>', 'https://e.example/a');
const block = (html: string) => {
  const p = doc.createElement('p');
  p.append(...parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`, 'https://e.example/a').body.childNodes);
  return p;
};
const kind = (html: string, authors: string[] = []) => {
  const el = block(html);
  return clutterKind(el.textContent!.replace(/\s+/g, ' ').trim(), el, authors);
};

describe('clutterKind: short blocks that are furniture by what they say', () => {
  it.each([
    ['Sign in', 'ui'],
    ['[+]', 'ui'],
    ['Photo: Jane Roe/Reuters', 'credit'],
    ['Getty Images', 'credit'],
    ['By Jane Roe', 'byline'],
    ['Copyright 2024 The Daily Example. All rights reserved.', 'copyright'],
    ['© The Daily Example', 'credit'],
    [
      'Reuters 2008. All rights reserved. Republication or redistribution of Reuters content, including by caching, framing or similar means, is expressly prohibited without the prior written consent of Reuters. Reuters and the Reuters sphere logo are registered trademarks of the Reuters group of companies.',
      'copyright',
    ],
    ['Distributed by Internet Broadcasting. This material may not be published, broadcast, rewritten or redistributed.', 'copyright'],
    ['Additional reporting by Bo Chen; editing by Ana Lima', 'credits'],
    ['5 min read', 'reading-time'],
    ['Posted by Admin - Category: Health - Tags: sleep, food', 'meta-line'],
    ['Get the magazine. This story appears in the July issue. Subscribers save 40% on the cover price. Click here to subscribe.', 'prompt'],
    ['<a href="/x">READ MORE: Harbour reopens after the storm</a>', 'related'],
  ])('%s → %s', (html, expected) => {
    expect(kind(html)).toBe(expected);
  });

  it('leaves prose alone, even prose that mentions a newsletter or a photo', () => {
    expect(
      kind('The council said its printed newsletter had reached 40,000 homes this spring, twice as many as last year, and that readers wanted more of it.'),
    ).toBeNull();
    expect(kind('Photos taken from the bridge show the water rising over the quay wall by the evening.')).toBeNull();
    expect(kind('The judge ruled that the names of the two boys may not be published, and that the redistribution of the video was a crime.')).toBeNull();
    expect(kind('Jane Roe', ['Jane Roe'])).toBe('byline');
    expect(kind('Jane Roe said the harbour would reopen.', ['Jane Roe'])).toBeNull();
  });
});

describe('removeClutter', () => {
  const article = (extra: string) => {
    const root = parseDocument(
      `<!DOCTYPE html><html><body><div id="a">${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the story, with enough words to be prose and more.</p>`).join('')}${extra}</div></body></html>`,
      'https://e.example/a',
    ).getElementById('a')!;
    removeClutter(root, { authors: [], dateline: null, captions: new Set() });
    return root.textContent!;
  };

  it('drops a "You may also like" line and the link lists after it', () => {
    const text = article('<h3>You may also like</h3><ul><li><a href="/1">One</a></li><li><a href="/2">Two</a></li></ul>');
    expect(text).not.toContain('You may also like');
    expect(text).not.toContain('Two');
    expect(text).toContain('Paragraph 5');
  });

  it('restores everything when the rules would take more than a third of the text', () => {
    const root = parseDocument(
      '<!DOCTYPE html><html><body><div id="a"><p>Sign in</p><p>Subscribe</p><p>Share</p><p>A short real sentence.</p></div></body></html>',
      'https://e.example/a',
    ).getElementById('a')!;
    removeClutter(root, { authors: [], dateline: null, captions: new Set() });
    expect(root.textContent).toContain('Sign in');
  });
});
