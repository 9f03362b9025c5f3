#!/usr/bin/env node
/**
 * Screenshots of what the user sees (popup list, popup reader, library page, reader tab, options),
 * light and dark, into .tmp/screenshots/ — to look at after UI changes — and the ones the docs
 * show into docs/images/ (issue 17). Run `npm run build` first.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer, SYNDICATED_PATH } from './demo-server.mjs';
import { launchChromiumWithExtension } from './launch-chromium.mjs';
import { testCopyOf } from './extension-copy.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '.tmp', 'screenshots');
mkdirSync(out, { recursive: true });
const server = await startDemoServer();
const { context, extensionId } = await launchChromiumWithExtension(testCopyOf('chrome'));
const url = (path) => `chrome-extension://${extensionId}/${path}`;
try {
  const article = await context.newPage();
  await article.goto(server.seedUrl);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 560 });
  await popup.goto(url('popup.html'));
  for (const scheme of ['light', 'dark']) {
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(url('popup.html'));
    await popup.screenshot({ path: join(out, `popup-empty-${scheme}.png`) });
  }
  const tabId = await popup.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, server.seedUrl);
  for (const scheme of ['light', 'dark']) {
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(url(`popup.html?tab=${tabId}`));
    await popup.waitForSelector('#status[data-kind]');
    await popup.waitForSelector('#list .row');
    await popup.screenshot({ path: join(out, `popup-list-${scheme}.png`) });
    await popup.click('#list .row');
    await popup.waitForSelector('#reader .article-body');
    await popup.screenshot({ path: join(out, `popup-reader-${scheme}.png`) });
  }
  const tab = await context.newPage();
  await tab.setViewportSize({ width: 1100, height: 900 });
  for (const scheme of ['light', 'dark']) {
    await tab.emulateMedia({ colorScheme: scheme });
    await tab.goto(url('reader.html?id=1'));
    await tab.waitForSelector('#reader .article-body');
    await tab.screenshot({ path: join(out, `reader-tab-${scheme}.png`) });
  }
  // The reader's own look (issue #6): sepia, sans, large, from the "Aa" panel.
  await tab.emulateMedia({ colorScheme: 'light' });
  await tab.goto(url('reader.html?id=1'));
  await tab.waitForSelector('body[data-ready]');
  await tab.click('#look-toggle');
  await tab.click('.look-option[data-value="sepia"]');
  await tab.screenshot({ path: join(out, 'reader-tab-sepia-panel.png') });
  await tab.click('.article-storage summary');
  await tab.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
  await tab.screenshot({ path: join(out, 'reader-tab-end-sepia.png') });
  await tab.evaluate(() => chrome.storage.local.remove('settings'));
  for (const scheme of ['light', 'dark']) {
    await tab.emulateMedia({ colorScheme: scheme });
    await tab.goto(url('options.html'));
    await tab.waitForSelector('#storage-use');
    await tab.waitForSelector('#template-preview');
    await tab.screenshot({ path: join(out, `options-${scheme}.png`), fullPage: true });
  }
  // Issue #5: a changed article (versions, word diff) and the same story from another site.
  const original = server.pages.seed;
  server.pages.seed = () => readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'tests/fixtures/dedupe/chinanews-harper-jack-ma-updated.html'));
  await article.goto(server.seedUrl);
  await popup.goto(url(`popup.html?tab=${tabId}`));
  await popup.waitForSelector('#status[data-kind]');
  server.pages.seed = original;
  await article.goto(`${server.origin}${SYNDICATED_PATH}`);
  const storyTab = await popup.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, `${server.origin}${SYNDICATED_PATH}`);
  for (const scheme of ['light', 'dark']) {
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(url(`popup.html?tab=${storyTab}`));
    await popup.waitForSelector('#status[data-kind]');
    await popup.waitForFunction(() => document.querySelectorAll('#list .row').length === 2);
    await popup.screenshot({ path: join(out, `popup-story-${scheme}.png`) });
    await popup.locator('#list .row', { hasText: 'versions' }).click();
    await popup.click('#show-changes');
    await popup.waitForSelector('#reader .diff-text');
    await popup.screenshot({ path: join(out, `popup-diff-${scheme}.png`) });
  }
  // Issue 17: the full-page library, an article open beside the list; and at 360 px wide.
  const library = await context.newPage();
  await library.setViewportSize({ width: 1280, height: 800 });
  for (const scheme of ['light', 'dark']) {
    await library.emulateMedia({ colorScheme: scheme });
    await library.goto(url('library.html'));
    await library.waitForSelector('#list .row');
    await library.click('#list .row .row-main');
    await library.waitForSelector('#reader-pane[data-ready]');
    await library.screenshot({ path: join(out, `library-${scheme}.png`) });
  }
  await library.setViewportSize({ width: 360, height: 740 });
  for (const scheme of ['light', 'dark']) {
    await library.emulateMedia({ colorScheme: scheme });
    await library.goto(url('library.html'));
    await library.waitForSelector('#list .row');
    await library.screenshot({ path: join(out, `library-360-${scheme}.png`) });
    await library.click('#list .row .row-main');
    await library.waitForSelector('#reader-pane[data-ready]');
    await library.screenshot({ path: join(out, `library-360-reader-${scheme}.png`) });
  }
  // Right to left (issue 17): an Arabic article (lang="ar", no dir) in the English UI, then the
  // library with the page's direction forced to rtl, as an Arabic UI lays it out.
  const arabicServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'tests/fixtures/rtl/arabic-article.html')));
  });
  await new Promise((resolve) => arabicServer.listen(0, '127.0.0.1', resolve));
  const arabicUrl = `http://127.0.0.1:${arabicServer.address().port}/ar/library-nights.html`;
  await article.goto(arabicUrl);
  const arabicTab = await popup.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, arabicUrl);
  await popup.goto(url(`popup.html?tab=${arabicTab}`));
  await popup.waitForSelector('#status[data-kind]');
  arabicServer.close();
  const arabicId = await popup.evaluate(() => document.querySelector('#list .row')?.getAttribute('data-id'));
  await tab.emulateMedia({ colorScheme: 'light' });
  await tab.goto(url(`reader.html?id=${arabicId}`));
  await tab.waitForSelector('body[data-ready]');
  await tab.screenshot({ path: join(out, 'reader-arabic-light.png') });
  await library.emulateMedia({ colorScheme: 'light' });
  await library.setViewportSize({ width: 1280, height: 800 });
  await library.goto(url(`library.html?id=${arabicId}`));
  await library.waitForSelector('#reader-pane[data-ready]');
  await library.evaluate(() => (document.documentElement.dir = 'rtl'));
  await library.screenshot({ path: join(out, 'library-rtl-light.png') });
  // Forced colours (Windows High Contrast), emulated: options, and the library with a row focused.
  await tab.emulateMedia({ colorScheme: 'dark', forcedColors: 'active' });
  await tab.goto(url('options.html'));
  await tab.waitForSelector('#template-preview');
  await tab.screenshot({ path: join(out, 'options-forced-colors.png') });
  await library.emulateMedia({ colorScheme: 'dark', forcedColors: 'active' });
  await library.goto(url('library.html'));
  await library.waitForSelector('#list .row');
  await library.focus('#search');
  await library.keyboard.press('ArrowDown');
  await library.waitForSelector('#list .row[aria-selected="true"]');
  await library.screenshot({ path: join(out, 'library-forced-colors.png') });
  await popup.setViewportSize({ width: 360, height: 640 });
  await popup.goto(url('popup.html'));
  await popup.waitForSelector('#list .row');
  await popup.screenshot({ path: join(out, 'popup-360-light.png') });
  await popup.setViewportSize({ width: 420, height: 560 });
  await article.goto(`${server.origin}/no-article.html`);
  const errorTab = await popup.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, `${server.origin}/no-article.html`);
  await popup.emulateMedia({ colorScheme: 'light' });
  await popup.goto(url(`popup.html?tab=${errorTab}`));
  await popup.waitForSelector('#status[data-kind="error"]');
  await popup.screenshot({ path: join(out, 'popup-error-light.png') });
  const images = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'images');
  for (const scheme of ['light', 'dark']) {
    copyFileSync(join(out, `popup-story-${scheme}.png`), join(images, `popup-${scheme}.png`));
    copyFileSync(join(out, `library-${scheme}.png`), join(images, `library-${scheme}.png`));
    copyFileSync(join(out, `reader-tab-${scheme}.png`), join(images, `reader-${scheme}.png`));
    copyFileSync(join(out, `options-${scheme}.png`), join(images, `options-${scheme}.png`));
    copyFileSync(join(out, `library-360-${scheme}.png`), join(images, `library-360-${scheme}.png`));
  }
  for (const name of ['reader-arabic-light', 'library-rtl-light', 'options-forced-colors', 'library-forced-colors', 'library-360-reader-light']) {
    copyFileSync(join(out, `${name}.png`), join(images, `${name}.png`));
  }
  console.log(`screenshots in ${out}; the docs' in ${images}`);
} finally {
  await context.close();
  await server.close();
}
