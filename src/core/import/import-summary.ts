import type { ImportParse } from './import-item';

/** What an import will do, counted before anything is written (the preview of issue #15). */
export interface ImportSummary {
  articles: number;
  archived: number;
  favourites: number;
  /** Distinct tags, compared as the library cleans them (trimmed, lower-case). */
  tags: number;
  /** Items that carry no content: their pages must be fetched. */
  toFetch: number;
  highlights: number;
  skipped: number;
}

export function summarize(parses: readonly ImportParse[]): ImportSummary {
  const items = parses.flatMap((p) => p.items);
  const tags = new Set(items.flatMap((i) => i.tags.map((t) => t.trim().toLowerCase()).filter(Boolean)));
  return {
    articles: items.length,
    archived: items.filter((i) => i.archived).length,
    favourites: items.filter((i) => i.favourite).length,
    tags: tags.size,
    toFetch: items.filter((i) => i.contentHtml === null).length,
    highlights: items.reduce((n, i) => n + i.highlights.length, 0),
    skipped: parses.reduce((n, p) => n + p.skipped.length, 0),
  };
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "1,243 articles, 310 archived, 57 tags; 1,243 pages to fetch" */
export function summaryLine(s: ImportSummary): string {
  const parts = [count(s.articles, 'article', 'articles'), `${s.archived.toLocaleString('en-US')} archived`];
  if (s.favourites) parts.push(`${s.favourites.toLocaleString('en-US')} favourite${s.favourites === 1 ? '' : 's'}`);
  parts.push(count(s.tags, 'tag', 'tags'));
  if (s.highlights) parts.push(count(s.highlights, 'highlight', 'highlights'));
  let line = `${parts.join(', ')}; ${count(s.toFetch, 'page', 'pages')} to fetch`;
  if (s.skipped) line += `; ${count(s.skipped, 'entry', 'entries')} skipped`;
  return line;
}
