import { parseDate } from './dates';
import { collapsedLength, containsTag, isAttached, linkTextShare, textOf } from './dom';

const PRE_TABLE = new Set(['PRE', 'TABLE']);

/**
 * Clutter Readability keeps inside the article: short blocks that are page furniture by what they
 * say (sign-in and subscribe prompts, photo credits, datelines, "By …" lines, copyright lines,
 * "You may also like" lists, reading-time badges, reporting credits). Every rule is about a kind
 * of text found on many sites and only ever removes short blocks, so prose is never at risk.
 */

/** Blocks that stand on their own (an inline <strong> inside a paragraph is never judged alone). */
const STRUCTURAL = new Set([
  'P',
  'DIV',
  'LI',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'DT',
  'DD',
  'SECTION',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'TIME',
  'FIGCAPTION',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'TABLE',
  'TR',
  'TD',
  'FIGURE',
  'PRE',
  'ADDRESS',
  'NAV',
]);

/** Interface words a page shows around an article, alone in their block. */
const UI_STRINGS = new RegExp(
  '^(\\[[+−-]\\]|sign in|sign up|log in|login|register|subscribe|subscribe now|close|caption|advert|advertisement|' +
    'sponsored|iklan|publicidade|publicité|anzeige|werbung|реклама|comments?|\\d+ comments?|leave a comment|' +
    'add comment|have your say|read comments|tell us what you think.*|read more|read more\\.*|show more|load more|loading( content)?\\.*|' +
    'share|share this( article| story)?|print|email|tweet|follow( us)?|follow on twitter|email the author|' +
    'view author archive|about the author|highlights|latest|latest news|popular|most popular|most read|' +
    'breaking news|updated|posted|published|review|opinion|analysis|columnist|opinion columnist|editorial|commentary|exclusive|tags?|topics?|filed under:?.*|categor(y|ies)|next|previous|back to top|' +
    '(image|photo|slide)? ?\\d+ (of|/) ?\\/? ?\\d+|video|watch|listen|play|skip ad|' +
    'отзывы|добавить отзыв|letture|comentários|kommentare|commentaires)$',
  'i',
);

