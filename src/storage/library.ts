import { deleteCapture, restoreCapture } from './captures';
import type { CaptureRecord, CleanCaptureDb, ImageLinkRecord, VersionRecord } from './db';
import { freeOrphanedImages, setCaptureImages, unlinkCaptureImages } from './images';

export interface DeletedCapture {
  record: CaptureRecord | undefined;
  /** Its older versions (issue #5) and image links (issue #6), for Undo. */
  versions: VersionRecord[];
  images: ImageLinkRecord[];
}

/**
 * Delete a capture with what belongs to it: its versions, its image links (images no other
 * capture uses are freed after the grace period) and its reading progress, in one transaction.
 */
export async function deleteCaptureWithImages(db: CleanCaptureDb, id: number, now = new Date()): Promise<DeletedCapture> {
  const result = await db.transaction('rw', [db.captures, db.versions, db.images, db.imageLinks, db.reading], async () => {
    const deleted = await deleteCapture(db, id);
    const images = deleted ? await unlinkCaptureImages(db, id, now) : [];
    await db.reading.delete(id);
    return { record: deleted?.record, versions: deleted?.versions ?? [], images };
  });
  await freeOrphanedImages(db, now);
  return result;
}

/** Undo of a delete: the record back with its versions, and its images where they are still stored. */
export async function restoreCaptureWithImages(db: CleanCaptureDb, record: CaptureRecord, images: ImageLinkRecord[] = [], versions: VersionRecord[] = [], now = new Date()): Promise<number> {
  return db.transaction('rw', [db.captures, db.versions, db.images, db.imageLinks], async () => {
    const id = await restoreCapture(db, record, versions);
    // Saved again since: that record has its own images.
    if (id === record.id && images.length) {
      await setCaptureImages(db, id, images.filter((l) => l.captureId === id).map(({ captureId: _, ...link }) => link), now);
    }
    return id;
  });
}
