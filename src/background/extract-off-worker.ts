import browser from 'webextension-polyfill';
import type { ExtractedPage, OffscreenExtractRequest } from '../messages';
import { extractHtml } from '../offscreen/extract-html';

/**
 * Extract a fetched page where a DOM exists (issue #15). Firefox's background is an event page
 * with a DOM: done here. Chrome's service worker has none: done in an offscreen document, made on
 * first use (feature detection, not a browser check).
 */
export async function extractOffWorker(html: string, url: string): Promise<ExtractedPage> {
  if (typeof DOMParser === 'function') return extractHtml(html, url);
  await ensureOffscreen();
  const request: OffscreenExtractRequest = { target: 'offscreen', html, url };
  return (await browser.runtime.sendMessage(request)) as ExtractedPage;
}

let creating: Promise<void> | null = null;

async function ensureOffscreen(): Promise<void> {
  const offscreen = chrome.offscreen;
  const page = chrome.runtime.getURL('offscreen.html');
  const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType], documentUrls: [page] });
  if (open.length) return;
  // Two pages finishing at once must not both create it (Chrome allows one).
  creating ??= offscreen
    .createDocument({ url: 'offscreen.html', reasons: ['DOM_PARSER' as chrome.offscreen.Reason], justification: 'Extract the articles of imported pages' })
    .finally(() => (creating = null));
  await creating;
}
