import { decryptJson, encryptJson, type SyncKeys } from '../../core/sync/sync-crypto';
import { mergeBodies, validateBody, type SyncBody } from '../../core/sync/sync-kinds';
import { SyncError } from '../../core/sync/sync-errors';
import type { Couch, CouchDoc } from './couch';

/** A server document decrypted and checked before use. */
export async function openBody(keys: SyncKeys, doc: CouchDoc): Promise<SyncBody> {
  return validateBody(await decryptJson(keys, doc.body as string, doc._id), doc._id);
}

/**
 * Write documents merged with what the server holds: read the current revisions in one request,
 * merge, write them with those revisions in one request; someone wrote meanwhile (409): read,
 * merge and write again. So this engine never makes CouchDB conflict revisions. Returns the merged
 * body of each item, in order; `revs` receives each written revision.
 */
export async function writeMerged<T extends SyncBody>(
  couch: Couch,
  keys: SyncKeys,
  items: { docId: string; doc: T }[],
  revs: Map<string, string> = new Map(),
): Promise<T[]> {
  const merged = new Map<string, T>();
  let batch = items;
  for (let attempt = 0; batch.length > 0; attempt++) {
    if (attempt === 5) throw new SyncError('busy', 'Another device kept changing the same items; sync will try again.');
    const remote = await couch.getMany(batch.map((item) => item.docId));
    const writes: CouchDoc[] = [];
    for (const item of batch) {
      const held = remote.get(item.docId);
      const body = held ? await openBody(keys, held) : null;
      const next = (body ? mergeBodies(item.doc, body) : item.doc) as T;
      merged.set(item.docId, next);
      writes.push({ _id: item.docId, ...(held?._rev ? { _rev: held._rev } : {}), body: await encryptJson(keys, next, item.docId) });
    }
    const written = await couch.putMany(writes);
    for (const [id, rev] of written.revs) revs.set(id, rev);
    const retry = new Set(written.conflicts);
    batch = batch.filter((item) => retry.has(item.docId));
  }
  return items.map((item) => merged.get(item.docId)!);
}
