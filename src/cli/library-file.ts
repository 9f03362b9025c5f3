import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { BackupFormatError } from '../core/backup/backup-codec';
import { parseBackup } from '../core/backup/backup-format';
import { normalizeSettings, type Settings } from '../core/shared/settings';
import { createBackup } from '../storage/backup';
import { CleanCaptureDb } from '../storage/db';
import { restoreBackup } from '../storage/restore';
import { InputError } from './input-error';

/**
 * A library file (the backup format) opened as the extension's own database, in memory: the CLI's
 * `save` then runs the extension's storage code unchanged (dedupe, versions, images by hash), and
 * the file it writes back is a backup the extension restores. fake-indexeddb is the IndexedDB.
 */
export interface LibraryFile {
  db: CleanCaptureDb;
  settings: Settings;
  /** How many articles the file held when it was opened. */
  articlesBefore: number;
}

export async function openLibraryFile(path: string): Promise<LibraryFile> {
  const db = new CleanCaptureDb('clean-capture-cli', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  if (!existsSync(path)) return { db, settings: normalizeSettings(null), articlesBefore: 0 };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`cannot read the library "${path}"`);
  }
  try {
    const backup = parseBackup(text);
    await restoreBackup(db, backup);
    return { db, settings: normalizeSettings(backup.settings), articlesBefore: await db.captures.count() };
  } catch (error) {
    // Refused before anything is written: the file on disk stays as it was.
    if (error instanceof BackupFormatError)
      throw new InputError(`the library "${path}" cannot be used: ${error.message.replace(/ Nothing was changed\.$/, '')}`);
    throw error;
  }
}

/** Write the library back as a backup file: into a temporary file first, then renamed over it, so a failure never leaves half a file. */
export async function writeLibraryFile(library: LibraryFile, path: string, generator: string): Promise<void> {
  const blob = await createBackup(library.db, { settings: library.settings, generator });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, new Uint8Array(await blob.arrayBuffer()));
  renameSync(temporary, path);
}
