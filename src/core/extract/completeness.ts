import { containsTag, isAttached, linkTextShare } from './dom';
import { countWords } from '../shared/text';
import { namesCommentThread } from './comment-thread';
import type { PageScan } from './page-scan';

/**
 * How much of the page's article a capture kept, so a user is never silently given half an
 * article. Measured against what the page itself shows: its paragraph text, and — where the page
 * marks its article (<article>, <main>, itemprop=articleBody) — the images, headings, code blocks
 * and data tables inside it.
 */
export interface Completeness {
  /** 0..1; below LOW_COMPLETENESS the popup warns "this capture may be incomplete". */
  score: number;
  /** Why the score is below 1, in words; empty when complete. */
  reasons: string[];
}

export const LOW_COMPLETENESS = 0.6;

/** What the page held before cleanup, read from the shared scan. */
export interface PageArticleStats {
  paragraphChars: number;
  /**
   * Paragraph text of the page's densest block: the element whose own paragraphs (and, at half
   * weight, its children's) hold the most text. An article is normally such a block; a result
   * with far less text than it is suspect.
   */
  densestBlockChars: number;
  /** All the page's visible text. */
  textChars: number;
  inArticle: { images: number; headings: number; code: number; tables: number } | null;
}

const NOT_ARTICLE = new Set(['NAV', 'FOOTER', 'ASIDE', 'HEADER', 'FORM']);

function outsideFurniture(el: Element): boolean {
  for (let n = el.parentElement; n; n = n.parentElement) if (NOT_ARTICLE.has(n.tagName.toUpperCase())) return false;
  return true;
}

const NEVER_THREAD = new Set(['HTML', 'BODY', 'ARTICLE', 'MAIN']);

/**
 * Whether `el` sits in a reader comment thread. A long thread is often the page's densest block
 * of paragraphs; counted as the article it made a complete post look suspect, and the fuller
 * second opinion then brought the thread back. Memoized per element: paragraphs share ancestors.
 */
function inCommentThread(el: Element | null, memo: Map<Element, boolean>): boolean {
  if (!el || NEVER_THREAD.has(el.tagName.toUpperCase())) return false;
  const known = memo.get(el);
  if (known !== undefined) return known;
  const found = namesCommentThread(el) || inCommentThread(el.parentElement, memo);
  memo.set(el, found);
  return found;
}

export function pageArticleStats(scan: PageScan): PageArticleStats {
  let paragraphChars = 0;
  const blocks = new Map<Element, number>();
  let densestBlockChars = 0;
  const addToBlock = (el: Element | null, chars: number) => {
    if (!el) return;
    const total = (blocks.get(el) ?? 0) + chars;
    blocks.set(el, total);
    if (total > densestBlockChars) densestBlockChars = total;
  };
  const threads = new Map<Element, boolean>();
  for (const p of scan.byTag.get('P') ?? []) {
    const length = scan.textLength.get(p) ?? 0;
    if (length <= 40) continue;
    if (outsideFurniture(p)) paragraphChars += length;
    if (inCommentThread(p.parentElement, threads)) continue;
    addToBlock(p.parentElement, length);
    addToBlock(p.parentElement?.parentElement ?? null, length / 2);
  }
  const containers = [...(scan.byTag.get('ARTICLE') ?? []), ...(scan.byTag.get('MAIN') ?? []), ...(scan.itemprops.get('articlebody') ?? [])];
  const article = containers.sort((a, b) => (scan.textLength.get(b) ?? 0) - (scan.textLength.get(a) ?? 0))[0];
  return {
    paragraphChars,
    densestBlockChars,
    textChars: scan.bodyTextLength,
    inArticle: article ? countScannedStructure(scan, article) : null,
  };
}

/**
 * countStructure of a page element, from the scan: each image, heading, code block and table of
 * the page is checked for being inside `root` (a walk up from a few dozen elements instead of
 * five searches of the article's subtree). The scan is of the page as it is now.
 */
