import browser, { type Scripting } from 'webextension-polyfill';
import { CONTENT_ENTRY, IMAGE_ENTRY, type ContentOptions, type ContentResult, type FetchedImage } from '../content-protocol';
import { CaptureError, errorMessage, notHtml } from '../core/shared/errors';

/** Turn the browser's injection refusals into sentences that say what to do. */
function injectionError(error: unknown, url: string | undefined): CaptureError {
  const message = errorMessage(error);
  if (/gallery|webstore|addons\.mozilla/i.test(message)) {
    return new CaptureError('restricted-page', "The browser doesn't let extensions read extension-store pages, so this page can't be saved.");
  }
  if (url && /\.pdf([?#]|$)/i.test(url)) return notHtml('application/pdf');
  if (/Cannot access a (chrome|about|edge)|chrome:\/\/|about:|moz-extension|chrome-extension/i.test(message)) {
    return new CaptureError('restricted-page', "Browser pages can't be saved. Open an article on the web and try again.");
  }
  if (/No tab with id|Invalid tab/i.test(message)) {
    return new CaptureError('no-tab', 'That tab was closed before it could be saved.');
  }
  if (/Frame with ID 0 was removed|navigat/i.test(message)) {
    return new CaptureError('page-unreachable', 'The page changed while it was being saved. Wait for it to finish loading and try again.');
  }
  return new CaptureError(
    'no-permission',
    'Clean Capture can only read a page after you use its toolbar button, shortcut (Alt+Shift+S) or menu on that page. Do that and try again.',
  );
}

/** Run the content script's extractor in the tab's top frame and return its result. */
export async function extractInTab(tabId: number, url: string | undefined, options: ContentOptions): Promise<ContentResult> {
  try {
    // injectImmediately: a page still loading (a slow ad, a stream that never ends) would otherwise
    // hold the capture until document_idle, possibly for ever; we read the article as far as it has come.
    await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'], injectImmediately: true } as Scripting.ScriptInjection);
    const [first] = await browser.scripting.executeScript({
      target: { tabId },
      injectImmediately: true,
      func: (entry: string, opts: ContentOptions) => (globalThis as unknown as Record<string, (o: ContentOptions) => unknown>)[entry]!(opts),
      args: [CONTENT_ENTRY, options],
    });
    const result = first?.result as ContentResult | undefined;
    if (!result) throw new Error('navigated: no result from the page');
    return result;
  } catch (error) {
    throw injectionError(error, url);
  }
}

/**
 * Fetch one image in the tab's page (content.js is already there from the extraction), so the
 * page's cookies and referrer rules apply. Bytes come back as base64 (results are JSON).
 */
export async function fetchImageInTab(tabId: number, url: string, maxBytes: number): Promise<FetchedImage> {
  try {
    const [first] = await browser.scripting.executeScript({
      target: { tabId },
      injectImmediately: true,
      func: (entry: string, address: string, max: number) => (globalThis as unknown as Record<string, (u: string, m: number) => unknown>)[entry]!(address, max),
      args: [IMAGE_ENTRY, url, maxBytes],
    });
    const result = first?.result as FetchedImage | undefined;
    return result ?? { ok: false, error: 'The page went away before the image was downloaded.' };
  } catch (error) {
    return { ok: false, error: `The page went away before the image was downloaded (${errorMessage(error)}).` };
  }
}
