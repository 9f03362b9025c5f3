import { currentVersion, type CaptureDoc } from '../../core/sync/capture-doc';
import { syncDocId } from '../../core/sync/doc-id';
import { decryptBytes, encryptBytes, encryptJson } from '../../core/sync/sync-crypto';
import type { ImageDoc } from '../../core/sync/sync-kinds';
import { SyncError } from '../../core/sync/sync-errors';
import { base64ToBytes, bytesToBase64 } from '../../core/shared/base64';
import type { SyncDocRecord } from '../../storage/records';
import { missingImages, storedImage, storeSyncedImage } from '../../storage/sync-local';
import { putSyncDocs } from '../../storage/sync-state';
import type { CouchDoc } from './couch';
import type { RoundState } from './highlight-sync';
import { openBody } from './merged-writes';

/**
 * Images in a sync round (issue 14): one server document per image, named by an HMAC of its
 * content hash, its encrypted bytes the one attachment. Sent once (only when the server lacks
 * it), fetched with the bytes inline, many per request.
 */

/** Images per request, each way: ≈ 25 × 40 KB of base64 keeps a request around a megabyte. */
const IMAGE_BATCH = 25;
const ATTACHMENT = 'data';

/** Images the documents show that the server does not have yet: each pushed once, by hash. */
export async function pushImages(state: RoundState, docs: CaptureDoc[]): Promise<void> {
  const byLocal = new Map([...state.rows.values()].map((row) => [row.localKey, row]));
  const hashes = [...new Set(docs.flatMap((doc) => currentVersion(doc).images.map((i) => i.hash)))].filter((hash) => !byLocal.has(`image:${hash}`));
  if (hashes.length === 0) return;
  const ids = await Promise.all(hashes.map((hash) => syncDocId(state.keys, 'image', hash)));
  const onServer = await state.couch.getMany(ids);
  const writes: CouchDoc[] = [];
  const rows: SyncDocRecord[] = [];
  for (const [i, hash] of hashes.entries()) {
    rows.push({ docId: ids[i], localKey: `image:${hash}`, signature: 'pushed' });
    if (onServer.has(ids[i])) continue;
    const image = await storedImage(state.db, hash);
    if (!image) continue;
    const meta: ImageDoc = { kind: 'image', hash, type: image.type, bytes: image.bytes, width: image.width, height: image.height };
    const sealed = await encryptBytes(state.keys, new Uint8Array(await image.blob.arrayBuffer()), `${ids[i]}/${ATTACHMENT}`);
    writes.push({
      _id: ids[i],
      body: await encryptJson(state.keys, meta, ids[i]),
      _attachments: { [ATTACHMENT]: { content_type: 'application/octet-stream', data: bytesToBase64(sealed) } },
    });
  }
  // Written in small groups: a thousand images in one request would be one very large body.
  for (let i = 0; i < writes.length; i += IMAGE_BATCH) await state.couch.putMany(writes.slice(i, i + IMAGE_BATCH));
  for (const row of rows) state.rows.set(row.docId, row);
  await putSyncDocs(state.db, rows);
}

/** Images the documents show that this device lacks: fetched with their bytes inline, a few dozen per request, and decrypted. */
export async function pullImages(state: RoundState, docs: CaptureDoc[]): Promise<void> {
  const missing = await missingImages(state.db, [...new Set(docs.flatMap((doc) => currentVersion(doc).images.map((i) => i.hash)))]);
  for (let start = 0; start < missing.length; start += IMAGE_BATCH) {
    const hashes = missing.slice(start, start + IMAGE_BATCH);
    const ids = await Promise.all(hashes.map((hash) => syncDocId(state.keys, 'image', hash)));
    const held = await state.couch.getMany(ids, true);
    for (const [i, id] of ids.entries()) {
      const imageDoc = held.get(id);
      const inline = (imageDoc?._attachments as Record<string, { data?: unknown }> | undefined)?.[ATTACHMENT]?.data;
      const sealed = typeof inline === 'string' ? base64ToBytes(inline) : imageDoc ? await state.couch.attachment(id, ATTACHMENT) : null;
      // Not on the server (yet): the link stays a recorded failure, as for an image a capture could not fetch.
      if (!imageDoc || !sealed) continue;
      const meta = await openBody(state.keys, imageDoc);
      if (meta.kind !== 'image' || meta.hash !== hashes[i])
        throw new SyncError('bad-data', `The synced image ${id} is not the one its article names; it was skipped.`);
      const bytes = await decryptBytes(state.keys, sealed, `${id}/${ATTACHMENT}`);
      await storeSyncedImage(state.db, meta, new Blob([bytes as BlobPart], { type: meta.type }));
    }
  }
}
