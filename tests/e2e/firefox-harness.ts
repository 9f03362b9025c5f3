import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { GECKO_ID } from '../../scripts/manifest.mjs';
import { firefoxExecutable } from './browsers.mjs';
import { TEST_HOSTS, testCopyOf } from './harness/extension-copy';

export interface FirefoxHarness {
  browser: Browser;
  uuid: string;
  /** An extension page kept open to talk to the extension APIs. */
  control: Page;
  /** Where <a download> saves files, without asking. */
  downloads: string;
  url(path: string): string;
  /** A new tab at an extension page, once its document is there. */
  open(path: string, readySelector: string): Promise<Page>;
  tabIdOf(pageUrl: string): Promise<number>;
  send<T>(message: unknown): Promise<T>;
  /** The path of a finished download whose name matches, once Firefox has written it. */
  download(name: string | RegExp): Promise<string>;
  /**
   * Start collecting what Firefox logs for the extension's pages to the browser console (script
   * errors, CSP reports); `take()` returns and forgets what came since. See `watchBrowserConsole`.
   */
  browserConsole(): Promise<{ take(): Promise<string[]> }>;
  /** Unload the extension's background (event page), as Firefox does when it is idle. */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

// The WebExtension API of Firefox extension pages (the extension itself goes through the polyfill).
declare const browser: any;

/**
 * Wait for an extension page that a tab is loading, then for `readySelector` in it. Puppeteer does
 * not follow navigations to moz-extension://, and a wait that spans one (its poller is a pending
 * promise in the outgoing about:blank document) fails with Firefox's "right-hand side of 'in'
 * should be an object, got null". So first poll with short evaluations until the extension page
 * has loaded; only then wait for the selector.
 */
export async function waitForExtensionPage(page: Page, readySelector: string): Promise<void> {
  await vi.waitFor(async () => {
    const state = await page.evaluate(() => `${location.protocol} ${document.readyState}`);
    if (state !== 'moz-extension: complete') throw new Error(`the extension page has not loaded (${state})`);
  }, { timeout: 15_000, interval: 50 });
  await page.waitForSelector(readySelector);
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: any }>;
}

/**
 * Evaluate JavaScript in Firefox's browser window (chrome scope, privileged), which
 * `--remote-allow-system-access` opens to WebDriver BiDi: the way to what no WebExtension or BiDi
 * API shows a test (the browser console, the extension's background).
 */
function chromeScope(connection: BidiConnection): (expression: string) => Promise<unknown> {
  let context: Promise<string> | undefined;
  return async (expression) => {
    context ??= connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 }).then(({ result }) => {
      const found = result.contexts.find((c: { url: string }) => c.url === 'chrome://browser/content/browser.xhtml')?.context;
      if (!found) throw new Error('no browser window in the chrome scope (is --remote-allow-system-access set?)');
      return found;
    });
    const { result } = await connection.send('script.evaluate', { expression, target: { context: await context }, awaitPromise: true });
    if (result.type !== 'success') throw new Error(`chrome-scope evaluation failed: ${JSON.stringify(result.exceptionDetails ?? result)}`);
    return result.result.value;
  };
}

/**
 * The browser console's script errors and CSP reports for pages under `prefix`, collected by a
 * listener on Firefox's console service registered in the browser window. Puppeteer's 'console'
 * and 'pageerror' events never fire for moz-extension:// pages, nor do preload scripts run there
 * (measured on ESR 153), so this is the only way a test sees them. console.log()
 * calls of extension pages do not reach this service either (they stay in the extension process).
 */
async function watchBrowserConsole(run: (expression: string) => Promise<unknown>, prefix: string): Promise<{ take(): Promise<string[]> }> {
  await run(`(() => {
    const prefix = ${JSON.stringify(prefix)};
    if (window.__ccConsole) return;
    window.__ccConsole = [];
    Services.console.registerListener({
      observe(message) {
        if (message instanceof Ci.nsIScriptError && message.sourceName.startsWith(prefix))
          window.__ccConsole.push(message.category + ': ' + message.errorMessage);
      },
    });
  })()`);
  return { take: async () => JSON.parse(String(await run('JSON.stringify(window.__ccConsole.splice(0))'))) };
}

