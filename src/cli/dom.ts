import { parseHTML } from 'linkedom';

/**
 * A Document for `html` as if loaded from `url`. linkedom leaves baseURI null, which would
 * leave relative links relative, so the page URL is set (honouring a <base href>).
 */
export function parseDocument(html: string, url: string): Document {
  let { document } = parseHTML(html);
  // A fragment ("<div>…", no <html>) becomes the root element in linkedom; browsers wrap it in
  // html/body, and Readability needs a <body> to climb to.
  if (document.documentElement && document.documentElement.tagName.toUpperCase() !== 'HTML') {
    document = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document;
  }
  const baseHref = document.querySelector('base[href]')?.getAttribute('href');
  let base = url;
  try {
    if (baseHref) base = new URL(baseHref, url).href;
  } catch {
    // a broken <base> is ignored, as browsers do
  }
  for (const key of ['baseURI', 'documentURI', 'URL']) {
    Object.defineProperty(document, key, { value: key === 'baseURI' ? base : url, configurable: true });
  }
  return document as unknown as Document;
}
