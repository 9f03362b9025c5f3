import { downloadImage, NO_HOST_ACCESS, type FetchedImage } from '../core/shared/download-image';
import { hostPattern } from '../core/library/host-patterns';
import { hasHostAccess } from '../platform/host-access';
import { withReferer } from '../platform/referer-rule';
import { fetchImageInTab } from './inject';
import type { FetchImage } from './store-images';

/** Statuses a server gives to a download it refuses from elsewhere (hotlink protection): worth another way. */
const REFUSED = new Set([401, 403]);

/** How the capture's images are fetched, and how many failed only for want of host access. */
export interface ImageFetcher {
  fetch: FetchImage;
  /** Images the page could not download and the extension may not (no host access for their site). */
  readonly needHostAccess: number;
}

/**
 * Issue 13: images from any origin. Each image is fetched in the page first (its cookies, cache
 * and referrer apply). When the page may not read it (a cross-origin server with no CORS header,
 * or one refusing the page's request), the background fetches it, which no CORS rule limits,
 * provided the user gave host access for the image's site (optional_host_permissions); otherwise
 * the reason is recorded and counted so the popup can offer the grant.
 */
export function imageFetcher(tabId: number, pageUrl: string | undefined): ImageFetcher {
  let needHostAccess = 0;
  return {
    get needHostAccess() {
      return needHostAccess;
    },
    fetch: async (url, maxBytes) => {
      const inPage = await fetchImageInTab(tabId, url, maxBytes);
      if (inPage.ok || !worthAnotherWay(inPage)) return inPage;
      const pattern = hostPattern(url);
      if (!pattern || !(await hasHostAccess([pattern]))) {
        needHostAccess++;
        return { ok: false, failure: inPage.failure, error: NO_HOST_ACCESS };
      }
      const direct = await fetchImageInBackground(url, pageUrl, maxBytes);
      if (direct.ok) return direct;
      return { ...direct, error: `${direct.error} (From the page: ${inPage.error})` };
    },
  };
}

function worthAnotherWay(failed: Extract<FetchedImage, { ok: false }>): boolean {
  return failed.failure === 'blocked' || (failed.failure === 'status' && REFUSED.has(failed.status ?? 0));
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
