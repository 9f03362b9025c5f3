import type { Transaction } from 'dexie';
import { captureRowOf } from '../capture-rows';
import type { CaptureRecord, CaptureRow } from '../records';

/**
 * v9 (issue 17, "fast at 10,000 articles"): `captureRows`, a small summary of each live article
 * (what a list row shows and sorts on), so the popup and the library read a page of rows without
 * deserializing whole records (kept page, text, HTML: Chromium decodes IndexedDB values on the
 * page's main thread, and scrolling 10,000 records took tasks of seconds). Kept in step with
 * `captures` by the capture-rows middleware on every write; this upgrade fills it for an existing
 * library, reading each record once. Indexed like the list reads it: `listOrder` (newest first,
 * tombstones absent) and `storyId` (the "same story as" peer).
 */
export const stores = {
  captureRows: 'id, listOrder, storyId',
};

export async function upgrade(tx: Transaction): Promise<void> {
  const rows: CaptureRow[] = [];
  await tx
    .table<CaptureRecord, number>('captures')
    .toCollection()
    .each((record) => {
      const row = captureRowOf(record);
      if (row) rows.push(row);
    });
  await tx.table<CaptureRow, number>('captureRows').bulkPut(rows);
}
