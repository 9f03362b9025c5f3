/** Small DOM helpers that behave the same on a live page, linkedom and jsdom. */
import { collapseSpaces, collapseWhitespace } from '../shared/text';

export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'TD',
  'TH',
  'UL',
  'BR',
  'CAPTION',
  'SUMMARY',
]);

export function textOf(node: Node | null | undefined): string {
  return collapseWhitespace(node?.textContent ?? '');
}

/**
 * Visits the data of each text node under `root`, in the order textContent reads them, until
 * `visit` returns false (then returns false). Lets a rule look at text without building the
 * string, which in linkedom is an array join per call.
 */
export function everyTextData(root: Node, visit: (data: string) => boolean): boolean {
  for (let n: Node | null = root.firstChild; n;) {
    if (n.nodeType === 3 || n.nodeType === 4) {
      // text, CDATA
      if (!visit((n as CharacterData).data)) return false;
    } else if (n.nodeType === 1 && n.firstChild) {
      n = n.firstChild;
      continue;
    }
    n = nextOutside(n, root);
  }
  return true;
}

/** The node after `node` and its subtree, within `root`. */
function nextOutside(node: Node, root: Node): Node | null {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

/** Does `\s` (and so trim) match this UTF-16 code unit? */
export function isSpaceCode(code: number): boolean {
  if (code < 0xa0) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whitespace that collapsing would change: a run of two or more, or a lone non-space one. */
const CHANGED_SPACE = /\s{2,}|[^\S ]/;

/**
 * `textOf(root).length` without building the text (root an element or document). Stops once
 * past `cap`, returning some length above it.
 */
export function collapsedLength(root: Node, cap = Infinity): number {
  let length = 0;
  let space = false; // whitespace seen since the last character counted
  const whitespace = () => {
    space = length > 0; // leading whitespace is trimmed away
  };
  const characters = (count: number) => {
    length += count + (space ? 1 : 0); // a run of whitespace between characters becomes one space
    space = false;
  };
  everyTextData(root, (data) => {
    if (!CHANGED_SPACE.test(data)) {
      // Most text nodes: whitespace only as lone spaces, so all but the end ones stay as they are.
      let start = 0;
      let end = data.length;
      if (end && data.charCodeAt(0) === 32) {
        whitespace();
        start = 1;
      }
      const trailing = end > start && data.charCodeAt(end - 1) === 32;
      if (trailing) end--;
      if (end > start) characters(end - start);
      if (trailing) whitespace();
    } else {
      for (let i = 0; i < data.length && length <= cap; i++) {
        if (isSpaceCode(data.charCodeAt(i))) whitespace();
        else characters(1);
      }
    }
    return length <= cap;
  });
  return length;
}

/** "a b" class and id tokens of an element, lower-cased, for boilerplate matching. */
export function labelOf(el: Element): string {
  return `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`.toLowerCase();
}

/**
 * An attribute's raw value. Same as getAttribute in browsers; in linkedom, getAttribute('class')
 * builds a DOMTokenList each call, which made the page scan twice as slow.
 */
export function attr(el: Element, name: string): string | null {
  return el.getAttributeNode(name)?.value ?? null;
}

/**
 * Plain text with a blank line between blocks (textContent runs paragraphs together, which
 * merges the last word of one paragraph with the first of the next).
 */
export function blockText(root: Node, skip: ReadonlySet<Node> = new Set()): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push(collapseSpaces(node.nodeValue ?? ''));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (skip.has(el)) return;
    const block = BLOCK_TAGS.has(el.tagName);
    if (el.tagName === 'PRE') {
      parts.push('\n\n', el.textContent ?? '', '\n\n');
      return;
    }
    if (block) parts.push(el.tagName === 'BR' ? '\n' : '\n\n');
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (block && el.tagName !== 'BR') parts.push('\n\n');
  };
  walk(root);
  return tidyLines(parts.join(''));
}

/** `/[ \t\u00a0]+/g`, matching only what needs changing (see collapseSpaces). */
const LINE_SPACE_RUN = /[ \t\u00a0]{2,}|[\t\u00a0]/g;

/**
 * Each line trimmed with its space runs collapsed; lines joined by one newline, or by a blank
 * line where blank lines were; none at either end. (Same as split, map, join, then collapsing
 * \n{3,} and trimming, in one pass over the lines.)
 */
function tidyLines(text: string): string {
  const out: string[] = [];
  let blank = false; // a blank line since the last line kept
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(LINE_SPACE_RUN, ' ').trim();
    if (!line) {
      blank = true;
    } else {
      if (out.length) out.push(blank ? '\n\n' : '\n');
      out.push(line);
      blank = false;
    }
    start = end + 1;
  }
  return out.join('');
}

export function removeAll(elements: Iterable<Element>): void {
  for (const el of [...elements]) el.remove();
}

/**
 * Still in its document? (linkedom's `isConnected` is false for every node of a cloned
 * document, so it cannot be used to skip nodes removed earlier in a loop.)
 */
export function isAttached(node: Node, root: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (n === root) return true;
  return false;
}

/**
 * The element or its nearest ancestor with one of these (upper-case) tag names. Selector APIs
 * (closest, querySelector) recompile their selector on every call in linkedom, so hot loops use
 * these walks instead.
 */
export function closestTag(el: Element, tags: ReadonlySet<string>): Element | null {
  for (let n: Element | null = el; n; n = n.parentElement) if (tags.has(n.tagName.toUpperCase())) return n;
  return null;
}

/** Does the element contain one of these (lower-case) tags? */
export function containsTag(el: Element, ...tags: string[]): boolean {
  return tags.some((tag) => el.getElementsByTagName(tag).length > 0);
}

/** The share of `text` (the element's text) that is the text of its links. */
export function linkTextShare(el: Element, text: string): number {
  if (!text) return 0;
  let linked = 0;
  for (const a of el.getElementsByTagName('a')) linked += textOf(a).length;
  return linked / text.length;
}
