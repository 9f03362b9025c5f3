import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { hostOf } from '../shared/site-host';

/**
 * The library's full-text index (issue #5): MiniSearch over titles, authors, sites, tags and the
 * article text, ranked (BM25+), with prefix and typo tolerance. Pure: the background keeps one in
 * memory, persists it, and updates it one document at a time.
 */

/**
 * Words of article text indexed per record. The whole text of 10,000 articles of ~1,500 words
 * would make an index far larger than the library list needs; the opening words carry the
 * article's subject (news is written top-down). Titles, authors, sites and tags are indexed whole.
 */
export const TEXT_WORDS_INDEXED = 120;

export interface SearchDoc {
  id: number;
  title: string;
  byline: string;
  site: string;
  tags: string[];
  text: string;
  /** Stored for filters and ordering: */
  state: 'unread' | 'read' | 'archived';
  favourite: boolean;
  date: string;
}

/** What the index needs from a record (a structural subset of CaptureRecord). */
export interface IndexableRecord {
  id?: number;
  title: string;
  byline: string | null;
  siteName: string | null;
  url: string;
  textContent: string;
  capturedAt: string;
  tags?: string[];
  readState?: 'unread' | 'read';
  archived?: 0 | 1;
  favourite?: 0 | 1;
  /** The article's highlighted passages and notes (issue #16): searched with its text. */
  highlightText?: string;
}

export function siteKeyOf(record: Pick<IndexableRecord, 'siteName' | 'url'>): string {
  return hostOf(record.url)?.toLowerCase() ?? (record.siteName ?? '').toLowerCase();
}

export function searchDocOf(record: IndexableRecord): SearchDoc {
  const words = record.textContent.split(/\s+/, TEXT_WORDS_INDEXED);
  return {
    id: record.id!,
    title: record.title,
    byline: record.byline ?? '',
    site: `${record.siteName ?? ''} ${siteKeyOf(record)}`,
    tags: record.tags ?? [],
    // Highlights and notes go in with the start of the text: one field, so a persisted index keeps its shape.
    text: record.highlightText ? `${words.join(' ')} ${record.highlightText}` : words.join(' '),
    state: record.archived ? 'archived' : (record.readState ?? 'unread'),
    favourite: record.favourite === 1,
    date: record.capturedAt,
  };
}

export const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'byline', 'site', 'tags', 'text'],
  storeFields: ['site', 'tags', 'state', 'favourite', 'date'],
  extractField: (doc, field) => {
    const value = (doc as unknown as Record<string, unknown>)[field];
    return Array.isArray(value) ? value.join(' ') : (value as string);
  },
  searchOptions: {
    boost: { title: 3, byline: 2, site: 1.5, tags: 2 },
    // As you type: the last word is a prefix (from 3 letters; shorter prefixes match half the
    // vocabulary and make every keystroke slow).
    prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
    // One typo from 5 letters, two from 9: short words would match everything.
    fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false),
    combineWith: 'AND',
  },
};

export function createIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>(INDEX_OPTIONS);
}

export function loadIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, INDEX_OPTIONS);
}

/** Library filters; each one given must hold. */
export interface SearchFilters {
  tag?: string;
  /** A host name, as shown in the list ("example.com"). */
  site?: string;
  state?: 'unread' | 'read' | 'archived';
  favourite?: boolean;
  /** ISO dates (inclusive days) on the date the article was saved. */
  from?: string;
  to?: string;
}

export interface SearchHit {
  id: number;
  score: number;
}

function matches(result: SearchResult, filters: SearchFilters): boolean {
  if (filters.state && result['state'] !== filters.state) return false;
  if (filters.favourite && !result['favourite']) return false;
  if (filters.tag && !(result['tags'] as string[]).includes(filters.tag.toLowerCase())) return false;
  if (filters.site && !(result['site'] as string).toLowerCase().includes(filters.site.toLowerCase())) return false;
  const date = result['date'] as string;
  if (filters.from && date.slice(0, 10) < filters.from) return false;
  if (filters.to && date.slice(0, 10) > filters.to) return false;
  return true;
}

/**
 * Ranked hits for a query (every word must match, prefix and fuzzy), filtered. An empty query
 * with filters lists every matching record, newest first.
 */
export function searchIndex(index: MiniSearch<SearchDoc>, query: string, filters: SearchFilters = {}, limit = 500): SearchHit[] {
  const text = query.trim();
  const filter = (r: SearchResult) => matches(r, filters);
  const results = text
    ? index.search(text, { filter })
    : index.search(MiniSearch.wildcard, { filter }).sort((a, b) => ((a['date'] as string) < (b['date'] as string) ? 1 : -1));
  return results.slice(0, limit).map((r) => ({ id: r.id as number, score: r.score }));
}
