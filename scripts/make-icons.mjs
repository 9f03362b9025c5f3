#!/usr/bin/env node
/** Render icons/icon.svg to the PNG sizes the manifest names (run after editing the SVG). */
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumExecutable, chromiumArgs } from '../tests/e2e/browsers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'icons/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs() });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: join(root, `icons/icon-${size}.png`), omitBackground: true });
}
await browser.close();
console.log('icons written');
