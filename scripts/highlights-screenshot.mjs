#!/usr/bin/env node
/**
 * The README's highlights screenshot (issue #16), taken with Chromium and the real extension:
 * the seed article in the reader tab with two highlights (one across two paragraphs, with a
 * note) and the selection bar over a third selection. Writes docs/images/highlights.png.
 * Run `npm run build` first.
 */
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from './demo-server.mjs';
import { launchChromiumWithExtension } from './launch-chromium.mjs';
import { testCopyOf } from './extension-copy.mjs';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'images', 'highlights.png');
const server = await startDemoServer();
const { context, extensionId } = await launchChromiumWithExtension(testCopyOf('chrome'));
const url = (path) => `chrome-extension://${extensionId}/${path}`;
/** Select from the start of `from` to the end of `to` in the reader's text, as a user would. */
const select = (page, from, to) =>
  page.evaluate(
    ([a, b]) => {
      const walker = document.createTreeWalker(document.querySelector('.article-body'), NodeFilter.SHOW_TEXT);
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      const find = (s) => nodes.find((t) => t.data.includes(s));
      const range = document.createRange();
      range.setStart(find(a), find(a).data.indexOf(a));
      range.setEnd(find(b), find(b).data.indexOf(b) + b.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    },
    [from, to],
  );
try {
  const article = await context.newPage();
  await article.goto(server.seedUrl);
  const popup = await context.newPage();
  await popup.goto(url('popup.html'));
  const tabId = await popup.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, server.seedUrl);
  await popup.goto(url(`popup.html?tab=${tabId}`));
  await popup.waitForSelector('#list .row');
  const tab = await context.newPage();
  await tab.setViewportSize({ width: 1000, height: 760 });
  await tab.emulateMedia({ colorScheme: 'light' });
  await tab.goto(url('reader.html?id=1'));
  await tab.waitForSelector('body[data-ready]');
  await select(tab, 'voicing hopes the Internet', 'Harper, who is on his third visit');
  await tab.click('#highlight-bar .hl-swatch[data-color="yellow"]');
  await tab.waitForSelector('mark.hl-yellow');
  await tab.click('mark.hl-yellow >> nth=-1');
  await tab.fill('#highlight-editor .hl-note-input', 'Compare with the 2014 trade figures');
  await tab.click('#highlight-editor .hl-save-note');
  await select(tab, 'sold American cherries', 'French wines');
  await tab.click('#highlight-bar .hl-swatch[data-color="green"]');
  await tab.waitForSelector('mark.hl-green');
  await select(tab, 'He said Alibaba is willing', 'sell products to China.');
  await tab.waitForSelector('#highlight-bar:not([hidden])');
  await tab.evaluate(() => window.scrollTo(0, document.querySelector('mark.hl-yellow').getBoundingClientRect().top + scrollY - 220));
  await tab.waitForTimeout(200); // the bar follows the selection on scroll (a frame)
  await tab.screenshot({ path: file });
  console.log(`wrote ${file}`);
} finally {
  await context.close();
  await server.close();
}
