import { removeBoilerplate } from './boilerplate';
import type { Capture } from '../shared/capture';
import { findClaimBox, keepClaimBox } from './claim-box';
import { removeClutter } from './clutter';
import { trimCommentThread } from './comment-thread';
import { trimEdges } from './edges';
import { blockText, collapsedLength, textOf } from './dom';
import { noArticle } from '../shared/errors';
import { dedupeFigures, normalizeFigures, spaceCaptionParts } from './figures';
import { assessCompleteness, LOW_COMPLETENESS, pageArticleStats, type Completeness } from './completeness';
import { fuller, isSuspect, readabilityArticle, type ArticleBody } from './second-opinion';
import { collectPageSignals, resolveMetadata } from './metadata';
import { normalizeAndScan } from './structure';
import { sanitizeTree } from './sanitize';
import { countWords, readingMinutes, truncate } from '../shared/text';
import { articleDirection, explicitDirection } from '../shared/text-direction';

export interface ExtractOptions {
  /** HTML of the user's selection: saved instead of the detected article ("Save selection"). */
  selectionHtml?: string | null;
  /** The document may be changed (it was parsed for this call only): saves a full clone. */
  consumeDocument?: boolean;
  /**
   * A fresh copy of the page, prepared like the one handed in (lazy images resolved), for a
   * second opinion when the result is suspect. Called only then. Without it, a document handed
   * over (`consumeDocument`) gets no second opinion; otherwise the caller's untouched document is
   * cloned.
   */
  reparse?: () => Document;
}

/** Fewer words than this and no image: not an article (a login wall, an index page, an error). */
const MIN_WORDS = 12;

/**
 * The article of `doc` (which is not modified) as a Capture. Throws CaptureError('no-article')
 * when there is none. Runs unchanged in the content script, in Node tests and in the CLI.
 */
export function extract(doc: Document, url: string, options: ExtractOptions = {}): Capture {
  // Readability rewrites the document it reads; the caller's page stays untouched unless it
  // hands the document over (the CLI parses a page just for this).
  const work = options.consumeDocument ? doc : (doc.cloneNode(true) as Document);
  // An empty or rootless document (a loose parser's view of "" or a bare XML prolog) has no article.
  if (!work.documentElement || work.body?.tagName.toUpperCase() !== 'BODY') throw noArticle();
  const reparse = options.reparse ?? (options.consumeDocument ? null : () => doc.cloneNode(true) as Document);
  const scan = normalizeAndScan(work);
  const signals = collectPageSignals(work, scan, url);
  const pageStats = pageArticleStats(scan);
  const claimBox = findClaimBox(work, signals.claimReviewed);
  removeBoilerplate(work, scan);
  normalizeFigures(work, url, scan);

  const article = readabilityArticle(work);
  const meta = resolveMetadata(signals, article ?? {});
  const title = meta.title || url;
  const clean = (content: Element): ArticleBody => {
    cleanExtracted(content, url, title, meta.datelineText, meta.authors);
    return { content, text: blockText(content, figureAsides(content)) };
  };
  const cleanArticle = (content: Element): ArticleBody => {
    keepClaimBox(content, claimBox, signals.claimReviewed);
    return clean(content);
  };

  let body: ArticleBody | null;
  let completeness: Completeness;
  if (options.selectionHtml) {
    body = clean(selectionContent(work, options.selectionHtml, doc.defaultView?.DOMParser ?? globalThis.DOMParser));
    completeness = { score: 1, reasons: [] };
  } else {
    body = article?.content ? cleanArticle(article.content) : null;
    if (isSuspect(body, pageStats)) {
      body = fuller(body, [
        () => {
          const untouched = reparse?.();
          if (!untouched) return null;
          normalizeAndScan(untouched);
          const raw = readabilityArticle(untouched);
          return raw?.content ? cleanArticle(raw.content) : null;
        },
      ]);
    }
    if (!body) throw noArticle();
    completeness = assessCompleteness(pageStats, body.content, body.text);
    // Readability found far less than the page holds: the page's own schema.org articleBody,
    // when it has clearly more, is the better copy.
    if (completeness.score < LOW_COMPLETENESS && signals.ld?.articleBody) {
      const ldBody = signals.ld.articleBody;
      const chosen = fuller(body, [() => ({ content: paragraphsOf(work, ldBody), text: ldBody })]);
      if (chosen !== body) {
        body = { content: chosen!.content, text: blockText(chosen!.content) };
        completeness = { ...assessCompleteness(pageStats, body.content, body.text), reasons: ["taken from the page's schema.org articleBody"] };
      }
    }
  }
  const { content, text: textContent } = body;
  const wordCount = countWords(textContent);
  const tooShort = options.selectionHtml ? wordCount === 0 : wordCount < MIN_WORDS;
  if (tooShort && !content.querySelector('img')) throw noArticle();

  const firstImage = content.querySelector('img');
  const leadImage =
    meta.leadImage ?? (firstImage ? { url: firstImage.getAttribute('src')!, alt: firstImage.getAttribute('alt') || null, caption: null } : null);
  if (leadImage && !leadImage.caption) {
    const figure = [...content.querySelectorAll('figure')].find((f) => f.querySelector('img')?.getAttribute('src') === leadImage.url);
    leadImage.caption = textOf(figure?.querySelector('figcaption')) || null;
  }

  return {
    url,
    canonicalUrl: meta.canonicalUrl ?? url,
    title,
    byline: meta.byline,
    authors: meta.authors,
    siteName: meta.siteName,
    published: meta.published,
    modified: meta.modified,
    lang: meta.lang,
    // Kept when the page says it or the article reads right to left; null means left to right.
    dir: explicitDirection(meta.dir) ?? (articleDirection({ lang: meta.lang, text: `${title}\n${textContent}` }) === 'rtl' ? 'rtl' : null),
    excerpt: meta.excerpt ?? (truncate(textContent, 200) || null),
    keywords: meta.keywords,
    leadImage,
    contentHtml: content.innerHTML.trim(),
    textContent,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    sources: meta.sources,
    selectionOnly: Boolean(options.selectionHtml),
    completeness,
  };
}

