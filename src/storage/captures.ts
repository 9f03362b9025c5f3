import type { Capture } from '../core/capture';
import { textFingerprint } from '../core/text';
import { tryNormalizeUrl } from '../core/url';
import type { CaptureRecord, CleanCaptureDb } from './db';

export type SaveStatus = 'saved' | 'already-saved' | 'updated';

export interface SaveResult {
  status: SaveStatus;
  record: CaptureRecord;
}

/**
 * The dedupe keys of a capture. A saved selection is its own record (keyed by its text), so it
 * never overwrites the whole article saved from the same page, nor the other way round.
 */
export function urlKeysOf(capture: Pick<Capture, 'url' | 'canonicalUrl' | 'selectionOnly'>, fingerprint: string): string[] {
  const keys = [...new Set([tryNormalizeUrl(capture.url), tryNormalizeUrl(capture.canonicalUrl)].filter((k): k is string => k !== null))];
  return capture.selectionOnly ? keys.map((key) => `selection:${fingerprint}:${key}`) : keys;
}

/**
 * Save a capture, deduplicating by every normalized URL it is known by. Runs in one read-write
 * transaction, so two captures of one page racing each other still leave one record.
 */
export async function saveCapture(db: CleanCaptureDb, capture: Capture, now: Date = new Date()): Promise<SaveResult> {
  const fingerprint = textFingerprint(capture.textContent);
  const keys = urlKeysOf(capture, fingerprint);
  const at = now.toISOString();
  return db.transaction('rw', db.captures, async () => {
    const existing = keys.length ? await db.captures.where('urlKeys').anyOf(keys).first() : undefined;
    if (!existing) {
      const record: CaptureRecord = { ...capture, urlKeys: keys, capturedAt: at, updatedAt: at, fingerprint };
      record.id = await db.captures.add(record);
      return { status: 'saved' as const, record };
    }
    const urlKeys = [...new Set([...existing.urlKeys, ...keys])];
    if (existing.fingerprint === fingerprint) {
      if (urlKeys.length !== existing.urlKeys.length) await db.captures.update(existing.id!, { urlKeys });
      return { status: 'already-saved' as const, record: { ...existing, urlKeys } };
    }
    // The article changed: keep the newest text (version history is a later step).
    const record: CaptureRecord = { ...existing, ...capture, urlKeys, fingerprint, updatedAt: at, id: existing.id, capturedAt: existing.capturedAt };
    await db.captures.put(record);
    return { status: 'updated' as const, record };
  });
}

export function getCapture(db: CleanCaptureDb, id: number): Promise<CaptureRecord | undefined> {
  return db.captures.get(id);
}

export async function findCaptureByUrl(db: CleanCaptureDb, url: string): Promise<CaptureRecord | undefined> {
  const key = tryNormalizeUrl(url);
  return key ? db.captures.where('urlKeys').equals(key).first() : undefined;
}

/** One page of the library, newest first, read from the index (never the whole table). */
export function listCaptures(db: CleanCaptureDb, offset = 0, limit = 50): Promise<CaptureRecord[]> {
  return db.captures.orderBy('capturedAt').reverse().offset(offset).limit(limit).toArray();
}

export function countCaptures(db: CleanCaptureDb): Promise<number> {
  return db.captures.count();
}

export async function deleteCapture(db: CleanCaptureDb, id: number): Promise<CaptureRecord | undefined> {
  return db.transaction('rw', db.captures, async () => {
    const record = await db.captures.get(id);
    if (record) await db.captures.delete(id);
    return record;
  });
}

/** Put back a record removed by deleteCapture (Undo), unless the page was saved again since. */
export async function restoreCapture(db: CleanCaptureDb, record: CaptureRecord): Promise<number> {
  return db.transaction('rw', db.captures, async () => {
    const clash = await db.captures.where('urlKeys').anyOf(record.urlKeys).first();
    if (clash) return clash.id!;
    return db.captures.put(record);
  });
}

/** Captures whose title, byline, site or text contain every word of the query, newest first. */
export function searchCaptures(db: CleanCaptureDb, query: string, limit = 50): Promise<CaptureRecord[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return listCaptures(db, 0, limit);
  return db.captures
    .orderBy('capturedAt')
    .reverse()
    .filter((r) => {
      const haystack = `${r.title} ${r.byline ?? ''} ${r.siteName ?? ''} ${r.url} ${r.textContent}`.toLowerCase();
      return words.every((w) => haystack.includes(w));
    })
    .limit(limit)
    .toArray();
}
