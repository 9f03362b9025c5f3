import type { SearchFilters } from '../core/library/search-index';
import type { CleanCaptureDb } from '../storage/db';
import { allCaptureIds } from '../storage/export-source';
import { hasFilters } from './filters';

/** What the popup shows when Export is pressed. */
export interface ExportChoice {
  checked: readonly number[];
  query: string;
  filters: SearchFilters;
}

export interface ExportIdsDeps {
  db: CleanCaptureDb;
  /** The list's own search (ui/search.ts: the background's index), ranked as the list shows it. */
  search(query: string, filters: SearchFilters): Promise<number[]>;
}

/**
 * The export holds the checked articles, else the search result — the very ids the list shows,
 * from the same search —, else the whole library.
 */
export async function exportIds(choice: ExportChoice, deps: ExportIdsDeps): Promise<number[]> {
  if (choice.checked.length) return [...choice.checked];
  if (!choice.query && !hasFilters(choice.filters)) return allCaptureIds(deps.db);
  return deps.search(choice.query, choice.filters);
}
