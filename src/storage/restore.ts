import type Dexie from 'dexie';
import type { IndexableType, Table } from 'dexie';
import { BackupFormatError } from '../core/backup/backup-codec';
import type { ParsedBackup } from '../core/backup/backup-format';
import { checkCaptureRecord } from '../core/library/capture-record-check';
import { checkHighlightRecord } from '../core/highlights/highlight-record-check';
import type { CleanCaptureDb } from './db';
import type { CaptureRecord, HighlightRecord } from './records';
import { purgeCapture } from './library';
import { listOrderOf } from './record-fields';
import { isLive } from './tombstone';

export interface TableReport {
  added: number;
  updated: number;
  /** Already in the library (same key or same content): left as it was. */
  skipped: number;
}

export interface RestoreReport {
  tables: Record<string, TableReport>;
  /** The backup's settings (already validated by the caller's normalizer), or null. */
  settings: Record<string, unknown> | null;
}

/**
 * Per-table rules. A table not listed here is restored generically: rows are objects (or
 * {key, value} for outbound tables), a row whose key is already used is skipped, and a field named
 * `captureId` is remapped to the id its capture got in this library (the convention for tables
 * that point at captures: versions, tags, images…).
 */
const ROW_CHECKS: Record<string, (row: Record<string, unknown>) => string | null> = {
  // A backup never holds a deleted article (tombstone): one in a file is not to be brought back.
  captures: (row) => checkCaptureRecord(row) ?? (row['deletedAt'] !== undefined ? '"deletedAt": a backup holds no deleted articles' : null),
  // Highlights (v6, issue #16): checked like captures, so a bad quote or a note that is not text never lands.
  highlights: checkHighlightRecord,
};

/**
 * This library's own bookkeeping, never taken from a file: its write generation (which must move
 * with this restore, not jump to the other library's count) and the search index built from the
 * other library's articles (rebuilt from the restored ones instead), and the import queue (the
 * other browser's import in progress, issue #15), and the list rows (v9: written with each restored
 * article by the capture-rows middleware). Their rows count as skipped.
 */
const LOCAL_TABLES: ReadonlySet<string> = new Set(['meta', 'searchIndex', 'importQueue', 'importPages', 'captureRows']);

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Blob);

function validKey(key: unknown): boolean {
  if (typeof key === 'number') return !Number.isNaN(key);
  if (typeof key === 'string' || key instanceof Date || key instanceof ArrayBuffer) return true;
  return Array.isArray(key) && key.length > 0 && key.every(validKey);
}

function keyOf(value: Record<string, unknown>, keyPath: string | string[]): unknown {
  const read = (path: string) => path.split('.').reduce<unknown>((v, part) => (isObject(v) ? v[part] : undefined), value);
  return Array.isArray(keyPath) ? keyPath.map(read) : read(keyPath);
}

/** Check every row against the database it goes into; throws before anything is written. */
export function validateBackup(db: Dexie, backup: ParsedBackup): void {
  const known = new Set(db.tables.map((t) => t.name));
  const unknown = Object.keys(backup.tables).filter((name) => !known.has(name));
  if (unknown.length) {
    throw new BackupFormatError(
      `This backup holds ${unknown.map((n) => `"${n}"`).join(', ')}, which this version of Clean Capture does not know (it was made by a newer version). Update Clean Capture, then restore it. Nothing was changed.`,
    );
  }
  for (const [name, { rows, outbound }] of Object.entries(backup.tables)) {
    const table = db.table(name);
    const { keyPath, auto } = table.schema.primKey;
    const tableOutbound = !keyPath;
    if (outbound !== tableOutbound)
      throw new BackupFormatError(`The table "${name}" in this backup is laid out differently from this library's. Nothing was changed.`);
    rows.forEach((raw, i) => {
      const where = `${name} row ${i + 1}`;
      const row = raw as Record<string, unknown>;
      const value = outbound ? row.value : row;
      let problem: string | null = null;
      if (outbound && !validKey(row.key)) problem = 'its key is not a valid key';
      else if (!outbound && !isObject(value)) problem = 'it is not an object';
      else if (!outbound && keyPath && !auto && !validKey(keyOf(value as Record<string, unknown>, keyPath)))
        problem = `its key "${String(keyPath)}" is missing`;
      else if (
        !outbound &&
        auto &&
        keyPath &&
        keyOf(value as Record<string, unknown>, keyPath) !== undefined &&
        !validKey(keyOf(value as Record<string, unknown>, keyPath))
      )
        problem = 'its key is not a valid key';
      else problem = ROW_CHECKS[name]?.(value as Record<string, unknown>) ?? null;
      if (problem) throw new BackupFormatError(`This backup is damaged (${where}: ${problem}). Nothing was changed.`);
    });
  }
}

/**
 * Captures: dedupe by URL keys against the live library, like saving; the newer text wins; ids
 * kept when free. A tombstone under a row's id is that article deleted here since the backup:
 * it is deleted for good and the backup's article takes its place.
 */
