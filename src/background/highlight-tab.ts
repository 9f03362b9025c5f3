import browser, { type Scripting } from 'webextension-polyfill';
import { PAINT_ENTRY, type PageSelection } from '../content-protocol';
import { CaptureError } from '../core/shared/errors';
import type { CleanCaptureDb } from '../storage/db';
import { highlightsOf } from '../storage/highlight-queries';
import { addHighlight } from '../storage/highlights';
import { captureTab } from './capture-tab';

/**
 * The page's selection as W3C selectors. Runs in the page (serialized by executeScript: nothing
 * from outside). The context is read from the text nodes around the range, like the reader does.
 */
function readSelection(): PageSelection {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
  const range = selection.getRangeAt(0);
  const exact = range.toString();
  if (!exact.trim()) return null;
  const before = document.createRange();
  before.setStart(document.body, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const after = document.createRange();
  after.setStart(range.endContainer, range.endOffset);
  after.setEnd(document.body, document.body.childNodes.length);
  return { exact, prefix: before.toString().slice(-64), suffix: after.toString().slice(0, 64) };
}

/**
 * "Highlight selection" on a live page (issue #16): the selection is read first (saving can take
 * a while and the user may click elsewhere), then the page is saved if it is not in the library
 * (an already saved page answers at once), the highlight recorded, and the page's marks shown.
 */
export async function highlightSelectionInTab(db: CleanCaptureDb, tabId: number): Promise<{ captureId: number; id: string }> {
  const [first] = await browser.scripting.executeScript({ target: { tabId }, func: readSelection }).catch(() => {
    throw new CaptureError(
      'no-permission',
      'Clean Capture can only read a page after you use its toolbar button, shortcut (Alt+Shift+S) or menu on that page. Do that and try again.',
    );
  });
  const selected = first?.result as PageSelection | undefined;
  if (!selected) throw new CaptureError('bad-input', 'Nothing is selected. Select the passage to highlight, then use "Highlight selection".');
  const outcome = await captureTab(db, tabId);
  const highlight = await addHighlight(db, { captureId: outcome.id, ...selected });
  await showHighlightsInTab(db, tabId, outcome.id);
  return { captureId: outcome.id, id: highlight.id };
}

/**
 * Mark an article's highlights on its live page, after a capture or a new highlight: the content
 * script is there then (it runs only when asked, so marks come back when the user saves or
 * highlights on a page opened later). A page that cannot be reached just shows no marks.
 */
export async function showHighlightsInTab(db: CleanCaptureDb, tabId: number, captureId: number): Promise<void> {
  const highlights = await highlightsOf(db, captureId);
  if (!highlights.length) return;
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'], injectImmediately: true } as Scripting.ScriptInjection);
    await browser.scripting.executeScript({
      target: { tabId },
      func: (entry: string, list: unknown) => (globalThis as unknown as Record<string, (l: unknown) => unknown>)[entry]!(list),
      args: [PAINT_ENTRY, highlights],
    });
  } catch {
    // The tab navigated away or closed: nothing to show.
  }
}