/**
 * The user's selection as an element of `doc`, parsed inert (DOMParser: no scripts run, no
 * images load) rather than through innerHTML. The parser is the page's window's (linkedom's in
 * Node), else the global one (a cloned document has no window).
 */
function selectionContent(doc: Document, html: string, Parser: typeof DOMParser): Element {
  const root = doc.createElement('div');
  const parsed = new Parser().parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');
  for (const node of [...parsed.body.childNodes]) root.appendChild(doc.importNode(node, true));
  return root;
}

/** Plain text (schema.org articleBody) as paragraphs. */
function paragraphsOf(doc: Document, text: string): Element {
  const root = doc.createElement('div');
  for (const block of text.split(/\n\s*\n|\r?\n/)) {
    if (!block.trim()) continue;
    const p = doc.createElement('p');
    p.textContent = block.trim();
    root.appendChild(p);
  }
  return root;
}

/**
 * Figures are asides to the text: the plain text leaves out their captions and credits (they stay
 * in contentHtml and the Markdown, under their photo). The lead photo's caption, before the first
 * paragraph, introduces the story and stays.
 */
function figureAsides(content: Element): Set<Element> {
  const figures = [...content.querySelectorAll('figure')];
  if (!figures.length) return new Set();
  // A photo essay (a slideshow, a gallery post) tells its story in the captions: when they hold
  // more text than everything else, they are the article's text.
  const captionChars = figures.reduce((sum, f) => sum + collapsedLength(f), 0);
  if (captionChars > collapsedLength(content) - captionChars) return new Set();
  const asides = new Set<Element>(figures);
  const firstParagraph = content.querySelector('p');
  const lead = content.querySelector('figure');
  if (lead && (!firstParagraph || precedes(lead, firstParagraph))) {
    asides.delete(lead);
    for (const child of lead.children) if (!child.matches('figcaption') && !child.querySelector('figcaption')) asides.add(child);
  }
  return asides;
}

function precedes(a: Element, b: Element): boolean {
  return Boolean(a.compareDocumentPosition(b) & 4); // Node.DOCUMENT_POSITION_FOLLOWING
}

/** What Readability leaves that a clean copy should not hold. */
function cleanExtracted(content: Element, url: string, title: string, dateline: string | null, authors: string[]): void {
  const captions = dedupeFigures(content, url);
  spaceCaptionParts(content);
  // A signed comment thread goes whole, before the clutter pass takes its signatures for bylines.
  trimCommentThread(content);
  // The headline and the dateline are shown from metadata; in the body they would repeat.
  removeClutter(content, { authors, dateline: dateline && dateline.length < 160 ? dateline : null, captions });
  trimEdges(content);
  const first = content.querySelector('h1, h2, h3');
  if (first && isHeadline(textOf(first), title)) first.remove();
  sanitizeTree(content, url);
  unwrapSingleWrappers(content);
}

/** The headline again, maybe with the site's name after it or cut short. */
function isHeadline(heading: string, title: string): boolean {
  const a = heading.toLowerCase();
  const b = title.toLowerCase();
  return a === b || (a.length >= 20 && b.startsWith(a)) || (b.length >= 20 && a.startsWith(b));
}

/** Readability wraps the article in page <div>s; a lone wrapper adds nothing to a saved copy. */
function unwrapSingleWrappers(content: Element): void {
  let only = content.children.length === 1 ? content.firstElementChild : null;
  while (
    only &&
    (only.tagName === 'DIV' || only.tagName === 'SECTION') &&
    !only.attributes.length &&
    [...content.childNodes].every((n) => n === only || !textOf(n))
  ) {
    content.replaceChildren(...only.childNodes);
    only = content.children.length === 1 ? content.firstElementChild : null;
  }
}
