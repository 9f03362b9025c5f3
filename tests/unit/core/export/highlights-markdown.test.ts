import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../../src/core/highlights/highlight';
import { escapeMarkdownText } from '../../../../src/core/export/highlights-markdown';
import { toMarkdown } from '../../../../src/core/export/markdown';
import { renderFrontMatter } from '../../../../src/core/export/template';
import { makeCapture } from '../../helpers';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const at = (n: number) => `2026-01-0${n}T00:00:00.000Z`;
const hl = (over: Partial<Highlight>): Highlight => ({
  id: `id-${over.exact}`,
  captureId: 1,
  exact: '',
  prefix: '',
  suffix: '',
  color: 'yellow',
  note: '',
  createdAt: at(1),
  updatedAt: at(1),
  ...over,
});

const article = {
  ...makeCapture({
    contentHtml: '<p>Harper met Jack Ma in Hangzhou on Friday.</p><p>They talked about small businesses and trade.</p>',
    textContent: 'Harper met Jack Ma in Hangzhou on Friday.They talked about small businesses and trade.',
  }),
  capturedAt: '2026-01-01T00:00:00.000Z',
  highlights: [
    hl({ exact: 'Jack Ma in Hangzhou', prefix: 'Harper met ', suffix: ' on', note: 'Check *this* <script>x</script>', createdAt: at(1) }),
    hl({ exact: 'small businesses', prefix: 'about ', suffix: ' and', createdAt: at(2) }),
    hl({ exact: 'a sentence the article lost', createdAt: at(3) }),
  ],
};

describe('highlights in Markdown', () => {
  it('adds a "Highlights" section of quotes with their notes, notes escaped as text', () => {
    const md = toMarkdown(article);
    const section = md.slice(md.indexOf('## Highlights'));
    expect(section).toBe(
      [
        '## Highlights',
        '',
        '> Jack Ma in Hangzhou',
        '',
        'Check \\*this\\* \\<script\\>x\\</script\\>',
        '',
        '> small businesses',
        '',
        '> a sentence the article lost',
        '',
      ].join('\n'),
    );
    expect(md).not.toContain('==');
  });

  it('marks highlights ==inline== and lists the noted and unplaceable ones after the text', () => {
    const md = toMarkdown(article, { highlights: 'inline', parse });
    expect(md).toContain('Harper met ==Jack Ma in Hangzhou== on Friday.');
    expect(md).toContain('They talked about ==small businesses== and trade.');
    const notes = md.slice(md.indexOf('## Notes'));
    expect(notes).toContain('> Jack Ma in Hangzhou\n\nCheck \\*this\\*');
    expect(notes).toContain('> a sentence the article lost');
    expect(notes).not.toContain('> small businesses');
  });

  it('offers {highlights} and {notes} to the front matter template', () => {
    const yaml = renderFrontMatter('highlights: {highlights}\nnotes: {notes}', article);
    expect(yaml).toContain('highlights:\n  - "Jack Ma in Hangzhou"\n  - "small businesses"\n  - "a sentence the article lost"');
    expect(yaml).toContain('notes:\n  - "Check *this* <script>x</script>"');
  });

  it('leaves an article without highlights as it was', () => {
    const { highlights: _none, ...plain } = article;
    expect(toMarkdown(plain)).not.toContain('Highlights');
  });

  it('escapes what Markdown would read as markup', () => {
    expect(escapeMarkdownText('# not a heading\n- not a list\n> not a quote [link](x) `code` ==mark==')).toBe(
      '\\# not a heading\n\\- not a list\n\\> not a quote \\[link\\](x) \\`code\\` \\=\\=mark\\=\\=',
    );
  });
});
