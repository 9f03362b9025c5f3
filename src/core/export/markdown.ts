import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import type { SavedArticle } from '../shared/capture';
import { highlightsSection, markHighlightsInHtml } from './highlights-markdown';
import { DEFAULT_FRONT_MATTER_TEMPLATE, renderFrontMatter } from './template';

export interface MarkdownOptions {
  /** Front matter template (see template.ts); the default lists every field. */
  frontMatterTemplate?: string;
  /**
   * Where an image points in the Markdown: return a relative path (`assets/…`) for an image packed
   * beside the file, or null to keep its remote URL (single-file export).
   */
  imagePath?: (src: string) => string | null;
  /**
   * The whole image markup instead of `![alt](path)`, or null for the usual form: an Obsidian
   * embed (`![[x.jpg]]`) names the file alone and lets the vault find it.
   */
  imageEmbed?: (src: string) => string | null;
  /**
   * The article's highlights (issue #16): a "Highlights" section of quotes with notes after the
   * text (the default), or `inline` ==marks== in the text with the noted and unplaceable ones in
   * the section. Inline needs `parse` (a DOM: DOMParser in a page, linkedom in Node).
   */
  highlights?: 'section' | 'inline';
  parse?: (html: string) => Document;
}

export function frontMatter(article: SavedArticle, template = DEFAULT_FRONT_MATTER_TEMPLATE): string {
  return renderFrontMatter(template, article);
}

/** Text inside [] of a link or image: brackets and backslashes escaped, one line. */
function bracketText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\[\]])/g, '\\$1');
}

/** A URL inside (): spaces and parentheses encoded so the link never breaks. */
function destination(url: string): string {
  return url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
}

interface RenderState {
  imagePath: (src: string) => string | null;
  imageEmbed: (src: string) => string | null;
  /** Added to every body heading level so the smallest becomes H2 (the title is the one H1). */
  headingShift: number;
}

function imageMarkdown(img: Element, state: RenderState): string {
  const src = img.getAttribute('src') ?? '';
  if (!src) return '';
  const embed = state.imageEmbed(src);
  if (embed !== null) return embed;
  const target = state.imagePath(src) ?? src;
  const title = plainAttribute(img.getAttribute('title'));
  return `![${bracketText(plainAttribute(img.getAttribute('alt')))}](${destination(target)}${title ? ` ${JSON.stringify(title)}` : ''})`;
}

/** An attribute as plain text: CMSs put escaped markup in alt and title ("<i>Vertigo</i>, 1958"). */
function plainAttribute(value: string | null): string {
  return (value ?? '')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A footnote reference as sites write it: <sup><a href="…#fn1">1</a></sup> or [1]. */
function footnoteLabel(sup: Element): string | null {
  const links = sup.querySelectorAll('a');
  if (links.length !== 1 || sup.textContent !== links[0]!.textContent) return null;
  const href = links[0]!.getAttribute('href') ?? '';
  const label = /^\[?(\w{1,8})\]?$/.exec((sup.textContent ?? '').trim())?.[1];
  return label && href.includes('#') ? label : null;
}

/** Element children as an array (turndown's Node DOM has no iterable `children`). */
function elementChildren(node: Element): Element[] {
  return Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1);
}

/** A footnote list: an <ol> whose every item ends with a back link (↩ ↑ ^) to its reference. */
function isFootnoteList(node: Element): boolean {
  const items = node.nodeName === 'OL' ? elementChildren(node) : [];
  return (
    items.length > 0 &&
    items.every((li) => {
      const links = Array.from(li.querySelectorAll('a'));
      const last = links[links.length - 1];
      // eslint-disable-next-line no-misleading-character-class -- each code point counts alone: the back-link glyph comes with or without VS15 (U+FE0E)
      return !!last && /#/.test(last.getAttribute('href') ?? '') && /^[↩↑^⤴︎\uFE0E\s]+$/.test(last.textContent ?? '');
    })
  );
}

