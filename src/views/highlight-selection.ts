import type { TextAnchor } from '../core/highlights/highlight';
import { describePassage } from '../core/highlights/quote-selector';

/**
 * The reader's selection as W3C selectors on the article body's text (its textContent): the
 * offsets come from Range.toString() of the text before it, which counts exactly the text nodes
 * textContent does. A selection that runs past the article body is cut to it. Null when nothing
 * of the body is selected.
 */
export function selectedPassage(body: Element): TextAnchor | null {
  const selection = body.ownerDocument.getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
  const range = selection.getRangeAt(0).cloneRange();
  if (!range.intersectsNode(body)) return null;
  if (!body.contains(range.startContainer)) range.setStart(body, 0);
  if (!body.contains(range.endContainer)) range.setEnd(body, body.childNodes.length);
  const selected = range.toString();
  if (!selected.trim()) return null;
  const before = body.ownerDocument.createRange();
  before.setStart(body, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return describePassage(body.textContent ?? '', start, start + selected.length);
}

/** Where to show a bar for the selection (viewport coordinates), or null. */
export function selectionRect(): DOMRect | null {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
  const rect = selection.getRangeAt(0).getBoundingClientRect();
  return rect.width || rect.height ? rect : null;
}
