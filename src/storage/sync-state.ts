import type { CleanCaptureDb } from './db';
import type { SyncDocRecord } from './records';
import type { SettingsDoc } from '../core/sync/settings-doc';

/** Sync's bookkeeping (issue 14): what each server document last was here, and the pull checkpoint. */

const SINCE = 'since';
const SETTINGS_BASE = 'settingsBase';

/** The settings document last agreed with the server: the base local setting changes are stamped against. */
export async function readSettingsBase(db: CleanCaptureDb): Promise<SettingsDoc | null> {
  const text = (await db.syncMeta.get(SETTINGS_BASE))?.value;
  if (!text) return null;
  try {
    const doc = JSON.parse(text) as SettingsDoc;
    return doc?.kind === 'settings' && doc.values && typeof doc.values === 'object' ? doc : null;
  } catch {
    return null;
  }
}

export async function writeSettingsBase(db: CleanCaptureDb, doc: SettingsDoc): Promise<void> {
  await db.syncMeta.put({ key: SETTINGS_BASE, value: JSON.stringify(doc) });
}

export async function readSyncDocs(db: CleanCaptureDb): Promise<Map<string, SyncDocRecord>> {
  return new Map((await db.syncDocs.toArray()).map((row) => [row.docId, row]));
}

export async function putSyncDocs(db: CleanCaptureDb, rows: SyncDocRecord[]): Promise<void> {
  await db.syncDocs.bulkPut(rows);
}

/**
 * Run `apply` (IndexedDB work only: no fetch, no crypto inside) as one read-write transaction over
 * everything a pulled page writes: the library's tables and sync's own.
 */
export async function inSyncTransaction<T>(db: CleanCaptureDb, apply: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [db.captures, db.versions, db.reading, db.images, db.imageLinks, db.meta, db.highlights, db.syncDocs, db.syncMeta], apply);
}

export async function readCheckpoint(db: CleanCaptureDb): Promise<string> {
  return (await db.syncMeta.get(SINCE))?.value ?? '0';
}

/** Saved after each pulled batch is applied: a stopped sync resumes after the last whole batch. */
export async function writeCheckpoint(db: CleanCaptureDb, since: string): Promise<void> {
  await db.syncMeta.put({ key: SINCE, value: since });
}

/**
 * Forget everything sync knew (another server or database, or a new passphrase): the next sync
 * starts over, merging, never deleting. The library itself is untouched.
 */
export async function resetSyncState(db: CleanCaptureDb): Promise<void> {
  await db.transaction('rw', [db.syncDocs, db.syncMeta], async () => {
    await db.syncDocs.clear();
    await db.syncMeta.clear();
  });
}
