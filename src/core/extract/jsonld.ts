import type { PageScan } from './page-scan';

/** schema.org article data from JSON-LD blocks, tolerant of the shapes real pages publish. */

type Json = unknown;
export interface JsonLdArticle {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  publisher: string | null;
  description: string | null;
  image: string | null;
  keywords: string[];
  inLanguage: string | null;
  url: string | null;
  articleBody: string | null;
}

const ARTICLE_TYPES =
  /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|SocialMediaPosting|Report|ScholarlyArticle|TechArticle|LiveBlogPosting|OpinionNewsArticle|Review|WebPage)$/;

function asObjects(value: Json): Record<string, Json>[] {
  if (Array.isArray(value)) return value.flatMap(asObjects);
  if (value && typeof value === 'object') {
    const obj = value as Record<string, Json>;
    return [obj, ...asObjects(obj['@graph'])];
  }
  return [];
}

function types(obj: Record<string, Json>): string[] {
  const t = obj['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function str(value: Json): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === 'object') {
    const o = value as Record<string, Json>;
    return str(o['name'] ?? o['url'] ?? o['@id'] ?? o['contentUrl']);
  }
  return null;
}

function names(value: Json): string[] {
  const list = Array.isArray(value) ? value : value == null ? [] : [value];
  return list
    .map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? str((v as Record<string, Json>)['name']) : null))
    .filter((v): v is string => !!v && !/^https?:\/\//.test(v))
    .map((v) => v.trim());
}

function image(value: Json): string | null {
  if (Array.isArray(value)) return image(value[0]);
  if (value && typeof value === 'object') {
    const o = value as Record<string, Json>;
    return str(o['url'] ?? o['contentUrl'] ?? o['@id']);
  }
  return str(value);
}

function keywords(value: Json): string[] {
  if (Array.isArray(value)) return value.flatMap(keywords);
  return typeof value === 'string'
    ? value
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean)
    : [];
}

/** The page's JSON-LD: its article, and the claim a fact check reviews (schema.org ClaimReview). */
export interface JsonLd {
  article: JsonLdArticle | null;
  claimReviewed: string | null;
}

export function readJsonLd(scan: PageScan): JsonLd {
  const objects = jsonLdObjects(scan);
  const claim = objects.find((o) => types(o).includes('ClaimReview'));
  return { article: articleOf(objects), claimReviewed: claim ? str(claim['claimReviewed']) : null };
}

function jsonLdObjects(scan: PageScan): Record<string, Json>[] {
  const objects: Record<string, Json>[] = [];
  for (const script of scan.byTag.get('SCRIPT') ?? []) {
    if ((script.getAttribute('type') ?? '').toLowerCase() !== 'application/ld+json') continue;
    try {
      // Some CMSs wrap the JSON in CDATA comments or leave control characters in strings.
      // eslint-disable-next-line no-control-regex -- the control characters some CMSs leave in JSON strings are what this removes
      const raw = (script.textContent ?? '').replace(/^\s*(\/\/\s*)?<!\[CDATA\[|\]\]>\s*$/g, '').replace(/[\u0000-\u001f]+/g, ' ');
      objects.push(...asObjects(JSON.parse(raw)));
    } catch {
      // A broken block is the page's problem; other signals still count.
    }
  }
  return objects;
}

function articleOf(objects: Record<string, Json>[]): JsonLdArticle | null {
  const scored = objects
    .map((o) => ({ o, t: types(o) }))
    .filter(({ t }) => t.some((x) => ARTICLE_TYPES.test(x)))
    // A real article type beats a generic WebPage.
    .sort((a, b) => Number(a.t.includes('WebPage')) - Number(b.t.includes('WebPage')));
  const article = scored[0]?.o;
  if (!article) return null;
  const publisher = article['publisher'] ?? article['sourceOrganization'];
  const mainEntity = article['mainEntityOfPage'];
  return {
    headline: str(article['headline'] ?? article['name']),
    authors: names(article['author'] ?? article['creator']),
    datePublished: str(article['datePublished'] ?? article['dateCreated']),
    dateModified: str(article['dateModified']),
    publisher: publisher && typeof publisher === 'object' ? str((publisher as Record<string, Json>)['name']) : str(publisher),
    description: str(article['description']),
    image: image(article['image'] ?? article['thumbnailUrl']),
    keywords: keywords(article['keywords']),
    inLanguage: str(article['inLanguage']),
    url: str(article['url']) ?? (typeof mainEntity === 'string' ? mainEntity : str(mainEntity)),
    articleBody: str(article['articleBody']),
  };
}
