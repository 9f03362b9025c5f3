import type { Config } from 'dompurify';
import { ARTICLE_TAGS } from './article-tags';

/**
 * The allow-list DOMPurify applies to captured HTML, at capture (content script) and again at
 * render (reader): no scripts, styles, handlers, forms, iframes, SVG/MathML, and only http(s),
 * mailto and same-page links. Blob images are never in stored HTML: the reader swaps them in
 * after sanitizing (issue #6). DOMPurify itself is passed in by the caller (it needs a DOM).
 */
export const PURIFY_CONFIG: Config = {
  ALLOWED_TAGS: [...ARTICLE_TAGS],
  ALLOWED_ATTR: [
    'href',
    'src',
    'alt',
    'title',
    'width',
    'height',
    'colspan',
    'rowspan',
    'scope',
    'start',
    'reversed',
    'value',
    'datetime',
    'cite',
    'open',
    'class',
    'lang',
    'dir',
    'span',
  ],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  FORBID_TAGS: ['style', 'script', 'form', 'iframe', 'svg', 'math', 'base', 'meta', 'link', 'object', 'embed'],
  FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'xlink:href'],
  SANITIZE_DOM: true,
};

/** Absolute http(s) image addresses only (for the lead image, which is not in the HTML). */
export function safeImageUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The distinct http(s) addresses of the images under `root`, then the lead image's. */
export function articleImageUrls(root: ParentNode, leadImageUrl: string | null | undefined): string[] {
  const urls = [...root.querySelectorAll('img')].map((img) => safeImageUrl(img.getAttribute('src')));
  urls.push(safeImageUrl(leadImageUrl));
  return [...new Set(urls.filter((u): u is string => !!u))];
}

/** The part of DOMPurify this module needs (the caller brings DOMPurify bound to its window). */
export interface Purifier {
  sanitize(html: string, config: Config & { RETURN_DOM_FRAGMENT: true }): DocumentFragment;
}

/**
 * Sanitize to a fragment of DOMPurify's inert document. DOMPurify always lets `data:` URIs through
 * on <img> (its DATA_URI_TAGS cannot be narrowed by config), so any src that is not http(s) is
 * removed afterwards: the only non-http image our pages show is a blob we put there ourselves.
 */
export function purifyToFragment(purify: Purifier, html: string): DocumentFragment {
  const fragment = purify.sanitize(html, { ...PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true });
  for (const el of fragment.querySelectorAll('[src]')) {
    if (!/^https?:/i.test(el.getAttribute('src')!.trim())) el.removeAttribute('src');
  }
  return fragment;
}
