/**
 * Marks passages of a DOM subtree's text (its textContent offsets) by wrapping each text node
 * piece in an element of its own: a passage over two paragraphs becomes one mark per paragraph,
 * and overlapping passages nest. Standard DOM only, so the reader, the HTML/EPUB export (linkedom
 * in Node) and the live page share it. White-space-only pieces stay unwrapped: between blocks they
 * would put a <mark> where only blocks may be (in a <ul>, a <table>), which an EPUB must not have.
 */

export interface Passage {
  start: number;
  end: number;
}

interface Piece {
  node: Text;
  from: number;
  to: number;
}

/** The text nodes under `root` in document order with where each starts in root.textContent. */
export function textNodesOf(root: Node): Array<{ node: Text; start: number }> {
  const out: Array<{ node: Text; start: number }> = [];
  let offset = 0;
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        out.push({ node: child as Text, start: offset });
        offset += (child as Text).data.length;
      } else if (child.nodeType === 1) walk(child);
    }
  };
  walk(root);
  return out;
}

function piecesOf(root: Node, passage: Passage): Piece[] {
  const pieces: Piece[] = [];
  for (const { node, start } of textNodesOf(root)) {
    const end = start + node.data.length;
    if (end <= passage.start || start >= passage.end) continue;
    const from = Math.max(0, passage.start - start);
    const to = Math.min(node.data.length, passage.end - start);
    if (node.data.slice(from, to).trim()) pieces.push({ node, from, to });
  }
  return pieces;
}

/** Text.splitText by hand: linkedom (the CLI's and the tests' DOM) has no splitText. */
function splitAt(node: Text, at: number): Text {
  const rest = node.ownerDocument!.createTextNode(node.data.slice(at));
  node.data = node.data.slice(0, at);
  node.parentNode!.insertBefore(rest, node.nextSibling);
  return rest;
}

/**
 * Wrap the passage's text in elements made by `makeMark` (called once per piece, `last` true for
 * the piece that ends the passage). Returns the marks, in order.
 */
export function markPassage(root: Node, passage: Passage, makeMark: (last: boolean) => Element): Element[] {
  const pieces = piecesOf(root, passage);
  return pieces.map((piece, i) => {
    let node = piece.node;
    if (piece.to < node.data.length) splitAt(node, piece.to);
    if (piece.from > 0) node = splitAt(node, piece.from);
    const mark = makeMark(i === pieces.length - 1);
    node.parentNode!.insertBefore(mark, node);
    mark.appendChild(node);
    return mark;
  });
}

/** Take marks out again (their text stays, merged back into whole text nodes). */
export function unmark(root: Element, selector: string): void {
  for (const mark of Array.from(root.querySelectorAll(selector))) {
    const parent = mark.parentNode!;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
  }
  root.normalize();
}
