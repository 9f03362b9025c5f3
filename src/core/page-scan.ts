/**
 * One walk over the page, shared by every rule that looks at it (a querySelectorAll per rule and
 * a textContent per candidate cost more than Readability itself on large pages, in linkedom).
 * Iterative, so 20,000 nested elements cannot overflow the stack.
 */
import { attr } from './dom';

export interface PageScan {
  /** Length of the visible text under each element (scripts and styles excluded), raw whitespace. */
  textLength: Map<Element, number>;
  /** Elements with a class or id, with their lower-cased "class id" label, in document order. */
  labelled: { el: Element; label: string }[];
  /** Elements by upper-case tag name, in document order. */
  byTag: Map<string, Element[]>;
  /** Elements by each (lower-cased) itemprop token: "author", "datePublished"… */
  itemprops: Map<string, Element[]>;
  /** The headline, article containers and every ancestor of them: never page furniture. */
  holdsArticle: Set<Element>;
  bodyTextLength: number;
}

const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const ARTICLE_MARKERS = new Set(['H1', 'ARTICLE', 'MAIN']);

export function scanPage(doc: Document): PageScan {
  const root = doc.documentElement;
  const elements: Element[] = [];
  const parents: number[] = [];
  const own: number[] = [];
  const labelled: PageScan['labelled'] = [];
  const byTag = new Map<string, Element[]>();
  const markers: Element[] = [];
  const itemprops = new Map<string, Element[]>();
  const stack: [Element, number][] = root ? [[root, -1]] : [];
  const children: Element[] = [];
  while (stack.length) {
    const [el, parent] = stack.pop()!;
    const index = elements.push(el) - 1;
    parents.push(parent);
    own.push(0);
    const tag = el.tagName.toUpperCase();
    const list = byTag.get(tag);
    if (list) list.push(el);
    else byTag.set(tag, [el]);
    const cls = attr(el, 'class');
    const id = attr(el, 'id');
    if (cls || id) labelled.push({ el, label: `${cls ?? ''} ${id ?? ''}`.toLowerCase() });
    const itemprop = attr(el, 'itemprop');
    if (itemprop) {
      for (const token of itemprop.toLowerCase().split(/\s+/)) {
        const list = itemprops.get(token);
        if (list) list.push(el);
        else itemprops.set(token, [el]);
      }
    }
    if (ARTICLE_MARKERS.has(tag) || itemprop === 'articleBody') markers.push(el);
    children.length = 0;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) children.push(child as Element);
      else if (child.nodeType === 3 && !NO_TEXT.has(tag)) own[index]! += (child as Text).data.length;
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, index]);
  }
  // Pre-order puts every child after its parent: summing backwards gives subtree totals.
  for (let i = elements.length - 1; i > 0; i--) own[parents[i]!]! += own[i]!;
  const textLength = new Map<Element, number>();
  elements.forEach((el, i) => textLength.set(el, own[i]!));
  const holdsArticle = new Set<Element>();
  for (const marker of markers) {
    for (let n: Element | null = marker; n && !holdsArticle.has(n); n = n.parentElement) holdsArticle.add(n);
  }
  // Sort order: stack pops children in document order, so lists are in document order.
  return { textLength, labelled, byTag, itemprops, holdsArticle, bodyTextLength: (doc.body && textLength.get(doc.body)) ?? 0 };
}

export function elementsByTag(scan: PageScan, ...tags: string[]): Element[] {
  if (tags.length === 1) return scan.byTag.get(tags[0]!) ?? [];
  // Several tags: merge keeping document order isn't needed by callers; concatenation is enough.
  return tags.flatMap((tag) => scan.byTag.get(tag) ?? []);
}
