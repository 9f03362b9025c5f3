import type { SavedArticle } from '../shared/capture';
import { hostOf } from '../shared/site-host';
import { yamlEntry, type YamlValue } from './yaml';

/**
 * Templates for export file names and front matter, with a small documented set of variables.
 * The same variables serve both: `{date} {title}` for a file name; `key: {variable}` lines (or
 * `key: text with {variables}`) for front matter.
 */
export const TEMPLATE_VARIABLES = {
  title: 'the article title',
  author: 'all authors, joined with ", "',
  authors: 'the authors (a list)',
  site: 'the site name',
  domain: 'the host name of the URL, without "www."',
  url: 'the address the article was saved from',
  canonical: 'the canonical address the page gives',
  published: 'publication date and time as the page gives it',
  modified: 'last-modified date as the page gives it',
  captured: 'when you saved it (ISO 8601, UTC)',
  date: 'YYYY-MM-DD: the published date, else the day you saved it',
  year: 'the year of {date}',
  month: 'the month of {date} (01–12)',
  day: 'the day of {date} (01–31)',
  tags: 'your tags (a list)',
  excerpt: 'the summary',
  lang: 'the language code',
  words: 'the word count (a number)',
  minutes: 'the reading time in minutes (a number)',
  highlights: 'your highlighted passages (a list)',
  notes: 'your notes on them (a list)',
} as const;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;

export const DEFAULT_FILE_NAME_TEMPLATE = '{date} {title}';
export const DEFAULT_FRONT_MATTER_TEMPLATE = [
  'title: {title}',
  'authors: {authors}',
  'published: {published}',
  'modified: {modified}',
  'site: {site}',
  'url: {url}',
  'canonical: {canonical}',
  'captured: {captured}',
  'tags: {tags}',
  'excerpt: {excerpt}',
  'lang: {lang}',
  'words: {words}',
].join('\n');

export class TemplateError extends Error {
  override name = 'TemplateError';
}

type Value = string | number | string[] | null;

/** Every variable's value for one article; null when the article has none. */
export function templateValues(article: SavedArticle, wanted = ''): Record<TemplateVariable, Value> {
  const date = (article.published ?? article.capturedAt ?? '').slice(0, 10);
  const [year = '', month = '', day = ''] = date.split('-');
  const authors = article.authors?.length ? article.authors : article.byline ? [article.byline] : [];
  return {
    title: article.title,
    author: authors.length ? authors.join(', ') : null,
    authors,
    site: article.siteName,
    domain: null,
    url: article.url,
    canonical: article.canonicalUrl || null,
    published: article.published,
    modified: article.modified,
    captured: article.capturedAt,
    date: date || null,
    year: year || null,
    month: month || null,
    day: day || null,
    tags: article.tags ?? [],
    excerpt: article.excerpt,
    lang: article.lang,
    words: article.wordCount,
    minutes: article.readingMinutes,
    highlights: (article.highlights ?? []).map((h) => h.exact.replace(/\s+/g, ' ').trim()),
    notes: (article.highlights ?? []).map((h) => h.note.trim()).filter(Boolean),
    // Parsing the URL is the costliest value: only when the template asks for it.
    ...(wanted.includes('{domain}') ? { domain: hostOf(article.url) || null } : {}),
  };
}

const VARIABLE = /\{([a-z]+)\}/g;

function known(name: string): name is TemplateVariable {
  return Object.prototype.hasOwnProperty.call(TEMPLATE_VARIABLES, name);
}

function checkVariables(text: string): void {
  for (const [, name] of text.matchAll(VARIABLE)) {
    if (!known(name!))
      throw new TemplateError(
        `Unknown variable {${name}}. Use one of: ${Object.keys(TEMPLATE_VARIABLES)
          .map((v) => `{${v}}`)
          .join(' ')}.`,
      );
  }
}

function interpolate(text: string, values: Record<TemplateVariable, Value>): string {
  return text.replace(VARIABLE, (_m, name: TemplateVariable) => {
    const value = values[name];
    if (value === null) return '';
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}

/** The file name's base (no extension, not yet made safe: see filename.ts) for one article. */
export function renderFileName(template: string, article: SavedArticle): string {
  checkVariables(template);
  return interpolate(template, templateValues(article, template)).replace(/\s+/g, ' ').trim();
}

const LINE = /^([A-Za-z_][\w.-]*):\s*(.*)$/;

/** Throws a TemplateError naming the first bad line; used by the settings validator and preview. */
export function checkFrontMatterTemplate(template: string): void {
  template.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = LINE.exec(line);
    if (!match) throw new TemplateError(`Line ${i + 1} ("${line}") must read "key: {variable}" or "key: text".`);
    checkVariables(match[2]!);
  });
}

/**
 * The YAML front matter block. A value that is exactly one variable keeps its type (a list stays a
 * list, a number a number); anything else is text. A value that comes out empty is left out.
 */
export function renderFrontMatter(template: string, article: SavedArticle): string {
  checkFrontMatterTemplate(template);
  const values = templateValues(article, template);
  const lines: string[] = [];
  for (const raw of template.split('\n')) {
    const match = LINE.exec(raw.trim());
    if (!match) continue;
    const [, key, spec] = match as unknown as [string, string, string];
    const only = /^\{([a-z]+)\}$/.exec(spec.trim());
    let value: YamlValue | null;
    if (only) {
      const v = values[only[1] as TemplateVariable];
      value = v === null || v === '' ? null : v;
    } else {
      const text = interpolate(spec, values).trim();
      value = text || null;
    }
    if (value !== null) lines.push(yamlEntry(key, value));
  }
  return `---\n${lines.join('\n')}\n---\n`;
}
