/**
 * Which part of a host name is the site: the registrable domain ("ap.org" for hosted.ap.org,
 * "bbc.co.uk" for www.bbc.co.uk). Subdomains (www, m, news, edition, hosted, amp…) name a
 * server or a section, never the site, so nothing here ever returns one of their words.
 *
 * A full Public Suffix List is ~200 KB for a rule that matters only to tell a site's name in a
 * title: country codes whose registrations sit under a generic second level (co.uk, com.au,
 * co.jp, com.br, ne.jp, org.nz…) cover the news sites that use them.
 */

/** Second-level labels that registries put under a country code: example.co.uk, example.com.au. */
const GENERIC_SECOND_LEVEL = new Set([
  'co',
  'com',
  'net',
  'org',
  'gov',
  'edu',
  'ac',
  'or',
  'ne',
  'go',
  'gob',
  'nic',
  'mil',
  'ltd',
  'plc',
  'sch',
  'nom',
  'gen',
  'int',
]);

/** The labels of a host name, or null for an IP address or a host with no name. */
function labelsOf(host: string): string[] | null {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (!name || /^[\d.]+$/.test(name) || name.includes(':')) return null;
  return name.split('.').filter(Boolean);
}

/** How many trailing labels form the public suffix: 2 for co.uk-style, else 1. */
function suffixLength(labels: string[]): number {
  if (labels.length < 3) return 1;
  const tld = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  return tld.length === 2 && GENERIC_SECOND_LEVEL.has(second) ? 2 : 1;
}

/** "hosted.ap.org" → "ap.org", "www.bbc.co.uk" → "bbc.co.uk"; null for IPs. */
export function registrableDomain(host: string): string | null {
  const labels = labelsOf(host);
  if (!labels) return null;
  const keep = Math.min(labels.length, suffixLength(labels) + 1);
  return labels.slice(labels.length - keep).join('.');
}

/**
 * The one label that names the site: "ap" for hosted.ap.org, "bbc" for www.bbc.co.uk,
 * "theguardian" for www.theguardian.com. A single-label host ("localhost") is its own label.
 */
export function siteLabelOfHost(host: string): string | null {
  const labels = labelsOf(host);
  if (!labels) return null;
  if (labels.length === 1) return labels[0]!;
  return labels[labels.length - suffixLength(labels) - 1] ?? null;
}

/**
 * The host name of a page address without "www." ("" for an address with no host), or null when
 * it is not an address: the `{domain}` of export templates and the site key of the search index.
 */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The site label of a page address, or null when it has no usable host (file:, IP, junk). */
export function siteLabelOfUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return siteLabelOfHost(new URL(url).hostname);
  } catch {
    return null;
  }
}

/**
 * The site of a page address, for showing when the page names none: "ap.org" for
 * https://hosted.ap.org/…, the bare host for an IP address, null when there is no host.
 */
export function siteDomainOfUrl(url: string): string | null {
  try {
    const host = new URL(url).hostname;
    return registrableDomain(host) ?? (host || null);
  } catch {
    return null;
  }
}
