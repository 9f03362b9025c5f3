import type { Capture } from '../core/shared/capture';
import { lshBands, minHash } from '../core/library/fingerprint';
import { textFingerprint } from '../core/shared/text';
import { normalizeUrl, tryNormalizeUrl } from '../core/library/url';
import type { CaptureRecord } from './records';

/**
 * A page's own address as a key: http(s) normalized, and a saved file (file:) as it is, so a page
 * saved from disk (a file:// tab, or the CLI's `save page.html`) still has a key: a record needs
 * one, and a backup holding one without it could not be restored. A canonical URL counts only as http(s).
 */
function pageKey(url: string): string | null {
  if (!url.startsWith('file:')) return tryNormalizeUrl(url);
  try {
    return normalizeUrl(url);
  } catch {
    return null;
  }
}

/**
 * The dedupe keys of a capture. A saved selection is its own record (keyed by its text), so it
 * never overwrites the whole article saved from the same page, nor the other way round.
 */
export function urlKeysOf(capture: Pick<Capture, 'url' | 'canonicalUrl' | 'selectionOnly'>, fingerprint: string): string[] {
  const keys = [...new Set([pageKey(capture.url), tryNormalizeUrl(capture.canonicalUrl)].filter((k): k is string => k !== null))];
  return capture.selectionOnly ? keys.map((key) => `selection:${fingerprint}:${key}`) : keys;
}

/** Everything computed from a capture's text and addresses, once per save. */
export interface Signed {
  fingerprint: string;
  keys: string[];
  minhash: number[];
  bands: string[];
}

export function signCapture(capture: Capture): Signed {
  const fingerprint = textFingerprint(capture.textContent);
  const minhash = minHash(capture.textContent);
  return { fingerprint, keys: urlKeysOf(capture, fingerprint), minhash, bands: lshBands(minhash) };
}

/** See CaptureRecord.listOrder; a record with an unreadable date sorts last. */
export function listOrderOf(capturedAt: string): number {
  const ms = Date.parse(capturedAt);
  return Number.isFinite(ms) ? -ms : 0;
}

/**
 * A capture as a new library record: its signature, unread, untagged, its first version. Saves and
 * imports both start here (an import then sets what the other service knew), so a field added to
 * records is filled the same way on every path into the library.
 */
export function newCaptureRecord(capture: Capture, signed: Signed, capturedAt: string, updatedAt: string): CaptureRecord {
  return {
    ...capture,
    urlKeys: signed.keys,
    capturedAt,
    updatedAt,
    fingerprint: signed.fingerprint,
    minhash: signed.minhash,
    bands: signed.bands,
    storyId: null,
    tags: [],
    readState: 'unread',
    archived: 0,
    favourite: 0,
    versionCount: 1,
    listOrder: listOrderOf(capturedAt),
  };
}
