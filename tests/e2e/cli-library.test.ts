import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../scripts/demo-server.mjs';
import type { ExtensionPage, Harness } from './harness/harness';
import { browserLabel, startSpec, stopSpec } from './harness/launch';
import { countCaptures, readCapture, readImageLinks } from './harness/library-queries';
import { expected } from './steps';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = join(ROOT, 'tests/fixtures/cli-save');

/** The built CLI, run as a user would; asynchronous, so this process's test server keeps answering it. */
function cli(cwd: string, ...args: string[]): Promise<{ code: number; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/clean-capture.mjs'), ...args], { cwd });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, err }));
  });
}

/**
 * Issue 13: a library file made without a browser (`clean-capture save`: a saved page with a
 * relative image, and an address of the test server) restores into the extension, and the reader
 * shows the stored image of the address's article from the library.
 */
describe(`${browserLabel()}: a library file from the CLI restores into the extension`, () => {
  let server: DemoServer;
  let h: Harness;
  let options: ExtensionPage;
  let dir: string;

  beforeAll(async () => {
    ({ server, h } = await startSpec());
    dir = mkdtempSync(join(tmpdir(), 'cc-cli-library-'));
    mkdirSync(join(dir, 'images'));
    copyFileSync(join(PAGES, 'barges.html'), join(dir, 'barges.html'));
    copyFileSync(join(PAGES, 'images/barge.png'), join(dir, 'images/barge.png'));
    options = await h.openExtensionPage('options.html', '#backup-download');
  });
  afterAll(async () => {
    await stopSpec({ server, h });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('restores what `save` wrote: both articles, their kept pages and images', async () => {
    const saved = await cli(dir, 'save', 'barges.html', server.seedUrl, '--library', 'library.json');
    expect(saved.code, saved.err).toBe(0);
    expect(saved.err).toContain('library.json: 2 articles (2 new)');
    await options.upload('#restore-file', join(dir, 'library.json'));
    await options.waitUntil(() => {
      const status = document.getElementById('backup-status')!;
      return status.dataset['state'] === 'done' && status.textContent!.includes('2 articles added');
    });
    expect(await h.evaluate(countCaptures)).toBe(2);
    const barges = await h.evaluate(readCapture, 1);
    expect(barges!.title).toBe('Working the river before dawn');
    expect(barges!.rawHtmlGzip!.length).toBeGreaterThan(500);
    const seed = await h.evaluate(readCapture, 2);
    expect(seed!.title).toBe(expected.title);
    expect((await h.evaluate(readImageLinks, 2)).filter((l) => l.hash)).toHaveLength(1);
  });

  it('the reader shows the restored article with its image from the library', async () => {
    const reader = await h.openExtensionPage('reader.html?id=2', '#reader .article-body p');
    await reader.waitUntil(() => document.body.dataset['ready'] === 'true');
    expect(await reader.text('#reader .article-body')).toContain(expected.paragraphs[0]);
    const sources = await reader.evalAll('#reader img', (imgs) =>
      imgs.map((i) => ({ src: (i as HTMLImageElement).src, width: (i as HTMLImageElement).naturalWidth })),
    );
    expect(sources.length).toBeGreaterThan(0);
    for (const image of sources) {
      expect(image.src).toMatch(/^blob:/);
      expect(image.width).toBeGreaterThan(0);
    }
  });
});
