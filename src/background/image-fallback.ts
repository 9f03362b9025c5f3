import { NO_HOST_ACCESS, type FetchedImage } from '../core/shared/download-image';
import { hostPattern } from '../core/library/host-patterns';

/** Statuses a server gives to a download it refuses from elsewhere (hotlink protection): worth another way. */
const REFUSED = new Set([401, 403]);

/** The ways to an image, passed in (the browser calls live in fetch-image-anywhere.ts). */
export interface ImageRoutes {
  /** Download in the page (its cookies, cache and referrer). */
  inPage(url: string, maxBytes: number): Promise<FetchedImage>;
  /** Whether the extension holds host access for this match pattern. */
  hasAccess(pattern: string): Promise<boolean>;
  /** Download from the background (no CORS limit where it has host access). */
  direct(url: string, maxBytes: number): Promise<FetchedImage>;
}

/** How the capture's images are fetched, and how many failed only for want of host access. */
export interface ImageFetcher {
  fetch(url: string, maxBytes: number): Promise<FetchedImage>;
  /** Images the page could not download and the extension may not (no host access for their site). */
  readonly needHostAccess: number;
}

/**
 * Issue 13: the page first; when the page may not read the image (blocked: CORS, or refused with
 * 401/403) the background, if the user gave host access for the image's site; otherwise the
 * reason says what would keep it, and the image is counted so the popup can offer the grant.
 * An HTTP error, a timeout or a too-large image is the same from anywhere: not tried again.
 */
export function fallbackFetcher(routes: ImageRoutes): ImageFetcher {
  let needHostAccess = 0;
  return {
    get needHostAccess() {
      return needHostAccess;
    },
    async fetch(url, maxBytes) {
      const inPage = await routes.inPage(url, maxBytes);
      if (inPage.ok || !worthAnotherWay(inPage)) return inPage;
      const pattern = hostPattern(url);
      // No host to ask for (not http/https): a grant would change nothing.
      if (!pattern) return inPage;
      if (!(await routes.hasAccess(pattern))) {
        needHostAccess++;
        return { ok: false, ...(inPage.failure ? { failure: inPage.failure } : {}), error: NO_HOST_ACCESS };
      }
      const direct = await routes.direct(url, maxBytes);
      if (direct.ok) return direct;
      return { ...direct, error: `${direct.error} (From the page: ${inPage.error})` };
    },
  };
}

function worthAnotherWay(failed: Extract<FetchedImage, { ok: false }>): boolean {
  return failed.failure === 'blocked' || (failed.failure === 'status' && REFUSED.has(failed.status ?? 0));
}
