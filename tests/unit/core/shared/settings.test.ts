import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../../src/core/shared/settings';

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

describe('image and reader settings (issue #6)', () => {
  it('defaults: keep images, 2 MB per image, 25 MB per article, reader follows the system', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      keepImages: true,
      imageMaxBytes: 2 * 1024 * 1024,
      captureImagesMaxBytes: 25 * 1024 * 1024,
      readerTheme: 'system',
      readerFont: 'serif',
      readerSize: 'M',
      readerWidth: 'medium',
    });
  });
  it('keeps valid choices and refuses caps that are not whole, too small or too large', () => {
    const s = normalizeSettings({ readerTheme: 'sepia', readerSize: 'XL', imageMaxBytes: 500_000, captureImagesMaxBytes: 10 });
    expect(s).toMatchObject({ readerTheme: 'sepia', readerSize: 'XL', imageMaxBytes: 500_000, captureImagesMaxBytes: DEFAULT_SETTINGS.captureImagesMaxBytes });
    expect(normalizeSettings({ readerTheme: 'neon', imageMaxBytes: 1.5e6 + 0.5 })).toMatchObject({
      readerTheme: 'system',
      imageMaxBytes: DEFAULT_SETTINGS.imageMaxBytes,
    });
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

describe('Markdown with images settings', () => {
  it('keeps a relative folder of safe names and refuses one that climbs out or is absolute', () => {
    const folder = (v: unknown) => normalizeSettings({ markdownAssetFolder: v }).markdownAssetFolder;
    expect(folder('attachments/clips')).toBe('attachments/clips');
    expect(folder('')).toBe('');
    for (const bad of ['../x', '/etc', 'a/../b', 'a:b', 'x/', 'C:\\x', 'a/./b', 42]) expect(folder(bad), String(bad)).toBe('assets');
    const downloads = (v: unknown) => normalizeSettings({ markdownDownloadsFolder: v }).markdownDownloadsFolder;
    expect(downloads('Notes/Clips')).toBe('Notes/Clips');
    expect(downloads('')).toBe('Clean Capture');
    expect(normalizeSettings({ markdownLinkStyle: 'wikilink' }).markdownLinkStyle).toBe('wikilink');
    expect(normalizeSettings({ markdownLinkStyle: 'html' }).markdownLinkStyle).toBe('relative');
  });
});
