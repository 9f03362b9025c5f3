/**
 * Which way an article's text runs (issue 17): an Arabic or Hebrew article reads right to left in
 * any UI language, and an English one left to right even in an Arabic UI. Pages often say neither
 * `dir` nor `lang` where Readability can see it, so the direction falls back to the language and
 * then to the first strong character, as the Unicode bidi algorithm picks a paragraph's direction.
 */
export type TextDirection = 'rtl' | 'ltr';

/** Languages written right to left in their usual script (ISO 639-1 and -3 codes). */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ji', 'ks', 'ku', 'nqo', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
/** Script subtags written right to left: "az-Arab", "pa-Arab", "uz-Arab"… */
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);
/** Script subtags that make a usually right-to-left language run left to right ("ku-Latn"). */
const LTR_SCRIPTS = new Set(['latn', 'cyrl']);

/** A `dir` attribute's value as a direction; `auto`, empty or anything else gives null. */
export function explicitDirection(dir: string | null | undefined): TextDirection | null {
  const value = (dir ?? '').trim().toLowerCase();
  return value === 'rtl' || value === 'ltr' ? value : null;
}

/** The direction of a BCP 47 tag ("ar", "he-IL", "fa_IR", "az-Arab"), or null when unknown or absent. */
export function languageDirection(lang: string | null | undefined): TextDirection | null {
  const parts = (lang ?? '').trim().toLowerCase().split(/[-_]/).filter(Boolean);
  if (parts.length === 0 || !/^[a-z]{2,3}$/.test(parts[0])) return null;
  const script = parts.slice(1).find((p) => p.length === 4);
  if (script && RTL_SCRIPTS.has(script)) return 'rtl';
  if (script && LTR_SCRIPTS.has(script)) return 'ltr';
  return RTL_LANGUAGES.has(parts[0]) ? 'rtl' : 'ltr';
}

// Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;
const LETTER = /\p{L}/u;

/** The direction of the first letter in `text` (digits and punctuation are neutral), or null when it has none. */
export function firstStrongDirection(text: string | null | undefined): TextDirection | null {
  // Only the start matters; a long article is not scanned whole.
  const match = LETTER.exec((text ?? '').slice(0, 2000));
  if (!match) return null;
  return RTL_LETTER.test(match[0]) ? 'rtl' : 'ltr';
}

export interface DirectionSignals {
  /** The page's or article's own `dir`, when it gives one. */
  dir?: string | null;
  lang?: string | null;
  /** The article's text (title first), for its first strong character. */
  text?: string | null;
}

/**
 * The article's direction: its own `dir` when it says rtl or ltr; else the text's first strong
 * character when that is right to left (a page tagged `lang=en` by its template but written in
 * Arabic); else its language; else left to right.
 */
export function articleDirection(signals: DirectionSignals): TextDirection {
  const explicit = explicitDirection(signals.dir);
  if (explicit) return explicit;
  const fromText = firstStrongDirection(signals.text);
  if (fromText === 'rtl') return 'rtl';
  return languageDirection(signals.lang) ?? fromText ?? 'ltr';
}
