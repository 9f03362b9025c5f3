import { leafBlocks } from './clutter';
import { collapsedLength, textOf } from './dom';

/**
 * Reader comment threads: named ones (a class or id), and those that share the article's
 * container with no class or heading left to tell them apart (old blog and newspaper templates: each comment a paragraph like the article's, signed
 * "Posted by Jo on January 10, 2008 5:29 PM · Report this comment"). They are recognised by that
 * signature, repeated block after block to the end of the article.
 */

/** The end of a signed comment: who posted it and when, or the link to report it. */
const SIGNATURE =
  /(?:(?:posted|written|submitted|comment(?:ed)?) by:?\s+.{1,80}?\s(?:on|at|@|\||-|–)\s.{0,40}?\d.{0,40}|report (?:this )?(?:comment|post|abuse)|reply to this comment)\s*[.|)]?\s*$/iu;
/** Only the end of a block is read: a signature closes its comment. */
const TAIL = 200;
/** A thread is at least this many signed comments… */
const MIN_SIGNED = 3;
/** …no more than this many blocks apart (a comment of a few paragraphs), or this much text (a long comment with a list)… */
const MAX_GAP = 6;
const MAX_GAP_CHARS = 3000;
/** …and the article before it keeps at least this much text. */
const MIN_ARTICLE = 400;

/**
 * A class or id token naming a reader comment thread or one comment ("comments", "comment-body",
 * "commentlist", "disqus_thread", "respond"), not a state of the post ("comments-open").
 */
const COMMENT_TOKEN =
  /^(?:[a-z]+[-_])?(?:comments?|commentlist|disqus|disqus_thread|respond|replies)(?:[-_](?:body|list|area|section|thread|content|container|wrapper|wrap|block|box|holder|text|entry|item))?$/;

/** Whether the element's class or id names a comment thread (or one comment). */
export function namesCommentThread(el: Element): boolean {
  const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  return /comment|disqus|respond|replies/.test(label) && label.split(/\s+/).some((token) => COMMENT_TOKEN.test(token));
}

/** Where a post keeps its body: a thread never holds one (a wrapper of the whole post might be named anything). */
const POST_BODY = 'h1, article, [itemprop~="articleBody"], .entry-content, .post-body, .post-content, .article-body, .story-body';

/**
 * A comment thread, however long: it may hold more text than the article (a popular blog post),
 * so the "most of the page's text is the article" guard must not protect it.
 */
export function isCommentThread(el: Element): boolean {
  return namesCommentThread(el) && !el.querySelector(POST_BODY);
}

export interface SizedBlock {
  el: Element;
  length: number;
}

function isSigned(block: SizedBlock): boolean {
  const text = textOf(block.el).trim();
  return SIGNATURE.test(text.length > TAIL ? text.slice(-TAIL) : text);
}

/**
 * The index in `blocks` where a trailing comment thread starts (its first signed comment), or -1.
 * The run must reach the end: signed blocks no more than MAX_GAP apart, the last one near the end.
 */
export function commentThreadStart(blocks: SizedBlock[]): number {
  const signed: number[] = [];
  // Text before each block: the gap between two signatures, and what the article keeps.
  const before: number[] = [];
  let sum = 0;
  for (let i = 0; i < blocks.length; i++) {
    before.push(sum);
    sum += blocks[i]!.length;
    if (isSigned(blocks[i]!)) signed.push(i);
  }
  if (signed.length < MIN_SIGNED || blocks.length - 1 - signed[signed.length - 1]! > MAX_GAP) return -1;
  const close = (a: number, b: number) => b - a <= MAX_GAP || before[b]! - before[a]! <= MAX_GAP_CHARS;
  // Walk back from the last signature while the signatures keep coming and the article before
  // keeps its text (a signed byline at the top of the post is not a comment).
  let first = signed.length - 1;
  while (first > 0 && close(signed[first - 1]!, signed[first]!) && before[signed[first - 1]!]! >= MIN_ARTICLE) first--;
  if (signed.length - first < MIN_SIGNED) return -1;
  // The first comment's own paragraphs come before its signature: back to the previous gap's end
  // would guess; cut from the first signed block, leaving at most one comment's opening.
  const start = signed[first]!;
  return before[start]! >= MIN_ARTICLE ? start : -1;
}

/**
 * Removes a trailing signed comment thread from the extracted article. Runs before the clutter
 * pass, which would take each "Posted by … at …" line for a byline and leave the comments unsigned.
 */
export function trimCommentThread(content: Element): void {
  const blocks = leafBlocks(content)
    .map((el) => ({ el, length: collapsedLength(el) }))
    .filter((b) => b.length > 0);
  const start = commentThreadStart(blocks);
  if (start < 0) return;
  const first = blocks[start]!.el;
  for (let node: Element | null = first; node && node !== content; node = node.parentElement) {
    while (node.nextSibling) node.nextSibling.remove();
  }
  first.remove();
}
