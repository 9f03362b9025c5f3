/**
 * Which addresses an import may fetch or keep: absolute http(s) only. A `javascript:` or `file:`
 * address in an export (or a crafted one) is skipped with a reason, never opened.
 */
export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

export function checkImportUrl(raw: string | null | undefined): UrlCheck {
  const text = (raw ?? '').trim();
  if (!text) return { ok: false, reason: 'no web address' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: `"${clip(text)}" is not a web address` };
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return { ok: true, url: url.href };
  if (url.protocol === 'javascript:') return { ok: false, reason: 'a javascript: address (a script, not a page) is never opened' };
  if (url.protocol === 'file:') return { ok: false, reason: 'a file: address (a file on a computer, not a web page) cannot be fetched' };
  return { ok: false, reason: `a ${url.protocol} address is not a web page (only http and https are imported)` };
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