/**
 * Playwright's fill() for Puppeteer: the field's text selected, then typed over (or deleted), so
 * the page sees real key and input events. (BiDi's sendCharacter takes one character only.)
 */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.focus(selector);
  await page.$eval(selector, (input) => (input as HTMLInputElement).select());
  if (value) await page.keyboard.type(value);
  else await page.keyboard.press('Backspace');
  const now = await page.$eval(selector, (input) => (input as HTMLInputElement).value);
  if (now !== value) throw new Error(`${selector} holds "${now}", not "${value}"`);
}

export async function launchFirefox(): Promise<FirefoxHarness> {
  const extension = testCopyOf('firefox');
  const uuid = randomUUID();
  const downloads = mkdtempSync(join(tmpdir(), 'cc-downloads-'));
  const instance = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxExecutable(),
    headless: true,
    // Without it moz-extension:// pages cannot be navigated to.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // permissions.request() from a user gesture is granted without a prompt.
      'extensions.webextOptionalPermissionPrompts': false,
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'text/markdown,application/zip,application/json,application/epub+zip,text/html',
    },
  });
  try {
    await instance.installExtension(extension);
    const url = (path: string) => `moz-extension://${uuid}/${path}`;
    // Puppeteer's BiDi connection (not in its public types).
    const chrome = chromeScope((instance as unknown as { connection: BidiConnection }).connection);
    const open = async (path: string, readySelector: string) => {
      const page = await instance.newPage();
      // A background tab's requestAnimationFrame is throttled, and Puppeteer's clicks and
      // visibility waits run on it: keep the page the test drives in front.
      await page.bringToFront();
      // goto() of a moz-extension:// URL never resolves in Firefox: wait for the document instead.
      page.goto(url(path)).catch(() => {});
      await waitForExtensionPage(page, readySelector);
      return page;
    };
    // Close the initial blank tab so every tab is one the test opened.
    const initial = await instance.pages();
    const control = await open('reader.html', '#message:not([hidden])');
    for (const page of initial) await page.close();

    // Firefox does not grant a temporary add-on its MV3 host_permissions. A trusted click in an
    // extension page may request them; with the pref above it is granted without a prompt.
    await control.evaluate((origins) => {
      const button = document.createElement('button');
      button.id = 'grant-hosts';
      button.textContent = 'Grant';
      button.addEventListener('click', () => {
        browser.permissions.request({ origins }).then(
          (granted: boolean) => (button.dataset['result'] = String(granted)),
          (error: Error) => (button.dataset['result'] = `error: ${error.message}`),
        );
      });
      document.body.append(button);
    }, TEST_HOSTS);
    await control.click('#grant-hosts');
    await control.waitForSelector('#grant-hosts[data-result]');
    const granted = await control.$eval('#grant-hosts', (b) => (b as HTMLElement).dataset['result']);
    if (granted !== 'true') throw new Error(`host permission not granted: ${granted}`);

    return {
      browser: instance,
      uuid,
      control,
      downloads,
      url,
      open,
      async tabIdOf(pageUrl) {
        const id = await control.evaluate(async (target) => {
          const tabs: { id?: number; url?: string }[] = await browser.tabs.query({});
          return tabs.find((t) => t.url === target)?.id ?? null;
        }, pageUrl);
        if (id === null) throw new Error(`no tab shows ${pageUrl}`);
        return id;
      },
      send: (message) => control.evaluate((m) => browser.runtime.sendMessage(m), message),
      async download(name) {
        const matches = (file: string) => (typeof name === 'string' ? file === name : name.test(file));
        // Firefox creates an empty file at once and writes into <name>.part, then renames it over it.
        return vi.waitFor(() => {
          const file = readdirSync(downloads).find(matches);
          const path = file && join(downloads, file);
          if (!path || existsSync(`${path}.part`) || statSync(path).size === 0) throw new Error(`no finished download ${name} in ${downloads}`);
          return path;
        }, { timeout: 10_000, interval: 50 });
      },
      browserConsole: () => watchBrowserConsole(chrome, url('')),
      async stopBackground() {
        // What Firefox itself does to an idle event page (and its tests do through
        // ExtensionTestUtils): the background document is unloaded; the next event starts it again.
        const state = await chrome(`(async () => {
          const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
          await extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
          return extension.backgroundState;
        })()`);
        if (state !== 'stopped') throw new Error(`the background is ${state}, not stopped`);
      },
      close: () => instance.close(),
    };
  } catch (error) {
    await instance.close();
    throw error;
  }
}
