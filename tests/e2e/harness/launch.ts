import { inject } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../scripts/demo-server.mjs';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, Harness, LaunchOptions } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Which browser the e2e project drives (`provide` in vitest.config.ts). */
    browser: BrowserName;
  }
}

/** The browser this run drives: vitest's `e2e-chromium` or `e2e-firefox` project. */
export function browserName(): BrowserName {
  const name = inject('browser');
  if (name !== 'chromium' && name !== 'firefox')
    throw new Error(`run the e2e specs through the e2e-chromium or e2e-firefox project (browser: ${String(name)})`);
  return name;
}

/** How test names call the browser. */
export function browserLabel(): string {
  return browserName() === 'chromium' ? 'Chromium' : 'Firefox ESR';
}

/** Start the browser of this run with a test copy of the built extension. */
export function launchHarness(options: LaunchOptions = {}): Promise<Harness> {
  return browserName() === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

/**
 * The test server and this run's browser, for a spec's `beforeAll`: the tests of a file run in
 * order and share them. `stopSpec` in its `afterAll`.
 */
export async function startSpec(): Promise<{ server: DemoServer; h: Harness }> {
  const server = await startDemoServer();
  try {
    return { server, h: await launchHarness() };
  } catch (error) {
    await server.close();
    throw error;
  }
}

export async function stopSpec({ server, h }: { server?: DemoServer; h?: Harness }): Promise<void> {
  await h?.close();
  await server?.close();
}
