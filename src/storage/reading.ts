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
