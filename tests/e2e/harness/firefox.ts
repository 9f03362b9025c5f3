import puppeteer, { type Page, type Target } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { GECKO_ID } from '../../../scripts/manifest.mjs';
import { firefoxExecutable } from '../browsers.mjs';
import { extensionCalls } from './extension-calls';
import { TEST_HOSTS, testCopyOf } from './extension-copy';
import { chromeScope, terminateBackground, watchBrowserConsole, type BidiConnection } from './firefox-chrome-scope';
import { FirefoxExtensionPage, FirefoxWebPage, Front, waitForExtensionPage, type FirefoxTabs } from './firefox-page';
import type { ConsoleLine, ConsoleLog, ExtensionPage, Harness, LaunchOptions, Viewport } from './harness';

// The WebExtension API of Firefox extension pages (the extension itself goes through the polyfill).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- used only inside functions that run in the extension page, which also set ad-hoc fields on the background window
declare const browser: any;

/**
 * console.* calls of a document, recorded in the page: they never reach the browser console
 * (see ConsoleLog). Put in once the document is ready, so what it logged while loading is lost.
 */
async function hookConsole(page: Page): Promise<void> {
  await page.evaluate(() => {
    const logged: string[] = ((window as { __logged?: string[] }).__logged = []);
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[level].bind(console);
      console[level] = (...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
        original(...args);
      };
    }
  });
}

/** Firefox's wording of a CSP report ("Content-Security-Policy: The page's settings blocked…"). */
function lineOf(text: string): ConsoleLine {
  if (!/Content-Security-Policy/.test(text)) return { kind: 'error', text };
  const refused = /inline style/.test(text) ? 'inline-style' : /event handler/.test(text) ? 'event-handler' : /base-uri/.test(text) ? 'base-uri' : 'other';
  return { kind: 'csp', text, refused };
}

class FirefoxConsole implements ConsoleLog {
  private readonly pages: FirefoxExtensionPage[] = [];
  private probes = 0;
  constructor(private readonly browserConsole: { take(): Promise<string[]> }) {}

  async watch(page: ExtensionPage) {
    if (!(page instanceof FirefoxExtensionPage)) throw new Error('not a Firefox extension page');
    page.onDocument = hookConsole;
    if (page.isOpen) await hookConsole(page.page);
    this.pages.push(page);
  }

  async take() {
    const logged: string[] = [];
    const reported: string[] = [];
    for (const page of this.pages.filter((p) => p.isOpen)) {
      logged.push(...(await page.evaluate(() => (window as { __logged?: string[] }).__logged?.splice(0) ?? [])));
      // An error reported last in each page arrives in the browser console after all before it.
      // (reportError, not a throw in a timer: a background tab's timers are throttled to 1 s.)
      const probe = `console probe ${++this.probes}`;
      await page.evaluate((text) => reportError(new Error(text)), probe);
      await vi.waitFor(
        async () => {
          reported.push(...(await this.browserConsole.take()));
          if (!reported.some((l) => l.includes(probe))) throw new Error(`${probe} has not arrived`);
        },
        { timeout: 15_000, interval: 100 },
      );
    }
    reported.push(...(await this.browserConsole.take()));
    return [...logged.map((text): ConsoleLine => ({ kind: 'console', text })), ...reported.filter((l) => !/console probe \d+/.test(l)).map(lineOf)];
  }
}

/**
 * Firefox ESR ships its UI in en-US only and honours `intl.locale.requested` (so the extension's
 * i18n.getUILanguage()) only for a locale it has a language pack for. Debian's
 * firefox-esr-l10n-<lang> package puts it in Firefox's own folder; CLEAN_CAPTURE_LANGPACKS may
 * name another folder holding langpack-<lang>@firefox-esr.mozilla.org.xpi.
 */
