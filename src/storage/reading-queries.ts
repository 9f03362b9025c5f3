import type { CleanCaptureDb } from './db';
import type { ReadingRecord } from './records';

/** Read-only queries over reading positions, for every context (writes are in reading.ts). */

export function getReading(db: CleanCaptureDb, captureId: number): Promise<ReadingRecord | undefined> {
  return db.reading.get(captureId);
}
