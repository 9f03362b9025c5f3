import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/cli/dom';
import { extract } from '../../../../src/core/extract/extract';
import { CaptureError, isCaptureError } from '../../../../src/core/shared/errors';
import { paragraphs } from '../../helpers';

const URL_ = 'https://news.example.com/world/2024/05/harbour-reopens.html';

function page({ head = '', body }: { head?: string; body: string }): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

function run(html: string, url = URL_, options?: Parameters<typeof extract>[2]) {
  return extract(parseDocument(html, url), url, options);
}

const ARTICLE = `<article><h1>Harbour reopens after storm</h1>${paragraphs(6)}</article>`;

describe('extract: JSON-LD', () => {
  const jsonld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Harbour reopens after storm',
    author: [
      { '@type': 'Person', name: 'Ana Lima' },
      { '@type': 'Person', name: 'Bo Chen' },
    ],
    datePublished: '2024-05-03T10:15:00+02:00',
    dateModified: '2024-05-03T12:00:00+02:00',
    publisher: { '@type': 'Organization', name: 'The Daily Example' },
  };
  const capture = run(
    page({
      head: `<title>Harbour reopens after storm</title><script type="application/ld+json">${JSON.stringify(jsonld)}</script>`,
      body: ARTICLE,
    }),
  );

  it('reads the author list', () => {
    expect(capture.authors).toEqual(['Ana Lima', 'Bo Chen']);
    expect(capture.byline).toBe('Ana Lima, Bo Chen');
    expect(capture.sources.byline).toBe('jsonld');
  });

  it('keeps the date with its +02:00 offset', () => {
    expect(capture.published).toBe('2024-05-03T10:15:00+02:00');
    expect(capture.modified).toBe('2024-05-03T12:00:00+02:00');
    expect(capture.sources.published).toBe('jsonld');
  });

  it('takes the site name from the publisher', () => {
    expect(capture.siteName).toBe('The Daily Example');
    expect(capture.sources.siteName).toBe('jsonld');
  });
});

describe('extract: OpenGraph', () => {
  const capture = run(
    page({
      head: `<title>Harbour reopens | The Daily Example</title>
      <meta property="og:title" content="Harbour reopens after storm">
      <meta property="og:site_name" content="The Daily Example">
      <meta property="og:description" content="The port is open again after a week.">
      <meta property="og:image" content="/img/harbour.jpg">
      <meta property="og:url" content="https://news.example.com/harbour">
      <meta property="article:published_time" content="2024-05-03T08:00:00Z">`,
      body: `<div class="story">${paragraphs(6)}</div>`,
    }),
  );

  it('reads site name, description, image, canonical URL and date from og: tags', () => {
    expect(capture.siteName).toBe('The Daily Example');
    expect(capture.sources.siteName).toBe('opengraph');
    expect(capture.excerpt).toBe('The port is open again after a week.');
    expect(capture.leadImage?.url).toBe('https://news.example.com/img/harbour.jpg');
    expect(capture.sources.leadImage).toBe('opengraph');
    expect(capture.canonicalUrl).toBe('https://news.example.com/harbour');
    expect(capture.published).toBe('2024-05-03T08:00:00Z');
    expect(capture.sources.published).toBe('opengraph');
  });

  it('has a title without the site suffix', () => {
    expect(capture.title).not.toContain('The Daily Example');
    expect(capture.title.startsWith('Harbour reopens')).toBe(true);
  });
});

describe('extract: <time datetime>', () => {
  it('reads the published date from a time element', () => {
    const capture = run(
      page({
        head: '<title>Harbour reopens after storm</title>',
        body: `<article><h1>Harbour reopens after storm</h1><p class="meta"><time datetime="2024-05-03T10:15">May 3</time></p>${paragraphs(6)}</article>`,
      }),
    );
    expect(capture.published).toBe('2024-05-03T10:15');
    expect(capture.sources.published).toBe('time-element');
  });
});

describe('extract: title suffix', () => {
  it('strips " - Site Name" when og:site_name is "Site Name"', () => {
    const capture = run(
      page({
        head: '<title>Harbour reopens after storm - Site Name</title><meta property="og:site_name" content="Site Name">',
        body: `<div class="story">${paragraphs(6)}</div>`,
      }),
    );
    expect(capture.title).toBe('Harbour reopens after storm');
    expect(capture.siteName).toBe('Site Name');
  });

  // Neither side of the dash is the site's name, and the page's <h1> is the whole title.
  it('keeps a dash that is part of the headline', () => {
    const capture = run(
      page({
        head: '<title>Storm - what we know so far</title><meta property="og:site_name" content="Site Name">',
        body: `<article><h1>Storm - what we know so far</h1>${paragraphs(6)}</article>`,
      }),
    );
    expect(capture.title).toBe('Storm - what we know so far');
  });

  // Readability cuts at the colon when no heading repeats the title whole.
  it('keeps a "Topic:" prefix that the page\'s headings use, not a blog name before a colon', () => {
    const topic = run(
      page({
        head: '<title>Evolve: Shared mutable history for everyone</title>',
        body: `<article><h2>Evolve: Shared history</h2>${paragraphs(6)}</article>`,
      }),
    );
    expect(topic.title).toBe('Evolve: Shared mutable history for everyone');
    const blog = run(
      page({
        head: '<title>Silicon Notes: Harbour reopens after the storm</title>',
        body: `<header><a href="/">Silicon Notes</a></header><article><h2>Harbour news</h2>${paragraphs(6)}</article>`,
      }),
    );
    expect(blog.title).toBe('Harbour reopens after the storm');
  });
});

