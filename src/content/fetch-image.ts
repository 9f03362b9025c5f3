import type { FetchedImage } from '../content-protocol';
import { bytesToBase64 } from '../core/shared/base64';
import { formatBytes } from '../core/shared/format-bytes';
import { errorMessage } from '../core/shared/errors';

const TIMEOUT_MS = 20_000;

/**
 * Fetch one image from the page (so the site's cookies and referrer policy apply, as when the
 * page showed it; the browser cache usually has it). Gives up past `maxBytes`. Returns base64
 * because scripting.executeScript results must be JSON-serializable.
 */
export async function fetchImageInPage(url: string, maxBytes: number): Promise<FetchedImage> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(url, { credentials: 'include', cache: 'force-cache', signal: controller.signal, referrer: location.href });
    if (!response.ok) return { ok: false, error: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.` };
    const length = Number(response.headers.get('content-length'));
    if (length > maxBytes) return { ok: false, error: tooBig(length, maxBytes) };
    const bytes = await readCapped(response, maxBytes, controller);
    if (!bytes) return { ok: false, error: tooBig(null, maxBytes) };
    return {
      ok: true,
      type: (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
      bytes: bytes.length,
      base64: bytesToBase64(bytes),
    };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, error: 'The image took too long to download.' };
    // A cross-origin image without CORS headers cannot be read from the page.
    return { ok: false, error: `The image could not be downloaded from the page (${errorMessage(error)}); its server may not allow it.` };
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
