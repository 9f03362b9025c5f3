import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/cli/dom';
import { safeUrl, sanitizeTree } from '../../../../src/core/extract/sanitize';

const BASE = 'https://news.example.com/world/story.html';
const hostile = readFileSync(new URL('../../../fixtures/hostile/hostile.html', import.meta.url), 'utf8');

/** The inner HTML of a <div> holding `html`, after sanitizeTree against `base`. */
function clean(html: string, base = BASE): string {
  const doc = parseDocument(`<!DOCTYPE html><html><head></head><body><div id="root">${html}</div></body></html>`, base);
  const root = doc.getElementById('root')!;
  sanitizeTree(root, base);
  return root.innerHTML;
}

describe('sanitizeTree: the hostile fixture', () => {
  const doc = parseDocument(hostile, 'http://127.0.0.1:8080/hostile.html');
  const article = doc.querySelector('article')!;
  sanitizeTree(article, 'http://127.0.0.1:8080/hostile.html');
  const out = article.outerHTML;

  it('leaves no script, style, frame, form, plug-in, SVG, MathML, media or refresh', () => {
    expect(out).not.toMatch(/<(script|style|iframe|form|input|button|object|embed|svg|math|video|noscript|meta|base|link)\b/i);
  });

  it('leaves no handler, inline style, srcset or script/data address', () => {
    expect(out).not.toMatch(/\son\w+=|\sstyle=|srcset=|xlink:|javascript:|data:|expression\(|url\(/i);
  });

  it("leaves only the plain http image of all the fixture's trap addresses", () => {
    expect(out.match(/\/trap\/[\w.-]+/g)).toEqual(['/trap/missing-image.png']);
  });

  it("keeps the article's text, its <details> and the plain link text", () => {
    expect(out).toContain('The harbour council voted on Tuesday evening');
    expect(out).toMatch(/<details open(="")?><summary>Details<\/summary>/);
    expect(out).toContain('Read the full timetable');
    expect(article.querySelectorAll('p').length).toBeGreaterThanOrEqual(5);
  });
});

describe('sanitizeTree: elements', () => {
  it('drops active content whole, text included', () => {
    expect(clean('<p>a</p><script>alert(1)</script><style>p{}</style><template><p>t</p></template><noscript>ns</noscript><textarea>ta</textarea>')).toBe(
      '<p>a</p>',
    );
  });

  it('unwraps unknown elements, keeping their text and allowed children', () => {
    expect(clean('<p><font color="red">red <b>bold</b></font> <custom-tag>custom</custom-tag></p>')).toBe('<p>red <b>bold</b> custom</p>');
  });

  it("removes comments and empty containers, but keeps an empty inline element's space between words", () => {
    expect(clean('<p>located<span> </span>near</p><!-- note --><div><p> </p></div>')).toBe('<p>located near</p>');
  });

  it('drops an image without a usable source, and the link that held only it', () => {
    expect(clean('<p>x <a href="https://e.example/"><img src="javascript:alert(1)"></a></p>')).toBe('<p>x </p>');
  });
});

describe('sanitizeTree: attributes', () => {
  it('keeps only the allowed attributes of each element', () => {
    expect(clean('<p id="a" class="b" style="color:red" onclick="x()" data-x="1" lang="fr" dir="rtl" title="t">p</p>')).toBe(
      '<p lang="fr" dir="rtl" title="t">p</p>',
    );
    expect(clean('<img src="/i.png" alt="i" width="10" srcset="/big.png 2x" onerror="x()" loading="lazy">')).toBe(
      '<img src="https://news.example.com/i.png" alt="i" width="10">',
    );
  });

  it('keeps a code language as the only class', () => {
    expect(clean('<pre class="highlight lang-python"><code class="hljs language-ts">x</code></pre>')).toBe(
      '<pre class="language-python"><code class="language-ts">x</code></pre>',
    );
  });

  it('absolutizes links and drops script, data and vbscript addresses, obfuscated ones too', () => {
    expect(clean('<a href="../other.html">rel</a>')).toBe('<a href="https://news.example.com/other.html">rel</a>');
    for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:msgbox(1)']) {
      expect(clean(`<a href="${href.replace(/"/g, '&quot;').replace(/</g, '&lt;')}">x</a>`), href).toBe('<a>x</a>');
    }
  });
});

describe('safeUrl', () => {
  it('allows http(s), mailto and same-page anchors for links, only http(s) for images', () => {
    expect(safeUrl('mailto:a@e.example', BASE, 'link')).toBe('mailto:a@e.example');
    expect(safeUrl('mailto:a@e.example', BASE, 'image')).toBeNull();
    expect(safeUrl('#notes', BASE, 'link')).toBe('#notes');
    expect(safeUrl('//cdn.example/p.jpg', BASE, 'image')).toBe('https://cdn.example/p.jpg');
    expect(safeUrl('blob:https://e.example/1', BASE, 'image')).toBeNull();
  });

  it('keeps file: addresses only for a page read from disk', () => {
    expect(safeUrl('pic.png', 'file:///home/me/page.html', 'image')).toBe('file:///home/me/pic.png');
    expect(safeUrl('file:///etc/passwd', BASE, 'link')).toBeNull();
  });
});
