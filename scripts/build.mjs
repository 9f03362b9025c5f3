#!/usr/bin/env node
/**
 * Build: each entry × each browser → dist/<browser>/, plus the CLI → dist/cli/.
 * `--cli-only` builds just the CLI (eval and bench need nothing else).
 */
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveManifest } from './manifest.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const cliOnly = process.argv.includes('--cli-only');

const ENTRIES = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  popup: 'src/popup/index.ts',
  reader: 'src/reader/index.ts',
  options: 'src/options/index.ts',
  offscreen: 'src/offscreen/index.ts',
  highlights: 'src/library/highlights.ts',
  library: 'src/library/index.ts',
};
const STATIC = [
  'src/popup/popup.html',
  'src/popup/popup.css',
  'src/reader/reader.html',
  'src/reader/reader.css',
  'src/views/ui.css',
  'src/views/list.css',
  'src/options/options.html',
  'src/options/options.css',
  'src/offscreen/offscreen.html',
  'src/library/highlights.html',
  'src/library/library.html',
  'src/library/library.css',
];
const BROWSERS = ['chrome', 'firefox'];

async function buildBrowser(browser) {
  const out = join(root, 'dist', browser);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(root, file)])),
    outdir: out,
    bundle: true,
    format: 'iife', // content scripts must be; a classic worker/event page works in both browsers
    target: ['chrome120', 'firefox128'],
    platform: 'browser',
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    define: { __BROWSER__: JSON.stringify(browser) },
    logLevel: 'warning',
  });
  for (const file of STATIC) cpSync(join(root, file), join(out, file.split('/').pop()));
  cpSync(join(root, 'icons'), join(out, 'icons'), { recursive: true });
  // The UI's strings per language (manifest __MSG_ names and i18n.getMessage).
  cpSync(join(root, '_locales'), join(out, '_locales'), { recursive: true });
  const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(deriveManifest(source, browser, pkg.version), null, 2)}\n`);
}

async function buildCli() {
  // lib.mjs exposes the CLI's extractor to eval and bench, so they measure the code the CLI runs.
  const entries = { 'clean-capture': 'src/cli/index.ts', lib: 'src/cli/lib.ts' };
  await Promise.all(
    Object.entries(entries).map(([name, file]) =>
      build({
        entryPoints: [join(root, file)],
        outfile: join(root, `dist/cli/${name}.mjs`),
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        packages: 'external',
        logLevel: 'warning',
      }),
    ),
  );
}

await buildCli();
if (!cliOnly) await Promise.all(BROWSERS.map(buildBrowser));
console.log(cliOnly ? 'built dist/cli' : 'built dist/chrome, dist/firefox, dist/cli');
