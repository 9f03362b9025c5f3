import browser from 'webextension-polyfill';
import { errorMessage } from '../../core/shared/errors';
import { isSyncError, SyncError } from '../../core/sync/sync-errors';
import type { SyncKeys } from '../../core/sync/sync-crypto';
import type { SyncOutcome, SyncSettings, SyncStatus } from '../../messages';
import type { CleanCaptureDb } from '../../storage/db';
import { resetSyncState } from '../../storage/sync-state';
import { Couch } from './couch';
import { syncRound, unlockServer } from './sync-engine';
import { loadSettings, saveSettings } from '../../platform/settings-store';
import type { SettingsPort } from './settings-sync';
import { loadSyncConfig, loadSyncStatus, NO_STATUS, saveSyncConfig, saveSyncStatus } from './sync-store';

/**
 * Sync in the background (issue 14): one-shot rounds — an MV3 worker cannot hold a live
 * replication — after each change (debounced), on an `alarms` schedule, and on "Sync now". One
 * round at a time; its status is written to storage.local for the options page.
 */
export const SYNC_ALARM = 'clean-capture-sync';
const PERIOD_MINUTES = 5;
const DEBOUNCE_MS = 2_000;
/** Reading sends its position every few seconds while scrolling: that alone waits longer. */
const QUIET_DEBOUNCE_MS = 30_000;

/** The settings the options page and the reader save (storage.local); a pulled change is saved the same way. */
const SETTINGS_STORE: SettingsPort = {
  load: loadSettings,
  apply: async (patch) => {
    if (Object.keys(patch).length) await saveSettings(patch);
  },
};

/** The keys are slow to derive (PBKDF2, 600,000 rounds): kept while the worker lives, per server, database and passphrase. */
let cachedKeys: { id: string; keys: SyncKeys } | null = null;

const targetOf = (c: SyncSettings) => `${c.url.replace(/\/+$/, '')}\n${c.database}\n${c.username}`;

export class SyncService {
  private running: Promise<SyncOutcome> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private due = 0;

  constructor(
    private readonly db: CleanCaptureDb,
    /** Called after a round brought changes in (the search index, the toolbar marks). */
    private readonly pulledChanges: () => void = () => {},
  ) {}

  private async keysFor(config: SyncSettings, couch: Couch): Promise<SyncKeys> {
    const id = `${targetOf(config)}\n${config.passphrase}`;
    if (cachedKeys?.id === id) return cachedKeys.keys;
    const keys = await unlockServer(couch, config.passphrase);
    cachedKeys = { id, keys };
    return keys;
  }

  /** Test the server and the passphrase; only then save and start. */
  async configure(config: SyncSettings): Promise<void> {
    const clean = { ...config, url: String(config.url ?? '').trim(), database: String(config.database ?? '').trim() };
    const couch = new Couch(clean);
    await couch.connect();
    cachedKeys = null;
    await this.keysFor(clean, couch);
    const previous = await loadSyncConfig();
    // Another server or database: what this device knew of the old one means nothing there.
    if (!previous || targetOf(previous) !== targetOf(clean)) await resetSyncState(this.db);
    await saveSyncConfig(clean);
    await saveSyncStatus({ ...NO_STATUS, enabled: true, url: clean.url, database: clean.database, username: clean.username || null });
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: PERIOD_MINUTES });
  }

  async off(): Promise<void> {
    await saveSyncConfig(null);
    cachedKeys = null;
    await browser.alarms.clear(SYNC_ALARM);
    await saveSyncStatus(NO_STATUS);
  }

  async status(): Promise<SyncStatus> {
    return { ...(await loadSyncStatus()), running: this.running !== null };
  }

  /** After a change to the library: one round a little later, so a burst of edits is one round. */
  changed(quiet = false): void {
    const due = Date.now() + (quiet ? QUIET_DEBOUNCE_MS : DEBOUNCE_MS);
    // A sooner round already planned covers this change too.
    if (this.timer && this.due <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.due = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow().catch(() => {});
    }, due - Date.now());
  }

  /** One round; a call while one runs waits for it and then runs its own (a change may have come meanwhile). */
  async syncNow(): Promise<SyncOutcome> {
    while (this.running) await this.running.catch(() => {});
    this.running = this.round();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async round(): Promise<SyncOutcome> {
    const config = await loadSyncConfig();
    if (!config) throw new SyncError('not-configured', 'Sync is off: set up a server in Options → Sync first.');
    const status = await loadSyncStatus();
    try {
      const couch = new Couch(config);
      const outcome = await syncRound(this.db, couch, await this.keysFor(config, couch), Date.now, SETTINGS_STORE);
      const totals = {
        pushed: status.totals.pushed + outcome.pushed,
        pulled: status.totals.pulled + outcome.pulled,
        conflicts: status.totals.conflicts + outcome.conflicts,
      };
      if (outcome.pulled > 0 || outcome.conflicts > 0) this.pulledChanges();
      await saveSyncStatus({ ...status, enabled: true, lastSyncAt: new Date().toISOString(), last: outcome, totals, error: null });
      return outcome;
    } catch (error) {
      if (isSyncError(error) && error.code === 'wrong-passphrase') cachedKeys = null;
      const code = isSyncError(error) ? error.code : 'server-error';
      const quota = (error as Error)?.name === 'QuotaExceededError';
      const message = quota ? 'This device is out of storage space: what was already pulled is kept; free some space and sync again.' : errorMessage(error);
      await saveSyncStatus({ ...status, enabled: true, error: { code: quota ? 'quota' : code, message, at: new Date().toISOString() } });
      throw isSyncError(error) ? error : new SyncError(quota ? 'quota' : 'server-error', message);
    }
  }
}
