import type { CleanCaptureDb } from './db';
import type { ReadingRecord } from './records';
import { isLive } from './tombstone';

/** Scrolled this far (or to the last screen), the article counts as read. */
export const READ_AT_PROGRESS = 0.97;

/**
 * Remember where the reader is in an article; reaching the end marks it read (once: scrolling
 * back up later keeps it read). Returns whether it is read.
 */
export async function setReadingProgress(db: CleanCaptureDb, captureId: number, progress: number, now = new Date()): Promise<boolean> {
  const clamped = Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 0;
  return db.transaction('rw', db.captures, db.reading, async () => {
    if (!isLive(await db.captures.get(captureId))) return false;
    const previous = await db.reading.get(captureId);
    const readAt = previous?.readAt ?? (clamped >= READ_AT_PROGRESS ? now.toISOString() : undefined);
    const record: ReadingRecord = { captureId, progress: clamped, updatedAt: now.toISOString(), ...(readAt ? { readAt } : {}) };
    await db.reading.put(record);
    return Boolean(readAt);
  });
}

export function getReading(db: CleanCaptureDb, captureId: number): Promise<ReadingRecord | undefined> {
  return db.reading.get(captureId);
}

/** Which of these captures were read to the end (for the list's unread marking). */
export async function readIds(db: CleanCaptureDb, captureIds: number[]): Promise<Set<number>> {
  const rows = await db.reading.bulkGet(captureIds);
  return new Set(rows.filter((r): r is ReadingRecord => !!r?.readAt).map((r) => r.captureId));
}
