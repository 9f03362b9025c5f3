import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { toEpub, toHtmlFile } from '../../../../src/core/export/book';
import type { SavedArticle } from '../../../../src/core/shared/capture';
import { makeCapture } from '../../helpers';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const NOW = new Date('2024-01-02T03:04:05.000Z');

const articles: SavedArticle[] = [
  {
    ...makeCapture({
      title: 'Ports & "harbours" <today>',
      leadImage: { url: 'https://img.example.com/a.jpg', alt: 'A', caption: null },
      contentHtml:
        '<p>One&nbsp;&amp; two<br>three <img src="https://img.example.com/a.jpg" alt="A"></p><figure><img src="https://img.example.com/b.png"><figcaption>Cap</figcaption></figure><table><tr><td>x</td></tr></table><p onclick="x()">Hi<script>alert(1)</script></p>',
    }),
    capturedAt: NOW.toISOString(),
  },
  {
    ...makeCapture({
      url: 'https://news.example.com/2',
      title: 'Second',
      lang: 'fr',
      authors: ['Anne Auteur', 'Xinhua'],
      published: '2015-03-04',
      contentHtml: '<ul><li>un<li>deux</ul><hr><pre><code class="language-js">a &lt; b</code></pre>',
    }),
    capturedAt: NOW.toISOString(),
  },
];
const image = async (url: string) => (url.endsWith('a.jpg') ? new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }) : null);

describe('EPUB', () => {
  it('is structurally valid: mimetype first and stored, container.xml → OPF, manifest and spine complete, XHTML well-formed', async () => {
    const bytes = await toEpub(articles, { parse, now: NOW, image, title: 'My selection' });
    // The first local file header: signature, method 0 (stored), name "mimetype", no extra field.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0);
    const nameLength = view.getUint16(26, true);
    expect(view.getUint16(28, true)).toBe(0);
    expect(strFromU8(bytes.subarray(30, 30 + nameLength))).toBe('mimetype');
    expect(strFromU8(bytes.subarray(30 + nameLength, 30 + nameLength + 20))).toBe('application/epub+zip');

    const files = unzipSync(bytes);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    for (const [name, data] of Object.entries(files)) {
      if (/\.(xml|opf|xhtml)$/.test(name)) expect(XMLValidator.validate(strFromU8(data)), name).toBe(true);
    }
    const container = xml.parse(strFromU8(files['META-INF/container.xml']!));
    const opfPath = container.container.rootfiles.rootfile['full-path'];
    expect(opfPath).toBe('OEBPS/content.opf');
    const opf = xml.parse(strFromU8(files[opfPath]!)).package;
    expect(opf.version).toBe('3.0');
    expect(opf.metadata['dc:title']).toBe('My selection');
    expect(opf.metadata['dc:language']).toEqual(['en', 'fr']);
    expect(opf.metadata['dc:creator']).toEqual(['Xinhua', 'Anne Auteur']);
    expect(opf.metadata['dc:date']).toBe('2015-03-04');
    expect(opf.metadata['dc:source']).toEqual(['https://news.example.com/2014/11/08/harper-meets-ma', 'https://news.example.com/2']);
    expect(opf.metadata['dc:publisher']).toBe('Example News');
    const metas = opf.metadata.meta as { property?: string; name?: string; content?: string; '#text'?: string }[];
    expect(metas.find((m) => m.property === 'dcterms:modified')?.['#text']).toBe('2024-01-02T03:04:05Z');
    const items = opf.manifest.item as { id: string; href: string; 'media-type': string; properties?: string }[];
    for (const item of items) expect(files[`OEBPS/${item.href}`], item.href).toBeDefined();
    expect(items.find((i) => i.properties === 'nav')?.href).toBe('nav.xhtml');
    const spine = (opf.spine.itemref as { idref: string }[]).map((r) => r.idref);
    // The cover: the first article's stored lead image, a cover page first in the spine.
    const coverItem = items.find((i) => i.properties === 'cover-image')!;
    expect(coverItem.href).toBe('images/0001.jpg');
    expect(metas.find((m) => m.name === 'cover')?.content).toBe(coverItem.id);
    expect(strFromU8(files['OEBPS/cover.xhtml']!)).toContain('<img src="images/0001.jpg"');
    expect(spine).toEqual(['cover', 'a0001', 'a0002']);
    for (const id of spine) expect(items.some((i) => i.id === id)).toBe(true);

    const chapter = strFromU8(files['OEBPS/a0001.xhtml']!);
    expect(chapter).toContain('<h1>Ports &amp; &quot;harbours&quot; &lt;today&gt;</h1>');
    expect(chapter).toContain('<img src="images/0001.jpg" alt="A"/>');
    // Attribute order is the DOM's (linkedom writes the last set first).
    expect(chapter).toMatch(/<a (?=[^>]*class="remote-image")[^>]*href="https:\/\/img\.example\.com\/b\.png"[^>]*>\[image\]<\/a>/);
    expect(chapter).not.toMatch(/script|onclick/);
    expect(Array.from(files['OEBPS/images/0001.jpg']!)).toEqual([1, 2, 3]);
    expect(strFromU8(files['OEBPS/a0002.xhtml']!)).toContain('xml:lang="fr"');
  });
});

