import type { TextAnchor } from './highlight';

/** How much text around a passage is kept to tell it apart from the same words elsewhere. */
const CONTEXT_CHARS = 32;

/**
 * The selectors of `text[start, end)`: the quote, up to 32 visible characters either side (white
 * space around blocks is counted but not wanted: it differs between the page, the reader and an
 * export), and the position as a hint.
 */
export function describePassage(text: string, start: number, end: number): TextAnchor {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(contextStart(text, start), start),
    suffix: text.slice(end, contextEnd(text, end)),
    start,
    end,
  };
}

function contextStart(text: string, start: number): number {
  let i = start;
  for (let seen = 0; i > 0 && seen < CONTEXT_CHARS; i--) if (!/\s/.test(text[i - 1]!)) seen++;
  return i;
}

function contextEnd(text: string, end: number): number {
  let i = end;
  for (let seen = 0; i < text.length && seen < CONTEXT_CHARS; i++) if (!/\s/.test(text[i]!)) seen++;
  return i;
}
