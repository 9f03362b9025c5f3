/* What the specs share: the seed article's expectations and a few steps in the popup. */
import { readFileSync } from 'node:fs';
import type { Reply } from '../../src/messages';
import type { ExtensionPage, Harness } from './harness/harness';

/** The seed article as it must come out (tests/fixtures/seed/expected.json). */
export const expected: { title: string; paragraphs: string[]; mustNotContain: string[] } = JSON.parse(
  readFileSync(new URL('../fixtures/seed/expected.json', import.meta.url), 'utf8'),
);

/** The seed article, changed at the same address. */
export const UPDATED_SEED = new URL('../fixtures/dedupe/chinanews-harper-jack-ma-updated.html', import.meta.url);

/**
 * Open the popup for a tab and return its status line, white space folded. `popup.html?tab=<id>`
 * saves that tab exactly as the toolbar popup saves the current one (automation cannot click the
 * toolbar button).
 */
export async function statusForTab(popup: ExtensionPage, tabId: number): Promise<string> {
  await popup.goto(`popup.html?tab=${tabId}`, '#status[data-kind="ok"], #status[data-kind="error"]');
  return (await popup.text('#status')).replace(/\s+/g, ' ').trim();
}

/** The titles of the library list's rows, top first. */
export const rowTitles = (popup: ExtensionPage) => popup.evalAll('#list .row .row-title', (rows) => rows.map((r) => r.textContent));

export const waitForRows = (popup: ExtensionPage, n: number) => popup.waitUntil((count) => document.querySelectorAll('#list .row').length === count, n);

/** The toolbar button's tooltip on a tab ("Clean Capture: saved", "Save article (Clean Capture)"…). */
export const toolbarTitle = (h: Harness, tabId: number) => h.api((api, id) => api.action.getTitle({ tabId: id }), tabId);

/** The value of a reply the test has checked is `ok` (a typed way past the check). */
export function valueOf<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}
