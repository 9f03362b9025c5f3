import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ElementHandle, KeyInput, Page } from 'puppeteer-core';
import { vi } from 'vitest';
import { assertLocal, type Download, type ExtensionPage, type HarnessPage, type Viewport, type WebPage } from './harness';

/**
 * Which tab is in front. A background tab's requestAnimationFrame is throttled, and Puppeteer's
 * clicks and visibility waits run on it: the page the test drives is brought to the front first.
 * A tab the browser opens comes to the front by itself, so then nothing is known.
 */
export class Front {
  private current: Page | undefined;
  async bring(page: Page): Promise<void> {
    if (this.current === page) return;
    await page.bringToFront();
    this.current = page;
  }
  forget(page?: Page): void {
    if (!page || page === this.current) this.current = undefined;
  }
}

export interface FirefoxTabs {
  browser: Browser;
  front: Front;
  /** Where <a download> saves files, without asking. */
  downloads: string;
  url(path: string): string;
}

/**
 * Wait for an extension page that a tab is loading, then for `readySelector` in it. Puppeteer does
 * not follow navigations to moz-extension://, and a wait that spans one (its poller is a pending
 * promise in the outgoing about:blank document) fails with Firefox's "right-hand side of 'in'
 * should be an object, got null". So first poll with short evaluations until the extension page
 * has loaded; only then wait for the selector.
 */
export async function waitForExtensionPage(page: Page, readySelector: string): Promise<void> {
  await vi.waitFor(
    async () => {
      const state = await page.evaluate(() => `${location.protocol} ${document.readyState}`);
      if (state !== 'moz-extension: complete') throw new Error(`the extension page has not loaded (${state})`);
    },
    { timeout: 15_000, interval: 50 },
  );
  await page.waitForSelector(readySelector, { visible: true });
}

/** A Puppeteer page behind the Harness's page interface. */
class FirefoxPage implements HarnessPage {
  constructor(
    protected readonly tabs: FirefoxTabs,
    protected tab?: Page,
  ) {}

