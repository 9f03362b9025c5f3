import type { Page, Worker } from 'playwright-core';
import { vi } from 'vitest';
import { launchChromiumWithExtension } from '../../../scripts/launch-chromium.mjs';
import { extensionCalls } from './extension-calls';
import { testCopyOf } from './extension-copy';
import {
  assertLocal,
  type ConsoleLine,
  type ConsoleLog,
  type Download,
  type ExtensionPage,
  type Harness,
  type HarnessPage,
  type LaunchOptions,
  type Viewport,
  type WebPage,
} from './harness';

/** A Playwright page behind the Harness's page interface. */
class ChromiumPage implements HarnessPage {
  constructor(readonly page: Page) {}

  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as never, arg) as Promise<R>;
  }
  async evaluateSource(source: string) {
    await this.page.evaluate(source);
  }
  async text(selector: string) {
    return (await this.page.textContent(selector)) ?? '';
  }
  attr(selector: string, name: string) {
    return this.page.getAttribute(selector, name);
  }
  evalAll<R, A>(selector: string, fn: (elements: Element[], arg: A) => R, arg?: A): Promise<R> {
    return this.page.$$eval(selector, fn as never, arg) as Promise<R>;
  }
  evalOne<R>(selector: string, fn: (element: Element) => R): Promise<R> {
    return this.page.$eval(selector, fn);
  }
  async count(selector: string) {
    return (await this.page.$$(selector)).length;
  }
  isVisible(selector: string) {
    return this.page.isVisible(selector);
  }
  async waitFor(selector: string, state: 'visible' | 'attached' | 'hidden' = 'visible') {
    await this.page.waitForSelector(selector, { state });
  }
  async waitUntil<A>(fn: (arg: A) => unknown, arg?: A) {
    await this.page.waitForFunction(fn as never, arg);
  }
  click(selector: string) {
    return this.page.click(selector);
  }
  async clickText(selector: string, text: string) {
    const handle = await this.page.evaluateHandle(([sel, t]) => [...document.querySelectorAll(sel)].find((e) => e.textContent === t) ?? null, [selector, text]);
    const element = handle.asElement();
    if (!element) throw new Error(`no ${selector} reads "${text}"`);
    await element.click();
  }
  focus(selector: string) {
    return this.page.focus(selector);
  }
  press(key: string) {
    return this.page.keyboard.press(key);
  }
  fill(selector: string, value: string) {
    return this.page.fill(selector, value);
  }
  async select(selector: string, value: string) {
    await this.page.selectOption(selector, value);
  }
  upload(selector: string, path: string) {
    return this.page.setInputFiles(selector, path);
  }
  async download(selector: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.click(selector)]);
    return { name: download.suggestedFilename(), path: (await download.path())! };
  }
  title() {
    return this.page.title();
  }
  close() {
    return this.page.close();
  }
}

class ChromiumWebPage extends ChromiumPage implements WebPage {
  async goto(url: string) {
    assertLocal(url);
    await this.page.goto(url);
  }
  startLoading(url: string) {
    assertLocal(url);
    void this.page.goto(url, { waitUntil: 'commit' }).catch(() => {});
  }
}

class ChromiumExtensionPage extends ChromiumPage implements ExtensionPage {
  constructor(
    page: Page,
    private readonly url: (path: string) => string,
  ) {
    super(page);
  }
  async goto(path: string, readySelector: string) {
    await this.page.goto(this.url(path));
    await this.waitFor(readySelector);
  }
  async reload(readySelector: string) {
    await this.page.reload();
    await this.waitFor(readySelector);
  }
}

/** Chromium's wording of a CSP report ("Refused to apply inline style because it violates…"). */
function lineOf(text: string, uncaught: boolean): ConsoleLine {
  if (/Content Security Policy|Refused/i.test(text)) {
    const refused = /inline style/.test(text)
      ? 'inline-style'
      : /inline event handler/.test(text)
        ? 'event-handler'
        : /base URI/.test(text)
          ? 'base-uri'
          : 'other';
    return { kind: 'csp', text, refused };
  }
  return { kind: uncaught ? 'error' : 'console', text };
}

