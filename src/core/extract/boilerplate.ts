import { isCommentThread } from './comment-thread';
import { attr, closestTag, containsTag, everyTextData, isAttached, isSpaceCode, textOf } from './dom';
import { elementsByTag, labelMatches, type Labelled, type PageScan } from './page-scan';

/**
 * Page furniture removed before Readability looks at the page. Each rule describes a kind of
 * furniture found on many sites (tool bars, share bars, promo links, pagers), never one site.
 * Rules read the shared PageScan (text lengths from before any removal: an ancestor's length may
 * be stale, which only makes the "holds most of the text" guard more careful).
 */

/** Class/id words that name furniture, matched as whole tokens ("share-bar", not "shareholders"). */
const FURNITURE =
  /(^|[\s_-])(share|shares|sharing|sharetools|social|sociable|addthis|comment|comments|disqus|related|recommended|recommendations|popular|most-?read|mostpopular|trending|newsletter|subscribe|signup|print|toolbar|tools|breadcrumb|breadcrumbs|crumbs|pager|pagination|pic_pager|advert|advertisement|ads|sponsor|sponsored|promo|outbrain|taboola|cookie|consent|paywall|deal|deals|affiliate|commerce|bio|author-?(?:bio|card|box|info|profile)|about-?(?:the-)?author)([\s_-]|$)/;

const NEVER_FURNITURE = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/**
 * Class tokens that file the element rather than name what it is: a blog engine's taxonomy
 * ("category-social_media", "tag-share", "entry-author-x" on the post itself) and script hooks
 * ("js-social-images" on the article body that gets share buttons). A furniture word inside one of
 * these says nothing about the element. ("author-card", "author-bio" name a box, not a filing.)
 */
const FILING_TOKEN =
  /^(?:(?:entry|post)-)?(?:category|categories|cat|tag|tags|author(?![-_](?:bio|card|box|info|profile)(?:$|[-_]))|topic|topics|format|kw|keyword|keywords|label|labels)[-_]|^js-/;

/** The label names furniture in a token of its own, not in a filing token. */
function namesFurniture(entry: Labelled): boolean {
  if (!labelMatches(entry, FURNITURE)) return false;
  if (entry.id && FURNITURE.test(entry.id.toLowerCase())) return true;
  // Only the class can hold filing tokens; most labels never get here (no furniture word at all).
  return entry
    .cls!.toLowerCase()
    .split(/\s+/)
    .some((token) => !FILING_TOKEN.test(token) && FURNITURE.test(token));
}

function removeFurnitureByName(doc: Document, scan: PageScan): void {
  for (const entry of scan.labelled) {
    const el = entry.el;
    if (!namesFurniture(entry) || NEVER_FURNITURE.has(el.tagName.toUpperCase()) || scan.holdsArticle.has(el)) continue;
    // A wrapper holding most of the page's text is the article, whatever it is called; a long
    // comment thread is not, and holds no post body.
    if ((scan.textLength.get(el) ?? 0) > scan.bodyTextLength * 0.4 && !isCommentThread(el)) continue;
    if (isAttached(el, doc)) el.remove();
  }
}

const BAR_TAGS = new Set(['DIV', 'P', 'UL', 'OL', 'SPAN', 'LI', 'TD', 'SECTION', 'NAV']);
const TABLE = new Set(['TABLE']);

const isDeadLink = (a: Element) => {
  const raw = a.getAttribute('href') ?? '';
  // Most links are settled by their first character, without trimming and lower-casing a copy:
  // only an empty href, or one starting (after spaces) with "#" or "j", can be dead.
  const first = raw.charCodeAt(0);
  if (raw && !isSpaceCode(first) && first !== 0x23 && (first | 0x20) !== 0x6a) return false;
  const href = raw.trim().toLowerCase();
  return href.startsWith('javascript:') || href === '#' || href === '';
};

/** Bars of links that run scripts or go nowhere: font size, print, share buttons. */
function removeScriptLinkBars(doc: Document, scan: PageScan, links: Element[]): void {
  for (const link of links) {
    if (!link.hasAttribute('href') || !isDeadLink(link) || !isAttached(link, doc)) continue;
    const bar = link.parentElement && closestTag(link.parentElement, BAR_TAGS);
    if (bar && !NEVER_FURNITURE.has(bar.tagName.toUpperCase()) && (scan.textLength.get(bar) ?? Infinity) < 400) {
      const barLinks = bar.getElementsByTagName('a');
      let dead = 0;
      for (const a of barLinks) if (isDeadLink(a)) dead++;
      if (dead * 2 >= barLinks.length && textOf(bar).length < 120) {
        bar.remove();
        continue;
      }
    }
    if ((link.getAttribute('href') ?? '').trim().toLowerCase().startsWith('javascript:')) link.remove();
  }
}

