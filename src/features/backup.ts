import browser from 'webextension-polyfill';
import { createBackup } from '../storage/backup';
import { downloadBlob } from '../platform/download';
import { libraryDb } from '../platform/library-db';
import { loadSettings } from '../platform/settings-store';

/** The whole library and the settings as one JSON file download. Returns the file's name and size. */
export async function downloadBackup(now = new Date()): Promise<{ name: string; bytes: number }> {
  const blob = await createBackup(libraryDb(), {
    settings: await loadSettings(),
    generator: `Clean Capture ${browser.runtime.getManifest().version}`,
    now,
  });
  const name = `clean-capture-backup-${now.toISOString().slice(0, 10)}.json`;
  downloadBlob(blob, name);
  return { name, bytes: blob.size };
}
