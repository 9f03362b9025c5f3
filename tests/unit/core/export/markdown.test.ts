import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { frontMatter, htmlToMarkdown, toMarkdown } from '../../../../src/core/export/markdown';
import type { SavedArticle } from '../../../../src/core/shared/capture';
import { countOccurrences, makeCapture } from '../../helpers';

const CAPTURED = '2024-01-02T03:04:05.000Z';

function saved(overrides: Partial<SavedArticle> = {}): SavedArticle {
  return { ...makeCapture(overrides), capturedAt: CAPTURED, ...overrides };
}

/** Split a Markdown document into its parsed front matter and the body after it. */
function split(markdown: string): { meta: Record<string, unknown>; body: string } {
  expect(markdown.startsWith('---\n')).toBe(true);
  const end = markdown.indexOf('\n---\n', 4);
  expect(end).toBeGreaterThan(0);
  return {
    meta: parse(markdown.slice(4, end)) as Record<string, unknown>,
    body: markdown.slice(end + 5),
  };
}

describe('front matter', () => {
  it.each([
    ['plain', 'Canadian PM meets Alibaba founder'],
    ['colon', 'Breaking: harbour reopens: what next'],
    ['double quotes', 'He said "no" to the "deal"'],
    ['single quotes', "Alibaba's founder and 'the plan'"],
    ['hash', '#1 story # not a comment'],
    ['leading dash', '- a list item?'],
    ['leading question mark', '? key'],
    ['yaml document marker', '---'],
    ['newlines', 'Line one\nLine two\r\nLine three'],
    ['backslash', 'C:\\path\\to\\file'],
    ['unicode', 'Čeština, 中文标题, العربية, emoji 😀'],
    ['yaml-ish values', 'true'],
    ['number-looking', '2014'],
    ['null-looking', 'null'],
    ['flow chars', '[a, b] {c: d} & * ! | > % @ `'],
    ['tab', 'a\tb'],
  ])('round-trips a title with %s', (_label, title) => {
    const { meta } = split(toMarkdown(saved({ title })));
    expect(meta.title).toBe(title);
  });

  it('holds every field of the default template, typed', () => {
    const article = saved({
      title: 'Harbour: reopened',
      byline: 'Ana Lima, Bo Chen',
      published: '2024-05-03T10:15:00+02:00',
      siteName: 'The Daily Example',
      url: 'https://news.example.com/a?id=3',
      excerpt: 'The port is open again: "finally".',
      authors: ['Ana Lima', 'Bo Chen'],
      modified: '2024-05-04',
      canonicalUrl: 'https://news.example.com/a',
      lang: 'pt-BR',
      wordCount: 420,
      tags: ['port', '#news', '- odd'],
    });
    const { meta } = split(toMarkdown(article));
    expect(meta).toEqual({
      title: 'Harbour: reopened',
      authors: ['Ana Lima', 'Bo Chen'],
      published: '2024-05-03T10:15:00+02:00',
      modified: '2024-05-04',
      site: 'The Daily Example',
      url: 'https://news.example.com/a?id=3',
      canonical: 'https://news.example.com/a',
      captured: CAPTURED,
      tags: ['port', '#news', '- odd'],
      excerpt: 'The port is open again: "finally".',
      lang: 'pt-BR',
      words: 420,
    });
    // Dates stay strings, not YAML timestamps.
    expect(typeof meta.published).toBe('string');
    expect(typeof meta.captured).toBe('string');
  });

  it('omits null fields', () => {
    const fm = frontMatter(saved({ byline: null, authors: [], published: null, siteName: null, excerpt: null, lang: null, canonicalUrl: '' }));
    const meta = parse(fm.slice(4, fm.lastIndexOf('---'))) as Record<string, unknown>;
    expect(Object.keys(meta).sort()).toEqual(['authors', 'captured', 'tags', 'title', 'url', 'words']);
    expect(meta.authors).toEqual([]);
    expect(fm).not.toMatch(/^(author|published|site|excerpt):/m);
    expect(fm).not.toContain('null');
  });
});

