import { downloadImage, type FetchedImage } from '../core/shared/download-image';
import { hasHostAccess } from '../platform/host-access';
import { withReferer } from '../platform/referer-rule';
import { fetchImageInTab } from './inject';
import { fallbackFetcher, type ImageFetcher } from './image-fallback';

/**
 * Issue 13: images from any origin. Each image is fetched in the page first (its cookies, cache
 * and referrer apply). When the page may not read it (a cross-origin server with no CORS header,
 * or one refusing the page's request), the background fetches it, which no CORS rule limits,
 * provided the user gave host access for the image's site (optional_host_permissions); otherwise
 * the reason is recorded and counted so the popup can offer the grant (image-fallback.ts).
 */
export function imageFetcher(tabId: number, pageUrl: string | undefined): ImageFetcher {
  return fallbackFetcher({
    inPage: (url, maxBytes) => fetchImageInTab(tabId, url, maxBytes),
    hasAccess: (pattern) => hasHostAccess([pattern]),
    direct: (url, maxBytes) => fetchImageInBackground(url, pageUrl, maxBytes),
  });
}

/**
 * The background's own download: with host access no CORS rule applies. Cookies go along as when
 * the page showed the image. The page's origin goes as Referer, as the page's own request sent it
 * (default policy `strict-origin-when-cross-origin`), for image servers that refuse other
 * referrers: Firefox takes fetch()'s `referrer`, Chromium a session rule (withReferer).
 */
export function fetchImageInBackground(url: string, pageUrl: string | undefined, maxBytes: number): Promise<FetchedImage> {
  const referer = pageReferer(pageUrl);
  const download = () => downloadImage(fetch, url, { credentials: 'include', cache: 'force-cache', ...(referer ? { referrer: referer } : {}) }, maxBytes);
  return referer ? withReferer(url, referer, download) : download();
}

/** `https://site.example/` for an http(s) page; none for others (a file: page sends none). */
function pageReferer(pageUrl: string | undefined): string | null {
  try {
    const page = new URL(pageUrl ?? '');
    return page.protocol === 'http:' || page.protocol === 'https:' ? `${page.origin}/` : null;
  } catch {
    return null;
  }
}
