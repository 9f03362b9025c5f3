import DOMPurify from 'dompurify';
import type { Capture } from '../core/shared/capture';
import { articleImageUrls, purifyToFragment, safeImageUrl } from '../core/extract/purify-config';

/**
 * DOMPurify on the captured article in the page (where a DOM exists), on top of the core's own
 * sanitizer: what is stored is already clean; the reader sanitizes again (issue #6).
 */
export function purifyCapture(capture: Capture): { capture: Capture; imageUrls: string[] } {
  const fragment = purifyToFragment(DOMPurify, capture.contentHtml);
  const holder = document.createElement('div');
  holder.append(fragment);
  const leadUrl = safeImageUrl(capture.leadImage?.url);
  const leadImage = capture.leadImage && leadUrl ? { ...capture.leadImage, url: leadUrl } : null;
  return {
    capture: { ...capture, contentHtml: holder.innerHTML, leadImage },
    imageUrls: articleImageUrls(holder, leadImage?.url),
  };
}