describe('toMarkdown body', () => {
  it('gives an image alt and title as plain text, without the escaped markup some CMSs put there', () => {
    const md = htmlToMarkdown(
      '<p><img src="https://e.example/v.jpg" alt="A still from &lt;i&gt;Vertigo&lt;/i&gt;" title="&lt;i&gt;Vertigo&lt;/i&gt;, 1958"></p>',
    );
    expect(md).toBe('![A still from Vertigo](https://e.example/v.jpg "Vertigo, 1958")');
  });

  it('has one H1, equal to the title', () => {
    const title = 'Harbour reopens: what we know';
    const { body } = split(toMarkdown(saved({ title, contentHtml: '<h2>Background</h2><p>Text of the story.</p>' })));
    const h1s = body.split('\n').filter((line) => /^# /.test(line));
    expect(h1s).toEqual([`# ${title}`]);
    expect(body).toContain('## Background');
  });

  // htmlToMarkdown promises "heading levels below the title's H1"; a body <h1> (e.g. from a saved
  // selection, which does not go through Readability) must not make a second H1.
  it('keeps one H1 even when the body has an <h1>', () => {
    const title = 'Harbour reopens';
    const { body } = split(toMarkdown(saved({ title, contentHtml: '<h1>A section heading</h1><p>Text of the story.</p>' })));
    const h1s = body.split('\n').filter((line) => /^# /.test(line));
    expect(h1s).toEqual([`# ${title}`]);
    expect(body).toContain('A section heading');
  });

  it('turns a GFM table (thead) into a pipe table', () => {
    const md = htmlToMarkdown(
      '<table><thead><tr><th>City</th><th>Ships</th></tr></thead><tbody><tr><td>Hangzhou</td><td>12</td></tr><tr><td>Ningbo</td><td>40</td></tr></tbody></table>',
    );
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^\|\s*City\s*\|\s*Ships\s*\|$/);
    expect(lines[1]).toMatch(/^\|\s*-{3,}\s*\|\s*-{3,}\s*\|$/);
    expect(lines[2]).toMatch(/^\|\s*Hangzhou\s*\|\s*12\s*\|$/);
    expect(lines[3]).toMatch(/^\|\s*Ningbo\s*\|\s*40\s*\|$/);
    expect(md).not.toContain('<table');
  });

  it('turns a table whose first row is <th> cells (no thead) into a pipe table', () => {
    const md = htmlToMarkdown('<table><tbody><tr><th>City</th><th>Ships</th></tr><tr><td>Hangzhou</td><td>12</td></tr></tbody></table>');
    expect(md).toMatch(/^\|\s*City\s*\|\s*Ships\s*\|\n\|\s*-{3,}\s*\|\s*-{3,}\s*\|\n\|\s*Hangzhou\s*\|\s*12\s*\|$/);
  });

  it('turns <pre><code class="language-js"> into a fenced js block, keeping indentation', () => {
    const code = 'function f(x) {\n  if (x) {\n    return 1;\n  }\n  return 0;\n}';
    const md = htmlToMarkdown(`<p>Before.</p><pre><code class="language-js">${code}</code></pre><p>After.</p>`);
    expect(md).toContain(`\`\`\`js\n${code}\n\`\`\``);
    expect(md.indexOf('Before.')).toBeLessThan(md.indexOf('```js'));
    expect(md.indexOf('After.')).toBeGreaterThan(md.lastIndexOf('```'));
  });

  it('writes a figure as its image, then its caption once', () => {
    const caption = 'Harper and Ma pose for photos in Hangzhou. (Xinhua/Ju Huanzong)';
    const md = htmlToMarkdown(
      `<figure><img src="https://img.example.com/a.jpg" alt="Harper and Ma"><figcaption>${caption}</figcaption></figure><p>Story text.</p>`,
    );
    const image = '![Harper and Ma](https://img.example.com/a.jpg)';
    expect(countOccurrences(md, image)).toBe(1);
    expect(countOccurrences(md, caption)).toBe(1);
    expect(md.indexOf(image)).toBeLessThan(md.indexOf(caption));
    expect(md.indexOf(caption)).toBeLessThan(md.indexOf('Story text.'));
  });

  it('is deterministic', () => {
    const article = saved({ contentHtml: '<p>One.</p><ul><li>a</li><li>b</li></ul>' });
    expect(toMarkdown(article)).toBe(toMarkdown(structuredClone(article)));
  });
});

describe('templates', () => {
  it('renders a custom front matter template with typed and text values', async () => {
    const { renderFrontMatter } = await import('../../../../src/core/export/template');
    const fm = renderFrontMatter(
      'title: {title}\nsource: {site} ({domain})\ncount: {words}\nlist: {authors}\nempty: {modified}',
      saved({ title: 'A: "b"', authors: ['X', 'Y'], wordCount: 7, modified: null }),
    );
    expect(parse(fm.slice(4, fm.lastIndexOf('---')))).toEqual({ title: 'A: "b"', source: 'Example News (news.example.com)', count: 7, list: ['X', 'Y'] });
  });

  it('rejects unknown variables and malformed lines with a sentence', async () => {
    const { checkFrontMatterTemplate, renderFileName } = await import('../../../../src/core/export/template');
    expect(() => checkFrontMatterTemplate('title: {titel}')).toThrow(/Unknown variable \{titel\}/);
    expect(() => checkFrontMatterTemplate('just text')).toThrow(/Line 1/);
    expect(() => renderFileName('{nope}', saved())).toThrow(/Unknown variable/);
  });

  it('escapes a "|" inside a table cell', () => {
    expect(htmlToMarkdown('<table><tr><th>a|b</th></tr><tr><td>c</td></tr></table>')).toContain('| a\\|b |');
  });
});

describe('title heading', () => {
  it('drops a body heading that repeats the title right under the H1', () => {
    const md = toMarkdown(saved({ title: 'Harbour reopens', contentHtml: '<h1>Harbour reopens</h1><p>Text.</p><h2>Harbour reopens</h2>' }));
    expect(md.split('\n').filter((l) => /^#+ Harbour reopens$/.test(l))).toEqual(['# Harbour reopens', '### Harbour reopens']);
  });
});
