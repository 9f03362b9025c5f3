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

describe('export settings', () => {
  it('keeps a valid template and refuses a broken one', () => {
    expect(normalizeSettings({ fileNameTemplate: '{year}-{month} {title}' }).fileNameTemplate).toBe('{year}-{month} {title}');
    expect(normalizeSettings({ fileNameTemplate: '{titel}' }).fileNameTemplate).toBe(DEFAULT_SETTINGS.fileNameTemplate);
    expect(normalizeSettings({ fileNameTemplate: 'no variable' }).fileNameTemplate).toBe(DEFAULT_SETTINGS.fileNameTemplate);
    expect(normalizeSettings({ frontMatterTemplate: 'title: {title}\nsource: {site}' }).frontMatterTemplate).toBe('title: {title}\nsource: {site}');
    expect(normalizeSettings({ frontMatterTemplate: 'not yaml' }).frontMatterTemplate).toBe(DEFAULT_SETTINGS.frontMatterTemplate);
    expect(normalizeSettings({ zipImages: 'remote' }).zipImages).toBe('remote');
    expect(normalizeSettings({ zipImages: 'cloud' }).zipImages).toBe('assets');
  });
});
