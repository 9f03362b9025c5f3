import browser from 'webextension-polyfill';
import { BackupFormatError } from '../core/backup/backup-codec';
import { parseBackup } from '../core/backup/backup-format';
import { CaptureError, errorMessage } from '../core/shared/errors';
import { normalizeSettings } from '../core/shared/settings';
import type { RestoreSummary } from '../messages';
import type { CleanCaptureDb } from '../storage/db';
import { restoreBackup } from '../storage/restore';

/**
 * restore-backup: the whole file is checked before anything is written; the library is merged in
 * one transaction; then the backup's settings (normalized: a bad value falls back to its default)
 * replace the current ones.
 */
export async function restoreBackupFile(db: CleanCaptureDb, text: string): Promise<RestoreSummary> {
  let report;
  try {
    report = await restoreBackup(db, parseBackup(text));
  } catch (error) {
    if (error instanceof BackupFormatError) throw new CaptureError('bad-backup', error.message);
    throw new CaptureError('storage-failed', `The backup could not be written (${errorMessage(error)}). Nothing was changed.`);
  }
  if (report.settings) await browser.storage.local.set({ settings: normalizeSettings(report.settings) });
  return { tables: report.tables, settingsRestored: !!report.settings };
}
