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
  /** The page's own date ('' when it gives none) and the reading time, for the library's sorts. */
  published: string;
  minutes: number;
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
  published?: string | null;
  readingMinutes?: number;
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
    published: record.published ?? '',
    minutes: record.readingMinutes ?? 0,
  };
}

export const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'byline', 'site', 'tags', 'text'],
  storeFields: ['title', 'site', 'tags', 'state', 'favourite', 'date', 'published', 'minutes'],
  // Tags are stored as the array itself (tag management and the tag filter need each one whole,
  // "new york" included) and indexed as words.
  stringifyField: (value: unknown) => (Array.isArray(value) ? value.join(' ') : String(value)),
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

/** Every tag with its count, from the stored fields (no record is read). */
export function indexTags(index: MiniSearch<SearchDoc>): string[][] {
  return index.search(MiniSearch.wildcard).map((r) => r['tags'] as string[]);
}

/**
 * Whether a saved copy stores today's fields: a copy saved before the library's sorts (issue 17)
 * lacks `minutes`, and is rebuilt rather than sorting on missing values.
 */
export function isCurrentIndexJson(json: string, documents: number): boolean {
  return documents === 0 || json.includes('"minutes":');
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

/**
 * The library page's orders (issue 17). `saved` is newest first; `published` newest first, pages
 * without a date last; `title` and `site` A to Z; `minutes` shortest first. Absent: by rank, or
 * newest saved first for an empty query.
 */
export type LibrarySort = 'saved' | 'published' | 'title' | 'site' | 'minutes';
export const LIBRARY_SORTS: readonly LibrarySort[] = ['saved', 'published', 'title', 'site', 'minutes'];

/** The part of `site` that reads as the list shows it (the site's name, else its host). */
const siteText = (r: SearchResult) => ((r['site'] as string) || '').trim().toLowerCase();
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const ORDERS: Record<LibrarySort, (a: SearchResult, b: SearchResult) => number> = {
  saved: (a, b) => ((a['date'] as string) < (b['date'] as string) ? 1 : (a['date'] as string) > (b['date'] as string) ? -1 : 0),
  published: (a, b) => {
    const pa = (a['published'] as string) || '';
    const pb = (b['published'] as string) || '';
    if (!pa !== !pb) return pa ? -1 : 1;
    return pa < pb ? 1 : pa > pb ? -1 : ORDERS.saved(a, b);
  },
  title: (a, b) => collator.compare(a['title'] as string, b['title'] as string) || ORDERS.saved(a, b),
  site: (a, b) => collator.compare(siteText(a), siteText(b)) || ORDERS.saved(a, b),
  minutes: (a, b) => (a['minutes'] as number) - (b['minutes'] as number) || ORDERS.saved(a, b),
};

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
 * with filters lists every matching record, newest first; `sort` orders either by a library sort.
 */
export function searchIndex(index: MiniSearch<SearchDoc>, query: string, filters: SearchFilters = {}, limit = 500, sort?: LibrarySort): SearchHit[] {
  const text = query.trim();
  const filter = (r: SearchResult) => matches(r, filters);
  const results = text ? index.search(text, { filter }) : index.search(MiniSearch.wildcard, { filter });
  const order = sort && Object.hasOwn(ORDERS, sort) ? ORDERS[sort] : text ? null : ORDERS.saved;
  if (order) results.sort(order);
  return results.slice(0, limit).map((r) => ({ id: r.id as number, score: r.score }));
}
