import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = fileURLToPath(new URL('../dist', import.meta.url));
export const TEST_HOSTS = ['http://127.0.0.1/*'];

/**
 * A copy of a built extension that may read the local demo/test server. Automation cannot click
 * the toolbar button, so activeTab is never granted; the copy asks for 127.0.0.1 instead, and for
 * `extraHosts` (another loopback host standing for a site the user gave access to: issue 13). The
 * shipped build never has these permissions.
 */
export function testCopyOf(browser, extraHosts = []) {
  const dir = join(mkdtempSync(join(tmpdir(), `cc-${browser}-`)), 'extension');
  cpSync(join(DIST, browser), dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...TEST_HOSTS, ...extraHosts];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}
