import { rawHtmlBytes } from '../core/extract/raw-page';
import type { CleanCaptureDb } from './db';
import type { CaptureRecord, ImageLinkRecord, ImageRecord } from './records';

/** Read-only queries over stored images, for every context (writes are in images.ts). */

/** The stored-image hashes these links point to (failures have none). */
export const hashesOf = (links: ImageLinkRecord[]) => links.map((l) => l.hash).filter((h): h is string => !!h);

/** A capture's image links, and its stored images by hash (read-only; any context). */
export async function captureImages(db: CleanCaptureDb, captureId: number): Promise<{ links: ImageLinkRecord[]; images: Map<string, ImageRecord> }> {
  const links = await imageLinksOf(db, captureId);
  const hashes = [...new Set(hashesOf(links))];
  const found = await db.images.bulkGet(hashes);
  const images = new Map<string, ImageRecord>();
  found.forEach((image) => image && images.set(image.hash, image));
  return { links, images };
}

export interface StorageUse {
  /** UTF-8 bytes of the article's text and HTML (and metadata). */
  textBytes: number;
  /** UTF-8 bytes of the raw page HTML, when the capture keeps it. */
  rawHtmlBytes: number;
  /** Bytes of the distinct stored images this capture shows (shared images counted in full). */
  imageBytes: number;
  images: number;
  /** Of those, how many other captures also use: deleting this one does not free them. */
  sharedImages: number;
  failedImages: number;
}

const utf8 = (text: unknown) => (typeof text === 'string' ? new TextEncoder().encode(text).length : 0);

/** What one capture takes in the library. */
export async function captureStorageUse(db: CleanCaptureDb, record: CaptureRecord): Promise<StorageUse> {
  const { links, images } = await captureImages(db, record.id!);
  let shared = 0;
  for (const hash of images.keys()) {
    const users = await db.imageLinks.where('hash').equals(hash).toArray();
    if (users.some((l) => l.captureId !== record.id)) shared++;
  }
  const { contentHtml, textContent, rawHtmlGzip: _raw, ...meta } = record;
  return {
    textBytes: utf8(contentHtml) + utf8(textContent) + utf8(JSON.stringify(meta)),
    rawHtmlBytes: rawHtmlBytes(record as unknown as Record<string, unknown>),
    imageBytes: [...images.values()].reduce((sum, image) => sum + image.bytes, 0),
    images: images.size,
    sharedImages: shared,
    failedImages: links.filter((l) => !l.hash).length,
  };
}

/** A capture's image links (kept and failed). */
export function imageLinksOf(db: CleanCaptureDb, captureId: number): Promise<ImageLinkRecord[]> {
  return db.imageLinks.where('captureId').equals(captureId).toArray();
}

/** How many images the library stores, and their bytes (each image once). */
export async function storedImageTotals(db: CleanCaptureDb): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  await db.images.each((image) => {
    count++;
    bytes += image.bytes;
  });
  return { count, bytes };
}
