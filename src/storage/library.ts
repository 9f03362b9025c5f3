import { deleteCapture, restoreCapture } from './captures';
import type { CaptureRecord, CleanCaptureDb, ImageLinkRecord } from './db';
import { freeOrphanedImages, setCaptureImages, unlinkCaptureImages } from './images';

/**
 * Delete a capture with what belongs to it: its image links (images no other capture uses are
 * freed after the grace period) and its reading progress. Returns the record and its links for Undo.
 */
export async function deleteCaptureWithImages(db: CleanCaptureDb, id: number, now = new Date()): Promise<{ record: CaptureRecord | undefined; images: ImageLinkRecord[] }> {
  const result = await db.transaction('rw', [db.captures, db.images, db.imageLinks, db.reading], async () => {
    const record = await deleteCapture(db, id);
    const images = record ? await unlinkCaptureImages(db, id, now) : [];
    await db.reading.delete(id);
    return { record, images };
  });
  await freeOrphanedImages(db, now);
  return result;
}

/** Undo of a delete: the record back, and its images where they are still stored. */
export async function restoreCaptureWithImages(db: CleanCaptureDb, record: CaptureRecord, images: ImageLinkRecord[] = [], now = new Date()): Promise<number> {
  return db.transaction('rw', [db.captures, db.images, db.imageLinks], async () => {
    const id = await restoreCapture(db, record);
    // Saved again since: that record has its own images.
    if (id === record.id && images.length) {
      await setCaptureImages(db, id, images.filter((l) => l.captureId === id).map(({ captureId: _, ...link }) => link), now);
    }
    return id;
  });
}
