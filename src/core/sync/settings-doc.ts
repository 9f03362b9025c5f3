import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../shared/settings';
import { canonicalJson, mergeStamped, type Stamped } from './stamped';

/**
 * Settings that make sense on every device (reader look, templates), one stamped value per
 * setting: the latest change of each wins. Image caps and the sync credentials never sync; the
 * engine decides which keys to send (SYNCED_SETTINGS).
 */
export interface SettingsDoc {
  kind: 'settings';
  values: Record<string, Stamped<unknown>>;
}

/**
 * The settings a user expects on every device: how the reader looks and what an export writes.
 * Left out on purpose: image keeping and caps (each device's disk), the popup's save-on-open (a
 * per-device habit), Firefox's Downloads subfolder (a path of one machine), and the sync
 * credentials (not in Settings at all: storage.local, never sent).
 */
export const SYNCED_SETTINGS = [
  'readerTheme',
  'readerFont',
  'readerSize',
  'readerWidth',
  'fileNameTemplate',
  'frontMatterTemplate',
  'zipImages',
  'markdownAssetFolder',
  'markdownLinkStyle',
  'markdownHighlights',
] as const satisfies readonly (keyof Settings)[];

/** The one settings document's natural key (its id is an HMAC of it, like every other). */
export const SETTINGS_DOC_KEY = 'settings';

export function mergeSettingsDocs(a: SettingsDoc, b: SettingsDoc): SettingsDoc {
  const values: Record<string, Stamped<unknown>> = {};
  for (const key of [...new Set([...Object.keys(a.values), ...Object.keys(b.values)])].sort()) {
    const x = a.values[key];
    const y = b.values[key];
    values[key] = x && y ? mergeStamped(x, y) : (x ?? y);
  }
  return { kind: 'settings', values };
}

/**
 * The document for this device's settings, stamped against the last synced one: a setting that
 * differs changed `now`; one that does not keeps its stamp. A setting never synced and still at its
 * default is left out (stamp 0 would be a change of nobody's), so a fresh device adopts the others'.
 */
export function settingsDocFromLocal(prev: SettingsDoc | null, settings: Settings, now: number): SettingsDoc {
  const values: Record<string, Stamped<unknown>> = { ...(prev?.values ?? {}) };
  for (const key of SYNCED_SETTINGS) {
    const old = prev?.values[key];
    const value = settings[key];
    if (old ? canonicalJson(old.value) === canonicalJson(value) : canonicalJson(value) === canonicalJson(DEFAULT_SETTINGS[key])) continue;
    values[key] = { value, at: Math.max(now, (old?.at ?? 0) + 1) };
  }
  return { kind: 'settings', values };
}

/**
 * The settings a merged document asks this device to take: synced keys only, each value checked
 * as if read from storage (a value this version does not know is ignored, never stored).
 */
export function settingsFromDoc(doc: SettingsDoc): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const key of SYNCED_SETTINGS) {
    const stamped = doc.values[key];
    if (!stamped) continue;
    if (canonicalJson(normalizeSettings({ [key]: stamped.value })[key]) === canonicalJson(stamped.value)) out[key] = stamped.value;
  }
  return out as Partial<Settings>;
}
