import browser from 'webextension-polyfill';
import { CaptureError, isCaptureError } from '../core/errors';
import { whyNotCapturable } from '../core/url';
import type { CaptureOutcome } from '../messages';
import { saveCapture } from '../storage/captures';
import type { CleanCaptureDb } from '../storage/db';
import { showBadge } from './badge';
import { extractInTab } from './inject';

/**
 * Capture one tab: check it can be captured, extract in the page, store (deduplicated), and
 * show progress and the result on the badge. Nothing is stored unless everything succeeded.
 */
export async function captureTab(db: CleanCaptureDb, tabId: number, selection = false): Promise<CaptureOutcome> {
  await showBadge(tabId, 'saving');
  try {
    const tab = await browser.tabs.get(tabId).catch(() => {
      throw new CaptureError('no-tab', 'That tab was closed before it could be saved.');
    });
    const refusal = whyNotCapturable(tab.url);
    if (refusal) throw refusal;
    const result = await extractInTab(tabId, tab.url, { selection });
    if (!result.ok) throw new CaptureError(result.error.code, result.error.message);
    const saved = await saveCapture(db, result.capture).catch((error: unknown) => {
      throw new CaptureError('storage-failed', `Saving failed: the browser's storage refused it (${(error as Error)?.name ?? 'error'}). Your library was not changed.`);
    });
    await showBadge(tabId, saved.status);
    return { status: saved.status, id: saved.record.id!, title: saved.record.title };
  } catch (error) {
    const failure = isCaptureError(error) ? error : new CaptureError('internal', `Saving failed: ${(error as Error)?.message ?? error}`);
    await showBadge(tabId, 'failed', failure.message);
    throw failure;
  }
}
