import { describe, expect, it, vi } from 'vitest';
import { metaParts, shownDate } from '../../../src/views/format';
import { storageWords } from '../../../src/views/storage-words';
import type { CaptureRecord } from '../../../src/storage/records';

// A German UI: the real German messages, Intl in German.
vi.mock('webextension-polyfill', async () => (await import('../i18n/fake-browser-i18n')).fakeBrowserI18n('de'));

describe('a row and the storage line in German', () => {
  it('writes the date the German way and labels the day of saving in German', () => {
    expect(shownDate({ published: '2014-11-08T09:04:00+08:00', capturedAt: '2026-12-03T10:00:00Z' }, true)).toBe('08.11.2014, 09:04');
    expect(shownDate({ published: null, capturedAt: '2026-12-03T10:00:00Z' })).toBe('gespeichert am 03.12.2026');
  });

  it('shows the reading time and sizes in German', () => {
    const record = { siteName: 'Xinhua', url: 'https://x.cn/a', published: null, capturedAt: '2026-12-03T10:00:00Z', readingMinutes: 4 } as CaptureRecord;
    expect(metaParts(record).join(' · ')).toBe('Xinhua · gespeichert am 03.12.2026 · 4 Min.');
    expect(storageWords(10.7 * 1024 * 1024, false).text).toBe('10,7 MB auf diesem Gerät · der Browser kann sie bei Platzmangel löschen');
  });
});
