#!/usr/bin/env node
/**
 * The library page in German and in Arabic (issue 17), into docs/images/library-de.png and
 * library-ar.png: Chromium started in that UI language with two saved articles, the first open in
 * the reader pane. Run `npm run build` first.
 */
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer, SYNDICATED_PATH } from './demo-server.mjs';
import { launchChromiumWithExtension } from './launch-chromium.mjs';
import { testCopyOf } from './extension-copy.mjs';

const images = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'images');
const server = await startDemoServer();
try {
  for (const language of ['de', 'ar']) {
    const { context, extensionId } = await launchChromiumWithExtension(testCopyOf('chrome'), { language });
    const url = (path) => `chrome-extension://${extensionId}/${path}`;
    try {
      const article = await context.newPage();
      const page = await context.newPage();
      await page.goto(url('library.html')); // an extension page, where chrome.tabs answers
      for (const address of [server.seedUrl, `${server.origin}${SYNDICATED_PATH}`]) {
        await article.goto(address);
        const tabId = await page.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, address);
        await page.goto(url(`popup.html?tab=${tabId}`));
        await page.waitForSelector('#status[data-kind="ok"]');
      }
      await page.setViewportSize({ width: 1200, height: 760 });
      await page.goto(url('library.html'));
      await page.waitForSelector('#list .row');
      await page.click('#list .row .row-main');
      await page.waitForSelector('#reader-pane[data-ready]');
      await page.screenshot({ path: join(images, `library-${language}.png`) });
      console.log(`docs/images/library-${language}.png`);
    } finally {
      await context.close();
    }
  }
} finally {
  await server.close();
}
