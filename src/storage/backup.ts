import type Dexie from 'dexie';
import type { IndexableType, Table } from 'dexie';
import { encodeValue } from '../core/backup/backup-codec';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from '../core/backup/backup-format';

/** Rows read per query: keeps memory bounded whatever the library's size. */
const PAGE = 100;
/** Encoded text kept before it is folded into a Blob part. */
const FOLD_CHARS = 4 * 1024 * 1024;

/** The schema as Dexie's stores() spelling ("++id, *urlKeys, capturedAt"), for the reader of the file. */
export function schemaOf(table: Table): string {
  return [table.schema.primKey, ...table.schema.indexes].map((index) => index.src).join(', ');
}

/** Every row of a table in primary-key order, a page at a time, as [key, value] pairs. */
export async function* tableRows(table: Table): AsyncGenerator<[IndexableType, unknown]> {
  let last: IndexableType | undefined;
  for (;;) {
    const query = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
    const [keys, values] = await Promise.all([query.clone().limit(PAGE).primaryKeys(), query.clone().limit(PAGE).toArray()]);
    for (let i = 0; i < keys.length; i++) yield [keys[i]!, values[i]];
    if (keys.length < PAGE) return;
    last = keys[keys.length - 1];
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * What a backup leaves out: deleted articles and highlights (tombstones, in the library only until the sweep),
 * rows of any table that belong to one (by the `captureId` convention restore.ts follows), and
 * stored images no article shows (orphans waiting to be freed), and sync's bookkeeping (it names
 * this device's record ids: restored elsewhere it would be wrong; a restored library simply syncs
 * again, merging).
 */
// captureRows (v9) is derived from captures: rebuilt from them, never carried in a file.
const DEVICE_ONLY_TABLES = new Set(['syncDocs', 'syncMeta', 'captureRows']);

async function leftOut(db: Dexie): Promise<(table: Table, value: unknown) => Promise<boolean>> {
  const names = new Set(db.tables.map((t) => t.name));
  const captures = names.has('captures') ? db.table('captures') : null;
  const deleted = new Set(captures?.schema.idxByName['deletedAt'] ? await captures.orderBy('deletedAt').primaryKeys() : []);
  const links = names.has('imageLinks') ? db.table('imageLinks') : null;
  return async (table, value) => {
    if (DEVICE_ONLY_TABLES.has(table.name)) return true;
    if (!isObject(value)) return false;
    if (table.name === 'captures') return value['deletedAt'] !== undefined;
    // A deleted highlight (a tombstone waiting for the sweep) is not brought back by a restore either.
    if (table.name === 'highlights' && value['deletedAt'] !== undefined) return true;
    if (typeof value['captureId'] === 'number' && deleted.has(value['captureId'])) return true;
    if (table.name === 'images' && links && typeof value['hash'] === 'string') {
      return (
        (await links
          .where('hash')
          .equals(value['hash'])
          .filter((l: { captureId: number }) => !deleted.has(l.captureId))
          .count()) === 0
      );
    }
    return false;
  };
}

export interface BackupOptions {
  settings: unknown;
  generator: string;
  now?: Date;
  onProgress?: (table: string, rows: number) => void;
}

/**
 * The whole database as a backup file (docs/backup-format.md): every table the database has,
 * found through db.tables, so tables other features add are backed up without changes here;
 * deleted articles are not in it (see leftOut).
 */
export async function createBackup(db: Dexie, options: BackupOptions): Promise<Blob> {
  const now = options.now ?? new Date();
  const header = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: now.toISOString(),
    generator: options.generator,
    schemaVersion: db.verno,
    settings: (await encodeValue(options.settings ?? null)) ?? null,
  };
  const parts: BlobPart[] = [`${JSON.stringify(header, null, 1).slice(0, -2)},\n "tables": {`];
  const tables = [...db.tables].sort((a, b) => a.name.localeCompare(b.name));
  const leave = await leftOut(db);
  for (const [t, table] of tables.entries()) {
    const outbound = !table.schema.primKey.keyPath;
    parts.push(`${t ? ',' : ''}\n  ${JSON.stringify(table.name)}: {"schema": ${JSON.stringify(schemaOf(table))}, "outbound": ${outbound}, "rows": [`);
    let n = 0;
    let pending: string[] = [];
    let pendingChars = 0;
    for await (const [key, value] of tableRows(table)) {
      if (await leave(table, value)) continue;
      const row = outbound ? { key: await encodeValue(key), value: await encodeValue(value) } : await encodeValue(value);
      const line = `${n ? ',' : ''}\n   ${JSON.stringify(row)}`;
      pending.push(line);
      pendingChars += line.length;
      n++;
      // Fold strings into Blob parts as we go (Blob data leaves the JS heap), by count and by
      // size: rows with large images are folded sooner.
      if (pending.length >= PAGE || pendingChars >= FOLD_CHARS) {
        parts.push(new Blob(pending));
        pending = [];
        pendingChars = 0;
        options.onProgress?.(table.name, n);
      }
    }
    if (pending.length) parts.push(new Blob(pending));
    options.onProgress?.(table.name, n);
    parts.push(`${n ? '\n  ' : ''}]}`);
  }
  parts.push('\n }\n}\n');
  return new Blob(parts, { type: 'application/json' });
}
