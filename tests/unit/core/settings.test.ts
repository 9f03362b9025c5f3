import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../src/core/settings';

describe('normalizeSettings', () => {
  it('fills missing settings with defaults', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({})).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps valid stored values', () => {
    expect(normalizeSettings({ saveOnPopupOpen: false }).saveOnPopupOpen).toBe(false);
  });
  it('replaces values of the wrong type by the default and drops unknown keys', () => {
    const settings = normalizeSettings({ saveOnPopupOpen: 'no', surprise: 1 });
    expect(settings.saveOnPopupOpen).toBe(true);
    expect(settings).not.toHaveProperty('surprise');
  });
});
