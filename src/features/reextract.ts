import { absolutizeUrls } from '../core/extract/absolutize';
import type { Capture } from '../core/shared/capture';
import { extract } from '../core/extract/extract';
import { resolveLazyImages } from '../core/extract/lazy-images';
import { rawHtmlOf } from '../core/extract/raw-page';
import { purifyCapture } from '../content/purify';
import type { CaptureRecord } from '../storage/records';
import { t } from '../platform/i18n';

/**
 * Today's extractor on the page HTML kept with a capture, in an extension page (the background has
 * no DOM). The page is parsed inert (DOMParser: no scripts, no loads), and its addresses are made
 * absolute against the article's URL first (relative ones would resolve against the extension).
 */
export function reextractCapture(record: CaptureRecord): Capture {
  const raw = rawHtmlOf(record as unknown as Record<string, unknown>);
  if (!raw) throw new Error(t('reextractNoPage'));
  const prepared = () => {
    const doc = new DOMParser().parseFromString(raw, 'text/html');
    absolutizeUrls(doc, record.url);
    resolveLazyImages(doc, record.url);
    return doc;
  };
  return purifyCapture(extract(prepared(), record.url, { consumeDocument: true, reparse: prepared })).capture;
}
