import { FETCH_TIMEOUT_MS, failureOfResponse, isRetryable, timeoutFailure, unreachableFailure, type ImportFailure } from '../core/import/fetch-policy';
import { bytesToBase64 } from '../core/shared/base64';
import { errorMessage } from '../core/shared/errors';
import type { FetchedImage } from '../content-protocol';

/** One try at a queued page: its HTML, a "come back later" (429 / 5xx), or why it failed. */
export type PageFetch =
  { kind: 'page'; html: string; url: string } | { kind: 'retry'; status: number; retryAfter: string | null } | { kind: 'failed'; failure: ImportFailure };

/**
 * Fetch a page to import from the background (the optional host grant lets it read other sites;
 * no cookies are sent, so a page behind a login comes back as the login page and is reported so).
 * The body is decoded by its declared charset (header, then <meta>), UTF-8 otherwise.
 */
export async function fetchForImport(url: string): Promise<PageFetch> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    if ((error as Error)?.name === 'TimeoutError') return { kind: 'failed', failure: timeoutFailure() };
    return { kind: 'retry', status: 0, retryAfter: null };
  }
  if (isRetryable(response.status)) return { kind: 'retry', status: response.status, retryAfter: response.headers.get('retry-after') };
  const contentType = response.headers.get('content-type') ?? '';
  const failure = failureOfResponse(response.status, contentType, response.url || url, url);
  if (failure) return { kind: 'failed', failure };
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { kind: 'page', html: decode(bytes, contentType), url: response.url || url };
  } catch (error) {
    return { kind: 'failed', failure: (error as Error)?.name === 'TimeoutError' ? timeoutFailure() : unreachableFailure(errorMessage(error)) };
  }
}

function decode(bytes: Uint8Array, contentType: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label = /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** An imported article's image, fetched by the background (as the page would for a normal save). */
export async function fetchImageForImport(url: string, maxBytes: number): Promise<FetchedImage> {
  try {
    const response = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) return { ok: false, error: `The image could not be downloaded (${response.status}).` };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > maxBytes) return { ok: false, error: 'The image is too large to keep.' };
    return { ok: true, type: response.headers.get('content-type') ?? '', bytes: bytes.length, base64: bytesToBase64(bytes) };
  } catch (error) {
    return { ok: false, error: `The image could not be downloaded (${errorMessage(error)}).` };
  }
}
