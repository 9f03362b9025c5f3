import type { CleanCaptureDb } from './db';
import type { ReadingRecord } from './records';

/** Read-only queries over reading positions, for every context (writes are in reading.ts). */

export function getReading(db: CleanCaptureDb, captureId: number): Promise<ReadingRecord | undefined> {
  return db.reading.get(captureId);
}

/** Which of these captures were read to the end (for the list's unread marking). */
export async function readIds(db: CleanCaptureDb, captureIds: number[]): Promise<Set<number>> {
  const rows = await db.reading.bulkGet(captureIds);
  return new Set(rows.filter((r): r is ReadingRecord => !!r?.readAt).map((r) => r.captureId));
}
