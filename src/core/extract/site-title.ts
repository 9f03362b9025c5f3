import { siteMatcher, type SiteMatcher } from './site-match';
import { countWords } from '../shared/text';

/**
 * "Headline | Site" → "Headline" and "Site » Headline" → "Headline", only when that part names the
 * site (see site-match.ts): its og:site_name/publisher, or the page's registrable domain. Unlike
 * Readability's _getArticleTitle, which drops the last part after any separator unless too few
 * words remain, nothing is cut on the part's shape alone, so "Storm - what we know" and
 * "Review | Eleanor Ainge Roy" stay whole. The plain hyphen is the commonest separator inside real
 * headlines; it is cut only on the same positive match, like the others.
 */

/**
 * Separators with a space on each side; a bare hyphen ("Spider-Man", "2019-20") never splits, nor
 * does a headline's own colon ("Review: …"); a spaced one ("Site : Headline") does.
 */
const SEPARATOR = /\s+(?:\||–|—|·|»|::|:|-)\s+/gu;

/** What is left must still read as a title: two words and a few letters ("New Zealand", not "Mozilla"). */
function longEnough(rest: string): boolean {
  return countWords(rest) >= 2 && rest.replace(/\s+/g, '').length >= 4;
}

interface Cut {
  before: string;
  after: string;
}

/** Each way to split the title at one separator, leftmost first. */
function cuts(title: string): Cut[] {
  return [...title.matchAll(SEPARATOR)].map((m) => ({ before: title.slice(0, m.index), after: title.slice(m.index + m[0].length) }));
}

const hasSeparator = (text: string) => new RegExp(SEPARATOR.source, 'u').test(text);

/** The title without its trailing site part, taking the longest tail that is the site. */
function withoutSuffix(title: string, isSite: SiteMatcher): string {
  for (const { before, after } of cuts(title)) {
    if (isSite(after, hasSeparator(after)) && longEnough(before)) return before.trim();
  }
  return title;
}

/** The title without its leading site part, taking the longest head that is the site. */
function withoutPrefix(title: string, isSite: SiteMatcher): string {
  for (const { before, after } of cuts(title).reverse()) {
    if (isSite(before, hasSeparator(before)) && longEnough(after)) return after.trim();
  }
  return title;
}

/**
 * The title without the site's name before or after it. `siteName` is the page's own (may be
 * null), `url` the page address whose registrable domain also names the site.
 */
export function stripSiteSuffix(title: string, siteName: string | null, url?: string | null): string {
  const isSite = siteMatcher(siteName, url);
  if (!isSite || !hasSeparator(title)) return title;
  return withoutPrefix(withoutSuffix(title, isSite), isSite);
}
