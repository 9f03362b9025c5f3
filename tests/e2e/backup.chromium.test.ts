import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/demo-server.mjs';
import { launchChromium, type ChromiumHarness } from './chromium-harness';
import { countCaptures, readCapture, type StoredCapture } from './harness/library-queries';

const expected = JSON.parse(readFileSync(new URL('../fixtures/seed/expected.json', import.meta.url), 'utf8'));

/** Zip export with progress, backup download, wipe, restore, and a refused file, in Chromium. */
describe('Chromium: zip export, backup and restore', () => {
  let server: DemoServer;
  let h: ChromiumHarness;
  let popup: Page;
  let options: Page;
  let backupPath: string;
  let original: unknown;
  const recordCount = () => h.control.evaluate(countCaptures);

  beforeAll(async () => {
    server = await startDemoServer();
    h = await launchChromium();
    const article = await h.context.newPage();
    await article.goto(server.seedUrl);
    popup = await h.context.newPage();
    await popup.goto(h.url(`popup.html?tab=${await h.tabIdOf(server.seedUrl)}`));
    await popup.waitForSelector('#status[data-kind="ok"]');
    await popup.waitForSelector('#list .row');
    options = await h.context.newPage();
    await options.goto(h.url('options.html'));
    await options.waitForSelector('#backup-download');
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it('exports the library from the popup as a zip, with a summary when done', async () => {
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('#export-zip')]);
    await popup.waitForSelector('#export-progress[data-state="done"]');
    expect(await popup.textContent('#export-progress')).toMatch(/^Exported 1 article, 1 image, \d+ KB to clean-capture-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const md = strFromU8(files[`2014-11-08 ${expected.title}.md`]!);
    expect(md).toMatch(/\ncanonical: "http:\/\/127\.0\.0\.1:\d+\/business\/2014\/11-08\/6762151\.shtml"\n/);
    expect(md).toContain(expected.paragraphs[0]);
    expect(strFromU8(files['index.md']!)).toMatch(/^# Clean Capture export\n\n1 article, 1 image/);
  });

  it('exports the same selection as an EPUB book and as one HTML file', async () => {
    await popup.selectOption('#export-format', 'epub');
    const [epub] = await Promise.all([popup.waitForEvent('download'), popup.click('#export-zip')]);
    expect(epub.suggestedFilename()).toMatch(/\.epub$/);
    const book = unzipSync(new Uint8Array(readFileSync((await epub.path())!)));
    expect(Object.keys(book)[0]).toBe('mimetype');
    expect(strFromU8(book['OEBPS/a0001.xhtml']!)).toContain(expected.paragraphs[0]);
    await popup.selectOption('#export-format', 'html');
    const [html] = await Promise.all([popup.waitForEvent('download'), popup.click('#export-zip')]);
    expect(html.suggestedFilename()).toMatch(/\.html$/);
    const page = readFileSync((await html.path())!, 'utf8');
    expect(page).toContain(`<h2>${expected.title.replace(/&/g, '&amp;')}</h2>`);
    await popup.selectOption('#export-format', 'zip');
  });

  it('the options page previews the templates live and refuses an unknown variable', async () => {
    await options.fill('#file-name-template', '{site} - {title}');
    await options.waitForFunction(() => document.getElementById('template-preview')!.textContent!.startsWith('Example News - Canadian PM'));
    await options.fill('#file-name-template', '{titel}');
    await options.waitForSelector('#template-error:text("Unknown variable {titel}")');
    await options.fill('#file-name-template', '{date} {title}');
    await options.waitForFunction(() => document.getElementById('template-error')!.textContent === '');
  });

  it('downloads a backup of the whole library', async () => {
    original = await h.control.evaluate(readCapture, 1);
    // The stored page's bytes are part of what must come back.
    expect((original as StoredCapture).rawHtmlGzip!.length).toBeGreaterThan(500);
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('#backup-download')]);
    expect(download.suggestedFilename()).toMatch(/^clean-capture-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupPath = (await download.path())!;
    const data = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(data.format).toBe('clean-capture-backup');
    expect(data.tables.captures.rows).toHaveLength(1);
    expect(data.tables.captures.rows[0].title).toBe(expected.title);
    expect(data.settings.fileNameTemplate).toBe('{date} {title}');
    await options.waitForSelector('#backup-status[data-state="done"]');
  });

  it('restores it after the library was wiped: the same record comes back', async () => {
    await popup.click('#list .row');
    await popup.click('#delete');
    await popup.waitForSelector('#status-text:text("Deleted")');
    expect(await recordCount()).toBe(0);
    await options.setInputFiles('#restore-file', backupPath);
    await options.waitForSelector('#backup-status[data-state="done"]:text("1 article added")');
    expect(await recordCount()).toBe(1);
    expect(await h.control.evaluate(readCapture, 1)).toEqual(original);
    // Restoring again adds nothing.
    await options.setInputFiles('#restore-file', backupPath);
    await options.waitForSelector('#backup-status[data-state="done"]:text("1 already in your library")');
    expect(await recordCount()).toBe(1);
  });

  it('refuses a truncated backup with a clear message and changes nothing', async () => {
    const text = readFileSync(backupPath, 'utf8');
    const broken = join(tmpdir(), `cc-truncated-${process.pid}.json`);
    writeFileSync(broken, text.slice(0, Math.floor(text.length / 2)));
    await options.setInputFiles('#restore-file', broken);
    await options.waitForSelector('#backup-status[data-state="failed"]');
    expect(await options.textContent('#backup-status')).toMatch(/This backup file is incomplete .*Nothing was changed/);
    expect(await recordCount()).toBe(1);
    expect(await h.control.evaluate(readCapture, 1)).toEqual(original);
  });

  it('refuses a file from a newer version with a clear message and changes nothing', async () => {
    const data = JSON.parse(readFileSync(backupPath, 'utf8'));
    data.formatVersion = 99;
    const future = join(tmpdir(), `cc-future-${process.pid}.json`);
    writeFileSync(future, JSON.stringify(data));
    await options.setInputFiles('#restore-file', future);
    await options.waitForSelector('#backup-status[data-state="failed"]:text("made by a newer version")');
    expect(await options.textContent('#backup-status')).toMatch(/made by a newer version of Clean Capture \(format 99.*Nothing was changed/);
    expect(await recordCount()).toBe(1);
    expect(await h.control.evaluate(readCapture, 1)).toEqual(original);
  });
});
