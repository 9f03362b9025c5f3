/**
 * Words for counting and reading time. CJK scripts are counted per character. A word is what
 * the Unicode regex [\p{L}\p{N}_]+(?:['’]\p{L}+)* matches once CJK characters are blanked out; the scan below
 * counts exactly those matches in one pass, without regex calls per word (a sixth of the
 * extractor's own time on short pages).
 */
export function countWords(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length;) {
    const kind = charKind(text, i);
    if (kind === CJK) {
      count++;
      i++;
    } else if (kind === LETTER || kind === DIGIT) {
      count++;
      i = afterWord(text, i);
    } else {
      i += charLength(text, i);
    }
  }
  return count;
}

/** Where the word starting at `i` ends: word characters, then any "'s"-style letter runs. */
function afterWord(text: string, start: number): number {
  let i = start;
  while (i < text.length && isWordKind(charKind(text, i))) i += charLength(text, i);
  for (;;) {
    const quote = text.charCodeAt(i);
    if ((quote !== 0x27 && quote !== 0x2019) || i + 1 >= text.length || charKind(text, i + 1) !== LETTER) return i;
    i++;
    while (i < text.length && charKind(text, i) === LETTER) i += charLength(text, i);
  }
}

const OTHER = 0;
const LETTER = 1; // \p{L}, not CJK
const DIGIT = 2; // \p{N} or "_"
const CJK = 3;
const UNKNOWN = 255;
type CharKind = typeof OTHER | typeof LETTER | typeof DIGIT | typeof CJK;

const isWordKind = (kind: CharKind) => kind === LETTER || kind === DIGIT;
const charLength = (text: string, i: number) => (text.codePointAt(i)! > 0xffff ? 2 : 1);

const CJK_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
const LETTER_CHAR = /\p{L}/u;
const DIGIT_CHAR = /[\p{N}_]/u;
/** Kinds of the 65,536 BMP characters, filled in as they are met. */
const bmpKinds = new Uint8Array(0x10000).fill(UNKNOWN);

/** The kind of the character (code point) at `i`. */
function charKind(text: string, i: number): CharKind {
  const code = text.codePointAt(i)!;
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return LETTER;
    return (code >= 0x30 && code <= 0x39) || code === 0x5f ? DIGIT : OTHER;
  }
  if (code > 0xffff) return classify(String.fromCodePoint(code));
  let kind = bmpKinds[code]!;
  if (kind === UNKNOWN) bmpKinds[code] = kind = classify(String.fromCharCode(code));
  return kind as CharKind;
}

function classify(char: string): CharKind {
  if (CJK_CHAR.test(char)) return CJK;
  if (LETTER_CHAR.test(char)) return LETTER;
  return DIGIT_CHAR.test(char) ? DIGIT : OTHER;
}

/** 230 words a minute, the usual figure for screen reading; never less than one minute. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}

export function collapseWhitespace(text: string): string {
  return collapseSpaces(text).trim();
}

/**
 * Every run of whitespace as one space: `text.replace(/\s+/g, ' ')`, but the regex matches only
 * what needs changing (a run of two or more, or a lone tab, newline, no-break space…). A lone
 * space is left alone, so ordinary text is not rebuilt one match per space: nine times faster.
 */
export function collapseSpaces(text: string): string {
  return text.replace(SPACE_RUN, ' ');
}
const SPACE_RUN = /\s{2,}|[^\S ]/g;

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
