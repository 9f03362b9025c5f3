import { closestTag, isAttached, labelOf, textOf } from './dom';
import type { PageScan } from './page-scan';

const FIGURE = new Set(['FIGURE']);
const TABLE = new Set(['TABLE']);
/** An image's box never grows into these (the selector 'body, article, main', without compiling it per call). */
const LANDMARKS = new Set(['BODY', 'ARTICLE', 'MAIN']);
const isLandmark = (el: Element) => LANDMARKS.has(el.tagName.toUpperCase());

/**
 * Image + caption pairs as <figure>/<figcaption>, however the page lays them out (a caption div
 * after the image, a layout table with the caption in the next row), and one caption per image:
 * when a page shows the same photo twice with near-identical captions, the fuller caption wins.
 */

const CAPTION_LABEL = /(caption|desc|explain|cutline|legend|credit|pictext|pic-?info|photo-?text|img-?text|image-?text|wp-caption-text)/;

/** Where an image's pixels come from, without size/format query noise, for "same photo" checks. */
export function imageKey(src: string | null, base: string): string | null {
  if (!src) return null;
  try {
    const url = new URL(src, base);
    return `${url.host}${url.pathname}`.toLowerCase();
  } catch {
    return null;
  }
}

/** The outermost element that holds nothing but this image (a link, a cell, a wrapper div). */
function imageBox(img: Element): Element {
  let box: Element = img;
  while (box.parentElement && !isLandmark(box.parentElement)) {
    const parent = box.parentElement;
    if (parent.tagName === 'TR' || parent.tagName === 'TBODY' || parent.tagName === 'TABLE') break;
    let alone = true;
    for (let n = parent.firstChild; n && alone; n = n.nextSibling) {
      if (n !== box && (n.nodeType === 1 || (n.nodeType === 3 && /\S/.test((n as Text).data)))) alone = false;
    }
    if (!alone) break;
    box = parent;
  }
  return box;
}

interface Found {
  replace: Element;
  caption: Element;
}

function findCaption(img: Element): Found | null {
  if (closestTag(img, FIGURE)) return null; // already a figure; handled by the page
  const box = imageBox(img);
  const next = box.nextElementSibling;
  if (next && (next.tagName === 'FIGCAPTION' || CAPTION_LABEL.test(labelOf(next))) && textOf(next)) {
    const wrapper = box.parentElement;
    // When the box and its caption are the whole wrapper, the wrapper becomes the figure.
    const whole = wrapper && wrapper.children.length === 2 && !isLandmark(wrapper) ? wrapper : null;
    return { replace: whole ?? box, caption: next };
  }
  // Layout table: the image in one row, its caption alone in the next.
  const cell = box.tagName === 'TD' ? box : null;
  const row = cell?.parentElement;
  const table = row ? closestTag(row, TABLE) : null;
  const nextRow = row?.nextElementSibling;
  if (cell && table && nextRow && nextRow.children.length === 1 && table.getElementsByTagName('img').length === 1) {
    const text = textOf(nextRow);
    if (text && text.length < 600 && table.getElementsByTagName('tr').length <= 3) {
      return { replace: table, caption: nextRow.children[0]! };
    }
  }
  return null;
}

function makeFigure(doc: Document, img: Element, captionText: string): Element {
  const figure = doc.createElement('figure');
  const image = img.cloneNode(true) as Element;
  figure.appendChild(image);
  const caption = doc.createElement('figcaption');
  caption.textContent = captionText;
  figure.appendChild(caption);
  return figure;
}

/** Share of the shorter caption's words found in the longer one. */
function overlap(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const [short, long] = a.length <= b.length ? [words(a), words(b)] : [words(b), words(a)];
  if (!short.size) return 0;
  let shared = 0;
  for (const w of short) if (long.has(w)) shared++;
  return shared / short.size;
}

export function normalizeFigures(doc: Document, base: string, scan: PageScan): void {
  const captions = (scan.byTag.get('FIGCAPTION') ?? []).filter((c) => c.parentElement?.tagName.toUpperCase() === 'FIGURE');
  for (const img of scan.byTag.get('IMG') ?? []) {
    if (!isAttached(img, doc)) continue;
    const found = findCaption(img);
    if (!found) continue;
    const figure = makeFigure(doc, img, textOf(found.caption));
    found.replace.replaceWith(figure);
    captions.push(figure.lastElementChild!);
  }
  // Same photo, near-identical captions: every copy gets the fullest, so whichever copy the
  // extractor keeps carries it.
  const byImage = new Map<string, Element[]>();
  for (const caption of captions) {
    if (!isAttached(caption, doc)) continue;
    const key = imageKey(caption.parentElement?.getElementsByTagName('img')[0]?.getAttribute('src') ?? null, base);
    if (key) byImage.set(key, [...(byImage.get(key) ?? []), caption]);
  }
  for (const group of byImage.values()) {
    if (group.length < 2) continue;
    const fullest = group.reduce((best, c) => (textOf(c).length > textOf(best).length ? c : best));
    for (const c of group) {
      if (c !== fullest && overlap(textOf(c), textOf(fullest)) >= 0.8) c.textContent = textOf(fullest);
    }
  }
}

/**
 * After extraction: each photo once (first occurrence). Returns the captions' texts, so the
 * clutter pass can drop a caption repeated as a paragraph.
 */
export function dedupeFigures(root: Element, base: string): Set<string> {
  const seen = new Map<string, Element>();
  for (const img of [...root.querySelectorAll('img')]) {
    const key = imageKey(img.getAttribute('src'), base);
    if (!key) continue;
    const kept = seen.get(key);
    if (kept) {
      // Keep the better description of the two copies.
      if (!kept.getAttribute('alt') && img.getAttribute('alt')) kept.setAttribute('alt', img.getAttribute('alt')!);
      (img.closest('figure') ?? img).remove();
    } else {
      seen.set(key, img);
    }
  }
  return new Set([...root.querySelectorAll('figcaption')].map((c) => textOf(c)).filter(Boolean));
}

/**
 * A caption and its credit are often two spans with no space between them ("isn't easy.</span>
 * <span>Kathrin Ziegler/Getty"): read as text they run together. A space goes between two parts
 * of a caption where neither side has one.
 */
const CAPTION_PARTS = new Set(['SPAN', 'SMALL', 'CITE', 'DIV', 'P']);

export function spaceCaptionParts(root: Element): void {
  for (const caption of root.querySelectorAll('figcaption')) {
    for (const part of [...caption.children]) {
      if (!CAPTION_PARTS.has(part.tagName.toUpperCase())) continue;
      const before = part.previousSibling;
      if (!before || !part.textContent || /^\s/.test(part.textContent)) continue;
      const previous = before.textContent ?? '';
      if (previous && !/\s$/.test(previous)) caption.insertBefore(caption.ownerDocument.createTextNode(' '), part);
    }
  }
}
