/**
 * Every locale says everything the UI asks for, and nothing it does not: a key used in code, a
 * page or the manifest is in every locale (each plural category the language needs, for counted
 * strings), every key is used somewhere, and each translation keeps the English placeholders.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageTag, pluralCategoriesOf } from '../../../src/core/i18n/messages';

const ROOT = join(import.meta.dirname, '../../..');
const LOCALES_DIR = join(ROOT, '_locales');
/** The languages issue 17 asks for; a locale may be added, none of these removed. */
const REQUIRED = ['en', 'de', 'fr', 'es', 'pt_BR', 'zh_CN', 'ja', 'ar'];

type Messages = Record<string, { message: string; description?: string; placeholders?: unknown }>;

const locales = Object.fromEntries(
  readdirSync(LOCALES_DIR).map((l) => [l, JSON.parse(readFileSync(join(LOCALES_DIR, l, 'messages.json'), 'utf8')) as Messages]),
) as Record<string, Messages>;
const english = locales['en']!;

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

/** Comments may show `t('key')` as an example; only code counts. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
const sources = filesUnder(join(ROOT, 'src'), /\.ts$/).map((f) => ({ file: relative(ROOT, f), text: withoutComments(readFileSync(f, 'utf8')) }));
const pages = filesUnder(join(ROOT, 'src'), /\.html$/).map((f) => readFileSync(f, 'utf8'));
const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');

const plainUsed = new Set<string>();
const countedUsed = new Set<string>();
for (const { text } of sources) {
  for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) plainUsed.add(m[1]!);
  for (const m of text.matchAll(/\btn\(\s*'([^']+)'/g)) countedUsed.add(m[1]!);
}
for (const page of pages) for (const m of page.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) plainUsed.add(m[1]!);
for (const m of manifest.matchAll(/__MSG_(\w+)__/g)) plainUsed.add(m[1]!);

const COUNTED = /^(.+)_(zero|one|two|few|many|other)$/;
const placeholdersOf = (message: string) => [...message.matchAll(/\$(\d)/g)].map((m) => m[1]).sort();

describe('_locales', () => {
  it('ships every required language', () => {
    for (const locale of REQUIRED) expect(Object.keys(locales), locale).toContain(locale);
  });

  it('uses only literal keys, so this test can see every one', () => {
    const dynamic = sources.filter(({ text }) => /platform\/i18n'/.test(text) && /\bt[n]?\((?!\s*')/.test(text.replace(/function t[n]?\(/g, '')));
    expect(dynamic.map((s) => s.file)).toEqual([]);
  });

  it('has in English every key the code, pages and manifest use', () => {
    for (const key of plainUsed) expect(english[key], `missing en key ${key}`).toBeDefined();
    for (const key of countedUsed)
      for (const category of pluralCategoriesOf('en')) expect(english[`${key}_${category}`], `missing en key ${key}_${category}`).toBeDefined();
  });

  it('has no English key that nothing uses', () => {
    const unused = Object.keys(english).filter((key) => {
      const counted = COUNTED.exec(key);
      return !plainUsed.has(key) && !(counted && countedUsed.has(counted[1]!));
    });
    expect(unused).toEqual([]);
  });

  for (const [locale, messages] of Object.entries(locales)) {
    it(`${locale}: every key, each plural form the language needs, the same placeholders, nothing extra`, () => {
      const categories = pluralCategoriesOf(languageTag(locale));
      const expected = new Set<string>();
      for (const key of Object.keys(english)) {
        const counted = COUNTED.exec(key);
        if (counted && countedUsed.has(counted[1]!)) for (const category of categories) expected.add(`${counted[1]}_${category}`);
        else expected.add(key);
      }
      expect(
        Object.keys(messages).filter((k) => !expected.has(k)),
        'keys English does not have',
      ).toEqual([]);
      for (const key of expected) {
        expect(messages[key]?.message, `${locale} lacks ${key}`).toBeTruthy();
        const reference = english[key] ?? english[key.replace(COUNTED, '$1_other')]!;
        expect(placeholdersOf(messages[key]!.message), `${locale} ${key} placeholders`).toEqual(placeholdersOf(reference.message));
      }
    });
  }

  it('names keys the way browsers accept (letters, digits, underscore)', () => {
    for (const messages of Object.values(locales)) for (const key of Object.keys(messages)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });
});
