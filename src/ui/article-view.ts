import DOMPurify, { type Config } from 'dompurify';
import type { CaptureRecord } from '../storage/db';
import { displayDate, siteOf } from './format';

/**
 * The reader, shared by the popup and the full-tab page. Stored HTML is untrusted: it is
 * sanitized again here with DOMPurify (allow-list, no forms/iframes/handlers) before rendering.
 */
const PURIFY_CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: [
    'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd',
    'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5',
    'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's',
    'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
    'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr', 'section',
  ],
  ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'start', 'reversed', 'value', 'datetime', 'cite', 'open', 'class', 'lang', 'dir', 'span'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

export function renderArticle(target: HTMLElement, record: CaptureRecord): void {
  target.replaceChildren();
  if (record.lang) target.lang = record.lang;
  if (record.dir) target.dir = record.dir;

  const header = el('header', 'article-header');
  header.append(el('h1', 'article-title', record.title));
  const facts = el('p', 'article-meta');
  const parts = [
    record.byline,
    siteOf(record),
    displayDate(record.published, true),
    `${record.readingMinutes} min read`,
  ].filter((x): x is string => !!x);
  facts.textContent = parts.join(' · ');
  header.append(facts);
  const source = el('a', 'article-source', 'Original page ↗');
  source.href = record.url;
  source.target = '_blank';
  source.rel = 'noopener noreferrer';
  header.append(source);
  if (record.selectionOnly) header.append(el('p', 'article-note', 'Saved selection (part of the page).'));

  const body = el('div', 'article-body');
  body.append(DOMPurify.sanitize(record.contentHtml, PURIFY_CONFIG));
  for (const link of body.querySelectorAll('a[href]')) {
    if (link.getAttribute('href')?.startsWith('#')) continue;
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
  // Offline or gone: show the description instead of a broken-image icon.
  for (const img of body.querySelectorAll('img')) {
    img.loading = 'lazy';
    img.addEventListener('error', () => {
      const alt = img.getAttribute('alt');
      if (alt) img.replaceWith(el('span', 'missing-image', `[Image: ${alt}]`));
      else img.remove();
    });
  }
  target.append(header, body);
}
