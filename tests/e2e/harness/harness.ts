import type { MessageType, Protocol, Reply } from '../../../src/messages';

/*
 * What an end-to-end spec may do to a browser with the extension loaded, the same in Chromium
 * (playwright-core, `chromium.ts`) and Firefox ESR (puppeteer-core over WebDriver BiDi,
 * `firefox.ts`). A spec says what the user does and sees; each driver does it its own way, and the
 * few steps a browser really checks another way are named here, on the method that hides them.
 * Selectors are CSS. Every wait is for visible state, never a fixed time.
 */

export type BrowserName = 'chromium' | 'firefox';

export interface Viewport {
  width: number;
  height: number;
}

/** A tab the test holds: a web page of the test server or one of the extension's pages. */
export interface HarnessPage {
  /** Run `fn` in the page (serialized: no outside names) and return its result. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Run a script's source in the page, outside the page's CSP (the extension pages allow no
   * injected `<script>` and no eval): how a test brings a library such as axe-core in.
   */
  evaluateSource(source: string): Promise<void>;
  /** The element's `textContent` exactly as it is (no white space folded), once it is there. */
  text(selector: string): Promise<string>;
  /** An attribute of the element, once it is there. */
  attr(selector: string, name: string): Promise<string | null>;
  /** `fn` over every element that matches (none: an empty list). */
  evalAll<R, A = undefined>(selector: string, fn: (elements: Element[], arg: A) => R, arg?: A): Promise<R>;
  /** `fn` over the first element that matches (none: an error). */
  evalOne<R>(selector: string, fn: (element: Element) => R): Promise<R>;
  count(selector: string): Promise<number>;
  /** Whether the element is there and shown, now (no wait). */
  isVisible(selector: string): Promise<boolean>;
  /** Wait until an element matches and is shown (`visible`, the default), is there at all, or is gone or hidden. */
  waitFor(selector: string, state?: 'visible' | 'attached' | 'hidden'): Promise<void>;
  /** Wait until `fn` (run in the page) returns something truthy. */
  waitUntil<A = undefined>(fn: (arg: A) => unknown, arg?: A): Promise<void>;
  /** Click the element once it is shown. */
  click(selector: string): Promise<void>;
  /** Click the first element matching `selector` whose text is exactly `text` (none: an error). */
  clickText(selector: string, text: string): Promise<void>;
  focus(selector: string): Promise<void>;
  /** A key press (`Delete`, `End`, `+`, `j`, `Shift+Tab`…) in whatever has the focus. */
  press(key: string): Promise<void>;
  /** Replace a field's text as typing would (key and input events). */
  fill(selector: string, value: string): Promise<void>;
  /** Pick the option with this value in a `<select>`. */
  select(selector: string, value: string): Promise<void>;
  /** Choose a file in an `<input type=file>`. */
  upload(selector: string, path: string): Promise<void>;
  /** Click `selector` and wait for the download it starts; its name is checked by the caller. */
  download(selector: string, name: string | RegExp): Promise<Download>;
  title(): Promise<string>;
  close(): Promise<void>;
}

export interface Download {
  /** The file name the browser gives it. */
  name: string;
  /** Where it was saved, once it is whole. */
  path: string;
}

/** A tab showing pages of the test server (127.0.0.1 only; about:blank too). */
export interface WebPage extends HarnessPage {
  /** Load `url` and wait for its load event. */
  goto(url: string): Promise<void>;
  /** Start loading `url` without waiting for it to load (a page that never finishes). */
  startLoading(url: string): void;
}

/** A tab showing one of the extension's pages (popup.html, reader.html, options.html…). */
export interface ExtensionPage extends HarnessPage {
  /**
   * Show the extension page at `path` (`popup.html?tab=3`) and wait for `readySelector`.
   * Chromium navigates the tab; Firefox closes it and opens a new one in its place, because
   * Puppeteer's `goto` of a moz-extension:// URL never resolves there.
   */
  goto(path: string, readySelector: string): Promise<void>;
  /** Load the same page again (Firefox: opened again in a new tab, for the reason above). */
  reload(readySelector: string): Promise<void>;
}

/**
 * What the extension's pages report: `console.*` calls (`console`), uncaught script errors
 * (`error`) and Content Security Policy reports (`csp`, with what was refused).
 */
export interface ConsoleLine {
  kind: 'console' | 'error' | 'csp';
  text: string;
  /** For a CSP report, what it refused, told apart in the browser's own wording. */
  refused?: 'inline-style' | 'event-handler' | 'base-uri' | 'other';
}

/**
 * The console of the extension's pages. Chromium hands every line of a watched tab to the test,
 * from the start of each document it loads. Firefox hands none (Puppeteer's console and pageerror
 * events never fire for moz-extension:// pages, and preload scripts never run there, measured on
 * ESR 153): script errors and CSP reports are read from the browser console, and `console.*`
 * calls through a hook put into each document once it has loaded, so the calls a page makes while
 * it loads (a reader tab renders then) are not seen in Firefox. Specs check what the page could
 * have done by other means as well (the server's trap log, the DOM, Resource Timing).
 */
