import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumExecutable } from './browsers.mjs';
import { testCopyOf } from './extension-copy';

export interface ChromiumHarness {
  context: BrowserContext;
  extensionId: string;
  /** An extension page kept open to talk to the extension APIs. */
  control: Page;
  url(path: string): string;
  tabIdOf(pageUrl: string): Promise<number>;
  send<T>(message: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<ChromiumHarness> {
  const extension = testCopyOf('chrome');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cc-profile-')), {
    executablePath: chromiumExecutable(),
    headless: true,
    acceptDownloads: true,
    args: chromiumArgs(['--headless=new', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`]),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const url = (path: string) => `chrome-extension://${extensionId}/${path}`;
  const control = await context.newPage();
  await control.goto(url('reader.html'));
  return {
    context,
    extensionId,
    control,
    url,
    async tabIdOf(pageUrl) {
      const id = await control.evaluate(async (target) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((t) => t.url === target)?.id ?? null;
      }, pageUrl);
      if (id === null) throw new Error(`no tab shows ${pageUrl}`);
      return id;
    },
    send: (message) => control.evaluate((m) => chrome.runtime.sendMessage(m), message as never),
    close: () => context.close(),
  };
}
