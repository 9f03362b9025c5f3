#!/usr/bin/env node
/**
 * `npm start`: open Chromium with the built extension and a demo article ready to save.
 * With a display: a real window; click the toolbar button (or Alt+Shift+S) on the article.
 * Without one (a server, CI) or with --headless: the same demo runs headless through the real
 * extension, prints the saved capture as Markdown, and says how to load the builds by hand.
 */
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from './demo-server.mjs';
import { launchChromiumWithExtension } from './launch-chromium.mjs';
import { testCopyOf } from './extension-copy.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromeDir = join(root, 'dist/chrome');
const firefoxDir = join(root, 'dist/firefox');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = process.argv.includes('--headless') || !hasDisplay || Boolean(process.env.CI);

const HOW_TO_LOAD = `
Load the extension by hand:
  Chrome/Chromium: open chrome://extensions, turn on "Developer mode", click "Load unpacked",
                   choose ${chromeDir}
  Firefox:         open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…",
                   choose ${join(firefoxDir, 'manifest.json')}
Then, on an article, click the Clean Capture button (or press Alt+Shift+S).`;

if (!existsSync(join(chromeDir, 'manifest.json'))) {
  console.error('clean-capture: dist/chrome is missing; run `npm run build` first');
  process.exit(1);
}

const server = await startDemoServer();

if (!headless) {
  const { context } = await launchChromiumWithExtension(chromeDir, { headless: false });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.seedUrl);
  console.log(`Chromium is open with Clean Capture loaded and a demo article at ${server.seedUrl}.
Click the Clean Capture button in the toolbar (pin it from the puzzle-piece menu) or press Alt+Shift+S.
Close the browser window to stop.${HOW_TO_LOAD}`);
  context.on('close', () => void server.close());
} else {
  // No toolbar to click headless: the demo copy may read the local server instead of activeTab.
  const { context, extensionId } = await launchChromiumWithExtension(testCopyOf('chrome'));
  try {
    const article = await context.newPage();
    await article.goto(server.seedUrl);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/reader.html`);
    const tabId = await popup.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, server.seedUrl);
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('#status[data-kind="ok"], #status[data-kind="error"]');
    const status = (await popup.textContent('#status-text'))?.trim();
    console.log(`Headless demo: Chromium loaded the extension from dist/chrome and saved ${server.seedUrl}\nPopup says: ${status}\n`);
    const record = await popup.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('clean-capture');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('captures').objectStore('captures').getAll();
            req.onsuccess = () => resolve(req.result[0]);
          };
        }),
    );
    if (!record) throw new Error('the capture was not stored');
    const { toMarkdown } = await import('../dist/cli/lib.mjs');
    console.log(toMarkdown(record));
    console.log(HOW_TO_LOAD);
  } finally {
    await context.close();
    await server.close();
  }
}