export interface ConsoleLog {
  /** Record what `page` reports from now on, in every document it shows later too. */
  watch(page: ExtensionPage): Promise<void>;
  /**
   * What the watched pages reported since the last take. Each open watched page reports a probe
   * error first, and this waits until every probe has arrived, so nothing reported before is
   * still on its way (the probes are not returned).
   */
  take(): Promise<ConsoleLine[]>;
}

/** How the browser starts. */
export interface LaunchOptions {
  /**
   * Host permissions the extension holds beyond the test server's 127.0.0.1, as if the user had
   * granted them (issue 13's "images from other sites"). Chromium has them from the test copy's
   * manifest; Firefox through permissions.request from a trusted click, like 127.0.0.1. (Chromium
   * answers permissions.request with a browser dialog that automation cannot click.)
   */
  extraHosts?: string[];
  /**
   * The browser's UI language ('de', 'ar'), which the extension's i18n.getUILanguage() reports and
   * its _locales follow (issue 17). Chromium: `--lang` and LANGUAGE. Firefox: the
   * `intl.locale.requested` pref, which Firefox only honours for a locale it has a language pack
   * for (see docs/i18n.md).
   */
  language?: string;
}

export interface Harness {
  readonly browser: BrowserName;
  /** The absolute address of an extension page (`reader.html?id=1`). */
  url(path: string): string;

  /** A new tab, at `url` when given (127.0.0.1 or about:blank). */
  openWebPage(url?: string): Promise<WebPage>;
  /** A tab for extension pages; nothing is shown until its `goto`. */
  extensionPage(options?: { viewport?: Viewport }): Promise<ExtensionPage>;
  openExtensionPage(path: string, readySelector: string, options?: { viewport?: Viewport }): Promise<ExtensionPage>;
  /** The extension page that `action` opens in a new tab, once `readySelector` is shown in it. */
  tabOpenedBy(action: () => Promise<void>, readySelector: string): Promise<ExtensionPage>;
  /** The id of the tab showing `url` (the extension sees addresses of 127.0.0.1 only). */
  tabIdOf(url: string): Promise<number>;

  /** One message to the background from an extension page, its reply as it crosses the wire. */
  send<K extends MessageType>(type: K, request: Protocol[K]['request']): Promise<Reply<Protocol[K]['response']>>;
  /** Several messages sent at the same moment from one extension page; the replies in order. */
  sendAll<K extends MessageType>(type: K, requests: Protocol[K]['request'][]): Promise<Reply<Protocol[K]['response']>[]>;
  /** Run `fn` in an extension page kept open for it (IndexedDB reads: `library-queries.ts`). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Call the WebExtension API (`chrome` or `browser`) from an extension page: `fn` is serialized, `arg` sent as JSON. */
  api<R, A = undefined>(fn: (api: typeof chrome, arg: A) => R | Promise<R>, arg?: A): Promise<R>;

  /**
   * Have pages see `prefers-color-scheme: scheme`. Chromium emulates it for `page` only (CDP);
   * Firefox has no per-page emulation over WebDriver BiDi, so it sets the browser's content
   * preference (`layout.css.prefers-color-scheme.content-override`) for every page.
   */
  colorScheme(page: HarnessPage, scheme: 'light' | 'dark'): Promise<void>;
  /**
   * Have pages see `forced-colors: active` and / or `prefers-reduced-motion: reduce` (false: back
   * to none / no-preference). Chromium emulates them for `page` (CDP); Firefox sets the browser's
   * preferences for every page: `browser.display.document_color_use` = 2 (never the page's own
   * colours, which is Firefox's forced-colours mode) and `ui.prefersReducedMotion`.
   */
  emulateMedia(page: HarnessPage, media: { forcedColors?: boolean; reducedMotion?: boolean }): Promise<void>;
  /** Start watching the extension pages' console (see ConsoleLog). */
  console(): Promise<ConsoleLog>;
  /**
   * Stop the background as the browser does to an idle one: Chromium's service worker through
   * CDP (`ServiceWorker.stopAllWorkers`), Firefox's event page through the chrome scope
   * (`Extension.terminateBackground()`). The next event starts it again.
   */
  stopBackground(): Promise<void>;
  /** Put a mark on the running background's global, to tell it from a background started later. */
  markBackground(): Promise<void>;
  /** Whether the running background carries the mark. */
  backgroundMarked(): Promise<boolean>;
  close(): Promise<void>;
}

/** Pages of the test server only: the network is closed, and the extension may read no other host. */
export function assertLocal(url: string): void {
  if (url !== 'about:blank' && new URL(url).hostname !== '127.0.0.1') throw new Error(`not a test server page: ${url}`);
}
