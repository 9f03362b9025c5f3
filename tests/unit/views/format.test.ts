import { describe, expect, it, vi } from 'vitest';
import { shownDate, siteOf } from '../../../src/views/format';
import { storageWords } from '../../../src/views/storage-words';

// The words come from the real English messages, the dates from Intl in British English.
vi.mock('webextension-polyfill', async () => (await import('../i18n/fake-browser-i18n')).fakeBrowserI18n('en-GB'));

describe('siteOf', () => {
  it("prefers the page's own site name", () => {
    expect(siteOf({ siteName: 'Associated Press', url: 'https://hosted.ap.org/a' })).toBe('Associated Press');
  });

  it('falls back to the registrable domain, never a subdomain', () => {
    expect(siteOf({ siteName: null, url: 'https://hosted.ap.org/a' })).toBe('ap.org');
    expect(siteOf({ siteName: '', url: 'https://m.bbc.co.uk/news/1' })).toBe('bbc.co.uk');
  });

  it('shows the address itself when it has no host', () => {
    expect(siteOf({ siteName: null, url: 'about:blank' })).toBe('about:blank');
  });
});

describe('shownDate', () => {
  it("shows the page's own date, with its time when asked", () => {
    expect(shownDate({ published: '2014-11-08T09:04:00+08:00', capturedAt: '2026-12-03T10:00:00Z' })).toBe('8 Nov 2014');
    expect(shownDate({ published: '2014-11-08T09:04:00+08:00', capturedAt: '2026-12-03T10:00:00Z' }, true)).toBe('8 Nov 2014, 09:04');
  });

  it('labels the day of saving when the page gives no date, never passing it off as the published date', () => {
    expect(shownDate({ published: null, capturedAt: '2026-12-03T10:00:00Z' })).toBe('saved 3 Dec 2026');
  });
});

describe('storageWords', () => {
  it('says in plain words how much the library takes and whether the browser may remove it', () => {
    expect(storageWords(10.7 * 1024 * 1024, false).text).toMatch(/^10\.7 MB on this device · the browser may remove it if space runs low$/);
    expect(storageWords(10.7 * 1024 * 1024, false).title).toContain('Options → Storage');
    expect(storageWords(2048, true)).toEqual({ text: '2 kB on this device · kept safe', title: '' });
    expect(storageWords(null, false).text).toBe('the browser may remove it if space runs low');
  });
});
