import { ARTICLE_TAGS } from './article-tags';

/**
 * Allow-list sanitizer that works on any DOM (live page, linkedom, jsdom): captured HTML is
 * untrusted. Elements outside the list are unwrapped (their text kept) or, for active content,
 * dropped whole. Browser contexts run DOMPurify on top of this at render time.
 */

/**
 * Dropped whole, with their text. <form> and <fieldset> are not here: they are unwrapped like any
 * unknown element, because older sites (ASP.NET pages above all) wrap the whole page, article
 * included, in one form; its controls are dropped.
 */
const DROP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'FRAME',
  'FRAMESET',
  'OBJECT',
  'EMBED',
  'APPLET',
  'INPUT',
  'BUTTON',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'LABEL',
  'SVG',
  'MATH',
  'CANVAS',
  'AUDIO',
  'VIDEO',
  'SOURCE',
  'TRACK',
  'LINK',
  'META',
  'BASE',
  'HEAD',
  'TITLE',
  'DIALOG',
  'PORTAL',
  'NAV',
]);

const KEEP = new Set(ARTICLE_TAGS.map((tag) => tag.toUpperCase()));

const GLOBAL_ATTRS = new Set(['lang', 'dir', 'title']);
const ATTRS: Record<string, Set<string>> = {
  A: new Set(['href']),
  IMG: new Set(['src', 'alt', 'width', 'height']),
  TD: new Set(['colspan', 'rowspan']),
  TH: new Set(['colspan', 'rowspan', 'scope']),
  COL: new Set(['span']),
  COLGROUP: new Set(['span']),
  OL: new Set(['start', 'reversed', 'type']),
  LI: new Set(['value']),
  TIME: new Set(['datetime']),
  BLOCKQUOTE: new Set(['cite']),
  Q: new Set(['cite']),
  DETAILS: new Set(['open']),
  CODE: new Set(['class']),
  PRE: new Set(['class']),
};

/** Absolute http(s)/mailto links and same-page anchors only; anything else (javascript:, data:) goes. */
export function safeUrl(value: string, base: string, kind: 'link' | 'image'): string | null {
  const trimmed = value.trim();
  if (kind === 'link' && trimmed.startsWith('#')) return trimmed;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    // A page saved to disk (CLI without --url) keeps its local images and links.
    if (url.protocol === 'file:' && base.startsWith('file:')) return url.href;
    if (kind === 'link' && url.protocol === 'mailto:') return url.href;
  } catch {
    // unparsable: dropped below
  }
  return null;
}

function cleanAttributes(el: Element, base: string): void {
  // Most elements have none; reading `attributes` builds a Proxy per call in linkedom.
  if (!el.hasAttributes()) return;
  const allowed = ATTRS[el.tagName];
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase();
    if (!GLOBAL_ATTRS.has(name) && !allowed?.has(name)) {
      el.removeAttribute(attr.name);
      continue;
    }
    if (name === 'href' || name === 'src' || name === 'cite') {
      const safe = safeUrl(attr.value, base, name === 'src' ? 'image' : 'link');
      if (safe) el.setAttribute(name, safe);
      else el.removeAttribute(attr.name);
    }
    // Only a code language survives as a class (it drives fenced-code export).
    if (name === 'class') {
      const lang = /(?:^|\s)(?:language|lang)-([\w+#-]+)/.exec(attr.value)?.[1];
      if (lang) el.setAttribute('class', `language-${lang}`);
      else el.removeAttribute('class');
    }
  }
}

/** Containers that mean nothing once empty (after their furniture was removed). */
const EMPTY_DROPS = new Set([
  'P',
  'DIV',
  'SPAN',
  'SECTION',
  'FIGURE',
  'FIGCAPTION',
  'LI',
  'UL',
  'OL',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'A',
  'B',
  'I',
  'EM',
  'STRONG',
]);

const INLINE = new Set(['SPAN', 'A', 'B', 'I', 'EM', 'STRONG']);

/** Children already cleaned: empty when no text and no image, rule or table is left. */
function isEmpty(el: Element): boolean {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && /\S/.test((child as Text).data)) return false;
    if (child.nodeType === 1) {
      const tag = (child as Element).tagName.toUpperCase();
      if (tag === 'IMG' || tag === 'HR' || tag === 'TABLE' || tag === 'BR' || tag === 'PRE') return false;
      if (!EMPTY_DROPS.has(tag) || !isEmpty(child as Element)) return false;
    }
  }
  return true;
}

/** Sanitize the subtree of `root` in place; `root` itself is kept; empty containers go. */
export function sanitizeTree(root: Element, base: string): void {
  const walk = (parent: Element) => {
    for (let child = parent.firstChild; child;) {
      const next = child.nextSibling;
      if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.tagName.toUpperCase();
        if (DROP.has(tag)) {
          el.remove();
        } else if (!KEEP.has(tag)) {
          walk(el);
          while (el.firstChild) parent.insertBefore(el.firstChild, el);
          el.remove();
        } else {
          cleanAttributes(el, base);
          if (tag === 'IMG' && !el.getAttribute('src')) el.remove();
          else {
            walk(el);
            if (EMPTY_DROPS.has(tag) && isEmpty(el)) {
              // An inline element may hold the only space between two words ("located<span> </span>near").
              if (INLINE.has(tag) && el.textContent) el.replaceWith(el.ownerDocument.createTextNode(' '));
              else el.remove();
            }
          }
        }
      } else if (child.nodeType !== 3) {
        child.remove(); // comments, processing instructions
      }
      child = next;
    }
  };
  walk(root);
}
