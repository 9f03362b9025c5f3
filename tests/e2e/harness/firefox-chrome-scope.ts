import { GECKO_ID } from '../../../scripts/manifest.mjs';

export interface BidiConnection {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- WebDriver BiDi results are JSON the callers pick apart
  send(method: string, params: object): Promise<{ result: any }>;
}

export type ChromeScope = (expression: string) => Promise<unknown>;

/**
 * Evaluate JavaScript in Firefox's browser window (chrome scope, privileged), which
 * `--remote-allow-system-access` opens to WebDriver BiDi: the way to what no WebExtension or BiDi
 * API shows a test (the browser console, the extension's background).
 */
export function chromeScope(connection: BidiConnection): ChromeScope {
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
export async function watchBrowserConsole(run: ChromeScope, prefix: string): Promise<{ take(): Promise<string[]> }> {
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

/** Unload the extension's background (event page), as Firefox does when it is idle. */
export async function terminateBackground(run: ChromeScope): Promise<void> {
  // What Firefox itself does to an idle event page (and its tests do through
  // ExtensionTestUtils): the background document is unloaded; the next event starts it again.
  const state = await run(`(async () => {
    const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
    await extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
    return extension.backgroundState;
  })()`);
  if (state !== 'stopped') throw new Error(`the background is ${state}, not stopped`);
}
