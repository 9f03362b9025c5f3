import browser from 'webextension-polyfill';
import type { SyncSettings, SyncStatus } from '../../messages';

/**
 * Sync's settings and status in `storage.local` (issue 14): never in `storage.sync`, never in a
 * backup, never logged. The passphrase is kept so the schedule can sync unattended; it is as
 * safe as the password next to it (the device's own profile), and never leaves the device.
 */
const CONFIG = 'syncConfig';
const STATUS = 'syncStatus';

export const NO_STATUS: SyncStatus = {
  enabled: false,
  url: null,
  database: null,
  username: null,
  lastSyncAt: null,
  last: null,
  totals: { pushed: 0, pulled: 0, conflicts: 0 },
  error: null,
  running: false,
};

const isText = (v: unknown): v is string => typeof v === 'string';

export async function loadSyncConfig(): Promise<SyncSettings | null> {
  const value = (await browser.storage.local.get(CONFIG))[CONFIG] as Partial<SyncSettings> | undefined;
  if (!value || ![value.url, value.database, value.username, value.password, value.passphrase].every(isText)) return null;
  return value as SyncSettings;
}

export async function saveSyncConfig(config: SyncSettings | null): Promise<void> {
  if (config) await browser.storage.local.set({ [CONFIG]: config });
  else await browser.storage.local.remove(CONFIG);
}

export async function loadSyncStatus(): Promise<SyncStatus> {
  const value = (await browser.storage.local.get(STATUS))[STATUS] as SyncStatus | undefined;
  return value && typeof value === 'object' ? { ...NO_STATUS, ...value } : NO_STATUS;
}

/** The options page redraws from this key's changes (storage.onChanged). */
export async function saveSyncStatus(status: SyncStatus): Promise<void> {
  await browser.storage.local.set({ [STATUS]: status });
}

export const SYNC_STATUS_KEY = STATUS;
