import { tryNormalizeUrl } from '../library/url';
import type { Capture } from '../shared/capture';
import { captureView, mergeVersions, type CaptureDoc, type SyncVersion } from './capture-doc';
import { setTags, type Stamped } from './stamped';

/**
 * The local library keeps plain values (tags, read state…), not the time of each change. The time
 * is recovered here: a field that differs from the document last synced changed now; one that does
 * not keeps its old stamp. Pure, so the engine and the tests share it.
 */

/** A capture as the device holds it, in sync's terms. */
export interface LocalCapture {
  urlKeys: string[];
  capturedAt: string;
  versions: SyncVersion[];
  tags: string[];
  readState: 'unread' | 'read';
  archived: boolean;
  favourite: boolean;
  progress: number;
  /** Set while the record is a tombstone. */
  deletedAt: string | null;
}

/**
 * The natural key of a capture's document: its normalized canonical address (else its address);
 * a saved selection keeps the storage's `selection:` key, so it stays a record of its own.
 */
export function captureSyncKey(capture: Pick<Capture, 'url' | 'canonicalUrl' | 'selectionOnly'>, fingerprint: string): string {
  const key = tryNormalizeUrl(capture.canonicalUrl) ?? tryNormalizeUrl(capture.url) ?? capture.url;
  return capture.selectionOnly ? `selection:${fingerprint}:${key}` : key;
}

function stamp<T>(old: Stamped<T> | undefined, value: T, now: number): Stamped<T> {
  return old && JSON.stringify(old.value) === JSON.stringify(value) ? old : { value, at: now };
}

export function captureDocFromLocal(prev: CaptureDoc | null, key: string, local: LocalCapture, now: number): CaptureDoc {
  const wasDeleted = prev ? captureView(prev).deleted : false;
  const deletedNow = local.deletedAt !== null;
  let deleted = prev?.deleted ?? null;
  let restoredAt = prev?.restoredAt ?? 0;
  const doc: CaptureDoc = {
    kind: 'capture',
    key: prev?.key ?? key,
    urlKeys: [...new Set([...(prev?.urlKeys ?? []), ...local.urlKeys])].sort(),
    capturedAt: prev && prev.capturedAt < local.capturedAt ? prev.capturedAt : local.capturedAt,
    versions: mergeVersions(prev?.versions ?? [], local.versions),
    tags: setTags(prev?.tags ?? {}, local.tags, now),
    read: stamp(prev?.read, local.readState, now),
    archived: stamp(prev?.archived, local.archived, now),
    favourite: stamp(prev?.favourite, local.favourite, now),
    progress: stamp(prev?.progress, local.progress, now),
    restoredAt,
    deleted,
  };
  if (deletedNow && !wasDeleted) {
    // The delete has seen every change this device holds, and nothing after.
    const at = Math.max(now, Date.parse(local.deletedAt!) || 0);
    deleted = { at, seen: at };
    for (const field of ['read', 'archived', 'favourite', 'progress'] as const) if (doc[field].at > at) deleted.seen = doc[field].at;
    doc.deleted = deleted;
  } else if (!deletedNow && wasDeleted) {
    // Undo here, or the record saved again: a change that beats the delete.
    restoredAt = Math.max(now, (prev!.deleted?.seen ?? 0) + 1);
    doc.restoredAt = restoredAt;
  }
  return doc;
}

/** What a local record amounts to for sync: when it differs from the last synced one, there is something to push. */
export function localSignature(local: LocalCapture): string {
  return JSON.stringify([
    [...local.urlKeys].sort(),
    local.versions.map((v) => [v.savedAt, v.fingerprint, v.images.map((i) => i.hash).sort()]),
    [...local.tags].sort(),
    local.readState,
    local.archived,
    local.favourite,
    local.progress,
    local.deletedAt !== null,
  ]);
}
