import type { BrowserContext } from 'playwright-core';
export function launchChromiumWithExtension(extensionDir: string, options?: { headless?: boolean }): Promise<{ context: BrowserContext; extensionId: string }>;
