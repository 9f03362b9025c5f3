/**
 * User settings: one typed object with defaults, validated whenever it is read (stored data is
 * never trusted: an old or hand-edited value falls back to its default instead of breaking a page).
 * Features add their fields here; the options page has one section per feature.
 */
export interface Settings {
  /** Opening the popup saves the current tab (like Pocket). */
  saveOnPopupOpen: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  saveOnPopupOpen: true,
};

type Validator<T> = (value: unknown) => value is T;
const isBoolean: Validator<boolean> = (v): v is boolean => typeof v === 'boolean';

const VALIDATORS: { [K in keyof Settings]: Validator<Settings[K]> } = {
  saveOnPopupOpen: isBoolean,
};

/** Stored (possibly partial, old or corrupt) settings → complete, valid settings. */
export function normalizeSettings(stored: unknown): Settings {
  const input = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const out = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const key of Object.keys(VALIDATORS) as (keyof Settings)[]) {
    if ((VALIDATORS[key] as Validator<unknown>)(input[key])) out[key] = input[key];
  }
  return out as unknown as Settings;
}
