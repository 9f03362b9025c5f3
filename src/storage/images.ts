import type { CleanCaptureDb } from './db';
import { hashesOf } from './image-queries';
import type { ImageLinkRecord, ImageRecord } from './records';

/**
 * Images kept offline (issue #6): one stored Blob per content hash across the library, linked to
 * each capture that shows it. An image no capture links to any more is "orphaned" and freed after
 * a grace period, so Undo of a delete brings the article back with its images.
 */
export const ORPHAN_GRACE_MS = 5 * 60 * 1000;

export type NewImage = Omit<ImageRecord, 'storedAt' | 'orphanedAt'>;

/** Store an image unless the library already has the same bytes. True when it was new. */
export async function putImage(db: CleanCaptureDb, image: NewImage, now = new Date()): Promise<boolean> {
  return db.transaction('rw', db.images, async () => {
    if (await db.images.get(image.hash)) return false;
    // Orphaned until a capture links to it: an interrupted capture leaves nothing behind for good.
    await db.images.add({ ...image, storedAt: now.toISOString(), orphanedAt: now.getTime() });
    return true;
  });
}

/** Hashes among `hashes` that no link points to any more. */
async function unused(db: CleanCaptureDb, hashes: Iterable<string>): Promise<string[]> {
  const out: string[] = [];
  for (const hash of new Set(hashes)) {
    if ((await db.imageLinks.where('hash').equals(hash).count()) === 0) out.push(hash);
  }
  return out;
}

async function markOrphans(db: CleanCaptureDb, hashes: Iterable<string>, now: Date): Promise<void> {
  for (const hash of await unused(db, hashes)) await db.images.update(hash, { orphanedAt: now.getTime() });
}

async function adopt(db: CleanCaptureDb, hashes: Iterable<string>): Promise<void> {
  for (const hash of new Set(hashes)) {
    const image = await db.images.get(hash);
    if (image && image.orphanedAt !== undefined) {
      delete image.orphanedAt;
      await db.images.put(image);
    }
  }
}

/**
 * Make `links` the capture's images (replacing what it had: an updated article may show other
 * images). Links to images that are not stored (any more) are kept as failures.
 */
export async function setCaptureImages(db: CleanCaptureDb, captureId: number, links: Omit<ImageLinkRecord, 'captureId'>[], now = new Date()): Promise<void> {
  await db.transaction('rw', db.images, db.imageLinks, async () => {
    const old = await db.imageLinks.where('captureId').equals(captureId).toArray();
    await db.imageLinks.where('captureId').equals(captureId).delete();
    const rows: ImageLinkRecord[] = [];
    for (const link of links) {
      if (link.hash && !(await db.images.get(link.hash))) {
        rows.push({ captureId, url: link.url, hash: null, error: 'The stored image was freed before the article was saved again.' });
      } else {
        rows.push({ ...link, captureId });
      }
    }
    await db.imageLinks.bulkPut(rows);
    await adopt(db, hashesOf(rows));
    await markOrphans(db, hashesOf(old), now);
  });
}

/** Remove the capture's links; images no other capture uses become orphans. Returns the links. */
export async function unlinkCaptureImages(db: CleanCaptureDb, captureId: number, now = new Date()): Promise<ImageLinkRecord[]> {
  return db.transaction('rw', db.images, db.imageLinks, async () => {
    const links = await db.imageLinks.where('captureId').equals(captureId).toArray();
    await db.imageLinks.where('captureId').equals(captureId).delete();
    await markOrphans(db, hashesOf(links), now);
    return links;
  });
}

/** Free orphaned images older than the grace period. Returns how many were freed. */
export async function freeOrphanedImages(db: CleanCaptureDb, now = new Date(), graceMs = ORPHAN_GRACE_MS): Promise<number> {
  return db.transaction('rw', db.images, db.imageLinks, async () => {
    const candidates = await db.images
      .where('orphanedAt')
      .belowOrEqual(now.getTime() - graceMs)
      .primaryKeys();
    // A link may have appeared since it was marked (the same image saved again): keep those.
    const gone = await unused(db, candidates);
    await db.images.bulkDelete(gone);
    return gone.length;
  });
}
