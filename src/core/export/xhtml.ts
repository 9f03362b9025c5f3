import { sanitizeTree } from '../extract/sanitize';

/**
 * Stored article HTML → well-formed XHTML (for EPUB) or re-sanitized HTML (for the HTML export),
 * on any DOM: the caller passes a parser (DOMParser in the browser, linkedom in the CLI).
 * The allow-list sanitizer runs again first: a backup file is untrusted input.
 */
export type ParseHtml = (html: string) => Document;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const ATTR_NAME = /^[a-zA-Z_][\w.-]*$/;

export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are what this removes
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

function serialize(node: Node, out: string[], mapImage?: (img: Element) => Element | string | null): void {
  if (node.nodeType === 3) {
    out.push(escapeXml(node.nodeValue ?? ''));
    return;
  }
  if (node.nodeType !== 1) return;
  let el = node as Element;
  const tag = el.tagName.toLowerCase();
  if (tag === 'img' && mapImage) {
    const mapped = mapImage(el);
    if (mapped === null) return;
    if (typeof mapped === 'string') {
      out.push(mapped);
      return;
    }
    el = mapped;
  }
  out.push(`<${tag}`);
  for (const attr of Array.from(el.attributes)) {
    if (ATTR_NAME.test(attr.name)) out.push(` ${attr.name.toLowerCase()}="${escapeXml(attr.value)}"`);
  }
  if (tag === 'img' && !el.hasAttribute('alt')) out.push(' alt=""');
  if (VOID.has(tag)) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of Array.from(el.childNodes)) serialize(child, out, mapImage);
  out.push(`</${tag}>`);
}

export interface XhtmlOptions {
  /** Page address for resolving links. */
  baseUrl: string;
  /** Replace an <img>: another element, a ready XHTML string, or null to drop it. */
  mapImage?: (img: Element) => Element | string | null;
}

/** The children of the stored article body, sanitized again, as XHTML. */
export function toXhtmlFragment(parse: ParseHtml, html: string, options: XhtmlOptions): string {
  const doc = parse(`<!doctype html><html><body><div id="cc-root">${html}</div></body></html>`);
  const root = doc.getElementById('cc-root') ?? doc.body;
  sanitizeTree(root, options.baseUrl);
  const out: string[] = [];
  for (const child of Array.from(root.childNodes)) serialize(child, out, options.mapImage);
  return out.join('');
}
