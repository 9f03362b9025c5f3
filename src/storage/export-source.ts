import type { StoredImageFile } from '../core/export/markdown-files';
import type { ZipSource } from '../core/export/zip-export';
import type { CleanCaptureDb } from './db';
import { captureImages } from './image-queries';
import type { Highlight } from '../core/highlights/highlight';
import type { CaptureRecord } from './records';
import { isLive } from './tombstone';

const PAGE = 50;

/**
 * The stored copies of images by the address the articles use (issue #6's image store: links by
 * url → stored Blob by content hash). Addresses never kept stay remote in the export.
 */
export function storedImageLookup(db: CleanCaptureDb): NonNullable<ZipSource['images']> {
  return async (urls) => {
    const found = new Map<string, Blob>();
    if (!urls.length) return found;
    // One query for the page: rows hold Blob handles, not bytes, so this stays small.
    const links = (await db.imageLinks.where('url').anyOf(urls).toArray()).filter((l) => l.hash);
    const images = await db.images.bulkGet([...new Set(links.map((l) => l.hash!))]);
    const byHash = new Map(images.filter((i) => !!i).map((i) => [i!.hash, i!.blob]));
    for (const link of links) {
      const blob = byHash.get(link.hash!);
      if (blob && !found.has(link.url)) found.set(link.url, blob);
    }
    return found;
  };
}

/** A capture's stored images with their content hash (it names the exported file), by the URL its HTML uses. */
export async function storedImageFiles(db: CleanCaptureDb, captureId: number): Promise<Map<string, StoredImageFile>> {
  const { links, images } = await captureImages(db, captureId);
  const found = new Map<string, StoredImageFile>();
  for (const link of links) {
    const image = link.hash ? images.get(link.hash) : undefined;
    if (image) found.set(link.url, { hash: image.hash, blob: image.blob });
  }
  return found;
}

/** The articles with these ids, read a page at a time in the given order (missing and deleted ones skipped). */
export function captureSource(db: CleanCaptureDb, ids: number[]): ZipSource {
  return {
    total: ids.length,
    async *pages() {
      for (let i = 0; i < ids.length; i += PAGE) {
        const records = (await db.captures.bulkGet(ids.slice(i, i + PAGE))).filter(isLive);
        yield await withHighlights(db, records);
      }
    },
    images: storedImageLookup(db),
  };
}

/** Each article with its highlights (issue #16), read for the whole page in one query. */
async function withHighlights<R extends CaptureRecord>(db: CleanCaptureDb, records: R[]): Promise<Array<R & { highlights?: Highlight[] }>> {
  const rows = await db.highlights
    .where('captureId')
    .anyOf(records.map((r) => r.id!))
    .filter((h) => h.deletedAt === undefined)
    .toArray();
  if (!rows.length) return records;
  return records.map((r) => {
    const own = rows.filter((h) => h.captureId === r.id).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return own.length ? { ...r, highlights: own } : r;
  });
}

/** Ids of the whole library, newest first (keys only: cheap for any size; tombstones are not in this index). */
export async function allCaptureIds(db: CleanCaptureDb): Promise<number[]> {
  return db.captures.orderBy('listOrder').primaryKeys();
}
