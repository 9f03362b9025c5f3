import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/cli/dom';
import { readJsonLd } from '../../../../src/core/extract/jsonld';
import { scanPage } from '../../../../src/core/extract/page-scan';

/** readJsonLd over a page holding one <script type="application/ld+json"> per block. */
function ldOf(...blocks: (unknown | string)[]) {
  const scripts = blocks.map((b) => `<script type="application/ld+json">${typeof b === 'string' ? b : JSON.stringify(b)}</script>`).join('');
  const doc = parseDocument(`<!DOCTYPE html><html><head>${scripts}</head><body><p>x</p></body></html>`, 'https://e.example/a');
  return readJsonLd(scanPage(doc)).article;
}

const article = (fields: Record<string, unknown>) => ({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Harbour reopens', ...fields });

describe('readJsonLd: where the article is', () => {
  it("finds it inside @graph, beside the site's Organization and BreadcrumbList", () => {
    const ld = ldOf({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', name: 'Daily Example' },
        { '@type': 'BreadcrumbList', itemListElement: [] },
        article({ datePublished: '2024-05-03' }),
      ],
    });
    expect(ld?.headline).toBe('Harbour reopens');
    expect(ld?.datePublished).toBe('2024-05-03');
  });

  it('finds it in a top-level array and with an array of types', () => {
    expect(
      ldOf([
        { '@type': 'WebSite', name: 'Site' },
        { '@type': ['Article', 'NewsArticle'], headline: 'Typed twice' },
      ])?.headline,
    ).toBe('Typed twice');
  });

  it('prefers a real article type over a generic WebPage, whatever the order', () => {
    const ld = ldOf({
      '@graph': [
        { '@type': 'WebPage', name: 'Page title | Site' },
        { '@type': 'BlogPosting', headline: 'The post' },
      ],
    });
    expect(ld?.headline).toBe('The post');
  });

  it('falls back to a WebPage when it is all there is, reading its name as the headline', () => {
    expect(ldOf({ '@type': 'WebPage', name: 'Just a page' })?.headline).toBe('Just a page');
  });

  it('is null when no block describes an article', () => {
    expect(ldOf({ '@type': 'Organization', name: 'Daily Example' }, { '@type': 'Person', name: 'Ana' })).toBeNull();
  });

  it('reads blocks wrapped in CDATA or with raw control characters, and skips a broken block', () => {
    expect(ldOf(`//<![CDATA[\n${JSON.stringify(article({}))}\n]]>`)?.headline).toBe('Harbour reopens');
    expect(ldOf('{"@type": "Article", "headline": "Line\none"}')?.headline).toBe('Line one');
    expect(ldOf('{ not json', article({ headline: 'Still read' }))?.headline).toBe('Still read');
  });
});

describe('readJsonLd: author shapes', () => {
  it.each([
    ['a string', 'Ana Lima', ['Ana Lima']],
    ['a Person', { '@type': 'Person', name: 'Ana Lima' }, ['Ana Lima']],
    [
      'a list of Persons',
      [
        { '@type': 'Person', name: 'Ana Lima' },
        { '@type': 'Person', name: ' Bo Chen ' },
      ],
      ['Ana Lima', 'Bo Chen'],
    ],
    ['a list of strings', ['Ana Lima', 'Bo Chen'], ['Ana Lima', 'Bo Chen']],
    ['a Person whose name is a list', { '@type': 'Person', name: ['Ana Lima', 'A. Lima'] }, ['Ana Lima']],
  ])('reads %s', (_, author, expected) => {
    expect(ldOf(article({ author }))?.authors).toEqual(expected);
  });

  it('drops author entries that are only a profile address or have no name', () => {
    const author = ['https://e.example/staff/ana', { '@type': 'Person', url: 'https://e.example/staff/bo' }, { '@type': 'Person', name: 'Cy Diaz' }];
    expect(ldOf(article({ author }))?.authors).toEqual(['Cy Diaz']);
  });

  it('takes creator when there is no author, and gives an empty list when neither is there', () => {
    expect(ldOf(article({ creator: 'Ana Lima' }))?.authors).toEqual(['Ana Lima']);
    expect(ldOf(article({}))?.authors).toEqual([]);
  });
});

describe('readJsonLd: other fields', () => {
  it('reads the publisher as an Organization or a string, then sourceOrganization', () => {
    expect(ldOf(article({ publisher: { '@type': 'Organization', name: 'Daily Example', logo: {} } }))?.publisher).toBe('Daily Example');
    expect(ldOf(article({ publisher: 'Daily Example' }))?.publisher).toBe('Daily Example');
    expect(ldOf(article({ sourceOrganization: { name: 'Wire Service' } }))?.publisher).toBe('Wire Service');
    expect(ldOf(article({ publisher: { '@id': 'https://e.example/#org' } }))?.publisher).toBeNull();
  });

  it('reads the image as a string, an ImageObject, a list, or thumbnailUrl', () => {
    expect(ldOf(article({ image: 'https://e.example/a.jpg' }))?.image).toBe('https://e.example/a.jpg');
    expect(ldOf(article({ image: { '@type': 'ImageObject', url: 'https://e.example/b.jpg' } }))?.image).toBe('https://e.example/b.jpg');
    expect(ldOf(article({ image: [{ contentUrl: 'https://e.example/c.jpg' }, 'https://e.example/d.jpg'] }))?.image).toBe('https://e.example/c.jpg');
    expect(ldOf(article({ thumbnailUrl: 'https://e.example/t.jpg' }))?.image).toBe('https://e.example/t.jpg');
  });

  it('splits comma-separated keywords and flattens keyword lists', () => {
    expect(ldOf(article({ keywords: 'ferry, harbour ,, storm' }))?.keywords).toEqual(['ferry', 'harbour', 'storm']);
    expect(ldOf(article({ keywords: ['ferry', 'harbour, storm'] }))?.keywords).toEqual(['ferry', 'harbour', 'storm']);
  });

  it('takes dateCreated when there is no datePublished, and the url from mainEntityOfPage', () => {
    const ld = ldOf(article({ dateCreated: '2024-05-01', mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://e.example/canonical' } }));
    expect(ld?.datePublished).toBe('2024-05-01');
    expect(ld?.url).toBe('https://e.example/canonical');
    expect(ldOf(article({ mainEntityOfPage: 'https://e.example/m' }))?.url).toBe('https://e.example/m');
  });
});

describe('readJsonLd: a fact check', () => {
  it('reads the claim a ClaimReview reviews, beside the article or alone', () => {
    const claim = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'The moon is made of cheese.',
      reviewRating: { alternateName: 'False' },
    };
    const page = (...blocks: unknown[]) =>
      parseDocument(
        `<!DOCTYPE html><html><head>${blocks.map((b) => `<script type="application/ld+json">${JSON.stringify(b)}</script>`).join('')}</head><body><p>x</p></body></html>`,
        'https://e.example/a',
      );
    expect(readJsonLd(scanPage(page(claim))).claimReviewed).toBe('The moon is made of cheese.');
    expect(readJsonLd(scanPage(page(claim))).article).toBeNull();
    const both = readJsonLd(scanPage(page(article({}), claim)));
    expect(both.article?.headline).toBe('Harbour reopens');
    expect(both.claimReviewed).toBe('The moon is made of cheese.');
    expect(readJsonLd(scanPage(page(article({})))).claimReviewed).toBeNull();
  });
});
