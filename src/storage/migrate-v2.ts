import { lshBands, minHash } from '../core/library/fingerprint';
import { urlKeysOf } from './record-fields';
import type { CaptureRecord } from './db';

/**
 * v1 → v2 for one record, in place (Dexie's modify): keys under the new URL normalization are
 * added (old ones kept, so nothing that matched before stops matching), the text is signed for
 * same-story detection, and the library state starts as unread, not archived, untagged.
 * Never throws on odd data: a record the upgrade cannot read must still survive as it was.
 */
export function migrateRecordToV2(record: CaptureRecord): void {
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

/** See CaptureRecord.listOrder; a record with an unreadable date sorts last. */
export function listOrderOf(capturedAt: string): number {
  const ms = Date.parse(capturedAt);
  return Number.isFinite(ms) ? -ms : 0;
}
