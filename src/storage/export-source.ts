import type Dexie from 'dexie';
import type { Table } from 'dexie';
import type { ZipSource } from '../core/zip-export';
import type { CaptureRecord, CleanCaptureDb } from './db';

const PAGE = 50;

/**
 * A stored copy of an image, looked up generically: if the database has an `images` table with a
 * `url` index (the image-storage feature adds it), the first Blob field of the matching row.
 * Without one, images stay remote in exports.
 */
export function storedImageLookup(db: Dexie): ZipSource['images'] {
  const table = db.tables.find((t) => t.name === 'images') as Table<Record<string, unknown>> | undefined;
  if (!table || !table.schema.idxByName['url']) return undefined;
  return async (urls) => {
    const found = new Map<string, Blob>();
    if (!urls.length) return found;
    // One query for the page: rows hold Blob handles, not bytes, so this stays small.
    for (const row of await table.where('url').anyOf(urls).toArray()) {
      const blob = Object.values(row).find((v): v is Blob => v instanceof Blob);
      if (blob && typeof row['url'] === 'string' && !found.has(row['url'])) found.set(row['url'], blob);
    }
    return found;
  };
}

/** The articles with these ids, read a page at a time in the given order (missing ones skipped). */
export function captureSource(db: CleanCaptureDb, ids: number[]): ZipSource {
  return {
    total: ids.length,
    async *pages() {
      for (let i = 0; i < ids.length; i += PAGE) {
        const records = await db.captures.bulkGet(ids.slice(i, i + PAGE));
        yield records.filter((r): r is CaptureRecord => !!r);
      }
    },
    images: storedImageLookup(db),
  };
}

/** Ids of the whole library, newest first (keys only: cheap for any size). */
export async function allCaptureIds(db: CleanCaptureDb): Promise<number[]> {
  return (await db.captures.orderBy('capturedAt').reverse().primaryKeys()) as number[];
}

/** Ids of every article matching a search (all words), newest first, without a limit. */
export async function searchCaptureIds(db: CleanCaptureDb, query: string): Promise<number[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return allCaptureIds(db);
  return (await db.captures
    .orderBy('capturedAt')
    .reverse()
    .filter((r) => words.every((w) => `${r.title} ${r.byline ?? ''} ${r.siteName ?? ''} ${r.url} ${r.textContent}`.toLowerCase().includes(w)))
    .primaryKeys()) as number[];
}
