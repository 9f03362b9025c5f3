import { describe, expect, it } from 'vitest';
import { ALL_SITES, hostPattern, hostPatterns } from '../../../../src/core/library/host-patterns';

describe('host patterns (issue 13)', () => {
  it('gives the match pattern of an address’s host, without port, path or credentials', () => {
    expect(hostPattern('https://cdn.example.com/img/a.jpg?w=800#x')).toBe('https://cdn.example.com/*');
    expect(hostPattern('http://127.0.0.2:8123/none.jpg')).toBe('http://127.0.0.2/*');
    expect(hostPattern('https://user:pw@Images.Example.COM/a.png')).toBe('https://images.example.com/*');
    expect(hostPattern('http://[::1]:3000/a.png')).toBe('http://[::1]/*');
  });

  it('has none for addresses the permissions API cannot grant', () => {
    for (const url of ['data:image/png;base64,AAAA', 'blob:https://a.example/1', 'file:///tmp/a.png', 'ftp://a.example/a.png', 'not a url', '']) {
      expect(hostPattern(url)).toBeNull();
    }
  });

  it('lists each host once, in order, skipping bad addresses', () => {
    expect(hostPatterns(['https://a.example/1.jpg', 'data:x', 'https://b.example/2.jpg', 'https://a.example:444/3.jpg', 'http://a.example/4.jpg'])).toEqual([
      'https://a.example/*',
      'https://b.example/*',
      'http://a.example/*',
    ]);
  });

  it('asks for every http(s) site and nothing else', () => {
    expect([...ALL_SITES]).toEqual(['http://*/*', 'https://*/*']);
  });
});
