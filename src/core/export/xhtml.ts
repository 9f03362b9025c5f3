import type { Highlight } from '../highlights/highlight';
import { placeHighlights } from '../highlights/place-highlights';
import { sanitizeTree } from '../extract/sanitize';
import { enforceContentModel } from './content-model';

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

function serialize(node: Node, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(escapeXml(node.nodeValue ?? ''));
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  out.push(`<${tag}`);
  // Some pages repeat an attribute (<a href=x href=y>); XML allows each name once.
  const written = new Set<string>();
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    if (!ATTR_NAME.test(name) || written.has(name)) continue;
    written.add(name);
    out.push(` ${name}="${escapeXml(attr.value)}"`);
  }
  if (tag === 'img' && !el.hasAttribute('alt')) out.push(' alt=""');
  if (VOID.has(tag)) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of Array.from(el.childNodes)) serialize(child, out);
  out.push(`</${tag}>`);
}

export interface XhtmlOptions {
  /** Page address for resolving links. */
  baseUrl: string;
  /** Replace an <img>: the same or another node (made with `img.ownerDocument`), or null to drop it. */
  mapImage?: (img: Element) => Node | null;
  /** The article's highlights (issue #16), marked in the text; the ones that do not fit are left to the caller's list. */
  highlights?: readonly Highlight[];
}

/** The children of the stored article body, sanitized again, as XHTML. */
export function toXhtmlFragment(parse: ParseHtml, html: string, options: XhtmlOptions): string {
  const doc = parse(`<!doctype html><html><body><div id="cc-root">${html}</div></body></html>`);
  const root = doc.getElementById('cc-root') ?? doc.body;
  sanitizeTree(root, options.baseUrl);
  if (options.mapImage) {
    for (const img of Array.from(root.querySelectorAll('img'))) {
      const mapped = options.mapImage(img);
      if (!mapped) img.remove();
      else if (mapped !== img) img.replaceWith(mapped);
    }
  }
  // Marked after sanitizing (which would strip the marks' class) and before the content model
  // pass, which then checks the marks like the rest of the text.
  if (options.highlights?.length)
    placeHighlights(root, options.highlights, (h) => {
      const mark = doc.createElement('mark');
      mark.setAttribute('class', `hl hl-${h.color}`);
      if (h.note.trim()) mark.setAttribute('title', h.note.trim());
      return mark;
    });
  // After the images are mapped: a remote image becomes a link, which must not sit in a link.
  enforceContentModel(root);
  const out: string[] = [];
  for (const child of Array.from(root.childNodes)) serialize(child, out);
  return out.join('');
}
