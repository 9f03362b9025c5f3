import { Readability } from '@mozilla/readability';
import type { PageArticleStats } from './completeness';
import { linkTextShare } from './dom';

/**
 * A second opinion on a suspect result. Our cleanup before Readability changes what Readability
 * sees, and on a few pages that turns a good result into a bad one: a sidebar's "About us" box,
 * a teaser and a caption, nothing at all. Such a result is told by how little it holds against the
 * page's densest block of paragraphs, or by being mostly links; then Readability on the untouched page is asked as well, and
 * the fuller answer is kept. Only suspect results pay for the second pass.
 */

/** An extracted article: its content and its plain text (what the score reads). */
export interface ArticleBody {
  content: Element;
  text: string;
}

/** Under this share of the page's densest block of paragraphs, a result is suspect. */
const SUSPECT_SHARE = 0.5;
/** Another candidate replaces ours only when it holds clearly more text. */
const CLEARLY_MORE = 1.5;

/** Over this share of its text in links, a result is a list of headlines, not an article. */
const LINK_LIST_SHARE = 0.5;

/**
 * A page with no real block of paragraphs (text in table cells and <br> lines, a gallery) is read
 * against all its text instead: a result of a caption's length and under this share of it is
 * suspect. (On the dev corpora a longer result on such a page was never improved by the second
 * pass: the length bound keeps the pass off those pages.)
 */
const FEW_PARAGRAPHS = 300;
const SHARE_OF_PAGE = 0.1;
const CAPTION_LENGTH = 300;

export function isSuspect(body: ArticleBody | null, page: PageArticleStats): boolean {
  if (!body) return true;
  const length = body.text.length;
  const short =
    page.densestBlockChars < FEW_PARAGRAPHS
      ? length < CAPTION_LENGTH && length < page.textChars * SHARE_OF_PAGE
      : length < page.densestBlockChars * SUSPECT_SHARE;
  if (short) return true;
  return linkTextShare(body.content, body.text) > LINK_LIST_SHARE;
}

/**
 * Readability's article element for `doc` (which it rewrites), or null. Readability assumes every
 * candidate has a <body> above it; on a tree malformed beyond repair (a loose parser's view of
 * broken markup) it throws, and there is no article it can find then. Classes are kept: our
 * cleanup reads them, and our sanitizer drops them afterwards.
 */
export function readabilityArticle(doc: Document): ReturnType<Readability<Element>['parse']> {
  const reader = new Readability(doc, {
    keepClasses: true,
    serializer: (el: Node) => el,
  } as ConstructorParameters<typeof Readability>[1]) as unknown as Readability<Element>;
  try {
    return reader.parse();
  } catch {
    return null;
  }
}

/**
 * The fuller of `current` and each alternative in turn (each computed only when asked): an
 * alternative must hold clearly more text than the best so far to replace it, so that a little
 * more text (a comment, a sidebar) never wins over our cleaner copy.
 */
export function fuller(current: ArticleBody | null, alternatives: (() => ArticleBody | null)[]): ArticleBody | null {
  let best = current;
  for (const alternative of alternatives) {
    const candidate = alternative();
    if (candidate && candidate.text.length > (best ? best.text.length * CLEARLY_MORE : 0)) best = candidate;
  }
  return best;
}
