/**
 * Make every address in a document absolute against the page's URL. Needed where the document's
 * own base is wrong: a page re-parsed in an extension page (DOMParser) resolves relative links
 * against the extension, and Chrome ignores an added <base> there.
 */
const URL_ATTRS = ['href', 'src', 'poster', 'data-src', 'data-lazy-src', 'data-original'];
const SRCSET_ATTRS = ['srcset', 'data-srcset'];

function absolute(value: string, base: string): string | null {
  const trimmed = value.trim();
  if (!trimmed || trimmed.startsWith('#') || /^(data|javascript|mailto|blob):/i.test(trimmed)) return null;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return null;
  }
}

export function absolutizeUrls(doc: Document, base: string): void {
  const pageBase = doc.querySelector('base[href]')?.getAttribute('href');
  let effective = base;
  try {
    if (pageBase) effective = new URL(pageBase, base).href;
  } catch {
    // a broken <base> is ignored, as browsers do
  }
  for (const el of doc.querySelectorAll('[href], [src], [poster], [data-src], [data-lazy-src], [data-original], [srcset], [data-srcset]')) {
    for (const name of URL_ATTRS) {
      const value = el.getAttribute(name);
      const url = value && absolute(value, effective);
      if (url) el.setAttribute(name, url);
    }
    for (const name of SRCSET_ATTRS) {
      const value = el.getAttribute(name);
      if (!value) continue;
      el.setAttribute(
        name,
        value
          .split(/,\s+/)
          .map((part) => {
            const [url, ...rest] = part.trim().split(/\s+/);
            const abs = url && absolute(url, effective);
            return [abs ?? url, ...rest].join(' ');
          })
          .join(', '),
      );
    }
  }
}
