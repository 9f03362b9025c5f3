import { isAttached, labelOf, textOf } from './dom';

/**
 * Page furniture removed before Readability looks at the page. Each rule describes a kind of
 * furniture found on many sites (tool bars, share bars, promo links, pagers), never one site.
 */

/** Class/id words that name furniture, matched as whole tokens ("share-bar", not "shareholders"). */
const FURNITURE = /(^|[\s_-])(share|shares|sharing|sharetools|social|sociable|addthis|comment|comments|disqus|related|recommended|recommendations|popular|most-?read|mostpopular|trending|newsletter|subscribe|signup|print|toolbar|tools|breadcrumb|breadcrumbs|crumbs|pager|pagination|pic_pager|advert|advertisement|ads|sponsor|sponsored|promo|outbrain|taboola|cookie|consent|paywall)([\s_-]|$)/;

function protects(el: Element, bodyTextLength: number): boolean {
  if (el.matches('html, body, main, article, [itemprop="articleBody"]')) return true;
  if (el.querySelector('h1, article, main, [itemprop="articleBody"]')) return true;
  // A wrapper holding most of the page's text is the article, whatever it is called.
  return textOf(el).length > bodyTextLength * 0.4;
}

function removeFurnitureByName(doc: Document, bodyTextLength: number): void {
  for (const el of [...doc.querySelectorAll('[class], [id]')]) {
    if (!isAttached(el, doc)) continue;
    if (FURNITURE.test(labelOf(el)) && !protects(el, bodyTextLength)) el.remove();
  }
}

const isScriptLink = (a: Element) => {
  const href = (a.getAttribute('href') ?? '').trim().toLowerCase();
  return href.startsWith('javascript:') || href === '#' || href === '';
};

/** Bars of links that run scripts or go nowhere: font size, print, share buttons. */
function removeScriptLinkBars(doc: Document): void {
  for (const link of [...doc.querySelectorAll('a[href]')]) {
    if (!isAttached(link, doc) || !isScriptLink(link)) continue;
    const bar = link.parentElement?.closest('div, p, ul, ol, span, li, td, section, nav');
    if (bar && !bar.matches('body, main, article')) {
      const links = [...bar.querySelectorAll('a')];
      const dead = links.filter(isScriptLink).length;
      if (textOf(bar).length < 120 && dead * 2 >= links.length) {
        bar.remove();
        continue;
      }
    }
    if ((link.getAttribute('href') ?? '').trim().toLowerCase().startsWith('javascript:')) link.remove();
  }
}

/** "[Special coverage]"-style links tucked into paragraphs; footnote refs like "[3]" stay. */
const BRACKETED = /^[[【［〔].*\p{L}.*[\]】］〕]$/u;
function removeBracketedPromoLinks(doc: Document): void {
  for (const link of [...doc.querySelectorAll('a')]) {
    const text = textOf(link);
    const href = link.getAttribute('href') ?? '';
    if (text.length <= 60 && BRACKETED.test(text) && !href.startsWith('#')) link.remove();
  }
}

/** Page-number strips left empty when an article has one page: "1", "1 2 Next ›". */
const PAGER_TEXT = /^(?:\d{1,3}|next|prev|previous|first|last|more|[<>«»‹›|.…·/-]|上一页|下一页|首页|尾页|\s)+$/i;
function removeEmptyPagers(doc: Document): void {
  for (const el of [...doc.querySelectorAll('div, nav, ul, ol, p')]) {
    if (!isAttached(el, doc) || el.closest('table') || el.querySelector('img, picture, video')) continue;
    const text = textOf(el);
    if (text.length < 40 && /\d/.test(text) && PAGER_TEXT.test(text)) el.remove();
  }
}

export function removeBoilerplate(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  removeScriptLinkBars(doc);
  removeFurnitureByName(doc, textOf(body).length);
  removeBracketedPromoLinks(doc);
  removeEmptyPagers(doc);
}
