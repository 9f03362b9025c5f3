import { describe, expect, it } from 'vitest';
import { siteOf } from '../../../src/views/format';

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