  get page(): Page {
    if (!this.tab) throw new Error('no tab is open here: goto() first');
    return this.tab;
  }
  get isOpen(): boolean {
    return this.tab !== undefined && !this.tab.isClosed();
  }
  /** The page, in front (see Front). */
  protected async driven(): Promise<Page> {
    await this.tabs.front.bring(this.page);
    return this.page;
  }

  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as never, arg) as Promise<R>;
  }
  async evaluateSource(source: string) {
    await this.page.evaluate(source);
  }
  async text(selector: string) {
    await this.page.waitForSelector(selector);
    return this.page.$eval(selector, (e) => e.textContent ?? '');
  }
  async attr(selector: string, name: string) {
    await this.page.waitForSelector(selector);
    return this.page.$eval(selector, (e, n) => e.getAttribute(n), name);
  }
  evalAll<R, A>(selector: string, fn: (elements: Element[], arg: A) => R, arg?: A): Promise<R> {
    return this.page.$$eval(selector, fn as never, arg) as Promise<R>;
  }
  evalOne<R>(selector: string, fn: (element: Element) => R): Promise<R> {
    return this.page.$eval(selector, fn as never) as Promise<R>;
  }
  async count(selector: string) {
    return (await this.page.$$(selector)).length;
  }
  async isVisible(selector: string) {
    return (await (await this.page.$(selector))?.isVisible()) ?? false;
  }
  async waitFor(selector: string, state: 'visible' | 'attached' | 'hidden' = 'visible') {
    const page = await this.driven();
    await page.waitForSelector(selector, { visible: state === 'visible', hidden: state === 'hidden' });
  }
  async waitUntil<A>(fn: (arg: A) => unknown, arg?: A) {
    const page = await this.driven();
    await page.waitForFunction(fn as never, {}, arg);
  }
  async click(selector: string) {
    // Puppeteer clicks at once (Playwright waits for the element to be shown): wait first.
    await this.waitFor(selector);
    await this.page.click(selector);
  }
  async clickText(selector: string, text: string) {
    const page = await this.driven();
    const handle = await page.evaluateHandle((sel, t) => [...document.querySelectorAll(sel)].find((e) => e.textContent === t) ?? null, selector, text);
    const element = handle.asElement() as ElementHandle<Element> | null;
    if (!element) throw new Error(`no ${selector} reads "${text}"`);
    await element.click();
  }
  async focus(selector: string) {
    await (await this.driven()).focus(selector);
  }
  async press(key: string) {
    const { keyboard } = await this.driven();
    // "Shift+Tab" as Playwright writes it: Puppeteer presses one key, so hold the modifiers by hand.
    const parts = key.length > 1 && !key.endsWith('+') ? key.split('+') : [key];
    const main = parts.pop()!;
    for (const modifier of parts) await keyboard.down(modifier as KeyInput);
    await keyboard.press(main as KeyInput);
    for (const modifier of parts.reverse()) await keyboard.up(modifier as KeyInput);
  }
  /**
   * Playwright's fill() for Puppeteer: the field's text selected, then typed over (or deleted), so
   * the page sees real key and input events. (BiDi's sendCharacter takes one character only.)
   */
  async fill(selector: string, value: string) {
    await this.waitFor(selector);
    const page = this.page;
    await page.focus(selector);
    await page.$eval(selector, (input) => (input as HTMLInputElement).select());
    if (value) await page.keyboard.type(value);
    else await page.keyboard.press('Backspace');
    const now = await page.$eval(selector, (input) => (input as HTMLInputElement).value);
    if (now !== value) throw new Error(`${selector} holds "${now}", not "${value}"`);
  }
  async select(selector: string, value: string) {
    await (await this.driven()).select(selector, value);
  }
  async upload(selector: string, path: string) {
    const input = (await (await this.driven()).$(selector)) as ElementHandle<HTMLInputElement> | null;
    if (!input) throw new Error(`no ${selector}`);
    await input.uploadFile(path);
  }
  /** Firefox saves into the profile's download folder without asking; the new file that matches is it. */
  async download(selector: string, name: string | RegExp): Promise<Download> {
    const { downloads } = this.tabs;
    const before = new Set(readdirSync(downloads));
    const matches = (file: string) => !before.has(file) && (typeof name === 'string' ? file === name : name.test(file));
    await this.click(selector);
    // Firefox creates an empty file at once and writes into <name>.part, then renames it over it.
    return vi.waitFor(
      () => {
        const file = readdirSync(downloads).find(matches);
        const path = file && join(downloads, file);
        if (!path || existsSync(`${path}.part`) || statSync(path).size === 0) throw new Error(`no finished download ${name} in ${downloads}`);
        return { name: file, path };
      },
      { timeout: 10_000, interval: 50 },
    );
  }
  title() {
    return this.page.title();
  }
  async close() {
    const tab = this.tab;
    this.tab = undefined;
    if (!tab || tab.isClosed()) return;
    this.tabs.front.forget(tab);
    await tab.close();
  }
}

export class FirefoxWebPage extends FirefoxPage implements WebPage {
  async goto(url: string) {
    assertLocal(url);
    await this.page.goto(url);
  }
  startLoading(url: string) {
    assertLocal(url);
    void this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 }).catch(() => {});
  }
}

export class FirefoxExtensionPage extends FirefoxPage implements ExtensionPage {
  /** Run on each document this shows, once it is ready (the console hook: see firefox.ts). */
  onDocument: ((page: Page) => Promise<void>) | undefined;
  private path: string | undefined;

  constructor(
    tabs: FirefoxTabs,
    tab?: Page,
    private readonly viewport?: Viewport,
  ) {
    super(tabs, tab);
  }

  /** A new tab at the extension page, once its document is there (goto() never resolves, above). */
  async goto(path: string, readySelector: string) {
    await this.close();
    const page = await this.tabs.browser.newPage();
    this.tab = page;
    this.path = path;
    await this.tabs.front.bring(page);
    if (this.viewport) await page.setViewport(this.viewport);
    // goto() of a moz-extension:// URL never resolves in Firefox: wait for the document instead.
    page.goto(this.tabs.url(path)).catch(() => {});
    await waitForExtensionPage(page, readySelector);
    await this.onDocument?.(page);
  }
  /** An extension page's reload never resolves in Puppeteer's Firefox either: opened again. */
  async reload(readySelector: string) {
    if (!this.path) throw new Error('reload() of a page that goto() did not open');
    await this.goto(this.path, readySelector);
  }
}
