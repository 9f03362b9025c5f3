import { describe, expect, it } from 'vitest';
import { hostOf, registrableDomain, siteDomainOfUrl, siteLabelOfHost, siteLabelOfUrl } from '../../../../src/core/shared/site-host';
import { siteMatcher } from '../../../../src/core/extract/site-match';

describe('siteLabelOfHost: the registrable label, never a subdomain word', () => {
  it.each([
    ['hosted.ap.org', 'ap'],
    ['www.bbc.co.uk', 'bbc'],
    ['m.bbc.co.uk', 'bbc'],
    ['news.bbc.co.uk', 'bbc'],
    ['edition.cnn.com', 'cnn'],
    ['amp.theguardian.com', 'theguardian'],
    ['www.theguardian.com', 'theguardian'],
    ['www.heraldsun.com.au', 'heraldsun'],
    ['headlines.yahoo.co.jp', 'yahoo'],
    ['g1.globo.com.br', 'globo'],
    ['www.stuff.co.nz', 'stuff'],
    ['example.com', 'example'],
    ['WWW.Example.COM.', 'example'],
    ['localhost', 'localhost'],
  ])('%s → %s', (host, label) => {
    expect(siteLabelOfHost(host)).toBe(label);
  });

  it('has no label for IP addresses', () => {
    expect(siteLabelOfHost('127.0.0.1')).toBeNull();
    expect(siteLabelOfHost('[::1]')).toBeNull();
  });

  it('reads the host from a page address, and nothing from a file or junk', () => {
    expect(siteLabelOfUrl('https://hosted.ap.org/article/1')).toBe('ap');
    expect(siteLabelOfUrl('file:///home/me/page.html')).toBeNull();
    expect(siteLabelOfUrl('not a url')).toBeNull();
    expect(siteLabelOfUrl(null)).toBeNull();
  });
});

describe('registrableDomain', () => {
  it('keeps the label and its public suffix, one or two levels', () => {
    expect(registrableDomain('hosted.ap.org')).toBe('ap.org');
    expect(registrableDomain('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(registrableDomain('www.abc.net.au')).toBe('abc.net.au');
    expect(registrableDomain('news.example.com')).toBe('example.com');
    expect(registrableDomain('example.com')).toBe('example.com');
  });

  it('does not read a two-letter brand under a generic TLD as a country suffix', () => {
    // "co" under ".com" is a real second level (co.com is not a public suffix of .com).
    expect(registrableDomain('www.nytimes.com')).toBe('nytimes.com');
    expect(registrableDomain('blog.co.com')).toBe('co.com');
  });
});

describe('siteDomainOfUrl: the site shown when the page names none', () => {
  it('is the registrable domain, not the subdomain', () => {
    expect(siteDomainOfUrl('https://hosted.ap.org/article/1')).toBe('ap.org');
    expect(siteDomainOfUrl('https://edition.cnn.com/2024/a')).toBe('cnn.com');
    expect(siteDomainOfUrl('https://www.bbc.co.uk/news/1')).toBe('bbc.co.uk');
  });

  it('is the bare host for an IP address, and null without a host', () => {
    expect(siteDomainOfUrl('http://127.0.0.1:8080/a')).toBe('127.0.0.1');
    expect(siteDomainOfUrl('file:///tmp/a.html')).toBeNull();
    expect(siteDomainOfUrl('nonsense')).toBeNull();
  });
});

describe('hostOf: the host name without "www."', () => {
  it.each([
    ['https://www.bbc.co.uk/news/1', 'bbc.co.uk'],
    ['https://hosted.ap.org/a', 'hosted.ap.org'],
    ['https://WWW.Example.com/', 'example.com'],
    ['file:///home/a.html', ''],
    ['not a url', null],
  ])('%s → %s', (url, host) => {
    expect(hostOf(url)).toBe(host);
  });
});

describe('siteMatcher', () => {
  it('has nothing to match without a name or a host', () => {
    expect(siteMatcher(null, null)).toBeNull();
    expect(siteMatcher('', 'file:///tmp/a.html')).toBeNull();
  });

  it('treats "Hosted" on hosted.ap.org as no site, "AP" and "Associated Press" as the site', () => {
    const isSite = siteMatcher(null, 'https://hosted.ap.org/a')!;
    expect(isSite('Hosted', false)).toBe(false);
    expect(isSite('AP', false)).toBe(true);
    expect(isSite('Associated Press', false)).toBe(true);
  });

  it('asks a part holding a separator to be the site name whole', () => {
    const isSite = siteMatcher('Mozilla Hacks – the Web developer blog', null)!;
    expect(isSite('Mozilla Hacks – the Web developer blog', true)).toBe(true);
    expect(isSite('Mozilla Hacks – news', true)).toBe(false);
    expect(isSite('Mozilla Hacks', false)).toBe(true);
  });
});
