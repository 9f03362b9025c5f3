import type { Table, Transaction } from 'dexie';
import { listOrderOf } from '../record-fields';
import type { CaptureRecord } from '../records';

/**
 * v5: delete leaves a tombstone (`deletedAt`) until the sweep after the Undo window, instead of
 * sending the whole record to the popup for Undo (a large kept page could not travel back in a
 * message). Tombstones are found by deletedAt for the sweep; a live record is exactly one in the
 * listOrder index, so the upgrade gives a place there to any record without one (rows restored
 * from a backup made before v2 were stored without it, and never listed).
 */
export const stores = {
  captures: '++id, *urlKeys, capturedAt, fingerprint, *bands, storyId, listOrder, deletedAt',
};

export function upgrade(tx: Transaction): Promise<void> {
  return listUnlistedRecords(tx.table('captures'));
}

/**
 * v4 → v5: from v5 on, a record is in the library exactly when it is in the listOrder index (a
 * tombstone is taken out of it). Records without listOrder (restored from a backup made before
 * v2) get it. Found from the indexes alone: only those few records are read and written.
 */
async function listUnlistedRecords(captures: Table<CaptureRecord, number>): Promise<void> {
  const listed = new Set(await captures.orderBy('listOrder').primaryKeys());
  const unlisted = (await captures.toCollection().primaryKeys()).filter((id) => !listed.has(id));
  for (const record of await captures.bulkGet(unlisted)) {
    if (record && record.deletedAt === undefined) await captures.put({ ...record, listOrder: listOrderOf(record.capturedAt) });
  }
}
