import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { absolutizeUrls } from '../../../../src/core/extract/absolutize';

describe('absolutizeUrls', () => {
  it('makes links, images and srcsets absolute against the page, honouring its <base>', () => {
    const { document } = parseHTML(
      '<html><head></head><body><a href="/x">x</a><img src="a.jpg" srcset="b.jpg 1x, /c.jpg 2x"><a href="#top">t</a><a href="mailto:a@b.c">m</a></body></html>',
    );
    absolutizeUrls(document as unknown as Document, 'https://news.example.com/2014/story.html');
    expect(document.querySelector('a')!.getAttribute('href')).toBe('https://news.example.com/x');
    expect(document.querySelector('img')!.getAttribute('src')).toBe('https://news.example.com/2014/a.jpg');
    expect(document.querySelector('img')!.getAttribute('srcset')).toBe('https://news.example.com/2014/b.jpg 1x, https://news.example.com/c.jpg 2x');
    expect(document.querySelectorAll('a')[1]!.getAttribute('href')).toBe('#top');
    expect(document.querySelectorAll('a')[2]!.getAttribute('href')).toBe('mailto:a@b.c');
    const withBase = parseHTML('<html><head><base href="https://cdn.example.org/img/"></head><body><img src="p.png"></body></html>').document;
    absolutizeUrls(withBase as unknown as Document, 'https://news.example.com/a');
    expect(withBase.querySelector('img')!.getAttribute('src')).toBe('https://cdn.example.org/img/p.png');
  });
});
