#!/usr/bin/env node
/**
 * Store-ready packages, versioned from package.json:
 *   dist/clean-capture-chrome-<version>.zip   (Chrome Web Store: dist/chrome, manifest.json at the root)
 *   dist/clean-capture-firefox-<version>.zip  (addons.mozilla.org: dist/firefox, manifest.json at the root)
 *   dist/clean-capture-source-<version>.zip   (the source AMO asks for: every file git knows, minus ignored)
 * `npm run package` builds first; `--no-build` zips what dist/ holds.
 * Zips are reproducible: sorted entries, one fixed timestamp.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..');
const FIXED_TIME = new Date('2024-01-01T00:00:00Z');

function listDir(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Source files: tracked or untracked-but-not-ignored (so a fresh working tree packs what it would commit). */
export function sourceFiles(root = ROOT) {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean)
    .filter((f) => existsSync(join(root, f)));
  return [...new Set(listed)].sort();
}

export function zipFiles(baseDir, files) {
  const entries = {};
  for (const f of files) entries[f] = [readFileSync(join(baseDir, f)), { mtime: FIXED_TIME }];
  return zipSync(entries, { level: 9, mtime: FIXED_TIME });
}

/** Write the three zips into outDir (default dist/); returns their paths. */
export function packageAll({ root = ROOT, outDir = join(root, 'dist') } = {}) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const written = {};
  for (const browser of ['chrome', 'firefox']) {
    const dir = join(root, 'dist', browser);
    if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} has no manifest.json: run the build first`);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    if (manifest.version !== version) throw new Error(`dist/${browser} is version ${manifest.version}, package.json says ${version}: rebuild`);
    if (manifest.host_permissions) throw new Error(`dist/${browser}/manifest.json has host_permissions: a test copy, not a store build`);
    const file = join(outDir, `clean-capture-${browser}-${version}.zip`);
    writeFileSync(file, zipFiles(dir, listDir(dir)));
    written[browser] = file;
  }
  const file = join(outDir, `clean-capture-source-${version}.zip`);
  writeFileSync(file, zipFiles(root, sourceFiles(root)));
  written.source = file;
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!process.argv.includes('--no-build')) execFileSync(process.execPath, [join(here, 'build.mjs')], { stdio: 'inherit' });
  const written = packageAll();
  for (const [what, file] of Object.entries(written)) {
    console.log(`${what.padEnd(8)} ${relative(ROOT, file)}  ${(statSync(file).size / 1024).toFixed(0)} KB`);
  }
}
