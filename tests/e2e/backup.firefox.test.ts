import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/demo-server.mjs';
import { fill, launchFirefox, type FirefoxHarness } from './firefox-harness';
import { countCaptures, readCapture, type StoredCapture } from './harness/library-queries';

const expected = JSON.parse(readFileSync(new URL('../fixtures/seed/expected.json', import.meta.url), 'utf8'));

/**
 * Zip, EPUB and HTML export, the options page's template preview, backup download, wipe, restore,
 * and a refused file, in Firefox ESR.
 */
describe('Firefox: zip export, backup and restore', () => {
  let server: DemoServer;
  let h: FirefoxHarness;
  let popup: Page;
  let options: Page;
  let backupPath: string;
  let original: unknown;
  const recordCount = () => h.control.evaluate(countCaptures);
  const textOf = (page: Page, selector: string) => page.$eval(selector, (e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  /** The restore's status line, once it is in `state` and says `words` (a second restore follows a first). */
  const statusIs = (state: string, words: string) => options.waitForFunction((st, w) => {
    const status = document.getElementById('backup-status')!;
    return status.dataset['state'] === st && status.textContent!.includes(w);
  }, {}, state, words);
  const restoreFrom = async (path: string) => {
    const input = (await options.$('#restore-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
  };

  beforeAll(async () => {
    server = await startDemoServer();
    h = await launchFirefox();
    const article = await h.browser.newPage();
    await article.goto(server.seedUrl);
    popup = await h.open(`popup.html?tab=${await h.tabIdOf(server.seedUrl)}`, '#status[data-kind="ok"]');
    await popup.waitForSelector('#list .row');
    options = await h.open('options.html', '#backup-download');
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it('exports the library from the popup as a zip, with a summary when done', async () => {
    await popup.bringToFront();
    await popup.click('#export-zip');
    await popup.waitForSelector('#export-progress[data-state="done"]');
    expect(await textOf(popup, '#export-progress')).toMatch(/^Exported 1 article, 1 image, \d+ KB to clean-capture-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync(await h.download(/^clean-capture-\d{4}-\d{2}-\d{2}\.zip$/))));
    const md = strFromU8(files[`2014-11-08 ${expected.title}.md`]!);
    expect(md).toMatch(/\ncanonical: "http:\/\/127\.0\.0\.1:\d+\/business\/2014\/11-08\/6762151\.shtml"\n/);
    expect(md).toContain(expected.paragraphs[0]);
    expect(strFromU8(files['index.md']!)).toMatch(/^# Clean Capture export\n\n1 article, 1 image/);
  });

  it('exports the same selection as an EPUB book and as one HTML file', async () => {
    await popup.bringToFront();
    await popup.select('#export-format', 'epub');
    await popup.click('#export-zip');
    const book = unzipSync(new Uint8Array(readFileSync(await h.download(/^clean-capture-\d{4}-\d{2}-\d{2}\.epub$/))));
    expect(Object.keys(book)[0]).toBe('mimetype');
    expect(strFromU8(book['mimetype']!)).toBe('application/epub+zip');
    expect(strFromU8(book['OEBPS/a0001.xhtml']!)).toContain(expected.paragraphs[0]);
    await popup.select('#export-format', 'html');
    await popup.click('#export-zip');
    const page = readFileSync(await h.download(/^clean-capture-\d{4}-\d{2}-\d{2}\.html$/), 'utf8');
    expect(page).toContain(`<h2>${expected.title.replace(/&/g, '&amp;')}</h2>`);
    expect(page).toContain(expected.paragraphs[0]);
    await popup.select('#export-format', 'zip');
  });

  it('the options page previews the templates live and refuses an unknown variable', async () => {
    await options.bringToFront();
    const preview = () => options.$eval('#template-preview', (e) => e.textContent ?? '');
    await fill(options, '#file-name-template', '{site} - {title}');
    await options.waitForFunction(() => document.getElementById('template-preview')!.textContent!.startsWith('Example News - Canadian PM'));
    expect(await preview()).toMatch(/^Example News - Canadian PM/);
    await fill(options, '#file-name-template', '{titel}');
    await options.waitForFunction(() => document.getElementById('template-error')!.textContent!.includes('Unknown variable {titel}'));
    await fill(options, '#file-name-template', '{date} {title}');
    await options.waitForFunction(() => document.getElementById('template-error')!.textContent === '');
  });

  it('downloads a backup of the whole library', async () => {
    original = await h.control.evaluate(readCapture, 1);
    // The stored page's bytes are part of what must come back.
    expect((original as StoredCapture).rawHtmlGzip!.length).toBeGreaterThan(500);
    await options.bringToFront();
    await options.click('#backup-download');
    await options.waitForSelector('#backup-status[data-state="done"]');
    backupPath = await h.download(/^clean-capture-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(data.format).toBe('clean-capture-backup');
    expect(data.tables.captures.rows).toHaveLength(1);
    expect(data.tables.captures.rows[0].title).toBe(expected.title);
    // The template set on the options page above went into the settings.
    expect(data.settings.fileNameTemplate).toBe('{date} {title}');
  });

  it('restores it after the library was wiped: the same record comes back', async () => {
    await popup.bringToFront();
    await popup.click('#list .row');
    await popup.waitForSelector('#delete', { visible: true });
    await popup.click('#delete');
    await popup.waitForFunction(() => document.getElementById('status-text')?.textContent?.startsWith('Deleted'));
    expect(await recordCount()).toBe(0);
    await options.bringToFront();
    await restoreFrom(backupPath);
    await statusIs('done', '1 article added');
    expect(await recordCount()).toBe(1);
    expect(await h.control.evaluate(readCapture, 1)).toEqual(original);
    // Restoring again adds nothing.
    await restoreFrom(backupPath);
    await statusIs('done', '1 already in your library');
    expect(await recordCount()).toBe(1);
  });

  it('refuses a truncated backup with a clear message and changes nothing', async () => {
    const text = readFileSync(backupPath, 'utf8');
    const broken = join(tmpdir(), `cc-truncated-${process.pid}.json`);
    writeFileSync(broken, text.slice(0, Math.floor(text.length / 2)));
    await restoreFrom(broken);
    await statusIs('failed', 'This backup file is incomplete');
    expect(await textOf(options, '#backup-status')).toMatch(/This backup file is incomplete .*Nothing was changed/);
    expect(await recordCount()).toBe(1);
    expect(await h.control.evaluate(readCapture, 1)).toEqual(original);
  });

  it('refuses a file from a newer version with a clear message and changes nothing', async () => {
    const data = JSON.parse(readFileSync(backupPath, 'utf8'));
    data.formatVersion = 99;
    const future = join(tmpdir(), `cc-future-${process.pid}.json`);
    writeFileSync(future, JSON.stringify(data));
    await restoreFrom(future);
    await statusIs('failed', 'made by a newer version');
    expect(await textOf(options, '#backup-status')).toMatch(/made by a newer version of Clean Capture \(format 99.*Nothing was changed/);
    expect(await recordCount()).toBe(1);
    expect(await h.control.evaluate(readCapture, 1)).toEqual(original);
  });
});