async function mergeCaptures(db: CleanCaptureDb, rows: CaptureRecord[], ids: Map<number, number>, report: TableReport): Promise<void> {
  const table = db.captures;
  for (const row of rows) {
    const existing = await table
      .where('urlKeys')
      .anyOf(row.urlKeys)
      .filter((r) => isLive(r))
      .first();
    if (!existing) {
      const held = row.id !== undefined ? await table.get(row.id) : undefined;
      if (held && !isLive(held)) await purgeCapture(db, held.id!);
      const free = row.id !== undefined && (!held || !isLive(held));
      const { id: oldId, ...rest } = row;
      // Listed (rows from a backup made before v2 have no listOrder, and were never shown).
      const listed = { ...rest, listOrder: rest.listOrder ?? listOrderOf(rest.capturedAt) } as CaptureRecord;
      const id = free ? await table.add({ ...listed, id: oldId }) : await table.add(listed);
      if (oldId !== undefined) ids.set(oldId, id);
      report.added++;
      continue;
    }
    if (row.id !== undefined) ids.set(row.id, existing.id!);
    const urlKeys = [...new Set([...existing.urlKeys, ...row.urlKeys])];
    if (existing.fingerprint !== row.fingerprint && row.updatedAt > existing.updatedAt) {
      const capturedAt = row.capturedAt < existing.capturedAt ? row.capturedAt : existing.capturedAt;
      await table.put({ ...existing, ...row, id: existing.id, urlKeys, capturedAt, listOrder: listOrderOf(capturedAt) });
      report.updated++;
    } else {
      if (urlKeys.length !== existing.urlKeys.length) await table.update(existing.id!, { urlKeys });
      report.skipped++;
    }
  }
}

/**
 * Highlights by id (a UUID, the same on every device): a new one is added to its article's id
 * here; one already in the library takes the backup's copy only when that copy was changed later
 * (the rule a sync will use: edits by latest change). A tombstone here is not revived by an older copy.
 */
async function mergeHighlights(db: CleanCaptureDb, rows: HighlightRecord[], ids: Map<number, number>, report: TableReport): Promise<void> {
  for (const raw of rows) {
    const row = { ...raw, captureId: ids.get(raw.captureId) ?? raw.captureId };
    const existing = await db.highlights.get(row.id);
    if (!existing) {
      await db.highlights.add(row);
      report.added++;
    } else if (row.updatedAt > existing.updatedAt) {
      await db.highlights.put(row);
      report.updated++;
    } else report.skipped++;
  }
}

/** Any other table, whatever it holds. */
async function mergeGeneric(table: Table, rows: unknown[], outbound: boolean, ids: Map<number, number>, report: TableReport): Promise<void> {
  const { keyPath, auto } = table.schema.primKey;
  for (const raw of rows) {
    if (outbound) {
      const { key, value } = raw as { key: IndexableType; value: unknown };
      if ((await table.get(key)) !== undefined) report.skipped++;
      else {
        await table.add(value, key);
        report.added++;
      }
      continue;
    }
    const row = { ...(raw as Record<string, unknown>) };
    if (typeof row.captureId === 'number' && ids.has(row.captureId)) row.captureId = ids.get(row.captureId);
    const key = keyPath ? keyOf(row, keyPath) : undefined;
    if (key !== undefined && (await table.get(key as IndexableType)) !== undefined) {
      if (auto && typeof keyPath === 'string' && !(await sameContent(table, key as IndexableType, row))) {
        delete row[keyPath];
        await table.add(row);
        report.added++;
      } else report.skipped++;
      continue;
    }
    await table.add(row);
    report.added++;
  }
}

/** An auto-numbered row whose number is taken: the same row already restored, or another one? */
async function sameContent(table: Table, key: IndexableType, row: Record<string, unknown>): Promise<boolean> {
  const existing = (await table.get(key)) as Record<string, unknown>;
  const plain = (v: unknown) => JSON.stringify(v, (_k, x) => (x instanceof Blob ? `blob:${x.type}:${x.size}` : x));
  return plain(existing) === plain(row);
}

/**
 * Merge a parsed backup into the library: validated in full first, then written in one
 * transaction over every table, so a failure part-way leaves the library exactly as it was.
 */
export async function restoreBackup(db: CleanCaptureDb, backup: ParsedBackup): Promise<RestoreReport> {
  validateBackup(db, backup);
  const names = Object.keys(backup.tables);
  const report: RestoreReport = { tables: {}, settings: backup.settings };
  for (const name of names) report.tables[name] = { added: 0, updated: 0, skipped: 0 };
  for (const name of names.filter((n) => LOCAL_TABLES.has(n))) report.tables[name]!.skipped = backup.tables[name]!.rows.length;
  // Captures first, so other tables can point at their new ids.
  const order = names.filter((n) => !LOCAL_TABLES.has(n)).sort((a, b) => (a === 'captures' ? -1 : b === 'captures' ? 1 : a.localeCompare(b)));
  if (!order.length) return report;
  // Every table when captures come back: a tombstone they replace goes with what belongs to it.
  const scope = order.includes('captures') ? db.tables : order.map((n) => db.table(n));
  await db.transaction('rw', scope, async () => {
    const ids = new Map<number, number>();
    for (const name of order) {
      const { rows, outbound } = backup.tables[name]!;
      if (name === 'captures') await mergeCaptures(db, rows as CaptureRecord[], ids, report.tables[name]!);
      else if (name === 'highlights') await mergeHighlights(db, rows as HighlightRecord[], ids, report.tables[name]!);
      else await mergeGeneric(db.table(name), rows, outbound, ids, report.tables[name]!);
    }
  });
  return report;
}
