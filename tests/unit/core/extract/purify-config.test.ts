import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleImageUrls, purifyToFragment, safeImageUrl } from '../../../../src/core/extract/purify-config';

// DOMPurify needs a real DOM (it refuses linkedom); jsdom stands in for the browser here. The
// end-to-end tests run the same config in Chromium and Firefox.
const { window } = new JSDOM('');
const purify = createDOMPurify(window as unknown as Window & typeof globalThis);
const hostile = readFileSync(new URL('../../../fixtures/hostile/hostile.html', import.meta.url), 'utf8');
const clean = (html: string) => {
  const holder = window.document.createElement('div');
  holder.append(purifyToFragment(purify as never, html));
  return holder.innerHTML;
};

describe('PURIFY_CONFIG', () => {
  it('leaves nothing active of the hostile fixture and keeps its text', () => {
    const out = clean(hostile);
    expect(out).not.toMatch(
      /<script|<style|<svg|<math|<iframe|<form|<input|<button|<object|<embed|<meta|<base|<video|<noscript|<link|\son\w+=|style=|javascript:|data:|srcset=|expression\(|url\(/i,
    );
    expect(out).toContain('The harbour council voted on Tuesday evening');
    expect(out).toContain('<details open="">');
  });
  it('keeps http(s), mailto and same-page links and plain images; drops blob: and data: from stored HTML', () => {
    const out = clean(
      '<a href="https://x.example/a">a</a><a href="mailto:a@x.example">m</a><a href="#n">n</a><img src="https://x.example/p.jpg" alt="p"><img src="blob:https://x/1"><a href="vbscript:x">v</a><img src="data:image/svg+xml,<svg onload=x>">',
    );
    expect(out).toBe(
      '<a href="https://x.example/a">a</a><a href="mailto:a@x.example">m</a><a href="#n">n</a><img src="https://x.example/p.jpg" alt="p"><img><a>v</a><img>',
    );
  });
  it('lists the article images (then the lead image) once, http(s) only', () => {
    const { document } = new JSDOM('<div><img src="https://a/1.jpg"><img src="https://a/1.jpg"><img src="javascript:x"><img src="https://a/2.png"></div>')
      .window;
    expect(articleImageUrls(document.body, 'https://a/lead.jpg')).toEqual(['https://a/1.jpg', 'https://a/2.png', 'https://a/lead.jpg']);
    expect(safeImageUrl('data:image/png;base64,xx')).toBeNull();
  });
});
