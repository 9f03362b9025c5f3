import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import type { Capture } from './capture';

/** A capture as stored: the Capture plus when it was saved. */
export type SavedArticle = Capture & { capturedAt: string };

/** Double-quoted YAML scalar: JSON string syntax is valid YAML, so any title round-trips. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

export function frontMatter(article: SavedArticle): string {
  const fields: [string, string | null | undefined][] = [
    ['title', article.title],
    ['author', article.byline],
    ['published', article.published],
    ['site', article.siteName],
    ['url', article.url],
    ['captured', article.capturedAt],
    ['excerpt', article.excerpt],
  ];
  const lines = fields.filter(([, value]) => value).map(([key, value]) => `${key}: ${yamlString(value!)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

function createTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
    hr: '---',
  });
  service.use(gfm);
  // A figure is its image followed by its caption in italics, once.
  service.addRule('figure', {
    filter: 'figure',
    replacement: (_content, node) => {
      const figure = node as HTMLElement;
      const img = figure.querySelector('img');
      const caption = figure.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim();
      const image = img ? `![${(img.getAttribute('alt') ?? '').replace(/[[\]]/g, '')}](${img.getAttribute('src')})` : '';
      return `\n\n${image}${caption ? `\n\n*${caption.replace(/([*_])/g, '\\$1')}*` : ''}\n\n`;
    },
  });
  // The title is the document's one H1; an <h1> in the body (a saved selection) becomes an H2.
  service.addRule('body-h1', {
    filter: 'h1',
    replacement: (content) => `\n\n## ${content.replace(/\s+/g, ' ').trim()}\n\n`,
  });
  return service;
}

let turndown: TurndownService | null = null;

/** The article body alone as Markdown, its heading levels below the title's H1. */
export function htmlToMarkdown(html: string): string {
  turndown ??= createTurndown();
  return turndown.turndown(html).trim();
}

/** A whole Markdown document: front matter, the title as the one H1, the body. Deterministic. */
export function toMarkdown(article: SavedArticle): string {
  return `${frontMatter(article)}\n# ${article.title}\n\n${htmlToMarkdown(article.contentHtml)}\n`;
}
