import type { Highlight } from '../core/highlights/highlight';
import { unmark } from '../core/highlights/mark-passages';
import { placeHighlights } from '../core/highlights/place-highlights';

const MARK_ATTRIBUTE = 'data-clean-capture-highlight';
/** Inline colours: the page's own style sheets are not ours to extend. */
const COLORS: Record<Highlight['color'], string> = { yellow: '#fff3a3', green: '#c9f2c7', blue: '#cfe6ff', pink: '#ffd1e3' };

/**
 * The article's highlights marked on the live page (issue #16), found by their quotes in the
 * page's text (the page has more around the article than the saved text, so the position hint is
 * not used). Marks from an earlier run are taken off first. Returns how many were marked.
 */
export function paintHighlights(highlights: Highlight[]): number {
  const root = document.body;
  if (!root) return 0;
  unmark(root, `mark[${MARK_ATTRIBUTE}]`);
  const loose = highlights.map(({ start: _s, end: _e, ...rest }) => rest as Highlight);
  const { placed } = placeHighlights(root, loose, (highlight) => {
    const mark = document.createElement('mark');
    mark.setAttribute(MARK_ATTRIBUTE, highlight.id);
    mark.style.backgroundColor = COLORS[highlight.color] ?? COLORS.yellow;
    mark.style.color = 'inherit';
    if (highlight.note) mark.title = highlight.note;
    return mark;
  });
  return placed.length;
}
