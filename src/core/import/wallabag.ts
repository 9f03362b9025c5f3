import { fromDateText } from './import-dates';
import { importItem, ImportFormatError, type ImportHighlight, type ImportItem, type ImportParse, type ImportSkip } from './import-item';
import { checkImportUrl } from './import-url';

/**
 * wallabag's JSON export: an array of entries `{url, title, content, is_archived, is_starred,
 * tags, created_at, published_at, annotations: [{quote, text}]…}`. Content is the article HTML
 * wallabag extracted: imported from it, no fetch.
 */
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const truthy = (v: unknown) => v === 1 || v === true || v === '1';

export function isWallabagJson(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.some((e) => isObject(e) && 'url' in e && ('is_archived' in e || 'is_starred' in e));
}

export function parseWallabag(entries: unknown[]): ImportParse {
  const items: ImportItem[] = [];
  const skipped: ImportSkip[] = [];
  entries.forEach((entry, i) => {
    const where = `entry ${i + 1}`;
    if (!isObject(entry)) return skipped.push({ where, reason: 'not an article entry' });
    const url = checkImportUrl(text(entry['url']));
    if (!url.ok) return skipped.push({ where, reason: url.reason });
    items.push(
      importItem(url.url, {
        title: text(entry['title']),
        savedAt: fromDateText(entry['created_at']),
        tags: Array.isArray(entry['tags']) ? entry['tags'].map((t) => (isObject(t) ? text(t['label']) : text(t))).filter((t): t is string => !!t) : [],
        archived: truthy(entry['is_archived']),
        favourite: truthy(entry['is_starred']),
        contentHtml: text(entry['content']),
        highlights: annotationsOf(entry['annotations']),
      }),
    );
  });
  return { format: 'wallabag', items, skipped };
}

function annotationsOf(value: unknown): ImportHighlight[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).flatMap((a) => {
    const quote = text(a['quote']);
    const createdAt = text(a['created_at']);
    return quote ? [{ quote, note: text(a['text']), ...(createdAt ? { createdAt } : {}) }] : [];
  });
}

/** A JSON file that is not a wallabag export. */
export function notWallabag(): ImportFormatError {
  return new ImportFormatError('This JSON file is not a wallabag export (it has no list of entries with "url" and "is_archived"). Nothing was imported.');
}
