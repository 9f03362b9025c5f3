import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { vi, afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../scripts/demo-server.mjs';
import type { ExtensionPage, Harness } from './harness/harness';
import { browserLabel, browserName, startSpec, stopSpec } from './harness/launch';
import { expected } from './steps';

const seedImage = readFileSync(new URL('../fixtures/seed/lead-image.jpg', import.meta.url));
/** The stored image's file name: the first 16 hex digits of its SHA-256, and the stored type's extension. */
const imageName = `${createHash('sha256').update(seedImage).digest('hex').slice(0, 16)}.jpg`;
const mdName = `2014-11-08 ${expected.title}.md`;
/** The local image paths a Markdown file links to (web addresses left out). */
const localLinks = (md: string) => [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => decodeURI(m[1]!)).filter((path) => !/^https?:/.test(path));

/**
 * Issue 13: the reader writes the article with its stored images — a zip, a folder the user picked
 * (Chrome: the File System Access writer, on an OPFS folder standing in for the picked one, since
 * automation cannot drive the picker), a subfolder of Downloads (Firefox) — and copies it as
 * Markdown. Tests run in order and share one browser.
 */
describe(`${browserLabel()}: Markdown with its images from the reader`, () => {
  let server: DemoServer;
  let h: Harness;
  let reader: ExtensionPage;
  const status = () => reader.text('#export-status');
  /** Wait for the status line to be done (or failed) after `click`, and return it. */
  async function act(selector: string): Promise<string> {
    await reader.evaluate(() => delete document.getElementById('export-status')!.dataset['state']);
    await reader.click(selector);
    await reader.waitFor('#export-status[data-state="done"], #export-status[data-state="failed"]');
    return status();
  }

  beforeAll(async () => {
    ({ server, h } = await startSpec());
    await h.openWebPage(server.seedUrl);
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabIdOf(server.seedUrl)}`, '#status[data-kind="ok"]');
    const id = Number(await popup.attr('#list .row', 'data-id'));
    await popup.close();
    reader = await h.openExtensionPage(`reader.html?id=${id}`, '#export-md');
    await reader.waitUntil(() => document.body.dataset['ready'] === 'true');
  });
  afterAll(() => stopSpec({ server, h }));

  it('Export Markdown downloads a zip: the .md links the image files it holds, with the stored bytes', async () => {
    const zip = await reader.download('#export-md', /\.zip$/);
    expect(zip.name).toBe(mdName.replace(/\.md$/, '.zip'));
    await reader.waitFor('#export-status[data-state="done"]');
    expect(await status()).toBe(`Downloaded ${zip.name} (the article and 1 image).`);
    const files = unzipSync(new Uint8Array(readFileSync(zip.path)));
    expect(Object.keys(files).sort()).toEqual([mdName, `assets/${imageName}`]);
    const md = strFromU8(files[mdName]!);
    expect(md).toContain(expected.paragraphs[0]);
    const links = localLinks(md);
    expect(links.length).toBeGreaterThan(0);
    for (const path of links) expect(Object.keys(files)).toContain(path);
    expect(Buffer.from(files[`assets/${imageName}`]!).equals(seedImage)).toBe(true);
  });

  it('Copy as Markdown puts the article on the clipboard with its images at their web addresses, and says so', async () => {
    // The test cannot read the system clipboard back from a headless browser: the page's write is
    // recorded on its way to the real clipboard call, which must succeed.
    await reader.evaluate(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      clipboard.writeText = (text: string) => {
        document.body.dataset['copied'] = text;
        return write(text).then(() => void (document.body.dataset['clipboard'] = 'written'));
      };
    });
    expect(await act('#copy-md')).toBe('Copied as Markdown. Images link to their web addresses.');
    expect(await reader.evaluate(() => document.body.dataset['clipboard'])).toBe('written');
    const copied = await reader.evaluate(() => document.body.dataset['copied'] ?? '');
    expect(copied).toContain(`# ${expected.title}`);
    expect(copied).toContain(expected.paragraphs[0]);
    expect(copied).toContain(`](${server.origin}/business/2014/11-08/U194P886T4D147553F107DT20141108090401.jpg)`);
    expect(localLinks(copied)).toEqual([]);
  });

  it.runIf(browserName() === 'chromium')('Save to folder… writes into the remembered folder and never overwrites a file', async () => {
    expect(await reader.isVisible('#save-downloads')).toBe(false);
    // The folder the picker would give: an OPFS folder, remembered where the picked one is kept.
    await reader.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const vault = await root.getDirectoryHandle('vault', { create: true });
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('clean-capture-ui', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('handles');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('handles', 'readwrite');
          tx.objectStore('handles').put(vault, 'markdown-folder');
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      });
    });
    const vault = () =>
      reader.evaluate(async () => {
        const list = async (dir: FileSystemDirectoryHandle, prefix: string, out: Record<string, string>) => {
          for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
            if (handle.kind === 'directory') await list(handle as FileSystemDirectoryHandle, `${prefix}${name}/`, out);
            else {
              const file = await (handle as FileSystemFileHandle).getFile();
              out[`${prefix}${name}`] =
                file.type.startsWith('image') || name.endsWith('.jpg') ? [...new Uint8Array(await file.arrayBuffer())].join(',') : await file.text();
            }
          }
          return out;
        };
        return list(await (await navigator.storage.getDirectory()).getDirectoryHandle('vault'), '', {});
      });

    expect(await act('#save-folder')).toBe(`Saved "${mdName}" and 1 image to the folder "vault".`);
    let files = await vault();
    expect(Object.keys(files).sort()).toEqual([mdName, `assets/${imageName}`]);
    expect(files[`assets/${imageName}`]).toBe([...seedImage].join(','));
    expect(localLinks(files[mdName]!)).toContain(`assets/${imageName}`);

    // Again: a numbered Markdown file; the image already there (same bytes) is used, not copied.
    expect(await act('#save-folder')).toBe(`Saved "${mdName.replace(/\.md$/, ' (2).md')}" and 0 new images, 1 already there to the folder "vault".`);
    files = await vault();
    expect(Object.keys(files).sort()).toEqual([mdName.replace(/\.md$/, ' (2).md'), mdName, `assets/${imageName}`]);

    // A different file under the image's name is left alone: the image gets a numbered name, and the link follows it.
    await reader.evaluate(async (name) => {
      const assets = await (await (await navigator.storage.getDirectory()).getDirectoryHandle('vault')).getDirectoryHandle('assets');
      const writable = await (await assets.getFileHandle(name)).createWritable();
      await writable.write(new Blob(['not the picture']));
      await writable.close();
    }, imageName);
    const numberedImage = imageName.replace('.jpg', ' (2).jpg');
    expect(await act('#save-folder')).toBe(`Saved "${mdName.replace(/\.md$/, ' (3).md')}" and 1 image to the folder "vault".`);
    files = await vault();
    expect(files[`assets/${imageName}`]).toBe([...Buffer.from('not the picture')].join(','));
    expect(files[`assets/${numberedImage}`]).toBe([...seedImage].join(','));
    expect(localLinks(files[mdName.replace(/\.md$/, ' (3).md')]!)).toContain(`assets/${numberedImage}`);
    expect(localLinks(files[mdName]!)).toContain(`assets/${imageName}`);
  });

  it.runIf(browserName() === 'chromium')('the link style and image folder from Options shape the files (Obsidian embeds)', async () => {
    const options = await h.openExtensionPage('options.html', '#markdown-link-style');
    expect(await options.text('#markdown-destination')).toContain('writes into “vault”');
    await options.select('#markdown-link-style', 'wikilink');
    await options.fill('#markdown-asset-folder', '../escape');
    await options.evaluate(() => document.getElementById('markdown-asset-folder')!.dispatchEvent(new Event('change')));
    await options.waitUntil(() => document.getElementById('markdown-asset-folder-error')!.textContent!.includes('relative folder'));
    await options.fill('#markdown-asset-folder', 'attachments/clips');
    await options.evaluate(() => document.getElementById('markdown-asset-folder')!.dispatchEvent(new Event('change')));
    await vi.waitFor(async () =>
      expect(await h.api(async (api) => (await api.storage.local.get('settings')).settings)).toMatchObject({
        markdownLinkStyle: 'wikilink',
        markdownAssetFolder: 'attachments/clips',
      }),
    );
    await options.close();
    const zip = await reader.download('#export-md', /\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync(zip.path)));
    expect(Object.keys(files).sort()).toEqual([mdName, `attachments/clips/${imageName}`]);
    expect(strFromU8(files[mdName]!)).toContain(`![[${imageName}]]`);
    await h.api(async (api) => {
      const { settings } = await api.storage.local.get('settings');
      await api.storage.local.set({ settings: { ...(settings as object), markdownLinkStyle: 'relative', markdownAssetFolder: 'assets' } });
    });
  });

  it.runIf(browserName() === 'chromium')('a remembered folder that was deleted is forgotten, with a sentence saying so', async () => {
    await reader.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('vault', { recursive: true }));
    expect(await act('#save-folder')).toBe('Markdown export failed: The folder "vault" is no longer there. Click Save to folder… again to choose one.');
    const remembered = await reader.evaluate(
      () =>
        new Promise<boolean>((resolve, reject) => {
          const open = indexedDB.open('clean-capture-ui', 1);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('handles').objectStore('handles').get('markdown-folder');
            get.onsuccess = () => (open.result.close(), resolve(get.result !== undefined));
          };
        }),
    );
    expect(remembered).toBe(false);
  });

  it.runIf(browserName() === 'firefox')('Save to Downloads asks for the downloads permission once and saves into a subfolder of Downloads', async () => {
    expect(await reader.isVisible('#save-folder')).toBe(false);
    expect(await act('#save-downloads')).toBe(`Saved "${mdName}" and 1 image to Downloads/Clean Capture.`);
    const saved = () =>
      h.api(async (api) => (await api.downloads.search({ state: 'complete' })).map((d) => d.filename).filter((f) => f.includes('Clean Capture')));
    let paths: string[] = [];
    await vi.waitFor(
      async () => {
        paths = await saved();
        expect(paths.length).toBe(2);
      },
      { timeout: 10_000 },
    );
    const md = paths.find((p) => p.endsWith(`Clean Capture/${mdName}`));
    const image = paths.find((p) => p.endsWith(`Clean Capture/assets/${imageName}`));
    expect(md, paths.join('\n')).toBeDefined();
    expect(image, paths.join('\n')).toBeDefined();
    expect(readFileSync(image!).equals(seedImage)).toBe(true);
    expect(localLinks(readFileSync(md!, 'utf8'))).toEqual([`assets/${imageName}`]);
    // Again: Firefox gives the Markdown a new name; the file saved first is untouched.
    const before = readFileSync(md!, 'utf8');
    expect(await act('#save-downloads')).toBe(`Saved "${mdName}" and 1 image to Downloads/Clean Capture.`);
    await vi.waitFor(async () => expect((await saved()).length).toBe(4), { timeout: 10_000 });
    const mds = (await saved()).filter((p) => p.endsWith('.md'));
    expect(new Set(mds).size).toBe(2);
    expect(readFileSync(md!, 'utf8')).toBe(before);
  });
});
