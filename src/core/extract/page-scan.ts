/**
 * One walk over the page, shared by every rule that looks at it (a querySelectorAll per rule and
 * a textContent per candidate cost more than Readability itself on large pages, in linkedom).
 * Iterative, so 20,000 nested elements cannot overflow the stack.
 */
import { attr } from './dom';

/** An element with its raw class and id (one of them non-empty). */
export interface Labelled {
  el: Element;
  cls: string | null;
  id: string | null;
}

/**
 * Does `pattern` match the element's lower-cased class or id? The same as testing its lower-cased
 * "class id" label for patterns whose words are bounded by whitespace, ^ or $ (all of ours): no
 * match can span the space that would join them. Building that label for every element was a
 * fifth of the scan's time.
 */
export function labelMatches({ cls, id }: Labelled, pattern: RegExp): boolean {
  return (!!cls && pattern.test(cls.toLowerCase())) || (!!id && pattern.test(id.toLowerCase()));
}

export interface PageScan {
  /** Length of the visible text under each element (scripts and styles excluded), raw whitespace. */
  textLength: Map<Element, number>;
  /** Elements with a class or id, in document order (test them with labelMatches). */
  labelled: Labelled[];
  /** Elements by upper-case tag name, in document order. */
  byTag: Map<string, Element[]>;
  /** Elements by each (lower-cased) itemprop token: "author", "datePublished"… */
  itemprops: Map<string, Element[]>;
  /** The headline, article containers and every ancestor of them: never page furniture. */
  holdsArticle: Set<Element>;
  bodyTextLength: number;
  /** Elements on the longest path down from the root element (the root alone: 1). */
  depth: number;
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
  // The walk goes node by node (firstChild / nextSibling / up), keeping the indices of the open
  // elements and whether their own text counts: no stack entry or child list per element.
  const open: number[] = [];
  const openCounts: boolean[] = [];
  let depth = 0;
  for (let node: Node | null = root; node;) {
    if (node.nodeType === 1) {
      const el = node as Element;
      const index = elements.push(el) - 1;
      if (open.length >= depth) depth = open.length + 1;
      parents.push(open.length ? open[open.length - 1]! : -1);
      own.push(0);
      const tag = el.tagName.toUpperCase();
      const list = byTag.get(tag);
      if (list) list.push(el);
      else byTag.set(tag, [el]);
      const itemprop = el.hasAttributes() ? readAttributes(el, labelled, itemprops) : null;
      if (ARTICLE_MARKERS.has(tag) || itemprop === 'articleBody') markers.push(el);
      const first = el.firstChild;
      if (first) {
        open.push(index);
        openCounts.push(!NO_TEXT.has(tag));
        node = first;
        continue;
      }
    } else if (node.nodeType === 3 && openCounts[openCounts.length - 1]) {
      own[open[open.length - 1]!]! += (node as Text).data.length;
    }
    node = nextAfter(node, root, open, openCounts);
  }
  // Pre-order puts every child after its parent: summing backwards gives subtree totals.
  for (let i = elements.length - 1; i > 0; i--) own[parents[i]!]! += own[i]!;
  const textLength = new Map<Element, number>();
  for (let i = 0; i < elements.length; i++) textLength.set(elements[i]!, own[i]!);
  const holdsArticle = new Set<Element>();
  for (const marker of markers) {
    for (let n: Element | null = marker; n && !holdsArticle.has(n); n = n.parentElement) holdsArticle.add(n);
  }
  // Pre-order visits elements in document order, so every list is in document order.
  return { textLength, labelled, byTag, itemprops, holdsArticle, bodyTextLength: (doc.body && textLength.get(doc.body)) ?? 0, depth };
}

/** The next node in pre-order after `node`'s subtree, closing the elements walked out of. */
function nextAfter(node: Node, root: Node | null, open: number[], openCounts: boolean[]): Node | null {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    const sibling = n.nextSibling;
    if (sibling) return sibling;
    open.pop();
    openCounts.pop();
  }
  return null;
}

/** Records the element's class/id label and itemprop tokens; returns its raw itemprop. */
function readAttributes(el: Element, labelled: PageScan['labelled'], itemprops: PageScan['itemprops']): string | null {
  const cls = attr(el, 'class');
  const id = attr(el, 'id');
  if (cls || id) labelled.push({ el, cls, id });
  const itemprop = attr(el, 'itemprop');
  if (itemprop) {
    for (const token of itemprop.toLowerCase().split(/\s+/)) {
      const list = itemprops.get(token);
      if (list) list.push(el);
      else itemprops.set(token, [el]);
    }
  }
  return itemprop;
}

export function elementsByTag(scan: PageScan, ...tags: string[]): Element[] {
  if (tags.length === 1) return scan.byTag.get(tags[0]!) ?? [];
  // Several tags: merge keeping document order isn't needed by callers; concatenation is enough.
  return tags.flatMap((tag) => scan.byTag.get(tag) ?? []);
}
