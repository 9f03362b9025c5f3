/**
 * Store packages and manifests: the zips (`npm run package`), `web-ext lint` on dist/firefox, Chrome's
 * manifest keys, and the "why each permission" table of docs/permissions.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveManifest } from '../../../scripts/manifest.mjs';
import { packageAll, ROOT } from '../../../scripts/package.mjs';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;

beforeAll(() => {
  // `npm test` builds before the unit tests; `npm run test:unit` alone may not have.
  const built = ['chrome', 'firefox'].every((b) => {
    const file = join(ROOT, 'dist', b, 'manifest.json');
    return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).version === pkg.version && !JSON.parse(readFileSync(file, 'utf8')).host_permissions;
  });
  if (!built) execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'ignore' });
}, 120_000);

describe('npm run package', () => {
  const out = mkdtempSync(join(tmpdir(), 'cc-package-'));
  let written: { chrome: string; firefox: string; source: string };
  beforeAll(() => {
    written = packageAll({ outDir: out });
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('names each zip with the package.json version', () => {
    expect(written.chrome).toMatch(new RegExp(`clean-capture-chrome-${pkg.version.replace(/\./g, '\\.')}\\.zip$`));
    expect(written.firefox).toMatch(new RegExp(`clean-capture-firefox-${pkg.version.replace(/\./g, '\\.')}\\.zip$`));
    expect(written.source).toMatch(new RegExp(`clean-capture-source-${pkg.version.replace(/\./g, '\\.')}\\.zip$`));
  });

  for (const browser of ['chrome', 'firefox'] as const) {
    it(`${browser}: manifest.json at the root, the package version, every file the manifest and pages name`, () => {
      const files = unzipSync(readFileSync(written[browser]));
      const names = Object.keys(files);
      expect(names).toContain('manifest.json');
      const manifest = JSON.parse(strFromU8(files['manifest.json']!));
      expect(manifest.version).toBe(pkg.version);
      expect(manifest.host_permissions).toBeUndefined();
      const referenced = [
        ...Object.values(manifest.icons as Record<string, string>),
        manifest.action.default_popup,
        manifest.options_ui.page,
        ...(browser === 'chrome' ? [manifest.background.service_worker] : manifest.background.scripts),
        'content.js',
        'popup.js',
        'reader.js',
        'options.js',
        'reader.html',
      ];
      for (const file of referenced) expect(names, file).toContain(file);
      // Nothing outside the build: no source maps, no folders from elsewhere.
      expect(names.filter((n) => n.endsWith('.map') || n.endsWith('.ts'))).toEqual([]);
    });
  }

  it('the source zip holds what a reviewer needs to rebuild, and nothing built or installed', () => {
    const names = Object.keys(unzipSync(readFileSync(written.source)));
    for (const needed of [
      'package.json',
      'package-lock.json',
      'README.md',
      'manifest.json',
      'scripts/build.mjs',
      'scripts/manifest.mjs',
      'src/background/index.ts',
      'src/content/index.ts',
      'tsconfig.json',
    ]) {
      expect(names, needed).toContain(needed);
    }
    expect(names.filter((n) => /^(node_modules|dist|\.tmp|\.git)\//.test(n))).toEqual([]);
  });

  it('is reproducible: the same files give the same bytes', () => {
    const again = mkdtempSync(join(tmpdir(), 'cc-package-'));
    try {
      const second = packageAll({ outDir: again });
      expect(Buffer.compare(readFileSync(second.chrome), readFileSync(written.chrome))).toBe(0);
      expect(Buffer.compare(readFileSync(second.firefox), readFileSync(written.firefox))).toBe(0);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  }, 60_000);
});

/**
 * Warnings web-ext reports that we cannot fix in our code. Each is an `innerHTML` assignment inside a
 * library module esbuild names in its `// path` comment; any other warning fails the test, and so
 * does any warning in our own code (src/): parse with DOMParser, or build nodes, instead.
 */
const ACCEPTED_WARNINGS: Record<string, string> = {
  'node_modules/@mozilla/readability/Readability.js': 'Readability parses the page copy it is given (a detached document)',
  'node_modules/dompurify/dist/purify.es.mjs': 'DOMPurify parses the string it is asked to sanitize in an inert document',
};

