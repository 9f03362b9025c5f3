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
  budget -= trimTrailingLinks(content, blocks, total, budget);
  // (A post's footer may have taken more than the budget: then nothing else goes.)
  if (budget > 0) trimHead(content, blocks, budget);
}

/**
 * Removes a trailing section opened by a TAIL_HEADING (in the article's second half, within the
 * budget) or by a blog's POST_FOOTER (whose words are surer: while the post keeps a third of the
 * text, however short it is); returns the text length removed.
 */
function trimTail(content: Element, blocks: Block[], total: number, budget: number): number {
  let before = 0;
  for (let i = 0; i < blocks.length; i++) {
    const { el, length } = blocks[i]!;
    const opens = before >= total / 3 && length < FOOTER_MAX ? pageSectionOpener(textOf(el), length) : null;
    if (opens && (opens === 'footer' || before >= total / 2)) {
      const rest = blocks.slice(i);
      const removed = rest.reduce((sum, b) => sum + b.length, 0);
      const cap = opens === 'footer' ? total * FOOTER_SHARE : budget;
      if (removed <= cap && rest.every((b) => !isArticleProse(b))) {
        removeFromHere(el, content);
        return removed;
      }
    }
    before += length;
  }
  return 0;
}

/**
 * A blog engine's footer under a post, which opens with the same words on every blog: "This entry
 * was posted on … and is filed under …", "Posted in News | No Comments", "You can follow any
 * responses to this entry…", "3 Responses to …", "TrackBack URL", "About the author Jo Roe…",
 * "Posted by Jo at 1:27 PM", "11/09/2012 in Crafts | Permalink".
 */
const POST_FOOTER =
  /^(this entry was (posted|filed)\b|(posted|filed) (in|under|by|at|on)\b|you can (follow|skip to the end and leave a) (any )?responses?\b|(no|\d+) (comments|responses|trackbacks)\b|(1|one) (comment|response)\b|comments are closed\b|comments powered by\b|trackbacks?\b|about the author\b)|\bpermalink$/i;
const HEADING_MAX = 80;
const FOOTER_MAX = 300;
/** A post keeps at least a third of the text: a footer never takes more than the rest. */
const FOOTER_SHARE = 2 / 3;

function pageSectionOpener(text: string, length: number): 'heading' | 'footer' | null {
  if (length < HEADING_MAX && (TAIL_HEADING.test(text) || RELATED_INTRO.test(text))) return 'heading';
  return POST_FOOTER.test(text) ? 'footer' : null;
}

/** A paragraph longer than a teaser's, mostly not links: the article goes on. */
function isArticleProse({ el, length }: Block): boolean {
  return length > TEASER_LIMIT && linkTextShare(el, textOf(el)) < 0.5;
}

/** A block this much link text is a link, a list of headlines, not the article's prose. */
const LINKED = 0.6;
/** A label between link lists ("Also in News", "Sports Headlines") is short and ends no sentence. */
const LABEL_MAX = 80;
const ENDS_SENTENCE = /[.!?:;"”’)\]]$/;
/** Fewer links than this at the end is a "Read more" or a source link, not a list of other pages. */
const MIN_LINKS = 3;

/**
 * Removes the run of headline lists the page puts after the article without a heading we know
 * ("Also in UK News", "Sports Headlines", a bare list of links): from the end, blocks that are
 * mostly links or short labels between them, back to the last block of prose. Only with at least
 * MIN_LINKS links, only in the article's second half, within the budget, and never a list that
 * the last prose introduces with a colon (a shopping list, "available on these devices:").
 * Returns the text removed.
 */
function trimTrailingLinks(content: Element, blocks: Block[], total: number, budget: number): number {
  const attached = blocks.filter((b) => content.contains(b.el));
  let start = attached.length;
  let removed = 0;
  let links = 0;
  let linkedText = 0;
  while (start > 0) {
    const { el, length } = attached[start - 1]!;
    const text = textOf(el);
    const linked = linkTextShare(el, text) >= LINKED;
    if (!linked && (length >= LABEL_MAX || ENDS_SENTENCE.test(text))) break;
    if (linked) {
      links += el.getElementsByTagName('a').length;
      linkedText += length;
    }
    removed += length;
    start--;
  }
  // A list the article introduces ("…in the following devices:", "From left to right:") is its own.
  if (start > 0 && textOf(attached[start - 1]!.el).endsWith(':')) return 0;
  const kept = attached.slice(0, start).reduce((sum, b) => sum + b.length, 0);
  // Only labels at the end (a signature, a sign-off) are not a list of links; they stay.
  if (links < MIN_LINKS || !linkedText || removed > budget || kept < total / 2) return 0;
  for (const { el } of attached.slice(start)) el.remove();
  return removed;
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
