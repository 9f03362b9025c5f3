import { CaptureError } from '../core/shared/errors';
import { liveByUrlKeys } from './capture-queries';
import type { CleanCaptureDb } from './db';
import { sweepHighlights } from './highlights';
import { freeOrphanedImages, ORPHAN_GRACE_MS, setCaptureImages, unlinkCaptureImages } from './images';
import { isLive, revivedOf, tombstoneOf } from './tombstone';

/** How long a deleted article can be brought back: as long as its orphaned images are kept. */
export const UNDO_WINDOW_MS = ORPHAN_GRACE_MS;

/** What the popup says about a delete ("Deleted “title”"); the article itself stays here. */
export interface DeletedCapture {
  id: number;
  title: string;
}

/**
 * Delete an article: it becomes a tombstone (`deletedAt`), hidden from every read, with its
 * versions, reading position and kept page where they are; its image links are taken off (images
 * no other article shows become orphans) and kept on the tombstone for Undo. The sweep deletes it
 * for good after the Undo window. Null when there was no such article.
 */
export async function deleteCapture(db: CleanCaptureDb, id: number, now = new Date()): Promise<DeletedCapture | null> {
  return db.transaction('rw', [db.captures, db.images, db.imageLinks], async () => {
    const record = await db.captures.get(id);
    if (!isLive(record)) return null;
    const links = await unlinkCaptureImages(db, id, now);
    await db.captures.put(tombstoneOf(record, now, links));
    return { id, title: record.title };
  });
}

/**
 * Undo of a delete, by id: the tombstone becomes the article again, with its images where they
 * are still stored (one freed meanwhile becomes a recorded failure). If the page was saved again
 * since, that record is the article: its id is returned and the tombstone is left to the sweep.
 */
export async function undeleteCapture(db: CleanCaptureDb, id: number, now = new Date()): Promise<number> {
  return db.transaction('rw', [db.captures, db.images, db.imageLinks], async () => {
    const stone = await db.captures.get(id);
    if (!stone) throw new CaptureError('not-found', 'This article was deleted for good and cannot be brought back.');
    if (isLive(stone)) return id;
    const savedAgain = await liveByUrlKeys(db, stone.urlKeys).first();
    if (savedAgain) return savedAgain.id!;
    await db.captures.put(revivedOf(stone));
    if (stone.deletedImageLinks?.length) await setCaptureImages(db, id, stone.deletedImageLinks, now);
    return id;
  });
}

/**
 * Everything that belongs to a capture, gone for good: versions, reading position, image links
 * (images no other article shows become orphans), the record. For the sweep, and for a backup
 * restore that puts an article back over its tombstone.
 */
export async function purgeCapture(db: CleanCaptureDb, id: number, now = new Date()): Promise<void> {
  await db.transaction('rw', [db.captures, db.versions, db.reading, db.images, db.imageLinks], async () => {
    await db.versions.where('captureId').equals(id).delete();
    await db.reading.delete(id);
    await unlinkCaptureImages(db, id, now);
    await db.captures.delete(id);
  });
}

/**
 * The sweep (when the background starts, after each save and each delete): tombstones older
 * than the Undo window are deleted for good with what belongs to them, then orphaned images older
 * than their grace period are freed. Returns how many of each went.
 */
export async function sweepLibrary(db: CleanCaptureDb, now = new Date(), windowMs = UNDO_WINDOW_MS): Promise<{ captures: number; images: number }> {
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  const expired = await db.captures.where('deletedAt').belowOrEqual(cutoff).primaryKeys();
  for (const id of expired) await purgeCapture(db, id, now);
  await sweepHighlights(db, cutoff, expired);
  // Images a purge just orphaned wait their own grace period (a tombstone's were orphaned at its delete).
  const images = await freeOrphanedImages(db, now, windowMs);
  return { captures: expired.length, images };
}
