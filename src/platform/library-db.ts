import { openDb, type CleanCaptureDb } from '../storage/db';

let db: CleanCaptureDb | null = null;

/**
 * Extension pages read the library directly (read-only queries); every write goes through the
 * background (STYLE.md §4).
 */
export function libraryDb(): CleanCaptureDb {
  db ??= openDb();
  return db;
}
