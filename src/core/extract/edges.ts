import { leafBlocks, RELATED_INTRO } from './clutter';
import { collapsedLength, linkTextShare, textOf } from './dom';

/**
 * The page's own sections around an article, which Readability keeps when they share its
 * container: a menu or breadcrumb before the first paragraph; after the article, the run that a
 * heading such as "Recent Posts", "About the author", "3 Comments" or "Sign up for our newsletter"
 * opens. A section is cut only from such a heading to the end, only in the article's second half,
 * and only when no real paragraph of prose follows it; never more than MAX_SHARE of the text.
 */

/** Headings that open a section of the page, not of the article. */
const TAIL_HEADING = new RegExp(
  '^(recent (posts?|articles|stories|entries)|popular (posts|articles|stories)|most (popular|read|viewed|emailed|shared|commented)' +
    '( (stories|articles|posts|now))?|about (the )?(author|authors|blog|us|me|this blog)|about [\\p{Lu}][\\p{L}\\d]*( [\\p{Lu}][\\p{L}\\d]*)?' +
    '|contributors|our (writers|contributors)|latest (in|from) .{1,40}|more (in|from|on) .{1,40}|(from )?around the web' +
    '|sponsored( content| stories| links)?|promoted( stories| content)?|paid content|(\\d+ )?comments?( \\(\\d+\\))?' +
    '|(\\d+ )?(responses?|replies)( to .{1,80})?|leave a (reply|comment)|post a comment|add (a |your )?comment|join the (conversation|discussion)' +
    "|discussion|you (may|might) also (like|enjoy)|we recommend|editors'? picks?|(today's )?(top )?deals|shop (now|the story)" +
    "|subscribe( to .{1,40})?|sign up for .{1,60}|get (the|our) (magazine|newsletter).{0,60}|newsletter|(today's )?poll|vote now)\\s*[:.…!?]*$",
  'iu',
);

/** Text that is prose: a paragraph long enough, and not a list of links. */
const PROSE = 150;
const TEASER_LIMIT = 400;
/** Never more than this share of the article's text goes as edges; beyond it, a rule misfired. */
const MAX_SHARE = 0.4;

interface Block {
  el: Element;
  length: number;
}

export function trimEdges(content: Element): void {
  const blocks: Block[] = leafBlocks(content)
    .map((el) => ({ el, length: collapsedLength(el) }))
    .filter((b) => b.length > 0);
  const total = blocks.reduce((sum, b) => sum + b.length, 0);
  if (!total) return;
  let budget = total * MAX_SHARE;
  budget -= trimTail(content, blocks, total, budget);
  trimHead(content, blocks, budget);
}

/** Removes a trailing section opened by a TAIL_HEADING; returns the text length removed. */
function trimTail(content: Element, blocks: Block[], total: number, budget: number): number {
  let before = 0;
  for (let i = 0; i < blocks.length; i++) {
    const { el, length } = blocks[i]!;
    if (before >= total / 2 && length < 80 && isSectionHeading(textOf(el))) {
      const rest = blocks.slice(i);
      const removed = rest.reduce((sum, b) => sum + b.length, 0);
      if (removed <= budget && rest.every((b) => !isArticleProse(b))) {
        removeFromHere(el, content);
        return removed;
      }
    }
    before += length;
  }
  return 0;
}

function isSectionHeading(text: string): boolean {
  return TAIL_HEADING.test(text) || RELATED_INTRO.test(text);
}

/** A paragraph longer than a teaser's, mostly not links: the article goes on. */
function isArticleProse({ el, length }: Block): boolean {
  return length > TEASER_LIMIT && linkTextShare(el, textOf(el)) < 0.5;
}

/** `el` and everything after it in document order, up to `root`. */
function removeFromHere(el: Element, root: Element): void {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    while (node.nextSibling) node.nextSibling.remove();
  }
  el.remove();
}

/**
 * Before the first paragraph of prose: lists whose every item is a short link (a section menu)
 * and blocks that are nothing but links (a breadcrumb "Home › World").
 */
function trimHead(content: Element, blocks: Block[], budget: number): void {
  for (const { el, length } of blocks) {
    if (!content.contains(el)) continue; // an item of a menu removed whole
    if (length >= PROSE) return;
    if (length > budget) return;
    const text = textOf(el);
    const list = el.parentElement && /^(UL|OL)$/i.test(el.parentElement.tagName) ? el.parentElement : null;
    if (linkTextShare(el, text) < 0.9) continue;
    if (list && isMenu(list)) {
      budget -= collapsedLength(list);
      list.remove();
    } else if (!list) {
      budget -= length;
      el.remove();
    }
  }
}

/** A list of short links and nothing else. */
function isMenu(list: Element): boolean {
  const items = [...list.children];
  return (
    items.length >= 2 &&
    items.every((li) => {
      const text = textOf(li);
      return text.length < 40 && linkTextShare(li, text) >= 0.9;
    })
  );
}
