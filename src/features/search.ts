import type { SearchFilters } from '../core/library/search-index';
import { send } from '../platform/messaging';

/** Every match: the list reads only the rows on screen, an export takes them all. */
export const ALL_MATCHES = 100_000;

/**
 * The one way the pages search the library: the background's full-text index (issue #5), for the
 * list and for every export of "the search result", so what is exported is what is shown.
 * Ids come back ranked as the list shows them.
 */
export async function searchIds(query: string, filters: SearchFilters): Promise<number[]> {
  const { hits } = await send('search', { query, filters, limit: ALL_MATCHES });
  return hits.map((h) => h.id);
}
