import browser from 'webextension-polyfill';
import { normalizeSettings, type Settings } from '../core/shared/settings';

/** The storage.local key of the settings (sync watches it: a saved setting is a change to sync). */
export const SETTINGS_KEY = 'settings';
const KEY = SETTINGS_KEY;

/** Settings live in storage.local (small, synchronous to read in every context). */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return normalizeSettings(stored[KEY]);
}

let saving: Promise<unknown> = Promise.resolve();

/**
 * Merge a patch into the stored settings. Saves from one page run one after another: two quick
 * changes (theme, then size) would otherwise both read the old settings and the second would undo
 * the first.
 */
export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const run = saving.then(async () => {
    const next = normalizeSettings({ ...(await loadSettings()), ...patch });
    await browser.storage.local.set({ [KEY]: next });
    return next;
  });
  saving = run.catch(() => undefined);
  return run;
}
