import type { Capture } from '../core/shared/capture';
import { textFingerprint } from '../core/shared/text';
import { urlKeysOf } from './record-fields';
import type { Completeness } from '../core/extract/completeness';
import { CaptureError } from '../core/shared/errors';
import type { CleanCaptureDb } from './db';
import type { CaptureRecord } from './records';
import { isLive } from './tombstone';

/**
 * A record with a fresh extraction of its kept page: the new content and metadata, everything
 * the library added (id, first capture time, aliases, raw HTML) kept. Shared by the popup's
 * Re-extract and `clean-capture reextract`.
 */
export function reextractedRecord(record: CaptureRecord, capture: Capture, now: Date): CaptureRecord {
  const fingerprint = textFingerprint(capture.textContent);
  return {
    ...record,
    ...capture,
    id: record.id,
    urlKeys: [...new Set([...record.urlKeys, ...urlKeysOf(capture, fingerprint)])],
    capturedAt: record.capturedAt,
    updatedAt: fingerprint !== record.fingerprint ? now.toISOString() : record.updatedAt,
    fingerprint,
    ...(record.rawHtmlGzip ? { rawHtmlGzip: record.rawHtmlGzip } : {}),
  };
}

function isCapture(value: unknown): value is Capture {
  const c = value as Partial<Capture> | null;
  return (
    !!c &&
    typeof c === 'object' &&
    typeof c.url === 'string' &&
    typeof c.title === 'string' &&
    typeof c.contentHtml === 'string' &&
    typeof c.textContent === 'string' &&
    typeof c.wordCount === 'number'
  );
}

/** Store a re-extraction of capture `id` (checked first; the old record stays on any error). */
export async function replaceCapture(
  db: CleanCaptureDb,
  id: number,
  capture: unknown,
  now = new Date(),
): Promise<{ changed: boolean; completeness: Completeness | null }> {
  if (!isCapture(capture)) throw new CaptureError('internal', 'The re-extracted article was malformed; nothing was changed.');
  return db.transaction('rw', db.captures, async () => {
    const record = await db.captures.get(id);
    if (!isLive(record)) throw new CaptureError('not-found', 'This article is no longer in your library.');
    const next = reextractedRecord(record, capture, now);
    await db.captures.put(next);
    return { changed: next.fingerprint !== record.fingerprint, completeness: next.completeness ?? null };
  });
}
