import type { SearchFilters } from '../core/library/search-index';
import { countCaptures, listRows, rowsByIds } from '../storage/capture-queries';
import type { CleanCaptureDb } from '../storage/db';
import type { CaptureRow } from '../storage/records';

/**
 * What the list shows, as pages fetched on demand (issue #5: never all records at once).
 * The plain library reads pages straight from the capturedAt index; a query or a filter asks the
 * background's search index for the matching ids, then reads just the visible ones. Either way
 * it reads list rows (captureRows, issue 17), never whole records.
 */
export interface LibrarySource {
  total: number;
  fetch(offset: number, limit: number): Promise<CaptureRow[]>;
  /** The real total when `total` is provisional (counting 10,000 records is slower than a page). */
  totalLater?: Promise<number>;
}

/**
 * The whole library, newest first. The first page is read before the count: its rows are painted
 * at once, and the scroll height grows when the count arrives.
 */
export async function plainSource(db: CleanCaptureDb, firstPage: number): Promise<LibrarySource> {
  const first = await listRows(db, 0, firstPage);
  const totalLater = countCaptures(db);
  return {
    total: first.length,
    totalLater,
    fetch: (offset, limit) => (offset === 0 && limit <= first.length ? Promise.resolve(first.slice(0, limit)) : listRows(db, offset, limit)),
  };
}

/** `search` is ui/search.ts's searchIds (the background's index): the same search exports use. */
export async function searchSource(
  db: CleanCaptureDb,
  query: string,
  filters: SearchFilters,
  search: (query: string, filters: SearchFilters) => Promise<number[]>,
): Promise<LibrarySource> {
  const ids = await search(query, filters);
  return {
    total: ids.length,
    fetch: async (offset, limit) => {
      return rowsByIds(db, ids.slice(offset, offset + limit));
    },
  };
}
