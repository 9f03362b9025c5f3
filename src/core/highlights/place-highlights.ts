import type { Highlight } from './highlight';
import { locateQuote, type Placement } from './locate-quote';
import { markPassage } from './mark-passages';

export interface PlacedHighlights<H extends Highlight> {
  placed: Array<{ highlight: H; placement: Placement; marks: Element[] }>;
  /** Highlights whose passage is no longer in the text: kept and listed, never dropped. */
  orphans: H[];
}

/**
 * Find and mark every highlight in `root` (the article body as shown or exported), oldest first so
 * a newer highlight over an older one nests inside it. `makeMark` builds one piece's element.
 */
export function placeHighlights<H extends Highlight>(
  root: Element,
  highlights: readonly H[],
  makeMark: (highlight: H, last: boolean) => Element,
): PlacedHighlights<H> {
  const text = root.textContent ?? '';
  const result: PlacedHighlights<H> = { placed: [], orphans: [] };
  const ordered = [...highlights].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const highlight of ordered) {
    const placement = locateQuote(text, highlight);
    if (!placement) {
      result.orphans.push(highlight);
      continue;
    }
    const marks = markPassage(root, placement, (last) => makeMark(highlight, last));
    if (marks.length) result.placed.push({ highlight, placement, marks });
    else result.orphans.push(highlight);
  }
  return result;
}