describe('extract: title fallbacks', () => {
  it('takes the <h1> when the page has no <title> or og:title', () => {
    const capture = run(`<!DOCTYPE html><html><head></head><body><article><h1>Harbour reopens after storm</h1>${paragraphs(6)}</article></body></html>`);
    expect(capture.title).toBe('Harbour reopens after storm');
  });

  // extract.ts falls back `meta.title ?? textOf(h1) ?? url`; a Capture's title is never empty.
  it('falls back to the URL when the page names no title at all', () => {
    const capture = run(`<!DOCTYPE html><html><head></head><body><div class="story">${paragraphs(6)}</div></body></html>`);
    expect(capture.title).not.toBe('');
    expect(capture.title).toBe(URL_);
  });
});

describe('extract: no article', () => {
  it('throws CaptureError no-article for a nav and a login form', () => {
    const html = page({
      head: '<title>Sign in</title>',
      body: `<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        <form action="/login"><label>Email <input name="email"></label><label>Password <input type="password" name="pw"></label><button>Sign in</button></form>`,
    });
    let error: unknown;
    try {
      run(html);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CaptureError);
    expect(isCaptureError(error)).toBe(true);
    expect((error as CaptureError).code).toBe('no-article');
    expect((error as CaptureError).message.length).toBeGreaterThan(10);
  });
});

describe('extract: selectionHtml', () => {
  const html = page({
    head: `<title>Harbour reopens after storm - Site Name</title><meta property="og:site_name" content="Site Name">
      <meta name="author" content="Ana Lima"><meta property="article:published_time" content="2024-05-03T08:00:00Z">`,
    body: `<article><h1>Harbour reopens after storm</h1>${paragraphs(6, 'the harbour')}<p>Unselected closing remark about tides.</p></article>`,
  });
  const selectedText =
    'The selected passage about cranes and ferries, which the reader wants to keep for later: ' +
    'the port authority said the new cranes would double the number of ships unloaded each day by the autumn.';
  const selection = `<p>${selectedText.replace('cranes', '<b>cranes</b>')}</p>`;
  const capture = run(html, URL_, { selectionHtml: selection });

  it('holds only the selection', () => {
    expect(capture.textContent).toBe(selectedText);
    expect(capture.contentHtml).toContain('<b>cranes</b>');
    expect(capture.contentHtml).not.toContain('Paragraph 1');
    expect(capture.textContent).not.toContain('tides');
    expect(capture.selectionOnly).toBe(true);
  });

  // A user who selected one sentence and chose "Save selection" asked for exactly that; the
  // no-article threshold (25 words) is for detecting an article, not for a deliberate selection.
  it('saves a short selection (one sentence) rather than answering "no article"', () => {
    const short = '<p>The port authority said the new cranes would double capacity.</p>';
    const result = run(html, URL_, { selectionHtml: short });
    expect(result.textContent).toBe('The port authority said the new cranes would double capacity.');
    expect(result.selectionOnly).toBe(true);
  });

  it('still reads metadata from the page', () => {
    expect(capture.title).toBe('Harbour reopens after storm');
    expect(capture.siteName).toBe('Site Name');
    expect(capture.authors).toEqual(['Ana Lima']);
    expect(capture.published).toBe('2024-05-03T08:00:00Z');
  });

  it('is selectionOnly false without a selection', () => {
    expect(run(html).selectionOnly).toBe(false);
  });
});

describe('extract: sanitizing', () => {
  const body = `<article><h1>Harbour reopens after storm</h1>
    <p>First paragraph with a <a href="javascript:alert(1)">script link</a> and a <a href="/world/ferries.html">relative link</a> and <a href="../about">another</a>.</p>
    <p><img src="/img/a.jpg" onerror="alert(2)" alt="Cranes"> A photo of the cranes at dawn.</p>
    <p><img data-src="/img/lazy.jpg" alt="lazy"> A lazy image without a src.</p>
    <script>window.evil = 1;</script>
    <p>Write to <a href="mailto:desk@news.example.com">the desk</a>, jump to <a href="#notes">the notes</a>, skip <a href="data:text/html,&lt;script&gt;alert(5)&lt;/script&gt;">this</a>, see <a href="//cdn.example.com/map.html">the map</a>.</p>
    <p onclick="alert(3)">A paragraph with a click handler <span style="color:red" onmouseover="alert(4)">and a span</span>.</p>
    <iframe src="https://ads.example.net/frame"></iframe>
    ${paragraphs(6)}
  </article>`;
  const capture = run(page({ head: '<title>Harbour reopens after storm</title>', body }));
  const html = capture.contentHtml;

  it('drops scripts, event handlers, iframes and javascript: links', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('window.evil');
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/\sstyle=/i);
  });

  it('keeps the text of the paragraphs around them', () => {
    expect(capture.textContent).toContain('A paragraph with a click handler and a span.');
    expect(capture.textContent).toContain('A photo of the cranes at dawn.');
  });

  it('never keeps an image without a usable src', () => {
    for (const m of html.matchAll(/<img\b[^>]*>/gi)) {
      expect(m[0]).toMatch(/\ssrc="https?:\/\//);
    }
    expect(html).not.toContain('data-src');
  });

  it('makes relative links and images absolute', () => {
    expect(html).toContain('href="https://news.example.com/world/ferries.html"');
    expect(html).toContain('href="https://news.example.com/world/2024/about"');
    expect(html).toContain('src="https://news.example.com/img/a.jpg"');
    expect(html).toContain('href="https://cdn.example.com/map.html"');
    expect(html).toContain('href="mailto:desk@news.example.com"');
    expect(html).toContain('href="#notes"');
    expect(html).not.toMatch(/data:text/i);
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/gi)) {
      expect(m[1]).toMatch(/^(https?:|mailto:|#)/);
    }
  });
});
