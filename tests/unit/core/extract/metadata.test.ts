import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/cli/dom';
import { collectPageSignals, resolveMetadata, type ReadabilityMeta } from '../../../../src/core/extract/metadata';
import { scanPage } from '../../../../src/core/extract/page-scan';

const HEADLINE = 'Harbour reopens after the storm';

/** Metadata of a page with `head` and `body`, served from `url`, beside what Readability found. */
function metadataOf(head: string, url = 'https://news.example.com/2024/harbour', readability: ReadabilityMeta = {}, body = '<p>Text.</p>') {
  const doc = parseDocument(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, url);
  const scan = scanPage(doc);
  return resolveMetadata(collectPageSignals(doc, scan, url), readability);
}

describe("metadata: the title without the site's name", () => {
  it.each([' – ', ' — ', ' · ', ' | ', ' :: ', ' » ', ' - '])('cuts "%s" + og:site_name from the <title>', (sep) => {
    const meta = metadataOf(`<title>${HEADLINE}${sep}Daily Example</title><meta property="og:site_name" content="Daily Example">`);
    expect(meta.title).toBe(HEADLINE);
    expect(meta.siteName).toBe('Daily Example');
  });

  it("cuts the name of the JSON-LD publisher from Readability's title", () => {
    const ld = { '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'The Daily Example' } };
    const meta = metadataOf(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, undefined, { title: `${HEADLINE} | The Daily Example` });
    expect(meta.title).toBe(HEADLINE);
    expect(meta.sources.title).toBe('readability');
  });

  it("cuts a part naming the page's registrable domain when the page gives no site name", () => {
    expect(metadataOf(`<title>${HEADLINE} - BBC News</title>`, 'https://www.bbc.co.uk/news/uk-1').title).toBe(HEADLINE);
    expect(metadataOf(`<title>The Guardian | ${HEADLINE}</title>`, 'https://amp.theguardian.com/uk/1').title).toBe(HEADLINE);
  });

  it('keeps a hyphenated title whose parts are not the site', () => {
    const title = 'Storm - what we know so far';
    expect(metadataOf(`<title>${title}</title><meta property="og:site_name" content="BBC News">`, 'https://www.bbc.co.uk/news/1').title).toBe(title);
  });

  it('keeps the title whole when only one word would remain', () => {
    expect(metadataOf('<title>Mozilla - Wikipedia</title>', 'https://en.wikipedia.org/wiki/Mozilla').title).toBe('Mozilla - Wikipedia');
  });
});

describe('metadata: the site name', () => {
  it("takes JSON-LD publisher, then og:site_name, then application-name, then Readability's", () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', publisher: 'Publisher Name' })}</script>`;
    const og = '<meta property="og:site_name" content="OG Name">';
    const app = '<meta name="application-name" content="App Name">';
    expect(metadataOf(ld + og + app).siteName).toBe('Publisher Name');
    expect(metadataOf(og + app).siteName).toBe('OG Name');
    expect(metadataOf(app).sources.siteName).toBe('meta');
    const fromReadability = metadataOf('', undefined, { siteName: 'Readability Name' });
    expect([fromReadability.siteName, fromReadability.sources.siteName]).toEqual(['Readability Name', 'readability']);
  });

  it('is never read off a subdomain: a page on hosted.ap.org naming no site has none, and "Hosted" stays in its title', () => {
    const meta = metadataOf(`<title>Hosted | ${HEADLINE}</title>`, 'https://hosted.ap.org/article/1');
    expect(meta.siteName).toBeNull();
    expect(meta.title).toBe(`Hosted | ${HEADLINE}`);
  });

  it('still cuts the real site from a hosted.ap.org title', () => {
    expect(metadataOf(`<title>${HEADLINE} - Associated Press</title>`, 'https://hosted.ap.org/article/1').title).toBe(HEADLINE);
  });
});

describe('metadata: the byline', () => {
  const byline = '<div class="article-byline">By <a href="/people/jo">Jo Reporter</a></div>';
  const dateline = '<p><span class="dateline">CAIRO —</span> Gunmen opened fire on visitors at the national museum on Wednesday.</p>';

  it('is given as the page writes it, and the authors without the "By"', () => {
    const meta = metadataOf('', undefined, {}, `${byline}${dateline}`);
    expect(meta.byline).toBe('By Jo Reporter');
    expect(meta.authors).toEqual(['Jo Reporter']);
  });

  it("is never a dateline that Readability took for one (its byline element was cleaned away), and the page's own byline is used", () => {
    const meta = metadataOf('', undefined, { byline: 'CAIRO —' }, `${byline}${dateline}`);
    expect(meta.byline).toBe('By Jo Reporter');
  });

  it('is none rather than a dateline when the page has no byline', () => {
    expect(metadataOf('', undefined, { byline: 'WASHINGTON (AP) -' }, dateline).byline).toBeNull();
  });
});
