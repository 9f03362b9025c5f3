import { parseDate } from './dates';
import { attr } from './dom';
import { labelMatches, type PageScan } from './page-scan';
import { collapseWhitespace } from '../shared/text';

/**
 * Bylines and dates written in the page's own text (a byline element, a dateline, a <time>), for
 * pages whose metadata leaves them out. Read before cleanup, which removes those lines.
 */

const BYLINE_CLASS = /(^|[\s_-])(byline|author|authors|writer|reporter|source|dateline|contributor)([\s_-]|$)/i;
const DATE_CLASS = /(^|[\s_-])(date|time|published|pubdate|timestamp|info|meta|dateline|posted)([\s_-]|$)/i;
export const BYLINE_PREFIX = /^\s*(by|source|from|written by|text|author|reporter|von|par|por|da|来源|作者)\s*[:：]?\s+/i;

const ASIDES = new Set(['FOOTER', 'NAV', 'ASIDE']);

/** Inside a footer, nav, aside or comment (or related-stories) block: not this article's line. */
function inAside(el: Element, orRelated: boolean): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) {
    if (ASIDES.has(n.tagName.toUpperCase())) return true;
    const cls = attr(n, 'class');
    if (cls && (cls.includes('comment') || (orRelated && cls.includes('related')))) return true;
  }
  return false;
}

/** Short elements near the headline that look like a byline or source line. */
export function bylineFromPage(scan: PageScan): string | null {
  // Candidates in order of trust: rel=author links, itemprop=author, byline-named elements. They
  // are tried as found, so the page's labels are only matched up to the first byline.
  const relAuthor = (el: Element) => (attr(el, 'rel')?.toLowerCase() === 'author' ? bylineOf(scan, el) : null);
  return (
    firstFound(scan.byTag.get('A') ?? [], relAuthor) ??
    firstFound(scan.byTag.get('LINK') ?? [], relAuthor) ??
    firstFound(scan.itemprops.get('author') ?? [], (el) => bylineOf(scan, el)) ??
    firstFound(scan.labelled, (entry) => (labelMatches(entry, BYLINE_CLASS) ? bylineOf(scan, entry.el) : null))
  );
}

/** The first non-null `read(item)`, reading no further. */
function firstFound<T, R>(items: readonly T[], read: (item: T) => R | null): R | null {
  for (const item of items) {
    const found = read(item);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The element's text when it reads as a byline: short, outside asides, no year, not a sentence,
 * not a dateline. Given as the page writes it ("By Jane Doe"), like Readability's byline; the
 * authors' names are split from it without the "By".
 */
function bylineOf(scan: PageScan, el: Element): string | null {
  if ((scan.textLength.get(el) ?? 0) > 400 || inAside(el, false)) return null;
  const written = collapseWhitespace(el.textContent ?? '');
  const text = written.replace(BYLINE_PREFIX, '');
  return text && text.length <= 80 && !/\d{4}/.test(text) && !/[.!?]\s/.test(text) && !isDateline(text) ? written : null;
}

/**
 * A dateline, not a byline: a place in capitals before a dash ("CAIRO —", "WASHINGTON (AP) -").
 * Readability takes an element named `dateline` for the byline when the page's byline is gone.
 */
export function isDateline(text: string): boolean {
  return /^[\p{Lu}\s.,'’()]+[—–-]\s*$/u.test(text.trim()) && /\p{Lu}{2}/u.test(text);
}

/** A date written in the page's text near the headline (dateline / info line). */
export function dateFromPageText(scan: PageScan): { date: string; text: string } | null {
  // Date-named elements, then <time>s, tried as found (labels matched only up to the first date).
  return (
    firstFound(scan.labelled, (entry) => (labelMatches(entry, DATE_CLASS) ? dateOf(scan, entry.el) : null)) ??
    firstFound(scan.byTag.get('TIME') ?? [], (el) => dateOf(scan, el))
  );
}

function dateOf(scan: PageScan, el: Element): { date: string; text: string } | null {
  if ((scan.textLength.get(el) ?? 0) > 600 || inAside(el, true)) return null;
  const text = collapseWhitespace(el.textContent ?? '');
  if (!text || text.length > 200) return null;
  const date = parseDate(text);
  return date ? { date, text } : null;
}

/** schema.org itemprop dates first, then <time pubdate>, then the first <time datetime>. */
export function timeElementDate(scan: PageScan, kind: 'published' | 'modified'): string | null {
  const prop = scan.itemprops.get(kind === 'published' ? 'datepublished' : 'datemodified') ?? [];
  for (const el of prop) {
    const date = parseDate(attr(el, 'datetime') ?? attr(el, 'content') ?? (el.tagName === 'TIME' ? el.textContent : null));
    if (date) return date;
  }
  if (kind === 'modified') return null;
  const times = scan.byTag.get('TIME') ?? [];
  const time = times.find((t) => t.hasAttribute('pubdate') && attr(t, 'datetime')) ?? times.find((t) => attr(t, 'datetime'));
  return time ? parseDate(attr(time, 'datetime')) : null;
}
