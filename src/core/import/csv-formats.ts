import { columnsOf, parseCsv, type CsvRow } from './csv';
import { fromDateText, fromUnixTime } from './import-dates';
import { importItem, ImportFormatError, type ImportFormat, type ImportItem, type ImportParse, type ImportSkip } from './import-item';
import { checkImportUrl } from './import-url';

/**
 * The CSV exports (issue #15), each known by its header row:
 * - Pocket: `title,url,time_added,tags,status` (tags `|`-separated, status unread/archive);
 * - Instapaper: `URL,Title,Selection,Folder,Timestamp,Tags` (Tags a JSON array; the folders
 *   Archive and Starred are states, any other folder a tag);
 * - Readwise Reader: `Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen`
 *   (Location archive / shortlist are states; tags a list like `['a', 'b']`).
 */
interface CsvFormat {
  format: ImportFormat;
  /** Columns that must all be present (lower-case). */
  required: string[];
  item(get: (column: string) => string): Omit<ImportItem, 'url'> & { url: string };
}

const CSV_FORMATS: CsvFormat[] = [
  {
    format: 'pocket-csv',
    required: ['title', 'url', 'time_added', 'tags', 'status'],
    item: (get) =>
      importItem(get('url'), {
        title: get('title') || null,
        savedAt: fromUnixTime(get('time_added')),
        tags: splitList(get('tags'), '|'),
        archived: get('status').trim().toLowerCase() === 'archive',
      }),
  },
  {
    format: 'instapaper',
    required: ['url', 'title', 'folder', 'timestamp'],
    item: (get) => {
      const folder = get('folder').trim();
      const lower = folder.toLowerCase();
      const tags = jsonList(get('tags'));
      if (folder && lower !== 'unread' && lower !== 'archive' && lower !== 'starred') tags.push(folder);
      return importItem(get('url'), {
        title: get('title') || null,
        savedAt: fromUnixTime(get('timestamp')),
        tags,
        archived: lower === 'archive',
        favourite: lower === 'starred',
      });
    },
  },
  {
    format: 'readwise',
    required: ['title', 'url', 'document tags', 'saved date', 'location'],
    item: (get) => {
      const location = get('location').trim().toLowerCase();
      return importItem(get('url'), {
        title: get('title') || null,
        savedAt: fromDateText(get('saved date')),
        tags: pythonList(get('document tags')),
        archived: location === 'archive',
        favourite: location === 'shortlist',
        progress: fraction(get('reading progress')),
      });
    },
  },
];

/** The CSV format `header` belongs to, or null when no known export has these columns. */
function formatOf(columns: Map<string, number>): CsvFormat | null {
  return CSV_FORMATS.find((f) => f.required.every((c) => columns.has(c))) ?? null;
}

/** True when `text` looks like a CSV with a header: a first line of comma-separated names, not an address. */
export function looksLikeCsv(text: string): boolean {
  const first = text.slice(0, text.search(/\r?\n|$/));
  return first.includes(',') && !first.includes('://');
}

export function parseCsvExport(text: string): ImportParse {
  const rows = parseCsv(text);
  const [header, ...body] = rows;
  if (!header) throw new ImportFormatError('This CSV file is empty.');
  const columns = columnsOf(header.fields);
  const spec = formatOf(columns);
  if (!spec) {
    throw new ImportFormatError(
      `This CSV's columns (${header.fields.map((f) => f.trim()).join(', ')}) are not those of a Pocket, Instapaper or Readwise Reader export, so nothing was imported. Export again from the service, or save the addresses one per line as a plain list.`,
    );
  }
  const items: ImportItem[] = [];
  const skipped: ImportSkip[] = [];
  for (const row of body) {
    const where = `line ${row.line}`;
    const get = getter(row, columns);
    const item = spec.item(get);
    const url = checkImportUrl(item.url);
    if (!url.ok) skipped.push({ where, reason: url.reason });
    else items.push({ ...item, url: url.url });
  }
  return { format: spec.format, items, skipped };
}

function getter(row: CsvRow, columns: Map<string, number>): (column: string) => string {
  return (column) => {
    const i = columns.get(column);
    return i === undefined ? '' : (row.fields[i] ?? '');
  };
}

function splitList(text: string, separator: string): string[] {
  return text
    .split(separator)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Instapaper's Tags column: a JSON array of names (`[]` when none). */
function jsonList(text: string): string[] {
  if (!text.trim()) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string' && !!t.trim()) : [];
  } catch {
    return splitList(text, ',');
  }
}

/** Readwise's tag column: a Python-style list `['a', 'b']`, or plain comma-separated names. */
function pythonList(text: string): string[] {
  const inner = text.trim().replace(/^\[|\]$/g, '');
  return splitList(inner, ',')
    .map((t) => t.replace(/^['"]|['"]$/g, '').trim())
    .filter(Boolean);
}

/** 0..1, from a fraction or a percentage; null when absent or not a number. */
export function fraction(value: unknown): number | null {
  const n =
    typeof value === 'number'
      ? value
      : Number(
          String(value ?? '')
            .trim()
            .replace(/%$/, ''),
        );
  if (value === '' || value === null || value === undefined || !Number.isFinite(n) || n < 0) return null;
  return Math.min(1, n > 1 ? n / 100 : n);
}
