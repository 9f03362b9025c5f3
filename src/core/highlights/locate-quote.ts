import search from 'approx-string-match';
import type { TextAnchor } from './highlight';

/** Where a passage was found: offsets in the text searched, and whether the quote had to be matched fuzzily. */
export interface Placement {
  start: number;
  end: number;
  fuzzy: boolean;
}

/**
 * White space is left out of every comparison: the same article's text has a newline between two
 * paragraphs in one place (a page's selection), nothing in another (the reader's DOM) and
 * several in a third (HTML parsed for an export). `map[i]` is where the i-th kept character is.
 */
interface Skeleton {
  chars: string;
  map: number[];
}

function skeletonOf(text: string): Skeleton {
  let chars = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    chars += text[i];
    map.push(i);
  }
  return { chars, map };
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Weights as in the W3C model's usual reading: the quote first, then its context, the position last. */
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/**
 * Find a passage in `text` (issue #16). The quote is looked up exactly first; when it appears more
 * than once the prefix, suffix and position hint pick the right one. When the text changed (a
 * Re-extract, a new version), the quote is matched allowing up to a quarter of its characters to
 * differ, and the context decides between candidates. Null when nothing close enough is there:
 * the highlight is then an orphan, kept and listed, never dropped.
 */
export function locateQuote(text: string, anchor: TextAnchor): Placement | null {
  const quote = squeeze(anchor.exact);
  if (!quote) return null;
  const skeleton = skeletonOf(text);
  const prefix = squeeze(anchor.prefix);
  const suffix = squeeze(anchor.suffix);
  // The position hint, in skeleton coordinates of the text it was made on (close enough here).
  const hint = anchor.start !== undefined ? skeletonIndexNear(skeleton, anchor.start) : undefined;

  const exact = exactMatches(skeleton.chars, quote);
  const candidates = exact.length
    ? exact.map((start) => ({ start, end: start + quote.length, errors: 0 }))
    : search(skeleton.chars, quote, Math.floor(quote.length / 4)).map((m) => ({ start: m.start, end: m.end, errors: m.errors }));
  if (!candidates.length) return null;

  let best: { start: number; end: number; score: number } | null = null;
  for (const c of candidates) {
    const score =
      QUOTE_WEIGHT * (1 - c.errors / quote.length) +
      CONTEXT_WEIGHT * contextLikeness(skeleton.chars.slice(Math.max(0, c.start - prefix.length * 2), c.start), prefix, 'before') +
      CONTEXT_WEIGHT * contextLikeness(skeleton.chars.slice(c.end, c.end + suffix.length * 2), suffix, 'after') +
      POSITION_WEIGHT * (hint === undefined ? 0 : 1 - Math.min(1, Math.abs(c.start - hint) / Math.max(1, skeleton.chars.length)));
    if (!best || score > best.score) best = { start: c.start, end: c.end, score };
  }
  if (!best || best.end <= best.start) return null;
  return { start: skeleton.map[best.start]!, end: skeleton.map[best.end - 1]! + 1, fuzzy: exact.length === 0 };
}

function exactMatches(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** 0..1: how well the text next to a candidate matches the context kept with the quote. */
function contextLikeness(near: string, context: string, side: 'before' | 'after'): number {
  if (!context) return 0.5;
  if (!near) return 0;
  const aligned = side === 'before' ? near.slice(-context.length) : near.slice(0, context.length);
  if (aligned === context) return 1;
  const matches = search(near, context, Math.floor(context.length / 2));
  if (!matches.length) return 0;
  // The closest match must touch the quote's side to count fully.
  const bestErrors = Math.min(...matches.map((m) => m.errors));
  return Math.max(0, 1 - bestErrors / context.length);
}

function skeletonIndexNear(skeleton: Skeleton, offset: number): number {
  // The first kept character at or after `offset` (binary search over the sorted map).
  let lo = 0;
  let hi = skeleton.map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (skeleton.map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