/** "[Special coverage]"-style links tucked into paragraphs; footnote refs like "[3]" stay. */
const BRACKETED = /^[[【［〔].*\p{L}.*[\]】］〕]$/u;
function firstChar(el: Element): string {
  for (let n: Node | null = el.firstChild; n;) {
    if (n.nodeType === 3) {
      const data = (n as Text).data.trimStart();
      if (data) return data[0]!;
      n = n.nextSibling;
    } else if (n.nodeType === 1) n = n.firstChild ?? n.nextSibling;
    else n = n.nextSibling;
  }
  return '';
}

function removeBracketedPromoLinks(scan: PageScan, links: Element[]): void {
  for (const link of links) {
    if ((scan.textLength.get(link) ?? 0) > 200 || !'[【［〔'.includes(firstChar(link) || 'x')) continue;
    const text = textOf(link);
    if (text.length <= 60 && BRACKETED.test(text) && !(link.getAttribute('href') ?? '').startsWith('#')) link.remove();
  }
}

/** Page-number strips left empty when an article has one page: "1", "1 2 Next ›". */
const PAGER_TEXT = /^(?:\d{1,3}|next|prev|previous|first|last|more|[<>«»‹›|.…·/-]|上一页|下一页|首页|尾页|\s)+$/i;
/** Named as a pager; the words hold no space, so class and id are tested apart (no joined label). */
const PAGER_LABEL = /pag|pg|num/i;
const isPagerNamed = (el: Element) => PAGER_LABEL.test(attr(el, 'class') ?? '') || PAGER_LABEL.test(attr(el, 'id') ?? '');

function removeEmptyPagers(doc: Document, scan: PageScan): void {
  const links = scan.byTag.get('A') ?? [];
  let linked: Set<Element> | null = null;
  for (const el of elementsByTag(scan, 'DIV', 'NAV', 'UL', 'OL', 'P')) {
    if ((scan.textLength.get(el) ?? Infinity) > 400) continue;
    // A pager is named as one or made of links; checking only those keeps this pass cheap.
    if (!isPagerNamed(el) && !(linked ??= ancestorsOf(links)).has(el)) continue;
    if (!shortWithDigit(el)) continue;
    const text = textOf(el);
    if (text.length >= 40 || !/\d/.test(text) || !PAGER_TEXT.test(text)) continue;
    if (closestTag(el, TABLE) || containsTag(el, 'img', 'picture', 'video') || !isAttached(el, doc)) continue;
    el.remove();
    linked = null; // the links it held no longer count for its ancestors
  }
}

/**
 * Could the element's collapsed text be under 40 characters with a digit in it? Told from its
 * text nodes without building the text: most candidates are ordinary short paragraphs. Counting
 * only non-space characters never over-counts the collapsed length, so no pager is missed.
 */
function shortWithDigit(el: Element): boolean {
  let chars = 0;
  let digit = false;
  const fits = everyTextData(el, (data) => {
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      if (isSpaceCode(code)) continue;
      if (++chars >= 40) return false;
      if (code >= 48 && code <= 57) digit = true;
    }
    return true;
  });
  return fits && digit;
}

/**
 * Every element that has one of `elements` below it, as the tree is now: one walk up per element
 * (stopping where an earlier walk went), instead of a subtree search per candidate.
 */
function ancestorsOf(elements: readonly Element[]): Set<Element> {
  const found = new Set<Element>();
  for (const el of elements) {
    for (let n = el.parentElement; n && !found.has(n); n = n.parentElement) found.add(n);
  }
  return found;
}

export function removeBoilerplate(doc: Document, scan: PageScan): void {
  if (!doc.body) return;
  const links = elementsByTag(scan, 'A');
  removeScriptLinkBars(doc, scan, links);
  removeFurnitureByName(doc, scan);
  removeBracketedPromoLinks(scan, links);
  removeEmptyPagers(doc, scan);
}