function moduleOf(file: string, line: number): string | null {
  const lines = readFileSync(join(ROOT, 'dist/firefox', file), 'utf8').split('\n');
  for (let i = line - 1; i >= 0; i--) {
    const m = /^ {2}\/\/ ((?:node_modules|src)\/\S+)$/.exec(lines[i]!);
    if (m) return m[1]!;
  }
  return null;
}

describe('web-ext lint on dist/firefox', () => {
  it('has no errors, and no warnings but the accepted library ones', () => {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', join(ROOT, 'dist/firefox'), '--output', 'json', '--no-input'],
      {
        encoding: 'utf8',
        env: { ...process.env, WEB_EXT_NO_UPDATE_CHECK: '1' },
        timeout: 120_000,
      },
    );
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
      errors: { code: string; message: string; file?: string }[];
      warnings: { code: string; message: string; file: string; line: number }[];
      notices: { code: string }[];
    };
    expect(report.errors).toEqual([]);
    expect(
      Object.keys(ACCEPTED_WARNINGS).filter((mod) => !mod.startsWith('node_modules/')),
      'only library code may be accepted',
    ).toEqual([]);
    const unexpected = report.warnings
      .map((w) => ({
        code: w.code,
        file: w.file,
        line: w.line,
        module: w.code === 'UNSAFE_VAR_ASSIGNMENT' ? moduleOf(w.file, w.line) : null,
        message: w.message,
      }))
      .filter((w) => !w.module || !(w.module in ACCEPTED_WARNINGS));
    expect(unexpected).toEqual([]);
  }, 150_000);
});

// Top-level keys Chrome knows for a Manifest V3 extension (developer.chrome.com manifest reference).
const CHROME_MV3_KEYS = new Set([
  'manifest_version',
  'name',
  'version',
  'description',
  'icons',
  'action',
  'author',
  'background',
  'chrome_settings_overrides',
  'chrome_url_overrides',
  'commands',
  'content_scripts',
  'content_security_policy',
  'cross_origin_embedder_policy',
  'cross_origin_opener_policy',
  'declarative_net_request',
  'default_locale',
  'devtools_page',
  'export',
  'externally_connectable',
  'file_browser_handlers',
  'file_system_provider_capabilities',
  'homepage_url',
  'host_permissions',
  'import',
  'incognito',
  'input_components',
  'key',
  'minimum_chrome_version',
  'oauth2',
  'omnibox',
  'optional_host_permissions',
  'optional_permissions',
  'options_page',
  'options_ui',
  'permissions',
  'requirements',
  'sandbox',
  'short_name',
  'side_panel',
  'storage',
  'tts_engine',
  'update_url',
  'version_name',
  'web_accessible_resources',
]);

describe('manifests', () => {
  const chrome = deriveManifest(source, 'chrome', pkg.version);
  const firefox = deriveManifest(source, 'firefox', pkg.version);

  it('Chrome: every top-level key is one Chrome knows for MV3, and no Firefox-only key', () => {
    expect(chrome.manifest_version).toBe(3);
    expect(Object.keys(chrome).filter((k) => !CHROME_MV3_KEYS.has(k))).toEqual([]);
    expect((chrome.background as Record<string, unknown>).scripts).toBeUndefined();
  });

  it('Chrome: what the build wrote is what deriveManifest gives', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'dist/chrome/manifest.json'), 'utf8'))).toEqual(chrome);
  });

  it('Firefox: event page and gecko id, no service_worker key', () => {
    expect((firefox.background as Record<string, unknown>).service_worker).toBeUndefined();
    expect((firefox.browser_specific_settings as { gecko: { id: string } }).gecko.id).toMatch(/@/);
  });

  it('no host permissions ship, and docs/permissions.md explains every permission the manifest asks for', () => {
    expect(chrome.host_permissions).toBeUndefined();
    // Optional, for the user's own sync server only: asked for one origin when sync is turned on (docs/permissions.md).
    expect(chrome.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    const section = readFileSync(join(ROOT, 'docs', 'permissions.md'), 'utf8');
    const documented = [...section.matchAll(/^\| `([a-zA-Z]+)` \|/gm)].map((m) => m[1]);
    const asked = [...((chrome.permissions as string[]) ?? []), ...((chrome.optional_permissions as string[]) ?? [])];
    expect([...documented].sort()).toEqual([...asked].sort());
  });
});
