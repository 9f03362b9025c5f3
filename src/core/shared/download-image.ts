import { bytesToBase64 } from './base64';
import { formatBytes } from './format-bytes';
import { errorMessage } from './errors';

/**
 * Why a download failed, for the caller deciding whether another way may work: `blocked` is a
 * network error (most often CORS: the server does not let this origin read the image), `status`
 * an HTTP error, `too-big` and `timeout` what they say.
 */
export type DownloadFailure = 'blocked' | 'status' | 'too-big' | 'timeout';

/**
 * One image's bytes, or why not. Bytes travel as base64 because scripting.executeScript results
 * must be JSON-serializable.
 */
export type FetchedImage = { ok: true; type: string; bytes: number; base64: string } | { ok: false; error: string; failure?: DownloadFailure; status?: number };

const TIMEOUT_MS = 20_000;

/** Recorded for an image neither the page nor the extension may download (issue 13). */
export const NO_HOST_ACCESS =
  "Not kept: the image's server does not let other sites download it. Allow Clean Capture to download article images from other sites (in the popup or Options) to keep it.";

/**
 * Download one image with `fetchFn` and `init` (the caller picks credentials and referrer: the
 * page and the background download differently), giving up past `maxBytes` or after 20 s.
 */
export async function downloadImage(fetchFn: typeof fetch, url: string, init: RequestInit, maxBytes: number): Promise<FetchedImage> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetchFn(url, { ...init, signal: controller.signal });
    if (!response.ok) {
      return {
        ok: false,
        failure: 'status',
        status: response.status,
        error: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
      };
    }
    const length = Number(response.headers.get('content-length'));
    if (length > maxBytes) return { ok: false, failure: 'too-big', error: tooBig(length, maxBytes) };
    const bytes = await readCapped(response, maxBytes, controller);
    if (!bytes) return { ok: false, failure: 'too-big', error: tooBig(null, maxBytes) };
    return {
      ok: true,
      type: (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
      bytes: bytes.length,
      base64: bytesToBase64(bytes),
    };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, failure: 'timeout', error: 'The image took too long to download.' };
    return { ok: false, failure: 'blocked', error: `The image could not be downloaded (${errorMessage(error)}).` };
  } finally {
    clearTimeout(timer);
  }
}

function tooBig(length: number | null, max: number): string {
  return `The image is too large to download${length ? ` (${formatBytes(length)})` : ''}; the limit is ${formatBytes(max)}.`;
}

async function readCapped(response: Response, maxBytes: number, controller: AbortController): Promise<Uint8Array | null> {
  if (!response.body) {
    const all = new Uint8Array(await response.arrayBuffer());
    return all.length > maxBytes ? null : all;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      controller.abort();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
