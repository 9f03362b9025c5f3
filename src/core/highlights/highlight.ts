/**
 * A highlight as every context sees it (issue #16): a passage of an article's text, anchored the
 * way the W3C Web Annotation model does it — a TextQuoteSelector (`exact` with some `prefix` and
 * `suffix` around it) and a TextPositionSelector (`start`, `end`) that is only a hint — with a
 * colour and a plain-text note. Types only, no browser API: the reader, the exports, the backup
 * and the CLI share them.
 */

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
export const DEFAULT_HIGHLIGHT_COLOR: HighlightColor = 'yellow';

export function isHighlightColor(value: unknown): value is HighlightColor {
  return typeof value === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(value);
}

/** The W3C TextQuoteSelector and TextPositionSelector of one passage of the article's text. */
export interface TextAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  /** Where the passage was in the text when it was made: a hint to tell repeated quotes apart. */
  start?: number;
  end?: number;
}

export interface Highlight extends TextAnchor {
  /** A UUID: stable across devices, backups and a future sync. */
  id: string;
  captureId: number;
  color: HighlightColor;
  /** Plain text, never HTML: shown with textContent, escaped in every export. */
  note: string;
  createdAt: string;
  updatedAt: string;
}

/** Caps that keep a message, a record and an export reasonable. */
export const MAX_QUOTE_CHARS = 20_000;
export const MAX_NOTE_CHARS = 10_000;