function countScannedStructure(scan: PageScan, root: Element): NonNullable<PageArticleStats['inArticle']> {
  const inside = (tag: string, also: (el: Element) => boolean = () => true) => {
    let count = 0;
    for (const el of scan.byTag.get(tag) ?? []) if (el !== root && isAttached(el, root) && also(el)) count++;
    return count;
  };
  const headed = tablesWithHeaderCells(scan);
  return {
    images: inside('IMG'),
    headings: inside('H2') + inside('H3'),
    code: inside('PRE'),
    tables: inside('TABLE', (t) => headed.has(t)),
  };
}

/** Tables with a <th> anywhere below them (an outer table holds its inner table's cells too). */
function tablesWithHeaderCells(scan: PageScan): Set<Element> {
  const tables = new Set<Element>();
  for (const th of scan.byTag.get('TH') ?? []) {
    for (let n = th.parentElement; n; n = n.parentElement) if (n.tagName.toUpperCase() === 'TABLE') tables.add(n);
  }
  return tables;
}

function countStructure(root: Element): NonNullable<PageArticleStats['inArticle']> {
  const tables = [...root.getElementsByTagName('table')].filter((t) => containsTag(t, 'th')).length;
  return {
    images: root.getElementsByTagName('img').length,
    headings: root.getElementsByTagName('h2').length + root.getElementsByTagName('h3').length,
    code: root.getElementsByTagName('pre').length,
    tables,
  };
}

/** Paragraph text kept at or above this share of the page's counts as whole. */
const ENOUGH_TEXT = 0.5;

/**
 * The signals that tell a failed capture, each weighed to warn on its own. Chosen on the dev
 * corpora (1,433 pages): together they flag about half the captures whose text is mostly wrong,
 * and 4 % of the good ones. The share of the page's paragraph text kept, the obvious signal, flags
 * good and bad captures alike (comments and sidebars hold paragraphs too): it is given as a reason
 * but does not warn by itself.
 */
const FAILURE = 0.5;
/** Fewer words than this, on a page that shows several times more text: a teaser or a caption. */
const FEW_WORDS = 80;
/** More text than this many times the page's densest block of paragraphs: comments or other stories mixed in. */
const SPREAD = 2.5;
/** Over this share of the text in links: a list of headlines, not an article. */
const LINKED = 0.4;

export function assessCompleteness(page: PageArticleStats, content: Element, text: string): Completeness {
  const reasons: string[] = [];
  let score = 1;
  const fail = (reason: string) => {
    score *= FAILURE;
    reasons.push(reason);
  };
  // Pages with little paragraph text (galleries, short notes) say nothing about loss.
  if (page.paragraphChars >= 600) {
    const kept = Math.min(1, text.length / page.paragraphChars);
    if (kept < ENOUGH_TEXT) {
      score *= 0.9;
      reasons.push(`kept ${Math.round(kept * 100)}% of the page's paragraph text`);
    }
  }
  const words = countWords(text);
  if (words < FEW_WORDS && page.textChars > text.length * 3) fail(`only ${words} words, on a page with much more text`);
  if (page.densestBlockChars >= 300 && text.length > page.densestBlockChars * SPREAD)
    fail('text gathered from several parts of the page (comments or other stories may be mixed in)');
  if (linkTextShare(content, text) > LINKED) fail('mostly links');
  if (page.inArticle) {
    const got = countStructure(content);
    const checks: [keyof typeof got, string][] = [
      ['code', 'code blocks'],
      ['tables', 'data tables'],
      ['headings', 'headings'],
      ['images', 'images'],
    ];
    for (const [key, label] of checks) {
      const want = page.inArticle[key];
      // Images: the page often repeats decorative ones; only a real shortfall counts.
      const missing = key === 'images' ? want >= 3 && got[key] < want / 3 : want > 0 && got[key] < want;
      if (missing) {
        score *= key === 'images' || key === 'headings' ? 0.9 : 0.8;
        reasons.push(`${got[key]} of ${want} ${label} in the article kept`);
      }
    }
  }
  return { score: Math.round(score * 100) / 100, reasons };
}
