import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/demo-server.mjs';
import type { ExtensionPage, Harness } from './harness/harness';
import { browserLabel, browserName, launchHarness, stopSpec } from './harness/launch';
import { firefoxLanguagePack } from './harness/firefox';
import { statusForTab } from './steps';

/**
 * Issue 17, "in the user's language": the browser started in German and in Arabic shows the
 * popup, library and options pages in that language (static text, counted strings, dates through
 * Intl) and an Arabic UI lays out right to left. Firefox ESR switches only with the language's
 * langpack (firefoxLanguagePack); without one the spec checks the i18n lookup path in English.
 */
const uiLanguageOf = (page: ExtensionPage) =>
  page.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage());

const switches = (language: string) => browserName() === 'chromium' || !!firefoxLanguagePack(language);

for (const language of ['de', 'ar'] as const) {
  describe(`${browserLabel()}: the UI in ${language === 'de' ? 'German' : 'Arabic'}`, () => {
    let server: DemoServer;
    let h: Harness;
    let page: ExtensionPage;
    let status: string;

    beforeAll(async () => {
      server = await startDemoServer();
      h = await launchHarness({ language });
      await h.openWebPage(server.seedUrl);
      page = await h.extensionPage({ viewport: { width: 1000, height: 800 } });
      status = await statusForTab(page, await h.tabIdOf(server.seedUrl));
    });
    afterAll(() => stopSpec({ server, h }));

    it.runIf(switches(language))(`reports ${language} as the UI language and says what it saved in it`, async () => {
      expect(await uiLanguageOf(page)).toMatch(new RegExp(`^${language}\\b`));
      expect(status).toContain(language === 'de' ? 'Gespeichert · ' : 'حُفظت · ');
    });

    it.runIf(switches(language))('shows the popup in the language: labels, counted strings, a date formatted the local way, the direction', async () => {
      await page.waitFor('#list .row');
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(
        language === 'de' ? [expect.stringMatching(/^de/), 'ltr'] : [expect.stringMatching(/^ar/), 'rtl'],
      );
      expect(await page.attr('#search', 'placeholder')).toBe(language === 'de' ? 'Bibliothek durchsuchen' : 'ابحث في مكتبتك');
      expect(await page.text('#filter-state option[value="unread"]')).toBe(language === 'de' ? 'Ungelesen' : 'غير المقروءة');
      // The seed page was published 2014-11-08 09:04 (+08:00): German writes 08.11.2014.
      if (language === 'de') {
        expect(await page.text('#count')).toBe('1 Artikel');
        expect(await page.text('#list .row .row-meta')).toMatch(/ · 08\.11\.2014 · \d+ Min\./);
        expect(await page.text('#storage')).toMatch(/auf diesem Gerät/);
      } else {
        expect(await page.text('#count')).toContain('مقالة');
        expect(await page.attr('#list .row .row-action', 'aria-label')).toBe('إضافة إلى المفضلة (f)');
        // Each fact of the row (a Latin site name, a date, Arabic minutes) is isolated, so the line keeps their order.
        expect(await page.evaluate(() => [...document.querySelectorAll('#list .row .row-meta bdi')].map((b) => b.textContent))).toEqual([
          expect.any(String),
          expect.any(String),
          expect.stringContaining('دق'),
        ]);
      }
    });

    it.runIf(switches(language))('shows the library page and its reader pane in the language', async () => {
      await page.goto('library.html', '#list .row');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(language === 'ar' ? 'rtl' : 'ltr');
      expect(await page.text('.lib-title')).toBe(language === 'de' ? 'Bibliothek' : 'المكتبة');
      expect(await page.text('#sort option[value="saved"]')).toBe(language === 'de' ? 'Zuletzt gespeichert' : 'الأحدث حفظًا');
      expect(await page.title()).toBe(language === 'de' ? 'Clean-Capture-Bibliothek' : 'مكتبة Clean Capture');
      await page.click('#list .row .row-main');
      await page.waitFor('#reader-pane[data-ready]');
      expect(await page.text('#reader .article-source')).toBe(language === 'de' ? 'Originalseite ↗' : 'الصفحة الأصلية ↗');
      if (language === 'de') expect(await page.text('#reader .article-meta')).toContain('08.11.2014, 09:04');
      // The article itself is never translated: its title is the page's own, and an English
      // article reads left to right in an Arabic UI too.
      expect(await page.text('#reader .article-title')).toMatch(/[A-Za-z]/);
      expect(await page.evalOne('#reader .article-body', (body) => getComputedStyle(body).direction)).toBe('ltr');
    });

    it.runIf(switches(language))('shows the options page in the language', async () => {
      await page.goto('options.html', '#section-storage h2');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(language === 'ar' ? 'rtl' : 'ltr');
      expect(await page.text('#section-general h2')).toBe(language === 'de' ? 'Speichern' : 'الحفظ');
      expect(await page.text('#section-storage h2')).toBe(language === 'de' ? 'Speicher' : 'التخزين');
    });

    it.runIf(!switches(language))(`(no ${language} langpack for Firefox ESR) reads the same messages through browser.i18n, in English`, async () => {
      expect(await uiLanguageOf(page)).toMatch(/^en/);
      expect(status).toContain('Saved · ');
      await page.waitFor('#list .row');
      expect(await page.attr('#search', 'placeholder')).toBe('Search your library');
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([expect.stringMatching(/^en/), 'ltr']);
    });
  });
}
