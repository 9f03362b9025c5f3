/**
 * A content-model pass before XHTML serialization: real pages nest elements in ways browsers
 * forgive and EPUB validators do not (a figure inside a <p>, a <dl> without <dd>, a link inside a
 * link). Each rule below says which children an element may hold; what does not fit is lifted out,
 * wrapped or unwrapped until the tree is valid by construction.
 * Only the sanitizer's tags (core/extract/article-tags.ts) can occur here.
 */

/** Phrasing content: allowed wherever text is. */
const PHRASING = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'mark', 'q',
  'ruby', 'rp', 'rt', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]); // prettier-ignore
/** Elements that may hold only phrasing content; a block found in one is lifted out (splitting it). */
const SPLITTABLE = new Set([...PHRASING, 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);
/** Phrasing-only too, but part of a structure: a block inside is unwrapped instead. */
const PHRASING_ONLY = new Set(['dt', 'summary']);
/** Whitespace-only text is all these may hold besides their structural children. */
const STRUCTURAL = new Set(['ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup']);

const tagOf = (node: Node): string => (node.nodeType === 1 ? (node as Element).tagName.toLowerCase() : '');
const isBlank = (node: Node): boolean => node.nodeType === 3 && !/\S/.test(node.nodeValue ?? '');

function unwrap(el: Element): void {
  const parent = el.parentNode!;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  el.remove();
}

/** The same children under another tag (attributes dropped: they belonged to the old element). */
function rename(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  while (el.firstChild) next.appendChild(el.firstChild);
  el.replaceWith(next);
  return next;
}

/** Wrap `node` and the following siblings that `fits` in a new `tag`. */
function wrapRun(node: Node, tag: string, fits: (n: Node) => boolean): Element {
  const wrapper = node.ownerDocument!.createElement(tag);
  node.parentNode!.insertBefore(wrapper, node);
  let current: Node | null = node;
  while (current && fits(current)) {
    const next: Node | null = current.nextSibling;
    wrapper.appendChild(current);
    current = next;
  }
  return wrapper;
}

function hasContent(el: Element): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) if (!isBlank(c)) return true;
  return false;
}

/** Move `block` out of its phrasing parent: the parent is split in two around it. */
function lift(block: Element): void {
  const parent = block.parentNode as Element;
  const after = parent.cloneNode(false) as Element;
  after.removeAttribute('id');
  while (block.nextSibling) after.appendChild(block.nextSibling);
  parent.after(block, after);
  if (!hasContent(after)) after.remove();
  if (!hasContent(parent)) parent.remove();
}

const elementChildren = (el: Element): Element[] => Array.from(el.children);

