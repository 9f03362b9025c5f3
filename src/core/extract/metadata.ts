import type { LeadImage, MetadataField, MetaSource } from '../shared/capture';
import { parseDate } from './dates';
import { readJsonLd, type JsonLdArticle } from './jsonld';
import { BYLINE_PREFIX, bylineFromPage, dateFromPageText, isDateline, timeElementDate } from './page-byline-date';
import type { PageScan } from './page-scan';
import { stripSiteSuffix } from './site-title';
import { collapseWhitespace } from '../shared/text';

/** What Readability found itself; one signal among ours. */
export interface ReadabilityMeta {
  title?: string | null;
  byline?: string | null;
  excerpt?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
  dir?: string | null;
}

export interface PageMetadata {
  title: string | null;
  /** The byline as the page writes it ("By Jane Doe and John Roe"). */
  byline: string | null;
  authors: string[];
  siteName: string | null;
  published: string | null;
  modified: string | null;
  lang: string | null;
  dir: string | null;
  canonicalUrl: string | null;
  excerpt: string | null;
  keywords: string[];
  leadImage: LeadImage | null;
  articleBody: string | null;
  sources: Partial<Record<MetadataField, MetaSource>>;
  /** The element a date/byline was read from in the page text (a dateline), to drop from the body. */
  datelineText: string | null;
}

type Candidate<T> = [T | null | undefined, MetaSource];

/** The first candidate with a value wins; candidates are listed in order of trust. */
function pick<T>(sources: PageMetadata['sources'], field: MetadataField, candidates: Candidate<T>[]): T | null {
  for (const [value, source] of candidates) {
    const empty = value == null || (typeof value === 'string' && !value.trim()) || (Array.isArray(value) && !value.length);
    if (!empty) {
      sources[field] = source;
      return value as T;
    }
  }
  return null;
}

type MetaLookup = (...keys: string[]) => string | null;

/**
 * All <meta> values by lower-cased name/property/itemprop, read once (a querySelector per key
 * was most of the metadata time on large pages). A tag may name several keys ("dc:creator
 * twitter:site_name"); the first tag for a key wins, as with querySelector.
 */
function metaIndex(scan: PageScan): MetaLookup {
  const index = new Map<string, string>();
  for (const el of scan.byTag.get('META') ?? []) {
    const content = el.getAttribute('content');
    if (!content || !content.trim()) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      for (const key of (el.getAttribute(attr) ?? '').toLowerCase().split(/\s+/)) {
        if (key && !index.has(key)) index.set(key, collapseWhitespace(content));
      }
    }
  }
  return (...keys) => {
    for (const key of keys) {
      const value = index.get(key.toLowerCase());
      if (value) return value;
    }
    return null;
  };
}

