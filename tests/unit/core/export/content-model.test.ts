import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { toXhtmlFragment } from '../../../../src/core/export/xhtml';

/** Each case is a nesting real pages had that epubcheck rejected; the output is what it accepts. */
const parse = (html: string) => parseHTML(html).document as unknown as Document;
const xhtml = (html: string) => toXhtmlFragment(parse, html, { baseUrl: 'https://news.example.com/a' });

describe('content model before XHTML', () => {
  it('lifts a block out of phrasing content, splitting it', () => {
    expect(xhtml('<span>a<div>b</div>c</span>')).toBe('<span>a</span><div>b</div><span>c</span>');
    expect(xhtml('<h2>x <em>y<blockquote>q</blockquote>z</em></h2>')).toBe('<h2>x <em>y</em></h2><blockquote>q</blockquote><h2><em>z</em></h2>');
  });

  it('lifts a figcaption out of a span, and a figcaption outside a figure is no figcaption', () => {
    const out = xhtml('<figure><img src="https://i.example.com/a.png"><span><figcaption>Cap</figcaption></span></figure>');
    expect(out).not.toMatch(/<span>[^]*<figcaption/);
    expect(xhtml('<div><figcaption>Loose</figcaption></div>')).toBe('<div><div>Loose</div></div>');
  });

  it('puts the figcaption first or last in its figure, and only one', () => {
    expect(xhtml('<figure><img src="https://i.example.com/a.png"><figcaption>A</figcaption><p>x</p><figcaption>B</figcaption></figure>')).toBe(
      '<figure><img src="https://i.example.com/a.png" alt=""/><p>x</p><div>B</div><figcaption>A</figcaption></figure>',
    );
  });

  it('gives a definition list dt and dd groups, or makes it a plain block', () => {
    expect(xhtml('<dl><dt>Term</dt></dl>')).toBe('<div><div>Term</div></div>');
    expect(xhtml('<dl><dt>T</dt><dd>D</dd><dt>Last</dt></dl>')).toBe('<dl><dt>T</dt><dd>D</dd><dt>Last</dt><dd></dd></dl>');
    expect(xhtml('<dl><div><dt>T</dt><dd>D</dd></div><p>x</p></dl>')).toBe('<dl><dt>T</dt><dd>D</dd><dd><p>x</p></dd></dl>');
  });

  it('keeps li in lists and cells in rows', () => {
    expect(xhtml('<div><li>a</li><li>b</li></div>')).toBe('<div><ul><li>a</li><li>b</li></ul></div>');
    expect(xhtml('<ul>text<li>a</li></ul>')).toBe('<ul><li>text</li><li>a</li></ul>');
    expect(xhtml('<table><tr><td>x</td></tr><tbody><tr><td>y</td></tr></tbody></table>')).toBe(
      '<table><tbody><tr><td>x</td></tr></tbody><tbody><tr><td>y</td></tr></tbody></table>',
    );
  });

  it('unwraps a link inside a link and a #fragment link whose target is not in the chapter', () => {
    expect(xhtml('<p><a href="https://x.example/1">a <a href="https://x.example/2">b</a></a></p>')).not.toMatch(/<a [^>]*>[^<]*<a /);
    expect(xhtml('<p><a href="#gone">note</a></p>')).toBe('<p>note</p>');
  });

  it('writes a repeated attribute once', () => {
    expect(xhtml('<p><a href="https://x.example/1" href="https://x.example/2">a</a></p>')).toMatch(/^<p><a href="https:\/\/x\.example\/[12]">a<\/a><\/p>$/);
  });
});
