import { describe, expect, it } from 'vitest';
import { countedMessage, isRightToLeft, languageTag, pluralCategoriesOf, pluralKey } from '../../../../src/core/i18n/messages';

const table: Record<string, string> = {
  articles_one: '$1 article',
  articles_other: '$1 articles',
  saved_other: '$1 saved in $2',
};
const lookup = (key: string, subs: string[] = []) => (table[key] ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');

describe('plural forms', () => {
  it('picks the CLDR category of the count in the language', () => {
    expect(pluralKey('articles', 1, 'en')).toBe('articles_one');
    expect(pluralKey('articles', 0, 'en')).toBe('articles_other');
    expect(pluralKey('articles', 1, 'ja')).toBe('articles_other');
    expect(pluralKey('articles', 2, 'ar')).toBe('articles_two');
    expect(pluralKey('articles', 3, 'ar')).toBe('articles_few');
    expect(pluralKey('articles', 11, 'ar')).toBe('articles_many');
    expect(pluralKey('articles', 0, 'fr')).toBe('articles_one');
  });

  it('knows which categories a language needs', () => {
    expect(pluralCategoriesOf('en').sort()).toEqual(['one', 'other']);
    expect(pluralCategoriesOf('ja')).toEqual(['other']);
    expect(pluralCategoriesOf('ar').sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
  });

  it('fills the formatted count and further substitutions, falling back to _other', () => {
    expect(countedMessage(lookup, 'articles', 1, 'en')).toBe('1 article');
    expect(countedMessage(lookup, 'articles', 1243, 'en')).toBe('1,243 articles');
    expect(countedMessage(lookup, 'articles', 1243, 'de')).toBe('1.243 articles');
    expect(countedMessage(lookup, 'saved', 1, 'en', ['Berlin'])).toBe('1 saved in Berlin');
  });
});

describe('language tags and direction', () => {
  it('turns locale folders into BCP 47 tags', () => {
    expect(languageTag('pt_BR')).toBe('pt-BR');
    expect(languageTag('de')).toBe('de');
  });
  it('lays out Arabic (and Hebrew) right to left, others left to right', () => {
    expect(isRightToLeft('ar')).toBe(true);
    expect(isRightToLeft('he-IL')).toBe(true);
    expect(isRightToLeft('en-US')).toBe(false);
    expect(isRightToLeft('arn')).toBe(false);
  });
});