/** Fix `el` against its parent and its own children; true when something changed. */
function fix(el: Element, root: Element): boolean {
  const tag = tagOf(el);
  const parent = el.parentNode as Element;
  const ptag = parent === root ? 'div' : tagOf(parent);

  // A block inside phrasing-only content: lift it out, or unwrap it inside a structure.
  if (!PHRASING.has(tag) && SPLITTABLE.has(ptag)) {
    lift(el);
    return true;
  }
  if (!PHRASING.has(tag) && PHRASING_ONLY.has(ptag)) {
    unwrap(el);
    return true;
  }
  // No link inside a link.
  if (tag === 'a' && parent.closest('a') && root.contains(parent.closest('a'))) {
    unwrap(el);
    return true;
  }
  // Stray content in element-only structures.
  if (STRUCTURAL.has(ptag)) {
    const wrappers: Record<string, [string, Set<string>]> = {
      ul: ['li', new Set(['li'])],
      ol: ['li', new Set(['li'])],
      dl: ['dd', new Set(['dt', 'dd'])],
      table: ['tbody', new Set(['caption', 'colgroup', 'thead', 'tbody', 'tfoot'])],
      thead: ['tr', new Set(['tr'])],
      tbody: ['tr', new Set(['tr'])],
      tfoot: ['tr', new Set(['tr'])],
      tr: ['td', new Set(['td', 'th'])],
      colgroup: ['', new Set(['col'])],
    };
    const [wrapTag, allowed] = wrappers[ptag]!;
    if (!allowed.has(tag)) {
      if (!wrapTag) el.remove();
      else if (ptag === 'dl' && tag === 'div') unwrap(el);
      else wrapRun(el, wrapTag, (n) => isBlank(n) || (n.nodeType === 1 && !allowed.has(tagOf(n))));
      return true;
    }
  }
  // Elements that only make sense inside their structure.
  const home: Record<string, string[]> = {
    li: ['ul', 'ol'],
    dt: ['dl'],
    dd: ['dl'],
    tr: ['table', 'thead', 'tbody', 'tfoot'],
    td: ['tr'],
    th: ['tr'],
    thead: ['table'],
    tbody: ['table'],
    tfoot: ['table'],
    caption: ['table'],
    colgroup: ['table'],
    col: ['colgroup'],
    figcaption: ['figure'],
    rt: ['ruby'],
    rp: ['ruby'],
  };
  if (home[tag] && !home[tag].includes(ptag)) {
    if (tag === 'li') wrapRun(el, 'ul', (n) => isBlank(n) || tagOf(n) === 'li');
    else if (tag === 'col') el.remove();
    else if (tag === 'rt' || tag === 'rp') unwrap(el);
    else rename(el, 'div');
    return true;
  }
  if (tag === 'caption' && parent.firstElementChild !== el) {
    parent.prepend(el);
    return true;
  }
  // A figure's caption is its first or last child, and there is one.
  if (tag === 'figure') {
    const kids = elementChildren(el);
    const captions = kids.filter((k) => tagOf(k) === 'figcaption');
    if (captions.length > 1 || (captions.length === 1 && captions[0] !== kids[0] && captions[0] !== kids.at(-1))) {
      const [first, ...rest] = captions;
      for (const extra of rest) rename(extra, 'div');
      el.append(first!);
      return true;
    }
  }
  // A definition list is groups of dt+ dd+.
  if (tag === 'dl') {
    // A <div> in a <dl> wraps a group: its dt/dd become the list's own (before the list is judged).
    const groups = elementChildren(el).filter((k) => tagOf(k) === 'div');
    if (groups.length) {
      for (const g of groups) unwrap(g);
      return true;
    }
    const kids = elementChildren(el);
    if (!kids.some((k) => tagOf(k) === 'dt') || !kids.some((k) => tagOf(k) === 'dd')) {
      for (const k of kids) rename(k, 'div');
      rename(el, 'div');
      return true;
    }
    if (tagOf(kids[0]!) === 'dd') {
      el.prepend(el.ownerDocument.createElement('dt'));
      return true;
    }
    if (tagOf(kids.at(-1)!) === 'dt') {
      el.append(el.ownerDocument.createElement('dd'));
      return true;
    }
  }
  // A table holds rows either directly or in sections, not both; sections in order.
  if (tag === 'table') {
    const kids = elementChildren(el);
    const rows = kids.filter((k) => tagOf(k) === 'tr');
    if (rows.length && rows.length !== kids.filter((k) => !['caption', 'colgroup'].includes(tagOf(k))).length) {
      wrapRun(rows[0]!, 'tbody', (n) => isBlank(n) || tagOf(n) === 'tr');
      return true;
    }
    const heads = kids.filter((k) => tagOf(k) === 'thead');
    const feet = kids.filter((k) => tagOf(k) === 'tfoot');
    for (const extra of [...heads.slice(1), ...feet.slice(1)]) {
      rename(extra, 'tbody');
      return true;
    }
    const firstBody = kids.find((k) => tagOf(k) === 'tbody' || tagOf(k) === 'tfoot');
    if (heads[0] && firstBody && kids.indexOf(heads[0]) > kids.indexOf(firstBody)) {
      el.insertBefore(heads[0], firstBody);
      return true;
    }
    if (feet[0] && feet[0] !== kids.at(-1)) {
      el.append(feet[0]);
      return true;
    }
  }
  // A <details> must start with its <summary>.
  if (tag === 'summary' && (ptag !== 'details' || parent.firstElementChild !== el)) {
    if (ptag === 'details' && tagOf(parent.firstElementChild!) !== 'summary') parent.prepend(el);
    else rename(el, 'p');
    return true;
  }
  return false;
}

/** Text directly inside an element-only structure is wrapped (or dropped when blank). */
function fixText(text: Node, root: Element): boolean {
  const parent = text.parentNode as Element;
  if (parent === root || !STRUCTURAL.has(tagOf(parent)) || isBlank(text)) return false;
  if (tagOf(parent) === 'colgroup') (text as ChildNode).remove();
  else {
    const wrap = { ul: 'li', ol: 'li', dl: 'dd', table: 'caption', thead: 'tr', tbody: 'tr', tfoot: 'tr', tr: 'td' }[tagOf(parent)]!;
    const el = text.ownerDocument!.createElement(wrap === 'caption' ? 'p' : wrap);
    if (wrap === 'caption') parent.before(el);
    else parent.insertBefore(el, text);
    el.appendChild(text);
  }
  return true;
}

/** Ids unique; `#fragment` links only to ids this chapter has (the rest lose their link). */
function fixIds(root: Element): void {
  const seen = new Set<string>();
  for (const el of Array.from(root.querySelectorAll('[id]'))) {
    const id = el.getAttribute('id') ?? '';
    if (!id || /\s/.test(id) || seen.has(id)) el.removeAttribute('id');
    else seen.add(id);
  }
  for (const a of Array.from(root.querySelectorAll('a[href^="#"]'))) {
    const id = decodeURIComponent((a.getAttribute('href') ?? '').slice(1));
    if (!seen.has(id)) unwrap(a);
  }
}

/** Make the subtree of `root` (kept itself, as a flow container) valid XHTML content, in place. */
export function enforceContentModel(root: Element): void {
  // Each fix moves at most a few nodes and only ever toward validity; passes repeat until one
  // changes nothing (bounded, so a rule that fights another cannot loop forever).
  for (let pass = 0; pass < 50; pass++) {
    let changed = false;
    const nodes: Node[] = [];
    const collect = (parent: Node) => {
      for (let n = parent.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3 || n.nodeType === 1) nodes.push(n);
        if (n.nodeType === 1) collect(n);
      }
    };
    collect(root);
    for (const node of nodes) {
      if (!root.contains(node) || node === root) continue;
      if (node.nodeType === 3 ? fixText(node, root) : fix(node as Element, root)) changed = true;
    }
    if (!changed) break;
  }
  fixIds(root);
}
