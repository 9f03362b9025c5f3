/**
 * Match patterns for host access (issue 13). The browser's `permissions` API speaks match
 * patterns, not origins: `http://cdn.example.com/*`. Patterns ignore ports, so one pattern covers
 * every port of a host.
 */

/** What "Allow downloading article images from other sites" asks for: every http(s) site. */
export const ALL_SITES: readonly string[] = ['http://*/*', 'https://*/*'];

/** The match pattern covering `url`'s host (`https://cdn.example.com/*`); null for a non-http(s) or bad address. */
export function hostPattern(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname) return null;
  // URL gives IPv6 hosts in brackets, as match patterns want them.
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** The distinct host patterns of these addresses, in first-seen order (bad ones skipped). */
export function hostPatterns(urls: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const url of urls) {
    const pattern = hostPattern(url);
    if (pattern) seen.add(pattern);
  }
  return [...seen];
}
