import { absolutizeUrls } from '../core/extract/absolutize';
import { extract } from '../core/extract/extract';
import { resolveLazyImages } from '../core/extract/lazy-images';
import { errorMessage, isCaptureError } from '../core/shared/errors';
import { purifyCapture } from '../content/purify';
import type { ExtractedPage } from '../messages';

/**
 * A fetched page's HTML → its capture, where a DOM exists (Chrome's offscreen document, Firefox's
 * background page): parsed inert by DOMParser (no scripts, no loads), addresses made absolute
 * against the page's own, then the same extractor and DOMPurify pass as a capture in a tab.
 */
export function extractHtml(html: string, url: string): ExtractedPage {
  try {
    const prepared = () => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      absolutizeUrls(doc, url);
      resolveLazyImages(doc, url);
      return doc;
    };
    const { capture, imageUrls } = purifyCapture(extract(prepared(), url, { consumeDocument: true, reparse: prepared }));
    return { ok: true, capture, imageUrls };
  } catch (error) {
    return { ok: false, error: { code: isCaptureError(error) ? error.code : 'internal', message: errorMessage(error) } };
  }
}
