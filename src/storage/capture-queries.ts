import { tryNormalizeUrl } from '../core/library/url';
import type { CleanCaptureDb } from './db';
import type { CaptureRecord, CaptureRow, VersionRecord } from './records';
import { isLive } from './tombstone';

/**
 * Read-only queries over the library's articles, for every context (extension pages read the
 * library directly; only the background writes it, through captures.ts and library.ts).
 */

/** An article of the library (a deleted one, still a tombstone, is not). */
export async function getCapture(db: CleanCaptureDb, id: number): Promise<CaptureRecord | undefined> {
  const record = await db.captures.get(id);
  return isLive(record) ? record : undefined;
}

/** The live records known by any of these URL keys (tombstones left out; usually none or one). */
export function liveByUrlKeys(db: CleanCaptureDb, keys: string[]) {
  return db.captures
    .where('urlKeys')
    .anyOf(keys)
    .filter((r) => isLive(r));
}

/** Whether a page address is in the library (cheap: the few records with that key; for the toolbar icon). */
export async function isUrlSaved(db: CleanCaptureDb, url: string): Promise<boolean> {
  const key = tryNormalizeUrl(url);
  return key ? (await liveByUrlKeys(db, [key]).count()) > 0 : false;
}

/** One page of the library, newest first, read from the index (never the whole table; tombstones are not in it). */
export function listCaptures(db: CleanCaptureDb, offset = 0, limit = 50): Promise<CaptureRecord[]> {
  return db.captures.orderBy('listOrder').offset(offset).limit(limit).toArray();
}

/**
 * One page of list rows, newest first (issue 17): the small summaries of captureRows (v9), so a
 * page costs a few KB to read and decode however large the articles are.
 */
export function listRows(db: CleanCaptureDb, offset = 0, limit = 50): Promise<CaptureRow[]> {
  return db.captureRows.orderBy('listOrder').offset(offset).limit(limit).toArray();
}

/** The list rows of these ids, in the ids' order (deleted and missing ones left out). */
export async function rowsByIds(db: CleanCaptureDb, ids: number[]): Promise<CaptureRow[]> {
  return (await db.captureRows.bulkGet(ids)).filter((row): row is CaptureRow => row !== undefined);
}

/** The title of another live article of the same story, for a row's "same story as …" (null when alone). */
export async function storyPeerTitle(db: CleanCaptureDb, row: Pick<CaptureRow, 'id' | 'storyId'>): Promise<string | null> {
  if (row.storyId == null) return null;
  const peer = await db.captureRows
    .where('storyId')
    .equals(row.storyId)
    .and((r) => r.id !== row.id)
    .first();
  return peer?.title ?? null;
}

/**
 * Counted on the listOrder index: counting the table itself makes Chromium walk every record's
 * value (hundreds of MB for a large library), holding up the reads behind it.
 */
export function countCaptures(db: CleanCaptureDb): Promise<number> {
  return db.captures.orderBy('listOrder').count();
}

/** Older versions of a record, oldest first (the record itself is the newest). */
export function listVersions(db: CleanCaptureDb, captureId: number): Promise<VersionRecord[]> {
  return db.versions.where('captureId').equals(captureId).sortBy('number');
}

/** Another record of the same story group, for "same story as …" (null when alone). */
export async function storyPeer(db: CleanCaptureDb, record: CaptureRecord): Promise<CaptureRecord | null> {
  if (record.storyId == null) return null;
  return (
    (await db.captures
      .where('storyId')
      .equals(record.storyId)
      .and((r) => r.id !== record.id && isLive(r))
      .first()) ?? null
  );
}

/** The live articles among these ids, in the ids' order (deleted and missing ones left out). */
export async function liveCapturesByIds(db: CleanCaptureDb, ids: number[]): Promise<CaptureRecord[]> {
  return (await db.captures.bulkGet(ids)).filter(isLive);
}

/**
 * The articles before and after `record` in the library's own order (newest saved first), for the
 * reader tab's previous / next (issue 17). Read from the listOrder index: ids only.
 */
export async function neighbourIds(db: CleanCaptureDb, record: CaptureRecord): Promise<{ previous: number | null; next: number | null }> {
  if (record.listOrder === undefined) return { previous: null, next: null };
  const [previous] = await db.captures.where('listOrder').below(record.listOrder).reverse().limit(1).primaryKeys();
  const [next] = await db.captures.where('listOrder').above(record.listOrder).limit(1).primaryKeys();
  return { previous: previous ?? null, next: next ?? null };
}
