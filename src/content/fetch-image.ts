import { downloadImage, type FetchedImage } from '../core/shared/download-image';

/**
 * Fetch one image from the page (so the site's cookies and referrer policy apply, as when the
 * page showed it; the browser cache usually has it). Gives up past `maxBytes`.
 *
 * Credentials first, so an image behind the site's cookies comes as the page showed it. A server
 * answering `Access-Control-Allow-Origin: *` (most CDNs) refuses a credentialed request, so a
 * blocked cross-origin download is tried once more without cookies (issue 13). A server that
 * sends no CORS header at all refuses both: the background may then fetch it (with host access).
 */
export async function fetchImageInPage(url: string, maxBytes: number): Promise<FetchedImage> {
  const init: RequestInit = { cache: 'force-cache', referrer: location.href };
  const first = await downloadImage(fetch, url, { ...init, credentials: 'include' }, maxBytes);
  if (first.ok || first.failure !== 'blocked' || sameOrigin(url)) return first;
  const second = await downloadImage(fetch, url, { ...init, credentials: 'omit' }, maxBytes);
  if (second.ok || second.failure !== 'blocked') return second;
  return { ok: false, failure: 'blocked', error: "The image's server does not let other sites download it." };
}

function sameOrigin(url: string): boolean {
  try {
    return new URL(url, location.href).origin === location.origin;
  } catch {
    return false;
  }
}
