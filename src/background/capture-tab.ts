import browser from 'webextension-polyfill';
import { CaptureError, isCaptureError } from '../core/errors';
import { whyNotCapturable } from '../core/url';
import type { CaptureOutcome } from '../messages';
import { saveCapture } from '../storage/captures';
import type { CleanCaptureDb } from '../storage/db';
import { storageFailure } from '../storage/quota';
import { showBadge } from './badge';
import { extractInTab } from './inject';
import { markTab } from './saved-icon';
import { siteKeyOf } from '../core/search-index';

/**
 * A capture of a tab already running: a double click, the shortcut pressed during a capture, or
 * the popup opening meanwhile join it instead of extracting twice (the save itself is one
 * transaction anyway, so two tabs of one page also end as one record).
 */
const inFlight = new Map<string, Promise<CaptureOutcome>>();

export function captureTab(db: CleanCaptureDb, tabId: number, selection = false): Promise<CaptureOutcome> {
  const key = `${tabId}:${selection}`;
  const running = inFlight.get(key);
  if (running) return running;
  const started = runCapture(db, tabId, selection).finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}

/**
 * Capture one tab: check it can be captured, extract in the page, store (deduplicated), and
 * show progress and the result on the badge. Nothing is stored unless everything succeeded.
 */
async function runCapture(db: CleanCaptureDb, tabId: number, selection: boolean): Promise<CaptureOutcome> {
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
      throw new CaptureError('storage-failed', storageFailure(error));
    });
    await markTab(tabId, true);
    await showBadge(tabId, saved.status);
    const peer = saved.sameStoryAs;
    return {
      status: saved.status,
      id: saved.record.id!,
      title: saved.record.title,
      sameStoryAs: peer ? { id: peer.id!, title: peer.title, site: peer.siteName ?? siteKeyOf(peer) } : null,
    };
  } catch (error) {
    const failure = isCaptureError(error) ? error : new CaptureError('internal', `Saving failed: ${(error as Error)?.message ?? error}`);
    await showBadge(tabId, 'failed', failure.message);
    throw failure;
  }
}
