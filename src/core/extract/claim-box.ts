import { collapseWhitespace } from '../shared/text';

/**
 * A fact check's claim and rating box ("Claim: … Rating: False") is the point of the article, but
 * pages set it beside the body, where Readability leaves it. The page names the claim in its
 * schema.org ClaimReview; the box is the largest element around that text that is still a box
 * (a few hundred characters more than the claim), copied before Readability rewrites the page.
 */

/** How much more than the claim a box may hold (labels, the rating, a one-line ruling). */
const BOX_EXTRA = 300;
/** Enough of the claim to find it, whatever the page did to its end. */
const CLAIM_PREFIX = 60;

export function findClaimBox(doc: Document, claim: string | null): Element | null {
  if (!claim || !doc.body) return null;
  const needle = collapseWhitespace(claim).slice(0, CLAIM_PREFIX);
  if (needle.length < 20) return null;
  const holder = textElementWith(doc.body, needle);
  if (!holder) return null;
  let box: Element = holder;
  for (let n = holder.parentElement; n && n !== doc.body; n = n.parentElement) {
    if (collapseWhitespace(n.textContent ?? '').length > claim.length + BOX_EXTRA) break;
    box = n;
  }
  return box.cloneNode(true) as Element;
}

/** The smallest element whose text holds `needle`. */
function textElementWith(root: Element, needle: string): Element | null {
  let best: Element | null = null;
  let bestLength = Infinity;
  for (const el of root.querySelectorAll('p, span, div, blockquote, q, strong, em, h2, h3, h4, td, dd, li')) {
    const text = collapseWhitespace(el.textContent ?? '');
    if (text.length < bestLength && text.includes(needle)) {
      best = el;
      bestLength = text.length;
    }
  }
  return best;
}

/** Puts the box at the top of the article when the article lacks the claim. */
export function keepClaimBox(content: Element, box: Element | null, claim: string | null): void {
  if (!box || !claim) return;
  const needle = collapseWhitespace(claim).slice(0, CLAIM_PREFIX);
  if (collapseWhitespace(content.textContent ?? '').includes(needle)) return;
  content.insertBefore(content.ownerDocument.importNode(box, true), content.firstChild);
}