function absolute(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Everything the page itself says, read before any cleanup touches it: the cleanup removes
 * bylines and datelines from the body, and Readability rewrites what is left.
 */
export interface PageSignals {
  url: string;
  meta: MetaLookup;
  ld: JsonLdArticle | null;
  /** The claim a fact check reviews (schema.org ClaimReview), whose box is part of the article. */
  claimReviewed: string | null;
  docTitle: string;
  headline: string | null;
  /** The <title> when its "Topic:" prefix is one the page's headings use too. */
  topicTitle: string | null;
  /** Text of the first <h1>, the title of last resort. */
  firstHeading: string | null;
  pageByline: string | null;
  pageDate: { date: string; text: string } | null;
  timePublished: string | null;
  timeModified: string | null;
  htmlLang: string | null;
  htmlDir: string | null;
  httpEquivLang: string | null;
  canonicalHref: string | null;
}

export function collectPageSignals(doc: Document, scan: PageScan, url: string): PageSignals {
  const meta = metaIndex(scan);
  const jsonLd = readJsonLd(scan);
  const ld = jsonLd.article;
  const docTitle = collapseWhitespace(doc.title ?? '');
  const html = doc.documentElement;
  return {
    url,
    meta,
    ld,
    claimReviewed: jsonLd.claimReviewed,
    docTitle,
    headline: headlineMatchingTitle(scan, [docTitle, meta('og:title'), ld?.headline]),
    topicTitle: topicPrefixedTitle(scan, docTitle),
    firstHeading: collapseWhitespace(scan.byTag.get('H1')?.[0]?.textContent ?? '') || null,
    pageByline: bylineFromPage(scan),
    pageDate: dateFromPageText(scan),
    timePublished: timeElementDate(scan, 'published'),
    timeModified: timeElementDate(scan, 'modified'),
    htmlLang: html?.getAttribute('lang') || html?.getAttribute('xml:lang') || null,
    htmlDir: html?.getAttribute('dir') ?? null,
    httpEquivLang:
      (scan.byTag.get('META') ?? []).find((m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-language')?.getAttribute('content') ?? null,
    canonicalHref: (scan.byTag.get('LINK') ?? []).find((l) => /(^|\s)canonical(\s|$)/i.test(l.getAttribute('rel') ?? ''))?.getAttribute('href') ?? null,
  };
}

/**
 * Readability cuts "Topic: Headline" titles after the colon when no heading repeats them whole.
 * The topic stays when the page's own headings use it the same way ("Evolve: Concepts" beside
 * "Evolve: Shared Mutable History"); a blog's name before the colon ("Silicon Exposed: …") does not.
 */
function topicPrefixedTitle(scan: PageScan, docTitle: string): string | null {
  const topic = /^([^:]{1,40}):\s+\S/.exec(docTitle)?.[1]?.trim().toLowerCase();
  if (!topic) return null;
  const headings = [...(scan.byTag.get('H1') ?? []), ...(scan.byTag.get('H2') ?? [])];
  return headings.some((h) =>
    collapseWhitespace(h.textContent ?? '')
      .toLowerCase()
      .startsWith(`${topic}:`),
  )
    ? docTitle
    : null;
}

/** Readability's title, or the page's whole "Topic: Headline" title when Readability cut the topic off. */
function withTopic(readabilityTitle: string | null | undefined, topicTitle: string | null): string | null {
  if (!readabilityTitle) return null;
  const cut = collapseWhitespace(readabilityTitle);
  return topicTitle && topicTitle !== cut && topicTitle.endsWith(cut) ? topicTitle : cut;
}

/**
 * The page's <h1> when it repeats the <title>/og:title/headline whole: then the title is exactly
 * that, dashes and colons included (Readability's guess may cut "Storm - what we know" at the dash).
 */
function headlineMatchingTitle(scan: PageScan, titles: (string | null | undefined)[]): string | null {
  const wanted = new Set(titles.filter((t): t is string => !!t).map((t) => collapseWhitespace(t).toLowerCase()));
  if (!wanted.size) return null;
  for (const h1 of scan.byTag.get('H1') ?? []) {
    const text = collapseWhitespace(h1.textContent ?? '');
    if (text && wanted.has(text.toLowerCase())) return text;
  }
  return null;
}

/** Which signal a byline Readability found came from, so the source is reported truthfully. */
function bylineSource(byline: string | null, ldAuthors: string[], metaAuthor: string | null): MetaSource {
  if (byline && ldAuthors.length && ldAuthors.join(', ') === byline) return 'jsonld';
  if (byline && metaAuthor === byline) return 'meta';
  return 'byline-heuristic';
}

function splitAuthors(byline: string | null): string[] {
  if (!byline) return [];
  return byline
    .replace(BYLINE_PREFIX, '')
    .split(/\s*(?:,|;|\band\b|&|\bund\b|\bet\b|、)\s*/i)
    .map((a) => a.trim())
    .filter((a) => a && a.length < 80);
}

/** Each field from the most trusted signal that has it, remembering which one that was. */
export function resolveMetadata(signals: PageSignals, readability: ReadabilityMeta): PageMetadata {
  const sources: PageMetadata['sources'] = {};
  const { meta, ld, pageDate, url: pageUrl } = signals;
  const siteName = pick<string>(sources, 'siteName', [
    [ld?.publisher, 'jsonld'],
    [meta('og:site_name'), 'opengraph'],
    [meta('application-name', 'twitter:site'), 'meta'],
    [readability.siteName, 'readability'],
  ]);
  const rawTitle = pick<string>(sources, 'title', [
    [signals.headline, 'document'],
    [withTopic(readability.title, signals.topicTitle), 'readability'],
    [ld?.headline, 'jsonld'],
    [meta('og:title'), 'opengraph'],
    [signals.docTitle, 'document'],
    [signals.firstHeading, 'document'],
  ]);
  // Readability's byline already weighs JSON-LD, Dublin Core, meta author and in-page bylines in
  // a tested order; we add our own signals where it finds none.
  const authorMeta = meta('dc:creator', 'dc.creator', 'dcterm:creator', 'author', 'article:author', 'parsely-author', 'sailthru.author');
  const usableMeta = authorMeta && !/^https?:/.test(authorMeta) ? authorMeta : null;
  const readabilityByline = readability.byline && !isDateline(readability.byline) ? collapseWhitespace(readability.byline) : null;
  const byline = pick<string>(sources, 'byline', [
    [readabilityByline, bylineSource(readabilityByline, ld?.authors ?? [], usableMeta)],
    [ld?.authors.join(', '), 'jsonld'],
    [usableMeta, 'meta'],
    [signals.pageByline, 'byline-heuristic'],
  ]);
  const authors = ld?.authors.length && sources.byline === 'jsonld' ? ld.authors : splitAuthors(byline);
  const published = pick<string>(sources, 'published', [
    [parseDate(ld?.datePublished), 'jsonld'],
    [parseDate(meta('article:published_time', 'og:published_time')), 'opengraph'],
    [
      parseDate(
        meta(
          'datePublished',
          'pubdate',
          'publishdate',
          'publish-date',
          'date',
          'dc.date.issued',
          'dc.date',
          'dcterms.created',
          'sailthru.date',
          'parsely-pub-date',
          'citation_publication_date',
        ),
      ),
      'meta',
    ],
    [signals.timePublished, 'time-element'],
    [pageDate?.date, 'date-heuristic'],
    [parseDate(readability.publishedTime), 'readability'],
  ]);
  const modified = pick<string>(sources, 'modified', [
    [parseDate(ld?.dateModified), 'jsonld'],
    [parseDate(meta('article:modified_time', 'og:updated_time')), 'opengraph'],
    [parseDate(meta('dateModified', 'last-modified', 'dcterms.modified')), 'meta'],
    [signals.timeModified, 'time-element'],
  ]);
  const lang = pick<string>(sources, 'lang', [
    [signals.htmlLang, 'document'],
    [meta('content-language', 'dc.language', 'language') ?? signals.httpEquivLang, 'meta'],
    [ld?.inLanguage, 'jsonld'],
    [meta('og:locale')?.replace('_', '-'), 'opengraph'],
  ]);
  const canonicalUrl = pick<string>(sources, 'canonicalUrl', [
    [absolute(signals.canonicalHref, pageUrl), 'document'],
    [absolute(meta('og:url'), pageUrl), 'opengraph'],
    [absolute(ld?.url, pageUrl), 'jsonld'],
  ]);
  const excerpt = pick<string>(sources, 'excerpt', [
    [readability.excerpt ? collapseWhitespace(readability.excerpt) : null, 'readability'],
    [meta('og:description'), 'opengraph'],
    [ld?.description, 'jsonld'],
    [meta('description', 'twitter:description'), 'meta'],
  ]);
  const keywords =
    pick<string[]>(sources, 'keywords', [
      [ld?.keywords, 'jsonld'],
      [
        (meta('keywords', 'news_keywords') ?? '')
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
        'meta',
      ],
    ]) ?? [];
  const imageUrl = pick<string>(sources, 'leadImage', [
    [absolute(meta('og:image', 'og:image:url', 'og:image:secure_url'), pageUrl), 'opengraph'],
    [absolute(ld?.image, pageUrl), 'jsonld'],
    [absolute(meta('twitter:image', 'twitter:image:src'), pageUrl), 'meta'],
  ]);
  return {
    title: rawTitle ? stripSiteSuffix(collapseWhitespace(rawTitle), siteName, pageUrl) : null,
    byline,
    authors: [...new Set(authors)],
    siteName,
    published,
    modified,
    lang,
    dir: readability.dir ?? signals.htmlDir,
    canonicalUrl,
    excerpt,
    keywords,
    leadImage: imageUrl ? { url: imageUrl, alt: meta('og:image:alt'), caption: null } : null,
    articleBody: ld?.articleBody ?? null,
    sources,
    datelineText: pageDate?.text ?? null,
  };
}
