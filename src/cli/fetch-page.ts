import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FetchedImage } from '../content-protocol';
import { bytesToBase64 } from '../core/shared/base64';
import { errorMessage } from '../core/shared/errors';
import { InputError } from './input-error';

/**
 * The CLI's only network calls: the page it is asked to save and that page's images. No cookies,
 * no retries; a timeout so one dead server cannot hang a batch.
 */
const TIMEOUT_MS = 30_000;

export const isWebAddress = (input: string) => /^https?:\/\//i.test(input);

/** A page's bytes and the address it ended at (after redirects). */
export async function downloadPage(url: string): Promise<{ bytes: Uint8Array; url: string }> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new InputError(`cannot download ${url}: ${errorMessage((error as { cause?: unknown }).cause ?? error)}`);
  }
  if (!response.ok) throw new InputError(`cannot download ${url}: the server answered ${response.status} ${response.statusText}`.trim());
  return { bytes: new Uint8Array(await response.arrayBuffer()), url: response.url || url };
}

/** An image for the library: from the web, or from disk for a saved page's relative images (file: addresses). */
export async function fetchImage(url: string, maxBytes: number): Promise<FetchedImage> {
  try {
    let bytes: Uint8Array;
    let type = '';
    if (url.startsWith('file:')) {
      const path = fileURLToPath(url);
      if (statSync(path).size > maxBytes) return { ok: false, error: `The image is larger than ${maxBytes} bytes.` };
      bytes = readFileSync(path);
    } else if (isWebAddress(url)) {
      const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!response.ok) return { ok: false, error: `The server answered ${response.status} for the image.` };
      if (Number(response.headers.get('content-length') ?? 0) > maxBytes) return { ok: false, error: `The image is larger than ${maxBytes} bytes.` };
      type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
      bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.length > maxBytes) return { ok: false, error: `The image is larger than ${maxBytes} bytes.` };
    } else {
      return { ok: false, error: 'Only http(s) and local images are kept.' };
    }
    return { ok: true, type, bytes: bytes.length, base64: bytesToBase64(bytes) };
  } catch (error) {
    return { ok: false, error: `The image could not be read (${errorMessage((error as { cause?: unknown }).cause ?? error)}).` };
  }
}
