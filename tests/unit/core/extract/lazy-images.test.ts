import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isPlaceholderSrc, largestFromSrcset, resolveLazyImages } from '../../../../src/core/extract/lazy-images';

const BASE = 'https://news.example.com/2024/story.html';
const doc = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
const srcs = (d: Document) => [...d.querySelectorAll('img')].map((i) => i.getAttribute('src'));

describe('resolveLazyImages', () => {
  it("leaves a <template>'s images alone and pairs live sources with the page's own images", () => {
    const d = doc('<img src="blank.gif" data-src="a.jpg"><template><img src="blank.gif" data-src="t.jpg"></template><img data-src="b.jpg">');
    expect(resolveLazyImages(d, BASE, [null, 'https://cdn.example.com/live-b.jpg'])).toBe(2);
    expect(srcs(d)).toEqual(['https://news.example.com/2024/a.jpg', 'https://cdn.example.com/live-b.jpg']);
    expect(d.querySelector('template')!.innerHTML).toContain('src="blank.gif"');
  });

  it('takes the real address from data-src and friends when src is a placeholder or missing', () => {
    const d = doc(`
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/a.jpg">
      <img data-lazy-src="https://cdn.example.com/b.jpg">
      <img src="/static/blank.gif" data-original="c.jpg">
      <img src="/img/real.jpg" data-src="/img/other.jpg">`);
    expect(resolveLazyImages(d, BASE)).toBe(3);
    expect(srcs(d)).toEqual(['https://news.example.com/img/a.jpg', 'https://cdn.example.com/b.jpg', 'https://news.example.com/2024/c.jpg', '/img/real.jpg']);
  });
  it('falls back to the largest srcset candidate, data-srcset and <picture> sources', () => {
    const d = doc(`
      <img data-srcset="/s.jpg 320w, /l.jpg 1024w, /m.jpg 640w">
      <img src="" srcset="/x1.jpg 1x, /x2.jpg 2x">
      <picture><source srcset="/p-small.webp 400w, /p-big.webp 1200w"><img src="/spacer.png"></picture>`);
    resolveLazyImages(d, BASE);
    expect(srcs(d)).toEqual(['https://news.example.com/l.jpg', 'https://news.example.com/x2.jpg', 'https://news.example.com/p-big.webp']);
  });
  it("prefers the live page's chosen source", () => {
    const d = doc('<img src="data:," data-src="/fallback.jpg">');
    resolveLazyImages(d, BASE, ['https://news.example.com/chosen.jpg']);
    expect(srcs(d)).toEqual(['https://news.example.com/chosen.jpg']);
  });
  it('tells placeholders from real images', () => {
    expect(isPlaceholderSrc('https://x/img/lazy-placeholder.png')).toBe(true);
    expect(isPlaceholderSrc('https://x/1x1.gif')).toBe(true);
    expect(isPlaceholderSrc('https://x/photos/harbour.jpg')).toBe(false);
    expect(largestFromSrcset('data:image/gif;base64,x 1x')).toBeNull();
  });
});
