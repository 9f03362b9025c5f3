import type { Table } from 'dexie';
import type { CaptureRecord } from './db';
import { listOrderOf } from './migrate-v2';

/**
 * v4 → v5: from v5 on, a record is in the library exactly when it is in the listOrder index (a
 * tombstone is taken out of it). Records without listOrder (restored from a backup made before
 * v2) get it. Found from the indexes alone: only those few records are read and written.
 */
export async function listUnlistedRecords(captures: Table<CaptureRecord, number>): Promise<void> {
  const listed = new Set(await captures.orderBy('listOrder').primaryKeys());
  const unlisted = (await captures.toCollection().primaryKeys()).filter((id) => !listed.has(id));
  for (const record of await captures.bulkGet(unlisted)) {
    if (record && record.deletedAt === undefined) await captures.put({ ...record, listOrder: listOrderOf(record.capturedAt) });
  }
}
