/**
 * Page structure made safe for Readability. Its conditional cleaning reads the text of every
 * descendant of every container, so time grows with the cube of the nesting depth: 600 nested
 * tables took 31 s. Containers nested deeper than any real article are unwrapped (their content
 * kept). Content a browser would have moved into <body> (text left in <head> by a loose parser) is
 * moved there too, as are elements left beside <head> and <body>: Readability expects a body above
 * every candidate.
 */
import { scanPage, type PageScan } from './page-scan';

const MAX_DEPTH = 100;
const HEAD_ONLY = new Set(['META', 'TITLE', 'LINK', 'SCRIPT', 'STYLE', 'BASE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Stray content moved into <body>, deep nesting flattened, then the page scanned — in one walk on
 * real pages: the scan measures the depth, and only a page nested deeper than MAX_DEPTH (counted
 * from <html>, so never less than from <body>) is flattened and scanned again.
 */
export function normalizeAndScan(doc: Document): PageScan {
  moveStrayContent(doc);
  const scan = scanPage(doc);
  if (!doc.body || scan.depth <= MAX_DEPTH) return scan;
  flattenDeepNesting(doc.body);
  return scanPage(doc);
}

function moveStrayContent(doc: Document): void {
  const head = doc.head;
  const body = doc.body;
  if (head && body) {
    const strays = [...head.children].filter((el) => !HEAD_ONLY.has(el.tagName.toUpperCase()));
    for (const el of strays.reverse()) body.insertBefore(el, body.firstChild);
  }
  const html = doc.documentElement;
  if (html && body) {
    // Elements beside <head>/<body> under <html> (after a stray </body>) belong in the body.
    const loose = [...html.children].filter((el) => el !== head && el !== body);
    for (const el of loose) body.appendChild(el);
  }
}

function flattenDeepNesting(root: Element): void {
  const stack: [Element, number][] = [[root, 0]];
  const tooDeep: Element[] = [];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > MAX_DEPTH && el.firstElementChild) tooDeep.push(el);
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  // Deepest first, so each unwrap moves already-flattened content.
  for (const el of tooDeep.reverse()) {
    const parent = el.parentNode;
    if (!parent) continue;
    while (el.firstChild) parent.insertBefore(el.firstChild, el);
    el.remove();
  }
}
