#!/usr/bin/env node
/**
 * Render icons/icon.svg to the PNG sizes the manifest names, and icons/icon-saved.svg (the toolbar
 * icon for a page already in the library) to icon-saved-N.png (run after editing an SVG).
 */
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumExecutable, chromiumArgs } from '../tests/e2e/browsers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs() });
const page = await browser.newPage();
for (const [source, prefix, sizes] of [
  ['icon.svg', 'icon', [16, 32, 48, 128]],
  ['icon-saved.svg', 'icon-saved', [16, 32, 48]],
]) {
  const svg = readFileSync(join(root, 'icons', source), 'utf8');
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
    await page.screenshot({ path: join(root, `icons/${prefix}-${size}.png`), omitBackground: true });
  }
}
await browser.close();
console.log('icons written');
