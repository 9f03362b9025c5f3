import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DemoServer } from '../../scripts/demo-server.mjs';
import type { ExtensionPage, Harness } from './harness/harness';
import { browserLabel, startSpec, stopSpec } from './harness/launch';
import { countCaptures, readCapture, type StoredCapture } from './harness/library-queries';
import { expected } from './steps';
import { formatBytes } from '../../src/core/shared/format-bytes';

/**
 * Zip, EPUB and HTML export, the options page's template preview, backup download, wipe, restore,
 * and a refused file. Tests run in order and share one browser.
 */
describe(`${browserLabel()}: zip export, backup and restore`, () => {
  let server: DemoServer;
  let h: Harness;
  let popup: ExtensionPage;
  let options: ExtensionPage;
  let backupPath: string;
  let original: unknown;
  const recordCount = () => h.evaluate(countCaptures);
  /** The restore's status line, once it is in `state` and says `words` (a second restore follows a first). */
  const statusIs = (state: string, words: string) =>
    options.waitUntil(
      ([st, w]) => {
        const status = document.getElementById('backup-status')!;
        return status.dataset['state'] === st && status.textContent!.includes(w);
      },
      [state, words],
    );

  beforeAll(async () => {
    ({ server, h } = await startSpec());
    await h.openWebPage(server.seedUrl);
    popup = await h.openExtensionPage(`popup.html?tab=${await h.tabIdOf(server.seedUrl)}`, '#status[data-kind="ok"]');
    await popup.waitFor('#list .row');
    options = await h.openExtensionPage('options.html', '#backup-download');
  });
  afterAll(() => stopSpec({ server, h }));

  it('exports the library from the popup as a zip, with a summary when done', async () => {
    const zip = await popup.download('#export-zip', /^clean-capture-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(zip.name).toMatch(/^clean-capture-\d{4}-\d{2}-\d{2}\.zip$/);
    await popup.waitFor('#export-progress[data-state="done"]');
    expect(await popup.text('#export-progress')).toMatch(/^Exported 1 article, 1 image, \d+ [kK]B to clean-capture-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync(zip.path)));
    const md = strFromU8(files[`2014-11-08 ${expected.title}.md`]!);
    expect(md).toMatch(/\ncanonical: "http:\/\/127\.0\.0\.1:\d+\/business\/2014\/11-08\/6762151\.shtml"\n/);
    expect(md).toContain(expected.paragraphs[0]);
    expect(strFromU8(files['index.md']!)).toMatch(/^# Clean Capture export\n\n1 article, 1 image/);
  });

  it('exports the same selection as an EPUB book and as one HTML file, each file’s name and size shown before the download', async () => {
    /** Build the file, check the line that names it and its size, then download it from there. */
    const offered = async (format: 'epub' | 'html') => {
      await popup.select('#export-format', format);
      await popup.click('#export-zip');
      await popup.waitFor('#export-progress[data-state="ready"] #export-download');
      const line = await popup.text('#export-file');
      const file = await popup.download('#export-download', new RegExp(`^clean-capture-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
      expect(file.name).toMatch(new RegExp(`^clean-capture-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
      // "clean-capture-2026-12-03.html — 2.4 MB": the name and the size of the very file downloaded,
      // the size written as Intl writes it in the browser's UI language (issue 17).
      const language = await popup.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage());
      expect(line).toBe(`${file.name} — ${formatBytes(statSync(file.path).size, language)}`);
      await popup.waitFor('#export-progress[data-state="done"]');
      expect(await popup.text('#export-progress')).toBe(`Downloaded ${line}`);
      return file;
    };
    const epub = await offered('epub');
    const book = unzipSync(new Uint8Array(readFileSync(epub.path)));
    expect(Object.keys(book)[0]).toBe('mimetype');
    expect(strFromU8(book['mimetype']!)).toBe('application/epub+zip');
    expect(strFromU8(book['OEBPS/a0001.xhtml']!)).toContain(expected.paragraphs[0]);
    const page = readFileSync((await offered('html')).path, 'utf8');
    expect(page).toContain(`<h2>${expected.title.replace(/&/g, '&amp;')}</h2>`);
    expect(page).toContain(expected.paragraphs[0]);
    // The size counts the images, embedded as data: URIs.
    expect(page).toMatch(/src="data:image\/jpeg;base64,/);
    await popup.select('#export-format', 'zip');
  });

  it('the options page previews the templates live and refuses an unknown variable', async () => {
    await options.fill('#file-name-template', '{site} - {title}');
    await options.waitUntil(() => document.getElementById('template-preview')!.textContent!.startsWith('Example News - Canadian PM'));
    expect(await options.text('#template-preview')).toMatch(/^Example News - Canadian PM/);
    await options.fill('#file-name-template', '{titel}');
    await options.waitUntil(() => document.getElementById('template-error')!.textContent!.includes('Unknown variable {titel}'));
    await options.fill('#file-name-template', '{date} {title}');
    await options.waitUntil(() => document.getElementById('template-error')!.textContent === '');
    // A valid template is saved 400 ms after the last keystroke (the earlier one's save still runs
    // first): the backup below must find the last one in the settings.
    await vi.waitFor(
      async () =>
        expect(
          await h.api(async (api) => ((await api.storage.local.get('settings')).settings as { fileNameTemplate?: string } | undefined)?.fileNameTemplate),
        ).toBe('{date} {title}'),
      { timeout: 10_000 },
    );
  });

  it('downloads a backup of the whole library', async () => {
    original = await h.evaluate(readCapture, 1);
    // The stored page's bytes are part of what must come back.
    expect((original as StoredCapture).rawHtmlGzip!.length).toBeGreaterThan(500);
    const download = await options.download('#backup-download', /^clean-capture-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(download.name).toMatch(/^clean-capture-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupPath = download.path;
    await options.waitFor('#backup-status[data-state="done"]');
    const data = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(data.format).toBe('clean-capture-backup');
    expect(data.tables.captures.rows).toHaveLength(1);
    expect(data.tables.captures.rows[0].title).toBe(expected.title);
    // The template set on the options page above went into the settings.
    expect(data.settings.fileNameTemplate).toBe('{date} {title}');
  });

  it('restores it after the library was wiped: the same record comes back', async () => {
    await popup.click('#list .row');
    await popup.click('#delete');
    await popup.waitUntil(() => document.getElementById('status-text')?.textContent?.startsWith('Deleted'));
    expect(await recordCount()).toBe(0);
    await options.upload('#restore-file', backupPath);
    await statusIs('done', '1 article added');
    expect(await recordCount()).toBe(1);
    expect(await h.evaluate(readCapture, 1)).toEqual(original);
    // Restoring again adds nothing.
    await options.upload('#restore-file', backupPath);
    await statusIs('done', '1 already in your library');
    expect(await recordCount()).toBe(1);
  });

  it('refuses a truncated backup with a clear message and changes nothing', async () => {
    const text = readFileSync(backupPath, 'utf8');
    const broken = join(tmpdir(), `cc-truncated-${process.pid}.json`);
    writeFileSync(broken, text.slice(0, Math.floor(text.length / 2)));
    await options.upload('#restore-file', broken);
    await statusIs('failed', 'This backup file is incomplete');
    expect(await options.text('#backup-status')).toMatch(/This backup file is incomplete .*Nothing was changed/);
    expect(await recordCount()).toBe(1);
    expect(await h.evaluate(readCapture, 1)).toEqual(original);
  });

  it('refuses a file from a newer version with a clear message and changes nothing', async () => {
    const data = JSON.parse(readFileSync(backupPath, 'utf8'));
    data.formatVersion = 99;
    const future = join(tmpdir(), `cc-future-${process.pid}.json`);
    writeFileSync(future, JSON.stringify(data));
    await options.upload('#restore-file', future);
    await statusIs('failed', 'made by a newer version');
    expect(await options.text('#backup-status')).toMatch(/made by a newer version of Clean Capture \(format 99.*Nothing was changed/);
    expect(await recordCount()).toBe(1);
    expect(await h.evaluate(readCapture, 1)).toEqual(original);
  });
});
