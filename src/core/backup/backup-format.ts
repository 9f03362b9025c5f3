import { BackupFormatError, decodeValue } from './backup-codec';

/**
 * The JSON backup format (documented in docs/backup-format.md). Version 1:
 *
 *   { "format": "clean-capture-backup", "formatVersion": 1, "createdAt": ISO, "generator": "Clean Capture x.y.z",
 *     "schemaVersion": <database version>, "settings": {…} | null,
 *     "tables": { "<table>": { "schema": "++id, *urlKeys, capturedAt", "outbound": false, "rows": [ {…}, … ] } } }
 *
 * Every table of the database is included, whatever it is (tables added later come along by
 * themselves). Rows of tables whose keys are outside the value ("outbound") are {"key", "value"}.
 * Values JSON cannot hold are tagged (see backup-codec.ts).
 */
export const BACKUP_FORMAT = 'clean-capture-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupTable {
  schema: string;
  outbound: boolean;
  rows: unknown[];
}

export interface ParsedBackup {
  formatVersion: number;
  createdAt: string;
  schemaVersion: number;
  settings: Record<string, unknown> | null;
  /** Decoded rows (Blobs are Blobs again); for an outbound table each row is {key, value}. */
  tables: Record<string, BackupTable>;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Read and check a whole backup file. Throws BackupFormatError with a sentence for the user. */
export function parseBackup(text: string): ParsedBackup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const looksCut = text.trim().startsWith('{') && !text.trim().endsWith('}');
    throw new BackupFormatError(
      looksCut
        ? 'This backup file is incomplete (it ends too early). Nothing was changed; make a new backup and try again.'
        : 'This file is not a Clean Capture backup (it is not valid JSON). Nothing was changed.',
    );
  }
  if (!isObject(data) || data.format !== BACKUP_FORMAT) {
    throw new BackupFormatError('This file is not a Clean Capture backup (it has no "format": "clean-capture-backup"). Nothing was changed.');
  }
  const version = data.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BackupFormatError('This backup has no valid format version. Nothing was changed.');
  }
  if (version > BACKUP_FORMAT_VERSION) {
    throw new BackupFormatError(
      `This backup was made by a newer version of Clean Capture (format ${version}; this one reads up to ${BACKUP_FORMAT_VERSION}). Update Clean Capture, then restore it. Nothing was changed.`,
    );
  }
  if (!isObject(data.tables)) throw new BackupFormatError('This backup has no tables. Nothing was changed.');
  if (data.settings !== null && data.settings !== undefined && !isObject(data.settings)) {
    throw new BackupFormatError('The settings in this backup are not an object. Nothing was changed.');
  }
  const tables: Record<string, BackupTable> = {};
  try {
    for (const [name, table] of Object.entries(data.tables)) {
      if (!isObject(table) || !Array.isArray(table.rows)) throw new BackupFormatError(`table "${name}": no list of rows`);
      const outbound = table.outbound === true;
      const rows = table.rows.map((row, i) => {
        const where = `${name} row ${i + 1}`;
        if (!isObject(row)) throw new BackupFormatError(`${where}: not an object`);
        if (outbound && !('key' in row && 'value' in row)) throw new BackupFormatError(`${where}: needs "key" and "value"`);
        return decodeValue(row, where);
      });
      tables[name] = { schema: typeof table.schema === 'string' ? table.schema : '', outbound, rows };
    }
  } catch (error) {
    if (error instanceof BackupFormatError) throw new BackupFormatError(`This backup is damaged (${error.message}). Nothing was changed.`);
    throw error;
  }
  return {
    formatVersion: version,
    createdAt: typeof data.createdAt === 'string' ? data.createdAt : '',
    schemaVersion: typeof data.schemaVersion === 'number' ? data.schemaVersion : 0,
    settings: isObject(data.settings) ? data.settings : null,
    tables,
  };
}
