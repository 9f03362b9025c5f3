import type { BrowserContext, Page } from 'playwright-core';
import { launchChromiumWithExtension } from '../../scripts/launch-chromium.mjs';
import { testCopyOf } from './harness/extension-copy';

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
  const { context, extensionId } = await launchChromiumWithExtension(testCopyOf('chrome'));
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
