import type { Transaction } from 'dexie';
import { lshBands, minHash } from '../../core/library/fingerprint';
import { listOrderOf, urlKeysOf } from '../record-fields';
import type { CaptureRecord } from '../records';

/**
 * v2 (issue #5): dedupe by content fingerprint, same-story candidates by LSH band, story groups,
 * older versions of a changed article, the persisted search index and a write generation.
 * The upgrade re-keys URLs (AMP/www/more tracking parameters), signs every text and sets the
 * library state (unread, not archived, no tags) on records saved by v1.
 */
export const stores = {
  captures: '++id, *urlKeys, capturedAt, fingerprint, *bands, storyId, listOrder',
  versions: '++id, captureId',
  searchIndex: 'key',
  meta: 'key',
};

export async function upgrade(tx: Transaction): Promise<void> {
  await tx
    .table('captures')
    .toCollection()
    .modify((record: CaptureRecord) => {
      migrateRecordToV2(record);
    });
}

/**
 * v1 → v2 for one record, in place (Dexie's modify): keys under the new URL normalization are
 * added (old ones kept, so nothing that matched before stops matching), the text is signed for
 * same-story detection, and the library state starts as unread, not archived, untagged.
 * Never throws on odd data: a record the upgrade cannot read must still survive as it was.
 */
function migrateRecordToV2(record: CaptureRecord): void {
  try {
    const fresh = urlKeysOf(record, record.fingerprint);
    record.urlKeys = [...new Set([...(Array.isArray(record.urlKeys) ? record.urlKeys : []), ...fresh])];
  } catch {
    // keep the v1 keys
  }
  const text = typeof record.textContent === 'string' ? record.textContent : '';
  if (!record.selectionOnly) {
    record.minhash = minHash(text);
    record.bands = lshBands(record.minhash);
  } else {
    record.bands = [];
  }
  record.storyId ??= null;
  record.tags ??= [];
  record.readState ??= 'unread';
  record.archived ??= 0;
  record.favourite ??= 0;
  record.versionCount ??= 1;
  record.listOrder = listOrderOf(record.capturedAt);
}
