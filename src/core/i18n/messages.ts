import { languageDirection } from '../shared/text-direction';
/**
 * Choosing and filling a UI string, without browser APIs: the platform side (src/platform/i18n.ts)
 * hands in the lookup (i18n.getMessage) and the UI language.
 *
 * Plural forms: browsers' messages.json has none, so a counted string is stored once per CLDR
 * category its language uses (`articles_one`, `articles_other`; Arabic also `_zero`, `_two`,
 * `_few`, `_many`) and picked with Intl.PluralRules in the UI's language.
 */
export type Lookup = (key: string, substitutions?: string[]) => string;

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** The categories a language's counted strings must have (what Intl.PluralRules can answer). */
export function pluralCategoriesOf(language: string): PluralCategory[] {
  return new Intl.PluralRules(language).resolvedOptions().pluralCategories as PluralCategory[];
}

/** `key_<category>` for this count in this language, e.g. articles_one for 1 in English. */
export function pluralKey(key: string, count: number, language: string): string {
  return `${key}_${new Intl.PluralRules(language).select(count)}`;
}

/**
 * The counted string for `count`, the count (formatted for the language) as $1 and any further
 * substitutions after it. Falls back to `_other` when a category is missing (a partial
 * translation must still say something).
 */
export function countedMessage(lookup: Lookup, key: string, count: number, language: string, substitutions: string[] = []): string {
  const subs = [new Intl.NumberFormat(language).format(count), ...substitutions];
  return lookup(pluralKey(key, count, language), subs) || lookup(`${key}_other`, subs);
}

/** Locale folder name (pt_BR) → BCP 47 tag (pt-BR), the form Intl and `lang` attributes take. */
export function languageTag(localeFolder: string): string {
  return localeFolder.replace('_', '-');
}

/** A right-to-left UI language: the same rule as an article's language (core/shared/text-direction.ts). */
export function isRightToLeft(language: string): boolean {
  return languageDirection(language) === 'rtl';
}
