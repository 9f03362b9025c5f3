import { inject } from 'vitest';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, Harness } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Which browser the e2e project drives (`provide` in vitest.config.ts). */
    browser: BrowserName;
  }
}

/** The browser this run drives: vitest's `e2e-chromium` or `e2e-firefox` project. */
export function browserName(): BrowserName {
  const name = inject('browser');
  if (name !== 'chromium' && name !== 'firefox') throw new Error(`run the e2e specs through the e2e-chromium or e2e-firefox project (browser: ${String(name)})`);
  return name;
}

/** How test names call the browser. */
export function browserLabel(): string {
  return browserName() === 'chromium' ? 'Chromium' : 'Firefox ESR';
}

/** Start the browser of this run with a test copy of the built extension. */
export function launchHarness(): Promise<Harness> {
  return browserName() === 'chromium' ? launchChromium() : launchFirefox();
}
