/**
 * AMP addresses → the article's canonical address, so an AMP copy reached from a search result and
 * the normal page are one record (issue #5). Pure URL rewriting: the page's own rel=canonical is
 * used as well when the capture has one (see urlKeysOf), this covers the address alone.
 */

/** Query parameters that only select or describe the AMP rendering. */
export const AMP_PARAMS = new Set([
  'amp',
  'amp_js_v',
  'amp_gsa',
  'amp_r',
  'amp_tf',
  'ampshare',
  '__amp_source_origin',
  'usqp',
  'aoh',
  '_gsa',
  'outputtype',
  '_amp',
  'amp_lite',
]);

/**
 * Unwrap AMP caches and viewers:
 * - `https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a` (and `/v/`, `/i/`; `s/` = https)
 * - `https://www.google.com/amp/s/www.example.com/a` (and `/amp/` without `s/` = http)
 * Returns the inner address, or the input when it is not one of those.
 */
export function unwrapAmpCache(url: URL): URL {
  const host = url.hostname.toLowerCase();
  let rest: string | null = null;
  if (host.endsWith('.cdn.ampproject.org') || host.endsWith('.ampproject.net')) {
    rest = /^\/[cvi](\/.*)$/.exec(url.pathname)?.[1] ?? null;
  } else if (/^(www\.)?google\.[a-z.]+$/.test(host)) {
    rest = /^\/amp(\/.*)$/.exec(url.pathname)?.[1] ?? null;
  }
  if (!rest) return url;
  const secure = rest.startsWith('/s/');
  const inner = secure ? rest.slice(3) : rest.slice(1);
  if (!/^[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?(\/|$)/i.test(inner)) return url;
  try {
    return new URL(`${secure ? 'https' : 'http'}://${inner}${url.search}`);
  } catch {
    return url;
  }
}

/**
 * The AMP variant of a path, host or query turned into the canonical one: an `amp.` host, a
 * leading `/amp/` segment, a trailing `/amp` segment, `.amp` / `.amp.html` endings, and AMP-only
 * query parameters (`?amp`, `?amp=1`, `?outputType=amp`).
 */
export function dropAmpMarkers(url: URL): void {
  if (url.hostname.startsWith('amp.')) url.hostname = url.hostname.slice(4);
  let path = url.pathname;
  path = path.replace(/^\/amp(?=\/.)/, '');
  path = path.replace(/(.)\/amp\/?$/, '$1');
  path = path.replace(/\.amp\.html$/, '.html').replace(/\.amp$/, '');
  url.pathname = path || '/';
  for (const name of [...url.searchParams.keys()]) {
    const key = name.toLowerCase();
    if (!AMP_PARAMS.has(key)) continue;
    const value = url.searchParams.get(name)?.toLowerCase() ?? '';
    // outputType=print is a real choice; only the AMP value is a marker.
    if (key === 'outputtype' && value !== 'amp') continue;
    url.searchParams.delete(name);
  }
}
