import { siteLabelOfHost, siteLabelOfUrl } from '../shared/site-host';

/**
 * Whether a piece of a page title names the site, loosely: "BBC News" for bbc.co.uk, "The
 * Guardian" for theguardian.com, "The New York Times" for nytimes.com or "@nytimes",
 * "Libération" for the site name "Libération.fr". Case, accents, spacing and punctuation do not
 * count. Used to cut "Headline | Site" titles, so a miss keeps the title whole: every rule here
 * asks for positive evidence, never for a part merely looking short.
 */

/** Words a domain may leave out: "The New York Times" → nytimes, "Bank of America" → bankamerica. */
const SKIPPABLE = new Set(['the', 'of', 'and']);

/** Words a site adds after its name in titles: "BBC News", "CNN Politics", "Yahoo Finance". */
const MAX_TRAILING_WORDS = 2;

/** Longer than this, a part is a sentence, not a site's name. */
const MAX_SITE_WORDS = 6;
const MAX_SITE_CHARS = 60;

/** Lower-case words without accents or punctuation; a trailing ".com"/".fr" and a leading "@" go. */
function plainWords(text: string): string[] {
  const bare = text
    .trim()
    .replace(/^@/, '')
    .replace(/\.(com|net|org|info|[a-z]{2})$/i, '');
  return bare
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The words that name a site, a leading "The" dropped: "The Guardian" and "the Guardian" are one name. */
function siteWords(text: string): string[] {
  const words = plainWords(text);
  return words[0] === 'the' && words.length > 1 ? words.slice(1) : words;
}

/**
 * Can `label` (a domain label like "nytimes") be spelt from the start of `words`, each word giving
 * itself or its initial, "the"/"of"/"and" optionally nothing? Returns how many words it took
 * (the first way found, whole words before initials), or -1. "new york times" → nytimes,
 * "associated press" → ap.
 */
function spelledBy(label: string, words: string[]): number {
  const go = (pos: number, word: number): number => {
    if (pos === label.length) return word;
    if (word === words.length) return -1;
    const w = words[word]!;
    if (label.startsWith(w, pos)) {
      const whole = go(pos + w.length, word + 1);
      if (whole !== -1) return whole;
    }
    if (w.length > 1 && label[pos] === w[0]) {
      const initial = go(pos + 1, word + 1);
      if (initial !== -1) return initial;
    }
    return SKIPPABLE.has(w) ? go(pos, word + 1) : -1;
  };
  return label ? go(0, 0) : -1;
}

/** The part spells the label, with at most a couple of words after it ("BBC News" for bbc). */
function matchesLabel(words: string[], label: string): boolean {
  const used = spelledBy(label, words);
  return used > 0 && words.length - used <= MAX_TRAILING_WORDS;
}

const HOST_LIKE = /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/i;

export interface SiteMatcher {
  /**
   * Whether `part` names the site. A part that itself holds a title separator ("Mozilla Hacks –
   * the Web developer blog") counts only when it is the site's name whole (`exact`).
   */
  (part: string, exact: boolean): boolean;
}

/**
 * A matcher for the site named `siteName` (og:site_name, publisher…) served from `url`, or null
 * when neither gives anything to match. Only the host's registrable label counts: "hosted" in
 * hosted.ap.org is a server, not the site.
 */
export function siteMatcher(siteName: string | null | undefined, url?: string | null): SiteMatcher | null {
  const nameWords = siteName ? siteWords(siteName) : [];
  const labels = new Set<string>();
  const hostLabel = siteLabelOfUrl(url);
  if (hostLabel) labels.add(hostLabel.replace(/[^\p{L}\p{N}]/gu, ''));
  // A one-word name ("HeraldSun", "@nytimes") can be spelt like a domain label.
  if (nameWords.length === 1) labels.add(nameWords[0]!);
  labels.delete('');
  if (!nameWords.length && !labels.size) return null;
  const name = nameWords.join(' ');

  return (part, exact) => {
    const text = part.trim();
    if (HOST_LIKE.test(text)) {
      const label = siteLabelOfHost(text);
      return !!label && labels.has(label);
    }
    const all = plainWords(text);
    const words = all[0] === 'the' && all.length > 1 ? all.slice(1) : all;
    if (!words.length) return false;
    const joined = words.join(' ');
    if (name && (joined === name || words.join('') === nameWords.join(''))) return true;
    if (exact || words.length > MAX_SITE_WORDS || text.length > MAX_SITE_CHARS) return false;
    if (name && isWordPrefix(words, nameWords)) return true; // "Mozilla Hacks" of "Mozilla Hacks – the Web developer blog"
    if (name && isWordPrefix(nameWords, words) && words.length - nameWords.length <= MAX_TRAILING_WORDS) return true; // "BuzzFeed News" of "BuzzFeed"
    // The domain may keep the "The" the name drops (theguardian.com), so it is spelt from all words.
    for (const label of labels) if (matchesLabel(all, label)) return true;
    return false;
  };
}

/** `short`'s words open `long`'s ("buzzfeed" opens "buzzfeed news"); a lone short word is too weak. */
function isWordPrefix(short: string[], long: string[]): boolean {
  if (short.length > long.length || short.join('').length < 3) return false;
  return short.every((w, i) => w === long[i]);
}
