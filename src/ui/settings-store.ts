import browser from 'webextension-polyfill';
import { normalizeSettings, type Settings } from '../core/settings';

const KEY = 'settings';

/** Settings live in storage.local (small, synchronous to read in every context). */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return normalizeSettings(stored[KEY]);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export function onSettingsChanged(listener: (settings: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[KEY]) listener(normalizeSettings(changes[KEY].newValue));
  });
}