/** Photo and image credits: a line that starts as one, or is nothing but an agency's name. */
const CREDIT =
  /^(\(?\s*(photo|photos|image|images|picture|pictures|credit|credits|foto|fotos|bild|illustration)\s*(:|by\b|credit|copyright|©)|image copyright|image source|courtesy of|личный архив|arquivo pessoal|archivo personal|©|\(c\)\s|ⓒ)|^\(?(getty images?|getty|shutterstock|istock(photo)?|reuters|afp|ap|ap photo|associated press|epa|alamy|wireimage)\)?\.?$/i;

/** "By Jane Doe", "By HNN Staff |", "Jane Doe, AP Auto Writer". */
const BYLINE =
  /^(by|von|por|par|di|door|av|автор)\s+[\p{Lu}\p{Lt}][^.!?]{0,80}$|,\s*(ap|associated press|reuters|afp)\b.*\b(writer|correspondent|reporter)s?$/iu;

const COPYRIGHT = /(copyright|©|ⓒ|all rights reserved|무단전재|tous droits réservés|todos os direitos reservados|alle rechte vorbehalten)/i;

/**
 * A syndication or rights notice at the foot of a wire story ("All rights reserved. Republication
 * or redistribution … is expressly prohibited without the prior written consent of …"), longer
 * than a copyright line but as plainly not the article.
 */
const RIGHTS_NOTICE =
  /\b(all rights reserved|(republication|redistribution|reproduction)\b[^.]{0,120}\b(prohibited|without (the )?(prior |express )?(written )?(permission|consent))|this material may not be (published|reproduced|broadcast|rewritten|redistributed))/i;

const CREDITS_LINE =
  /^\(?\s*(reporting|additional reporting|editing|edited|writing|compiled|produced|research) by\b|contributed to this report\.?\)?$|^associated press writers?\b|^(reach|contact|email|follow) (the )?(reporter|writer|author|columnist)s?\b/i;

/** "05/10/2018 - Posted by: X - Category: Health - Tags: …": the page's filing line. */
const META_LINE = /(^|[-|·•–]\s*)(tags?|categor(y|ies|ia|ie)|filed under|posted in|publicado por|posted by|published by|etiquetas|schlagwörter)\s*:/i;

const READING_TIME =
  /\b(\d+\s*(min|mins|minute|minutes)\s*(read|de leitura|lesezeit)|reading time|tempo de leitura|lesezeit|temps de lecture|tiempo de lectura)\b/i;

const PROMPT =
  /\b(subscribe|subscription|newsletter|sign up|sign-up|signup|inscreva|abonnez|abonnieren|suscríbete|get the .* app|download (the|our) app|click here to|follow @\w+|follow us|follow [\p{L} ]{1,40} on (twitter|facebook|instagram|youtube|tiktok)|make .* my homepage|affiliate commission)\b/iu;

/** A promo ends by telling the reader what to do: "… Click here to subscribe.", "Sign up now." */
const CALL_TO_ACTION = /\b(click|tap) here\b[^.!?]{0,40}[.!]?$|\b(subscribe|sign up|join|order|buy|download) (now|today|here)[.!]?$/i;

/** A heading or short line that announces a list of other stories. */
export const RELATED_INTRO =
  /^(you (may|might) (also )?like|more (great )?[\p{L} ]{0,30}stories|related( coverage| stories| articles| posts| news| content| links| reading)?( from [^:]{0,60})?|more( on this( story)?| from [^:]{0,40})?|read (more|also|next)|see also|also read|don't miss|dont miss|recommended( for you)?|trending( now)?|popular (now|stories)|latest (news|stories)|what to read next|want more stories like this\??|leia (também|mais)|lesen sie auch|à lire aussi|lire aussi|también te puede interesar|más noticias|самые популярные.*|читайте также|keep reading|tags?|topics?|categories|filed under|marcadores|etiquetas|schlagwörter|mots-clés)\s*[:.…]*$/iu;

/** "READ MORE: headline", "Related: headline", "(Leggi anche su: …)". */
const INLINE_RELATED =
  /^\(?\s*(read more|related|see also|also read|more|don't miss|watch|listen|leggi anche( su)?|leia também|lesen sie auch|lire aussi|читайте также)\s*:/i;

const DATE_WORDS =
  /\b(posted|updated|published|modified|last updated|publié|publicado|veröffentlicht|aktualisiert|am|pm|a\.m\.|p\.m\.|gmt|utc|edt|est|cet|cest|bst|pt|et|pst|pdt|ist|jst|today|yesterday|at|on|de|às|um|le|à|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|segunda|terça|quarta|quinta|sexta|sábado|domingo|feira)\b/gi;

function isDateline(text: string): boolean {
  if (text.length > 90) return false;
  const hasDate = parseDate(text) !== null || /\b\d{1,2}:\d{2}\b/.test(text);
  if (!hasDate) return false;
  const rest = text
    .replace(DATE_WORDS, ' ')
    .replace(/[\d\s:;,.|/()\-–—]+/g, ' ')
    .trim();
  return rest.split(/\s+/).filter(Boolean).length <= 1;
}

function isUpperCase(text: string): boolean {
  // An ASCII lower-case letter settles it without building the letters (most blocks are prose).
  if (/[a-z]/.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 8 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Leaf blocks: block elements with no block inside, in document order (one pass, bottom-up). */
export function leafBlocks(root: Element): Element[] {
  // (linkedom's getElementsByTagName('*') finds nothing; querySelectorAll('*') works everywhere.)
  const all = [...root.querySelectorAll('*')];
  const hasBlockInside = new Set<Element>();
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    const parent = el.parentElement;
    if (parent && (hasBlockInside.has(el) || STRUCTURAL.has(el.tagName.toUpperCase()))) hasBlockInside.add(parent);
  }
  return all.filter((el) => STRUCTURAL.has(el.tagName.toUpperCase()) && !hasBlockInside.has(el));
}

/** The longest text a clutter rule judges (bylines, credits, prompts are all short). */
const MAX_CLUTTER = 400;

/** Why a short block is clutter, or null. Exported for tests. */
export function clutterKind(text: string, el: Element, authors: string[]): string | null {
  if (text.length > MAX_CLUTTER) return null;
  if (UI_STRINGS.test(text)) return 'ui';
  if (text.length <= 160 && CREDIT.test(text)) return 'credit';
  if (isDateline(text)) return 'dateline';
  if (text.length <= 120 && (BYLINE.test(text) || (authors.length && authors.some((a) => text === a)))) return 'byline';
  if (text.length <= 200 && COPYRIGHT.test(text)) return 'copyright';
  if (RIGHTS_NOTICE.test(text)) return 'copyright';
  if (CREDITS_LINE.test(text)) return 'credits';
  if (text.length <= 60 && READING_TIME.test(text)) return 'reading-time';
  if (text.length <= 250 && META_LINE.test(text)) return 'meta-line';
  // Prompts are short or carry their link; a sentence of prose that mentions a newsletter stays.
  if (text.length <= 300 && PROMPT.test(text) && (text.length <= 120 || linkTextShare(el, text) > 0.1 || CALL_TO_ACTION.test(text))) return 'prompt';
  if (INLINE_RELATED.test(text) && linkTextShare(el, text) > 0.3) return 'related';
  if (text.length <= 200 && isUpperCase(text) && linkTextShare(el, text) > 0.8) return 'related';
  return null;
}

/** The element to remove for a leaf block: its wrappers too, while they hold nothing else. */
function outermostAlone(el: Element, root: Element): Element {
  let node = el;
  while (node.parentElement && node.parentElement !== root && node.parentElement.children.length === 1 && textOf(node.parentElement) === textOf(node)) {
    node = node.parentElement;
  }
  return node;
}

/** Lists of links after a "You may also like" line: drop the line and the lists that follow it. */
function removeRelatedRun(intro: Element, root: Element, removals: Removals): void {
  const anchor = outermostAlone(intro, root);
  let next = anchor.nextElementSibling;
  removals.remove(anchor);
  while (next) {
    const text = textOf(next);
    const after = next.nextElementSibling;
    if (!text && !containsTag(next, 'img')) {
      removals.remove(next, 0); // a rule or spacer between the heading and its list
    } else if (isLinkList(next, text)) {
      removals.remove(next, text.length);
    } else {
      break;
    }
    next = after;
  }
}

/** A list whose every item links somewhere, or a block that is mostly link text. */
function isLinkList(el: Element, text: string): boolean {
  if (!text || text.length > 1500) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'UL' || tag === 'OL') {
    const items = [...el.children].filter((li) => li.tagName.toUpperCase() === 'LI');
    if (items.length && items.every((li) => containsTag(li, 'a'))) return true;
  }
  return linkTextShare(el, text) >= 0.6;
}

const SHARE_WORDS =
  /\b(facebook|twitter|whatsapp|pinterest|linkedin|telegram|reddit|email|e-mail|share|tweet|compartilhar|baixar|teilen|partager|compartir|condividi)\b/i;

/** The longest line that counts as repeated furniture when it appears three times. */
const REPEATED_MAX = 80;

/** The element's neighbour is a photo (a figure, or an image alone in its block). */
function besidePhoto(el: Element): boolean {
  const isPhoto = (n: Element | null) =>
    !!n && (n.tagName.toUpperCase() === 'FIGURE' || n.tagName.toUpperCase() === 'IMG' || (containsTag(n, 'img') && !textOf(n)));
  return isPhoto(el.previousElementSibling) || isPhoto(el.nextElementSibling);
}

/** Never more than this share of the article's text goes as clutter; beyond it, a rule misfired. */
const MAX_SHARE_REMOVED = 0.35;

/**
 * Removals are logged rather than applied on a copy, so a misfire is undone without cloning the
 * article (node creation is the costliest thing in linkedom).
 */
class Removals {
  private readonly log: { node: Element; parent: Node; next: Node | null }[] = [];
  removedText = 0;
  /** Text length of the root before anything went: measured at the first removal (half the pages have none). */
  textBefore = 0;

  constructor(private readonly root: Element) {}

  remove(node: Element, textLength = textOf(node).length): void {
    if (!node.parentNode) return;
    if (!this.log.length) this.textBefore = collapsedLength(this.root);
    this.log.push({ node, parent: node.parentNode, next: node.nextSibling });
    this.removedText += textLength;
    node.remove();
  }

  undo(): void {
    for (const { node, parent, next } of this.log.reverse()) parent.insertBefore(node, next && next.parentNode === parent ? next : null);
  }
}

export interface ClutterContext {
  /** The article's authors: a block that only names them is the byline, shown in the header. */
  authors: string[];
  /** The page's dateline ("2014-11-08 09:04 Xinhua"), shown in the header. */
  dateline: string | null;
  /** Figure captions: the same text again as a paragraph is a repeat. */
  captions: Set<string>;
}

export function removeClutter(root: Element, context: ClutterContext): void {
  const removals = new Removals(root);
  removeClutterBlocks(root, context, removals);
  if (removals.textBefore && removals.removedText > removals.textBefore * MAX_SHARE_REMOVED) removals.undo();
}

function removeClutterBlocks(root: Element, { authors, dateline, captions }: ClutterContext, removals: Removals): void {
  const seen = new Map<string, Element[]>();
  // Past MAX_CLUTTER a block's only possible verdict is "repeats a caption": a block surely longer
  // than that and than every caption is passed over without building its text (most of an
  // article's blocks are such paragraphs).
  let longest = MAX_CLUTTER;
  for (const caption of captions) longest = Math.max(longest, caption.length);
  for (const block of leafBlocks(root)) {
    const place = placeOf(block, root);
    if (!place.attached || place.inPreOrTable) continue;
    if (collapsedLength(block, longest) > longest) continue;
    const text = textOf(block);
    if (!text) continue;
    if (text.length < 300) {
      const copies = seen.get(text);
      if (copies) copies.push(block);
      else seen.set(text, [block]);
    }
    if (RELATED_INTRO.test(text) && text.length < 80) {
      debug('related-run', text);
      removeRelatedRun(block, root, removals);
      continue;
    }
    const inFigure = place.inFigure;
    if (inFigure && block.tagName.toUpperCase() !== 'FIGCAPTION') continue;
    const kind = text === dateline ? 'dateline' : !inFigure && captions.has(text) ? 'caption-repeat' : clutterKind(text, block, authors);
    if (kind) {
      debug(kind, text);
      removals.remove(outermostAlone(block, root), text.length);
    }
  }
  // The same short line three times or more, as a share strip under every card ("Whatsapp
  // Facebook Baixar") or beside every photo ("Mouseover photo to load notes"), is furniture
  // repeated per item. (A line repeated in the text itself — an interview's question, a product's
  // "See it now" — is not: only share words or a photo next to each copy tell.)
  for (const [text, copies] of seen) {
    if (copies.length < 3 || text.length >= REPEATED_MAX) continue;
    if (!SHARE_WORDS.test(text) && !copies.every((el) => besidePhoto(outermostAlone(el, root)))) continue;
    for (const el of copies)
      if (isAttached(el, root)) {
        debug('repeated', text);
        removals.remove(el, text.length);
      }
  }
}

/** Where a block sits, from one walk up its ancestors (three walks per block before). */
function placeOf(block: Element, root: Element): { attached: boolean; inPreOrTable: boolean; inFigure: boolean } {
  let attached = false;
  let inPreOrTable = false;
  let inFigure = false;
  for (let n: Element | null = block; n; n = n.parentElement) {
    const tag = n.tagName.toUpperCase();
    if (PRE_TABLE.has(tag)) inPreOrTable = true;
    else if (tag === 'FIGURE') inFigure = true;
    if (n === root) attached = true;
  }
  return { attached, inPreOrTable, inFigure };
}

const debug = (kind: string, text: string) => (globalThis as { CC_DEBUG?: boolean }).CC_DEBUG && console.error(`clutter ${kind}: ${text.slice(0, 100)}`);
