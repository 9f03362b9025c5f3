import type { SearchFilters } from '../core/search-index';
import type { CleanCaptureDb } from '../storage/db';
import { allCaptureIds, searchCaptureIds } from '../storage/export-source';
import { hasFilters } from './filters';

/** What the popup shows when Export is pressed. */
export interface ExportChoice {
  checked: readonly number[];
  query: string;
  filters: SearchFilters;
}

export interface ExportIdsDeps {
  db: CleanCaptureDb;
  /** Ids matching a query and filters, ranked as the list shows them (the background's index). */
  search(query: string, filters: SearchFilters): Promise<number[]>;
}

/** The export holds the checked articles, else the search result, else the whole library. */
export async function exportIds(choice: ExportChoice, deps: ExportIdsDeps): Promise<number[]> {
  if (choice.checked.length) return [...choice.checked];
  const filtered = hasFilters(choice.filters);
  if (!choice.query && !filtered) return allCaptureIds(deps.db);
  if (!filtered) return searchCaptureIds(deps.db, choice.query);
  return deps.search(choice.query, choice.filters);
}
