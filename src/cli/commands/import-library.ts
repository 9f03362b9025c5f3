import { existsSync, readFileSync } from 'node:fs';
import { BackupFormatError } from '../../core/backup/backup-codec';
import { BACKUP_FORMAT_VERSION, parseBackup, type ParsedBackup } from '../../core/backup/backup-format';
import { checkCaptureRecord } from '../../core/library/capture-record-check';
import type { CaptureRecord } from '../../storage/records';
import { InputError } from '../input-error';

/**
 * The library file `import` adds to: a backup (docs/backup-format.md), read whole, or a new one
 * when the file does not exist yet. The tables an import writes are the extension's own
 * (captures and reading, as in src/storage/migrations/), so the file restores into it.
 */
const NEW_TABLES = {
  captures: '++id, *urlKeys, capturedAt, fingerprint, *bands, storyId, listOrder, deletedAt',
  reading: 'captureId',
};
/** The database version whose tables a new library file holds. */
const SCHEMA_VERSION = 5;

export function readLibrary(file: string): ParsedBackup {
  if (!existsSync(file)) {
    const tables = Object.fromEntries(Object.entries(NEW_TABLES).map(([name, schema]) => [name, { schema, outbound: false, rows: [] as unknown[] }]));
    return { formatVersion: BACKUP_FORMAT_VERSION, createdAt: new Date().toISOString(), schemaVersion: SCHEMA_VERSION, settings: null, tables };
  }
  let backup: ParsedBackup;
  try {
    backup = parseBackup(readFileSync(file, 'utf8'));
    (backup.tables['captures']?.rows ?? []).forEach((row, i) => {
      const problem = checkCaptureRecord(row as Record<string, unknown>);
      if (problem) throw new BackupFormatError(`This backup is damaged (captures row ${i + 1}: ${problem}). Nothing was changed.`);
    });
  } catch (error) {
    if (error instanceof BackupFormatError) throw new InputError(`the library "${file}" cannot be used: ${error.message}`);
    throw new InputError(`cannot read the library "${file}"`);
  }
  for (const [name, schema] of Object.entries(NEW_TABLES)) backup.tables[name] ??= { schema, outbound: false, rows: [] };
  return backup;
}

/** Live captures of the library, by dedupe key and by text fingerprint (the save's rules, storage/dedupe.ts). */
export class LibraryIndex {
  private readonly byKey = new Map<string, CaptureRecord>();
  private readonly byFingerprint = new Map<string, CaptureRecord>();
  private lastId = 0;

  constructor(records: CaptureRecord[]) {
    for (const record of records) this.add(record);
  }

  add(record: CaptureRecord): void {
    if (record.deletedAt !== undefined) return;
    for (const key of record.urlKeys) this.byKey.set(key, record);
    if (!record.selectionOnly) this.byFingerprint.set(record.fingerprint, record);
    this.lastId = Math.max(this.lastId, record.id ?? 0);
  }

  find(keys: readonly string[], fingerprint?: string): CaptureRecord | undefined {
    for (const key of keys) {
      const record = this.byKey.get(key);
      if (record) return record;
    }
    return fingerprint ? this.byFingerprint.get(fingerprint) : undefined;
  }

  nextId(): number {
    return ++this.lastId;
  }
}
