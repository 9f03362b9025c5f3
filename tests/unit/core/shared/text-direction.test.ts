import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractSavedPage } from '../../../../src/cli/extract-page';
import { articleDirection, explicitDirection, firstStrongDirection, languageDirection } from '../../../../src/core/shared/text-direction';

const ARABIC_PAGE = readFileSync(new URL('../../../fixtures/rtl/arabic-article.html', import.meta.url), 'utf8');

describe('text direction (issue 17)', () => {
  it('reads a dir attribute, and ignores auto or garbage', () => {
    expect(explicitDirection('RTL ')).toBe('rtl');
    expect(explicitDirection('ltr')).toBe('ltr');
    expect(explicitDirection('auto')).toBeNull();
    expect(explicitDirection('sideways')).toBeNull();
    expect(explicitDirection(null)).toBeNull();
  });

  it('knows the right-to-left languages and scripts', () => {
    for (const lang of ['ar', 'ar-EG', 'he', 'he_IL', 'fa', 'ur-PK', 'yi', 'ps', 'ckb', 'az-Arab', 'pa-Arab-PK'])
      expect(languageDirection(lang), lang).toBe('rtl');
    for (const lang of ['en', 'en-US', 'fr', 'zh-Hans', 'ja', 'ku-Latn', 'az', 'tr']) expect(languageDirection(lang), lang).toBe('ltr');
    for (const lang of ['', null, 'x', '*', '12']) expect(languageDirection(lang), String(lang)).toBeNull();
  });

  it('takes the first letter, past digits and punctuation', () => {
    expect(firstStrongDirection('2024 — «مرحبا» world')).toBe('rtl');
    expect(firstStrongDirection('12. שלום')).toBe('rtl');
    expect(firstStrongDirection('“Hello” مرحبا')).toBe('ltr');
    expect(firstStrongDirection('1234 !?')).toBeNull();
  });

  it('prefers the page’s dir, then right-to-left text, then the language', () => {
    expect(articleDirection({ dir: 'ltr', lang: 'ar', text: 'مرحبا' })).toBe('ltr');
    // A template that says lang=en over an Arabic article: the text wins.
    expect(articleDirection({ lang: 'en', text: 'المكتبات العامة' })).toBe('rtl');
    // An Arabic article that opens with a Latin brand name: the language wins.
    expect(articleDirection({ lang: 'ar', text: 'BBC عربي: الأخبار' })).toBe('rtl');
    expect(articleDirection({ text: 'Plain English' })).toBe('ltr');
    expect(articleDirection({})).toBe('ltr');
  });

  it('keeps rtl on an Arabic page that says lang="ar" and no dir; an English page stays null (left to right)', () => {
    const arabic = extractSavedPage(ARABIC_PAGE, 'http://127.0.0.1/ar/library-nights.html');
    expect(arabic.lang).toBe('ar');
    expect(arabic.dir).toBe('rtl');
    expect(arabic.title).toBe('المكتبات العامة تفتح أبوابها ليلًا');
    expect(arabic.textContent).toContain('منتصف الليل');
    const english = extractSavedPage(
      ARABIC_PAGE.replace('<html lang="ar">', '<html lang="en">').replace(
        /<p>[^<]*<\/p>/g,
        '<p>' + 'An English paragraph about libraries open at night. '.repeat(6) + '</p>',
      ),
      'http://127.0.0.1/en.html',
    );
    expect(english.dir).toBe('rtl'); // its title is still Arabic: the first strong character decides
    const latin = extractSavedPage(
      ARABIC_PAGE.replace('<html lang="ar">', '<html lang="en">').replace(/[\u0600-\u06FF]+/g, 'word'),
      'http://127.0.0.1/en.html',
    );
    expect(latin.dir).toBeNull();
  });
});
