import { mergeStamped, type Stamped } from './stamped';

/**
 * Settings that make sense on every device (reader look, templates), one stamped value per
 * setting: the latest change of each wins. Image caps and the sync credentials never sync; the
 * engine decides which keys to send (SYNCED_SETTINGS).
 */
export interface SettingsDoc {
  kind: 'settings';
  values: Record<string, Stamped<unknown>>;
}

export function mergeSettingsDocs(a: SettingsDoc, b: SettingsDoc): SettingsDoc {
  const values: Record<string, Stamped<unknown>> = {};
  for (const key of [...new Set([...Object.keys(a.values), ...Object.keys(b.values)])].sort()) {
    const x = a.values[key];
    const y = b.values[key];
    values[key] = x && y ? mergeStamped(x, y) : (x ?? y);
  }
  return { kind: 'settings', values };
}