export function firefoxLanguagePack(language: string): string | undefined {
  const name = `langpack-${language}@firefox-esr.mozilla.org.xpi`;
  const dirs = [process.env['CLEAN_CAPTURE_LANGPACKS'], '/usr/lib/firefox-esr/browser/extensions'];
  return dirs.map((dir) => dir && join(dir, name)).find((path): path is string => !!path && existsSync(path));
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<Harness> {
  const extension = testCopyOf('firefox', options.extraHosts);
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
      ...(options.language ? { 'intl.locale.requested': options.language } : {}),
    },
  });
  try {
    const languagePack = options.language && firefoxLanguagePack(options.language);
    if (languagePack) await instance.installExtension(languagePack);
    await instance.installExtension(extension);
    const tabs: FirefoxTabs = { browser: instance, front: new Front(), downloads, url: (path) => `moz-extension://${uuid}/${path}` };
    // Puppeteer's BiDi connection (not in its public types).
    const chrome = chromeScope((instance as unknown as { connection: BidiConnection }).connection);

    // Close the initial blank tab so every tab is one the test opened.
    const initial = await instance.pages();
    // An extension page kept open to talk to the extension APIs.
    const controlPage = new FirefoxExtensionPage(tabs);
    await controlPage.goto('reader.html', '#message:not([hidden])');
    const control = controlPage.page;
    for (const page of initial) await page.close();

    // Firefox does not grant a temporary add-on its MV3 host_permissions. A trusted click in an
    // extension page may request them; with the pref above it is granted without a prompt.
    await control.evaluate(
      (origins) => {
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
      },
      [...TEST_HOSTS, ...(options.extraHosts ?? [])],
    );
    await control.click('#grant-hosts');
    await control.waitForSelector('#grant-hosts[data-result]');
    const granted = await control.$eval('#grant-hosts', (b) => (b as HTMLElement).dataset['result']);
    if (granted !== 'true') throw new Error(`host permission not granted: ${granted}`);

    const extensionPage = (viewport?: Viewport) => new FirefoxExtensionPage(tabs, undefined, viewport);

    const api: Harness['api'] = (fn, arg) => control.evaluate(`(${fn})(browser, ${JSON.stringify(arg)})`) as Promise<never>;

    return {
      browser: 'firefox',
      url: tabs.url,
      async openWebPage(address) {
        const page = new FirefoxWebPage(tabs, await instance.newPage());
        tabs.front.forget();
        if (address) await page.goto(address);
        return page;
      },
      extensionPage: async (options) => extensionPage(options?.viewport),
      async openExtensionPage(path, readySelector, options) {
        const page = extensionPage(options?.viewport);
        await page.goto(path, readySelector);
        return page;
      },
      async tabOpenedBy(action, readySelector) {
        // Puppeteer never sees a tab's URL change to moz-extension://, so take the next new tab.
        const opened = new Promise<Target>((resolve) => instance.once('targetcreated', resolve));
        await action();
        const tab = (await (await opened).page())!;
        await tabs.front.bring(tab);
        await waitForExtensionPage(tab, readySelector);
        return new FirefoxExtensionPage(tabs, tab);
      },
      evaluate: (fn, arg) => control.evaluate(fn as (arg: unknown) => Promise<never>, arg),
      api,
      ...extensionCalls(api),
      async colorScheme(_page, scheme) {
        // 0 dark, 1 light (2 would follow the browser's theme).
        await chrome(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`);
      },
      async emulateMedia(_page, media) {
        // 2: never use the page's colours (Firefox's forced colours); 0: the default (only with a high-contrast theme).
        if (media.forcedColors !== undefined) await chrome(`Services.prefs.setIntPref('browser.display.document_color_use', ${media.forcedColors ? 2 : 0})`);
        if (media.reducedMotion !== undefined) await chrome(`Services.prefs.setIntPref('ui.prefersReducedMotion', ${media.reducedMotion ? 1 : 0})`);
      },
      console: async () => new FirefoxConsole(await watchBrowserConsole(chrome, tabs.url(''))),
      stopBackground: () => terminateBackground(chrome),
      async markBackground() {
        await control.evaluate(async () => {
          (await browser.runtime.getBackgroundPage()).__ccRunning = true;
        });
      },
      backgroundMarked: () => control.evaluate(async () => (await browser.runtime.getBackgroundPage()).__ccRunning === true),
      close: () => instance.close(),
    };
  } catch (error) {
    await instance.close();
    throw error;
  }
}
