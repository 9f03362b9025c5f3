import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTransaction, Middleware } from 'dexie';
import type { CaptureRecord, CaptureRow } from './records';

/** The table of list rows (v9, issue 17), one per live article, keyed by the article's id. */
export const CAPTURE_ROWS = 'captureRows';
const CAPTURES = 'captures';

/** A row line shows the start of the excerpt; more would only make each page of rows heavier. */
export const ROW_EXCERPT_CHARS = 300;

/** The list row of a record, or null when it is no article of the list (a tombstone). */
export function captureRowOf(record: CaptureRecord, id = record.id): CaptureRow | null {
  if (id === undefined || record.deletedAt !== undefined || record.listOrder === undefined) return null;
  const row: CaptureRow = {
    id,
    listOrder: record.listOrder,
    title: record.title,
    url: record.url,
    siteName: record.siteName ?? null,
    published: record.published ?? null,
    capturedAt: record.capturedAt,
    readingMinutes: record.readingMinutes,
    excerpt: record.excerpt ? record.excerpt.slice(0, ROW_EXCERPT_CHARS) : (record.excerpt ?? null),
    dir: record.dir ?? null,
  };
  // Optional fields only when the record has them, so a row equals what the list read before.
  if (record.tags !== undefined) row.tags = record.tags;
  if (record.readState !== undefined) row.readState = record.readState;
  if (record.archived !== undefined) row.archived = record.archived;
  if (record.favourite !== undefined) row.favourite = record.favourite;
  if (record.versionCount !== undefined) row.versionCount = record.versionCount;
  if (record.completeness !== undefined) row.completeness = record.completeness;
  if (record.storyId !== undefined) row.storyId = record.storyId;
  return row;
}

/** Whether this transaction reaches the rows table (not an upgrade from before v9: its own upgrade fills it). */
function reachesRows(trans: DBCoreTransaction): boolean {
  const names = (trans as Partial<IDBTransaction>).objectStoreNames;
  return !names || names.contains(CAPTURE_ROWS);
}

/**
 * Keeps `captureRows` in step with `captures` (issue 17). It sits under every table call, like the
 * generation middleware, and widens every read-write transaction over `captures` to the rows table:
 * whatever writes a record — save, update, tags, archive, delete as a tombstone, Undo, the sweep,
 * Re-extract, backup restore, import, sync's applies (src/background/sync) — writes its row in the
 * same transaction, so no writer has to remember it and a list never shows a row of a record that
 * was not committed. docs/storage.md says the same.
 */
export const captureRowsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'capture-rows',
  create(down) {
    const rowsOf = async (req: DBCoreMutateRequest, response: DBCoreMutateResponse) => {
      if (!reachesRows(req.trans)) return;
      const rows = down.table(CAPTURE_ROWS);
      const trans = req.trans;
      if (req.type === 'deleteRange') return void (await rows.mutate({ trans, type: 'deleteRange', range: req.range }));
      if (req.type === 'delete') return void (await rows.mutate({ trans, type: 'delete', keys: req.keys }));
      const failed = response.failures ?? {};
      const keep: CaptureRow[] = [];
      const drop: number[] = [];
      req.values.forEach((value: CaptureRecord, i) => {
        if (failed[i]) return;
        const key = (response.results?.[i] ?? req.keys?.[i] ?? value.id) as number | undefined;
        if (key === undefined) return;
        const row = captureRowOf(value, key);
        if (row) keep.push(row);
        else drop.push(key);
      });
      if (keep.length) await rows.mutate({ trans, type: 'put', values: keep });
      if (drop.length) await rows.mutate({ trans, type: 'delete', keys: drop });
    };
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.includes(CAPTURES) && !stores.includes(CAPTURE_ROWS);
        return down.transaction(widen ? [...stores, CAPTURE_ROWS] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== CAPTURES) return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            const response = await table.mutate(req);
            await rowsOf(req, response);
            return response;
          },
        };
      },
    };
  },
};
