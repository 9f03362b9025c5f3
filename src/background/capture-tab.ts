import browser from 'webextension-polyfill';
import { CaptureError, errorMessage, isCaptureError } from '../core/shared/errors';
import { packRawHtml } from '../core/extract/raw-page';
import { whyNotCapturable } from '../core/library/url';
import type { CaptureOutcome, ImagesOutcome } from '../messages';
import { saveCapture } from '../storage/captures';
import type { CleanCaptureDb } from '../storage/db';
import { storageFailure } from '../storage/quota';
import { showBadge } from './badge';
import { extractInTab } from './inject';
import { imageFetcher } from './fetch-image-anywhere';
import { setAwaitingAccess } from './images-awaiting-access';
import { loadSettings } from '../platform/settings-store';
import { storeCaptureImages } from './store-images';
import { markTab } from './saved-icon';
import { siteKeyOf } from '../core/library/search-index';
import { siteDomainOfUrl } from '../core/shared/site-host';

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
    const kept = result.rawHtml ? { ...result.capture, rawHtmlGzip: packRawHtml(result.rawHtml) } : result.capture;
    const saved = await saveCapture(db, kept).catch((error: unknown) => {
      throw new CaptureError('storage-failed', storageFailure(error));
    });
    const id = saved.record.id!;
    await markTab(tabId, true);
    const images = await keepImages(db, tabId, tab.url, id, saved.status, result.imageUrls ?? []);
    await setAwaitingAccess(tabId, Boolean(images?.needHostAccess)).catch(() => {});
    await showBadge(tabId, saved.status);
    const peer = saved.sameStoryAs;
    return {
      status: saved.status,
      id,
      title: saved.record.title,
      sameStoryAs: peer ? { id: peer.id!, title: peer.title, site: peer.siteName || siteDomainOfUrl(peer.url) || siteKeyOf(peer) } : null,
      ...(images ? { images } : {}),
    };
  } catch (error) {
    const failure = isCaptureError(error) ? error : new CaptureError('internal', `Saving failed: ${errorMessage(error)}`);
    await showBadge(tabId, 'failed', failure.message);
    throw failure;
  }
}

/**
 * The article's images, fetched in the page (or, where the page may not and the user allowed it,
 * by the background: issue 13) and stored (issue #6): for a new or changed article,
 * or one saved before all its images could be kept. Runs after the text is saved, so an image problem
 * never costs the article; a failure here is recorded per image.
 */
async function keepImages(
  db: CleanCaptureDb,
  tabId: number,
  pageUrl: string | undefined,
  captureId: number,
  status: CaptureOutcome['status'],
  urls: string[],
): Promise<ImagesOutcome | null> {
  try {
    const settings = await loadSettings();
    if (!settings.keepImages || !urls.length) return null;
    // Saved again unchanged: fetch again only if some image was not kept last time (the site may
    // have been down); images already stored are linked again without being stored twice.
    if (status === 'already-saved') {
      const links = await db.imageLinks.where('captureId').equals(captureId).toArray();
      if (links.length && links.every((l) => l.hash)) return null;
    }
    const fetcher = imageFetcher(tabId, pageUrl);
    const outcome = await storeCaptureImages(db, captureId, urls, settings, fetcher.fetch);
    return fetcher.needHostAccess ? { ...outcome, needHostAccess: fetcher.needHostAccess } : outcome;
  } catch {
    return null;
  }
}
