import type { Capture } from '../shared/capture';
import { compareJson, liveTags, mergeStamped, mergeTags, type Stamped, type TagSet } from './stamped';

/**
 * The decrypted body of a synced capture (kind `capture`): everything a device needs to rebuild
 * the record, with the time of each change, so two devices' edits merge instead of overwriting.
 * Its id is syncDocId('capture', key) (doc-id.ts).
 */

/** One text of the article; the newest by capture time is the record's current text. */
export interface SyncVersion {
  /** ISO time this text was captured. */
  savedAt: string;
  fingerprint: string;
  capture: Capture;
  /** The images this text shows: its address in the HTML → the content hash of the stored image. */
  images: { url: string; hash: string }[];
}

export interface Deletion {
  /** When it was deleted. */
  at: number;
  /** The latest change the deleting device knew of: a change after it (made elsewhere) beats the delete. */
  seen: number;
}

export interface CaptureDoc {
  kind: 'capture';
  /** The natural key the id is made from (the normalized canonical URL, see captureSyncKey). */
  key: string;
  urlKeys: string[];
  /** ISO time of the first save anywhere. */
  capturedAt: string;
  /** Union of every device's texts, ordered by savedAt (then fingerprint). */
  versions: SyncVersion[];
  tags: TagSet;
  read: Stamped<'unread' | 'read'>;
  archived: Stamped<boolean>;
  favourite: Stamped<boolean>;
  /** Reading position, 0..1. */
  progress: Stamped<number>;
  /** Undo of a delete counts as a change: it beats the delete it undoes. */
  restoredAt: number;
  deleted: Deletion | null;
}

function byTimeThenContent(a: SyncVersion, b: SyncVersion): number {
  if (a.savedAt !== b.savedAt) return a.savedAt < b.savedAt ? -1 : 1;
  if (a.fingerprint !== b.fingerprint) return a.fingerprint < b.fingerprint ? -1 : 1;
  return compareJson(a, b);
}

/** Versions by union: one per (fingerprint, savedAt), ordered by capture time. */
export function mergeVersions(a: SyncVersion[], b: SyncVersion[]): SyncVersion[] {
  const byKey = new Map<string, SyncVersion>();
  for (const version of [...a, ...b]) {
    const key = `${version.savedAt}\n${version.fingerprint}`;
    const held = byKey.get(key);
    // Two devices' copies of one text differ only in incidental fields; keep either, the same one everywhere.
    byKey.set(key, held && compareJson(held, version) >= 0 ? held : version);
  }
  return [...byKey.values()].sort(byTimeThenContent);
}

function mergeDeletion(a: Deletion | null, b: Deletion | null): Deletion | null {
  if (!a || !b) return a ?? b;
  if (a.seen !== b.seen) return a.seen > b.seen ? a : b;
  return a.at >= b.at ? a : b;
}

/** The latest change of any kind: what a delete must have seen to win. */
export function lastChangeAt(doc: CaptureDoc): number {
  let latest = Math.max(doc.read.at, doc.archived.at, doc.favourite.at, doc.progress.at, doc.restoredAt);
  for (const tag of Object.values(doc.tags)) latest = Math.max(latest, tag.added, tag.removed);
  for (const version of doc.versions) latest = Math.max(latest, Date.parse(version.savedAt) || 0);
  return latest;
}

/** Deleted unless something changed that the deleting device had not seen: edit beats delete. */
export function isDeleted(doc: CaptureDoc): boolean {
  return doc.deleted !== null && lastChangeAt(doc) <= doc.deleted.seen;
}

/** The deterministic merge of two devices' documents for the same capture. */
export function mergeCaptureDocs(a: CaptureDoc, b: CaptureDoc): CaptureDoc {
  return {
    kind: 'capture',
    key: a.key <= b.key ? a.key : b.key,
    urlKeys: [...new Set([...a.urlKeys, ...b.urlKeys])].sort(),
    capturedAt: a.capturedAt <= b.capturedAt ? a.capturedAt : b.capturedAt,
    versions: mergeVersions(a.versions, b.versions),
    tags: mergeTags(a.tags, b.tags),
    read: mergeStamped(a.read, b.read),
    archived: mergeStamped(a.archived, b.archived),
    favourite: mergeStamped(a.favourite, b.favourite),
    progress: mergeStamped(a.progress, b.progress),
    restoredAt: Math.max(a.restoredAt, b.restoredAt),
    deleted: mergeDeletion(a.deleted, b.deleted),
  };
}

/** The current text: the newest version. */
export function currentVersion(doc: CaptureDoc): SyncVersion {
  return doc.versions[doc.versions.length - 1];
}

/** What a device shows for a document: its state as plain values. */
export function captureView(doc: CaptureDoc) {
  return {
    tags: liveTags(doc.tags),
    readState: doc.read.value,
    archived: doc.archived.value,
    favourite: doc.favourite.value,
    progress: doc.progress.value,
    deleted: isDeleted(doc),
  };
}