describe('HTML file', () => {
  it('holds every article with a table of contents, sanitized, images remote', async () => {
    const html = await toHtmlFile(articles, { parse, title: 'My selection' });
    const doc = parse(html);
    expect(doc.querySelectorAll('article')).toHaveLength(2);
    expect([...doc.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).toEqual(['#article-1', '#article-2']);
    expect(doc.querySelector('#article-1 h2')!.textContent).toBe('Ports & "harbours" <today>');
    expect(doc.querySelector('#article-1 img')!.getAttribute('src')).toBe('https://img.example.com/a.jpg');
    expect(html).not.toMatch(/<script|onclick/);
    expect(doc.querySelector('#article-2')!.getAttribute('lang')).toBe('fr');
  });

  it('embeds stored images as data: URIs and keeps the others remote, with no script', async () => {
    const html = await toHtmlFile(articles, { parse, image, title: 'My selection' });
    const doc = parse(html);
    const srcs = [...doc.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(srcs).toContain('data:image/jpeg;base64,AQID');
    expect(srcs).toContain('https://img.example.com/b.png');
    expect(html).toMatch(/<img [^>]*src="data:image\/jpeg;base64,/);
    expect(html).not.toMatch(/<script/i);
  });

  it('does not embed what is not an image', async () => {
    const html = await toHtmlFile(articles, { parse, image: async () => new Blob(['<script>x()</script>'], { type: 'text/html' }) });
    expect(html).not.toContain('data:');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('highlights in the HTML file and the EPUB (issue #16)', () => {
  const highlighted: SavedArticle = {
    ...makeCapture({ contentHtml: '<p>Harper met Jack Ma in Hangzhou.</p><ul><li>Trade was the topic.</li></ul>' }),
    capturedAt: NOW.toISOString(),
    highlights: [
      {
        id: 'a',
        captureId: 1,
        exact: 'Hangzhou.Trade',
        prefix: 'Ma in ',
        suffix: ' was',
        color: 'green',
        note: 'Note with <i>markup</i> & more',
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-01T00:00:00.000Z',
      },
      {
        id: 'b',
        captureId: 1,
        exact: 'gone from the text',
        prefix: '',
        suffix: '',
        color: 'pink',
        note: '',
        createdAt: '2024-01-02T00:00:00.000Z',
        updatedAt: '2024-01-02T00:00:00.000Z',
      },
    ],
  };

  it('marks the passage across blocks and lists every highlight with its note as text', async () => {
    const html = await toHtmlFile([highlighted], { parse });
    expect(html).toContain('<p>Harper met Jack Ma in <mark title="Note with &lt;i&gt;markup&lt;/i&gt; &amp; more" class="hl hl-green">Hangzhou.</mark></p>');
    expect(html).toContain('<li><mark title="Note with &lt;i&gt;markup&lt;/i&gt; &amp; more" class="hl hl-green">Trade</mark> was the topic.</li>');
    expect(html).toContain('<p class="hl-note">Note with &lt;i&gt;markup&lt;/i&gt; &amp; more</p>');
    expect(html).toContain('<blockquote class="hl-quote hl-pink"><p>gone from the text</p></blockquote>');
    expect(html).not.toContain('<i>markup');
  });

  it('keeps the EPUB chapter well-formed XHTML with the marks in it', async () => {
    const files = unzipSync(await toEpub([highlighted], { parse, now: NOW }));
    const chapter = strFromU8(files['OEBPS/a0001.xhtml']!);
    expect(XMLValidator.validate(chapter)).toBe(true);
    expect(chapter).toMatch(/<mark title="[^"]*" class="hl hl-green">Hangzhou\.<\/mark>/);
    expect(chapter).toContain('<section class="highlights"><h2>Highlights</h2>');
  });
});

describe('right-to-left articles (issue 17)', () => {
  const arabic: SavedArticle = {
    ...makeCapture({ url: 'https://news.example.com/ar', title: 'المكتبات العامة', lang: 'ar', dir: null, contentHtml: '<p>نص المقال.</p>' }),
    capturedAt: NOW.toISOString(),
  };
  const hebrew: SavedArticle = {
    ...makeCapture({ url: 'https://news.example.com/he', title: 'כותרת', lang: null, dir: null, contentHtml: '<p>טקסט.</p>', textContent: 'טקסט.' }),
    capturedAt: NOW.toISOString(),
  };

  it('the HTML file marks each right-to-left article dir="rtl" and leaves the others alone', async () => {
    const html = await toHtmlFile([articles[0]!, arabic, hebrew], { parse, now: NOW });
    expect(html).toMatch(/<article id="article-1"( lang="en")?>/);
    expect(html).toContain('<article id="article-2" lang="ar" dir="rtl">');
    expect(html).toContain('<article id="article-3" dir="rtl">');
  });

  it('a mixed book keeps the default page progression; each Arabic chapter is dir="rtl"', async () => {
    const files = unzipSync(await toEpub([articles[1]!, arabic], { parse, now: NOW }));
    expect(strFromU8(files['OEBPS/content.opf']!)).toContain('<spine>');
    expect(strFromU8(files['OEBPS/a0001.xhtml']!)).not.toContain('dir=');
    expect(strFromU8(files['OEBPS/a0002.xhtml']!)).toMatch(/<html [^>]*lang="ar" dir="rtl">/);
  });

  it('a book of right-to-left articles turns its pages right to left', async () => {
    const files = unzipSync(await toEpub([arabic, hebrew], { parse, now: NOW }));
    expect(strFromU8(files['OEBPS/content.opf']!)).toContain('<spine page-progression-direction="rtl">');
    expect(strFromU8(files['OEBPS/a0002.xhtml']!)).toMatch(/<html [^>]*dir="rtl">/);
  });
});