/** Every console message and uncaught error of the watched tabs, from Playwright's page events. */
class ChromiumConsole implements ConsoleLog {
  private lines: ConsoleLine[] = [];
  private readonly pages: Page[] = [];
  private probes = 0;

  async watch(page: ExtensionPage) {
    if (!(page instanceof ChromiumExtensionPage)) throw new Error('not a Chromium extension page');
    page.page.on('console', (message) => this.lines.push(lineOf(message.text(), false)));
    page.page.on('pageerror', (error) => this.lines.push(lineOf(error.message, true)));
    this.pages.push(page.page);
  }

  async take() {
    for (const page of this.pages.filter((p) => !p.isClosed())) {
      const probe = `console probe ${++this.probes}`;
      await page.evaluate((text) => reportError(new Error(text)), probe);
      await vi.waitFor(
        () => {
          if (!this.lines.some((l) => l.text.includes(probe))) throw new Error(`${probe} has not arrived`);
        },
        { timeout: 15_000, interval: 50 },
      );
    }
    return this.lines.splice(0).filter((l) => !/console probe \d+/.test(l.text));
  }
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Harness> {
  const { context, extensionId } = await launchChromiumWithExtension(testCopyOf('chrome', options.extraHosts), { language: options.language });
  const origin = `chrome-extension://${extensionId}`;
  const url = (path: string) => `${origin}/${path}`;
  // An extension page kept open to talk to the extension APIs.
  const control = await context.newPage();
  await control.goto(url('reader.html'));

  const extensionPage = async (viewport?: Viewport) => {
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    return new ChromiumExtensionPage(page, url);
  };
  const worker = async (): Promise<Worker> =>
    context
      .serviceWorkers()
      .filter((w) => w.url().startsWith(origin))
      .at(-1) ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(origin), timeout: 15_000 });

  const api: Harness['api'] = (fn, arg) => control.evaluate(`(${fn})(chrome, ${JSON.stringify(arg)})`);

  return {
    browser: 'chromium',
    url,
    async openWebPage(address) {
      const page = new ChromiumWebPage(await context.newPage());
      if (address) await page.goto(address);
      return page;
    },
    extensionPage: (options) => extensionPage(options?.viewport),
    async openExtensionPage(path, readySelector, options) {
      const page = await extensionPage(options?.viewport);
      await page.goto(path, readySelector);
      return page;
    },
    async tabOpenedBy(action, readySelector) {
      const [page] = await Promise.all([context.waitForEvent('page'), action()]);
      const opened = new ChromiumExtensionPage(page, url);
      await opened.waitFor(readySelector);
      return opened;
    },
    evaluate: (fn, arg) => control.evaluate(fn as (arg: unknown) => Promise<never>, arg),
    api,
    ...extensionCalls(api),
    async colorScheme(page, scheme) {
      if (!(page instanceof ChromiumPage)) throw new Error('not a Chromium page');
      await page.page.emulateMedia({ colorScheme: scheme });
    },
    async emulateMedia(page, media) {
      if (!(page instanceof ChromiumPage)) throw new Error('not a Chromium page');
      await page.page.emulateMedia({
        ...(media.forcedColors === undefined ? {} : { forcedColors: media.forcedColors ? 'active' : 'none' }),
        ...(media.reducedMotion === undefined ? {} : { reducedMotion: media.reducedMotion ? 'reduce' : 'no-preference' }),
      });
    },
    console: async () => new ChromiumConsole(),
    async stopBackground() {
      const cdp = await context.newCDPSession(control);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async markBackground() {
      await (
        await worker()
      ).evaluate(() => {
        (globalThis as { __ccRunning?: boolean }).__ccRunning = true;
      });
    },
    async backgroundMarked() {
      return (await worker()).evaluate(() => (globalThis as { __ccRunning?: boolean }).__ccRunning === true);
    },
    close: () => context.close(),
  };
}