function createTurndown(state: RenderState): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
    hr: '---',
  });
  service.use(gfm);
  // A highlight marked inline (issue #16): ==text==, as Obsidian and many editors read it.
  service.addRule('highlight', {
    filter: (node) => node.nodeName === 'MARK' && (node as Element).hasAttribute('data-highlight'),
    replacement: (content) => (content.trim() ? `==${content}==` : content),
  });
  // GFM table cells: a "|" in the text would split the cell, a line break would end the row.
  service.addRule('table-cell', {
    filter: ['th', 'td'],
    replacement: (content, node) => {
      const first = !node.previousSibling || elementChildren(node.parentNode as Element)[0] === node;
      const text = content.replace(/\n+/g, ' ').trim().replace(/\|/g, '\\|');
      return `${first ? '| ' : ' '}${text} |`;
    },
  });
  service.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => {
      const level = Math.min(6, Number(node.nodeName[1]) + state.headingShift);
      const text = content.replace(/\s+/g, ' ').trim();
      return text ? `\n\n${'#'.repeat(level)} ${text}\n\n` : '';
    },
  });
  // A figure is its image followed by its caption in italics, once.
  service.addRule('figure', {
    filter: 'figure',
    replacement: (_content, node) => {
      const figure = node as HTMLElement;
      const img = figure.querySelector('img');
      const caption = figure.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim();
      const image = img ? imageMarkdown(img, state) : '';
      return `\n\n${image}${caption ? `\n\n*${caption.replace(/([*_\\[\]])/g, '\\$1')}*` : ''}\n\n`;
    },
  });
  service.addRule('image', { filter: 'img', replacement: (_c, node) => imageMarkdown(node as Element, state) });
  // <pre class="language-x"> without an inner <code class>: still a fenced block with its language.
  service.addRule('pre-language', {
    filter: (node) => node.nodeName === 'PRE' && /language-/.test(node.getAttribute('class') ?? '') && !node.querySelector('code[class]'),
    replacement: (_c, node) => {
      const lang = /language-([\w+#-]+)/.exec((node as Element).getAttribute('class') ?? '')?.[1] ?? '';
      const code = (node.textContent ?? '').replace(/\n$/, '');
      const fence = '`'.repeat(Math.max(3, ...[...code.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)));
      return `\n\n${fence}${lang}\n${code}\n${fence}\n\n`;
    },
  });
  service.addRule('footnote-ref', {
    filter: (node) => node.nodeName === 'SUP' && footnoteLabel(node) !== null,
    replacement: (_c, node) => `[^${footnoteLabel(node as Element)}]`,
  });
  service.addRule('footnote-list', {
    filter: (node) => isFootnoteList(node),
    replacement: (_c, node) => {
      const items = elementChildren(node as Element).map((li, i) => {
        const clone = li.cloneNode(true) as Element;
        const links = Array.from(clone.querySelectorAll('a'));
        links[links.length - 1]?.remove();
        const text = service
          .turndown(clone.innerHTML)
          .replace(/\n{2,}/g, '\n    ')
          .trim();
        return `[^${i + 1}]: ${text}`;
      });
      return `\n\n${items.join('\n')}\n\n`;
    },
  });
  return service;
}

/** Shift so that the body's largest heading becomes H2. */
function headingShiftOf(html: string): number {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/gi)].map((m) => Number(m[1]));
  return levels.length ? 2 - Math.min(...levels) : 0;
}

const noImagePath = () => null;
/** One Turndown service, reused (building one per article costs more than converting it). */
const shared: { state: RenderState; service: TurndownService | null } = {
  state: { imagePath: noImagePath, imageEmbed: noImagePath, headingShift: 0 },
  service: null,
};

/** The article body alone as Markdown, its heading levels below the title's H1. */
export function htmlToMarkdown(html: string, options: Pick<MarkdownOptions, 'imagePath' | 'imageEmbed'> = {}): string {
  shared.service ??= createTurndown(shared.state);
  shared.state.imagePath = options.imagePath ?? noImagePath;
  shared.state.imageEmbed = options.imageEmbed ?? noImagePath;
  shared.state.headingShift = headingShiftOf(html);
  return shared.service.turndown(html).trim();
}

/** The lead image (when the body does not show it already), with its caption once. */
function leadImageMarkdown(article: SavedArticle, options: MarkdownOptions): string {
  const lead = article.leadImage;
  if (!lead?.url || article.contentHtml.includes(lead.url)) return '';
  const caption = lead.caption?.replace(/\s+/g, ' ').trim();
  const captionLine = caption ? `*${caption.replace(/([*_\\[\]])/g, '\\$1')}*\n\n` : '';
  const embed = options.imageEmbed?.(lead.url) ?? null;
  if (embed !== null) return `${embed}\n\n${captionLine}`;
  const target = options.imagePath?.(lead.url) ?? lead.url;
  return `![${bracketText(lead.alt ?? '')}](${destination(target)})\n\n${captionLine}`;
}

/** A whole Markdown document: front matter, the title as the one H1, the body. Deterministic. */
export function toMarkdown(article: SavedArticle, options: MarkdownOptions = {}): string {
  const title = article.title.replace(/\s+/g, ' ').trim() || 'Untitled';
  const highlights = article.highlights ?? [];
  let html = article.contentHtml;
  let listed = highlights;
  if (highlights.length && options.highlights === 'inline' && options.parse) ({ html, listed } = markHighlightsInHtml(html, highlights, options.parse));
  let body = htmlToMarkdown(html, options);
  // A body that opens with the title as a heading would show it twice under the H1.
  const first = /^#{2,6} (.*)\n*/.exec(body);
  if (first && first[1]!.trim() === title) body = body.slice(first[0].length);
  const section = highlightsSection(listed, listed === highlights ? 'Highlights' : 'Notes');
  return `${frontMatter(article, options.frontMatterTemplate)}\n# ${title}\n\n${leadImageMarkdown(article, options)}${body}\n${section ? `\n${section}` : ''}`;
}
