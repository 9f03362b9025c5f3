/** Start Debian Chromium with an unpacked extension loaded (for `npm start` and the e2e tests). */
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumExecutable } from '../tests/e2e/browsers.mjs';

/**
 * `language` (e.g. 'de', 'ar') starts the browser in that UI language: Chromium on Linux takes its
 * application locale, which extensions' i18n.getUILanguage() reports, from `--lang` and the
 * LANGUAGE environment variable (issue 17).
 */
export async function launchChromiumWithExtension(extensionDir, { headless = true, language } = {}) {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cc-profile-')), {
    ...(language ? { env: { ...process.env, LANGUAGE: language, LANG: `${language.replace('-', '_')}.UTF-8` }, locale: language } : {}),
    executablePath: chromiumExecutable(),
    headless,
    acceptDownloads: true,
    viewport: headless ? { width: 1200, height: 900 } : null,
    args: chromiumArgs([
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(language ? [`--lang=${language}`] : []),
    ]),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionId: new URL(worker.url()).host };
}
