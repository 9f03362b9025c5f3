/** Words for counting and reading time. CJK scripts are counted per character. */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;
const WORD = /[\p{L}\p{N}_]+(?:['’][\p{L}]+)*/gu;

export function countWords(text: string): number {
  const cjk = countMatches(CJK, text);
  return cjk + countMatches(WORD, cjk ? text.replace(CJK, ' ') : text);
}

/**
 * How many times a global regex matches, as `match(re).length` but without building the array
 * of every match (a long article's words were a large share of the extractor's garbage).
 * The regex must not match the empty string.
 */
function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let count = 0;
  while (re.test(text)) count++;
  return count;
}

/** 230 words a minute, the usual figure for screen reading; never less than one minute. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A short excerpt cut at a word boundary. */
export function truncate(text: string, max: number): string {
  const clean = collapseWhitespace(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** FNV-1a (32-bit) of the collapsed text: enough to tell "the text changed" between two captures. */
export function textFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  const normalized = collapseWhitespace(text).toLowerCase();
  for (let i = 0; i < normalized.length; i++) {
    hash ^= normalized.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
