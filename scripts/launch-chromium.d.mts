import type { BrowserContext } from 'playwright-core';
export function launchChromiumWithExtension(
  extensionDir: string,
  options?: { headless?: boolean; language?: string },
): Promise<{ context: BrowserContext; extensionId: string }>;
