import type { ImportHighlight } from '../import/import-item';
import { DEFAULT_HIGHLIGHT_COLOR, MAX_NOTE_CHARS, MAX_QUOTE_CHARS, type HighlightColor, type TextAnchor } from './highlight';
import { locateQuote } from './locate-quote';
import { describePassage } from './quote-selector';

/** A highlight another service exported, anchored on the saved article's text and ready to store. */
export interface AnchoredImport extends TextAnchor {
  color: HighlightColor;
  note: string;
  createdAt: string;
  /** True when the quote is not in the article's text: stored as an orphan, listed, never dropped. */
  orphan: boolean;
}

/**
 * Turn an export's highlights (Omnivore's `highlights/<slug>.md`, wallabag's annotations) into
 * highlights anchored the same way as one made in the reader (issue #16): the quote is looked up
 * in `articleText` (exactly, else fuzzily when the other service's text differs a little) and the
 * passage found there gives the TextQuoteSelector and the position hint. A quote that is not
 * there keeps its own words with no context: the reader lists it as an orphan. `fallbackTime` is
 * used when the export does not say when a highlight was made (Omnivore's Markdown does not).
 */
export function anchorImportedHighlights(articleText: string, highlights: readonly ImportHighlight[], fallbackTime: string): AnchoredImport[] {
  const anchored: AnchoredImport[] = [];
  for (const h of highlights) {
    const quote = h.quote.slice(0, MAX_QUOTE_CHARS);
    if (!quote.trim()) continue;
    const common = { color: DEFAULT_HIGHLIGHT_COLOR, note: (h.note ?? '').slice(0, MAX_NOTE_CHARS), createdAt: validTime(h.createdAt) ?? fallbackTime };
    const placement = locateQuote(articleText, { exact: quote, prefix: '', suffix: '' });
    if (placement) anchored.push({ ...describePassage(articleText, placement.start, placement.end), ...common, orphan: false });
    else anchored.push({ exact: quote, prefix: '', suffix: '', ...common, orphan: true });
  }
  return anchored;
}

function validTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
