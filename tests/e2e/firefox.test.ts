import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/demo-server.mjs';
import { launchFirefox, waitForExtensionPage, type FirefoxHarness } from './firefox-harness';
import { countCaptures, readCapture } from './library-queries';

const expected = JSON.parse(readFileSync(new URL('../fixtures/seed/expected.json', import.meta.url), 'utf8'));

// The WebExtension API of Firefox extension pages, inside page.evaluate.
declare const browser: any;

/**
 * The Chromium end-to-end path in Firefox ESR (puppeteer-core over WebDriver BiDi) with the built
 * extension: save from the popup, dedupe, refuse what cannot be saved, read offline, export.
 * Tests run in order and share one browser.
 */
describe('Firefox: the first slice end to end', () => {
  let server: DemoServer;
  let h: FirefoxHarness;
  let article: Page;
  let popup: Page | undefined;

  const text = async (page: Page, selector: string) =>
    (await page.$eval(selector, (e) => e.textContent ?? '')).replace(/\s+/g, ' ').trim();
  /** The popup as a page: a fresh tab each time, since an extension page's goto never resolves. */
  async function openPopup(path: string, readySelector: string): Promise<Page> {
    await popup?.close();
    popup = await h.open(path, readySelector);
    return popup;
  }
  async function openPopupFor(tabId: number): Promise<string> {
    const page = await openPopup(`popup.html?tab=${tabId}`, '#status[data-kind="ok"], #status[data-kind="error"]');
    return text(page, '#status');
  }
  const rowTitles = () => popup!.$$eval('#list .row .row-title', (rows) => rows.map((r) => r.textContent));
  const recordCount = () => h.control.evaluate(countCaptures);
  const badgeTitle = (tabId: number) => h.control.evaluate((id) => browser.action.getTitle({ tabId: id }), tabId);

  beforeAll(async () => {
    server = await startDemoServer();
    h = await launchFirefox();
    article = await h.browser.newPage();
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it('refuses pages it cannot capture (no article, image, PDF, about:blank) with a clear message, storing nothing', async () => {
    await article.goto(`${server.origin}/no-article.html`);
    expect(await openPopupFor(await h.tabIdOf(`${server.origin}/no-article.html`))).toMatch(/Can't save this page\. No article was found/);

    await article.goto(`${server.origin}/image.png`);
    expect(await openPopupFor(await h.tabIdOf(`${server.origin}/image.png`))).toMatch(/This page is an image/);

    await article.goto(`${server.origin}/document.pdf`);
    expect(await openPopupFor(await h.tabIdOf(`${server.origin}/document.pdf`))).toMatch(/This page is a PDF/);

    await article.goto('about:blank');
    // Without the tabs permission Firefox hides the URL of tabs outside the granted hosts.
    const blank = await h.control.evaluate(async () =>
      ((await browser.tabs.query({})) as { id: number; url?: string }[]).find((t) => !t.url || t.url === 'about:blank')?.id);
    expect(await openPopupFor(blank!)).toMatch(/Can't save this page/);

    expect(await recordCount()).toBe(0);
    expect(await (await popup!.$('#empty'))!.isVisible()).toBe(true);
  });

  it('saves the article when the popup opens, lists it on top, and shows the badge result', async () => {
    await article.goto(server.seedUrl);
    const tabId = await h.tabIdOf(server.seedUrl);
    const status = await openPopupFor(tabId);
    expect(status).toContain(`✓ Saved · ${expected.title}`);
    expect(status).toContain('Undo');
    expect(await rowTitles()).toEqual([expected.title]);
    expect(await text(popup!, '#list .row .row-meta')).toMatch(/127\.0\.0\.1 · 8 Nov 2014 · \d+ min/);
    expect(await badgeTitle(tabId)).toBe('Clean Capture: saved');
  });

  it('keeps one record when the same page is saved again, also under tracking/fragment URL variants', async () => {
    const tabId = await h.tabIdOf(server.seedUrl);
    expect(await openPopupFor(tabId)).toContain('Already saved');
    for (const variant of ['?utm_source=x&utm_medium=y#comments', '?from=timeline&isappinstalled=0', '?fbclid=abc&gclid=def']) {
      const url = `${server.seedUrl}${variant}`;
      await article.goto(url);
      expect(await openPopupFor(await h.tabIdOf(url))).toContain('Already saved');
    }
    expect(await recordCount()).toBe(1);
    expect(await rowTitles()).toHaveLength(1);
    expect(await badgeTitle(tabId)).toBe('Clean Capture: already saved');
  });

  it('updates the one record when the article changed at the same URL', async () => {
    const original = server.pages.seed;
    server.pages.seed = () => readFileSync(new URL('../fixtures/dedupe/chinanews-harper-jack-ma-updated.html', import.meta.url));
    try {
      await article.goto(server.seedUrl);
      expect(await openPopupFor(await h.tabIdOf(server.seedUrl))).toContain('Updated (the article changed)');
      expect(await recordCount()).toBe(1);
      await popup!.click('#list .row');
      await popup!.waitForSelector('#reader .article-body p');
      expect(await text(popup!, '#reader')).toContain('Harper is expected to meet Chinese President Xi Jinping on Saturday.');
    } finally {
      server.pages.seed = original;
    }
    await article.goto(server.seedUrl);
    expect(await openPopupFor(await h.tabIdOf(server.seedUrl))).toContain('Updated');
    expect(await recordCount()).toBe(1);
  });

  it('saves just the selection as its own record when asked to', async () => {
    await article.goto(server.seedUrl);
    await article.evaluate(() => {
      const paragraph = [...document.querySelectorAll('#zoom p')][2]!;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const reply = await h.send<{ ok: boolean; value: { status: string; id: number } }>({ type: 'capture', tabId: await h.tabIdOf(server.seedUrl), selection: true });
    expect(reply).toMatchObject({ ok: true, value: { status: 'saved' } });
    const stored = await h.control.evaluate(readCapture, reply.value.id);
    expect(stored?.selectionOnly).toBe(true);
    expect(stored?.textContent).toBe(expected.paragraphs[2]);
    expect(await recordCount()).toBe(2);
    // Undo of the selection through the same message the popup's Undo sends.
    await h.send({ type: 'delete-capture', id: reply.value.id });
    expect(await recordCount()).toBe(1);
  });

  it('reads the article with the server gone, in the popup and in a tab', async () => {
    await server.close();
    const page = await openPopup('popup.html', '#list .row');
    await page.click('#list .row');
    await page.waitForSelector('#reader .article-body p');
    expect(await text(page, '#reader .article-title')).toBe(expected.title);
    const paragraphs = await page.$$eval('#reader .article-body p', (ps) => ps.map((p) => p.textContent));
    expect(paragraphs).toEqual(expected.paragraphs);
    expect(await text(page, '#reader .article-meta')).toContain('Xinhua');
    expect(await text(page, '#reader .article-meta')).toContain('8 Nov 2014, 09:04');

    // Puppeteer never sees a tab's URL change to moz-extension://, so take the next new tab.
    const opened = new Promise<Target>((resolve) => h.browser.once('targetcreated', resolve));
    await page.click('#open-tab');
    const tab = (await (await opened).page())!;
    await waitForExtensionPage(tab, '#reader .article-body p');
    const id = await page.evaluate(() => document.querySelector('#list .row')?.getAttribute('data-id'));
    expect(await tab.evaluate(() => location.href)).toBe(h.url(`reader.html?id=${id}`));
    expect(await tab.title()).toBe(expected.title);
    const tabText = await tab.$eval('#reader', (e) => e.textContent ?? '');
    for (const paragraph of expected.paragraphs) expect(tabText).toContain(paragraph);
    for (const bad of expected.mustNotContain) expect(tabText).not.toContain(bad);
    await tab.close();
    await page.bringToFront();
  });

  it('keeps the page with the capture and re-extracts it offline', async () => {
    const raw = await h.control.evaluate(() => new Promise<{ bytes: boolean; size: number }>((resolve) => {
      const open = indexedDB.open('clean-capture');
      open.onsuccess = () => {
        const req = open.result.transaction('captures').objectStore('captures').getAll();
        req.onsuccess = () => {
          const record = req.result.find((r: { selectionOnly: boolean }) => !r.selectionOnly);
          resolve({ bytes: record.rawHtmlGzip instanceof Uint8Array, size: record.rawHtmlGzip?.byteLength ?? 0 });
          open.result.close();
        };
      };
    }));
    expect(raw.bytes).toBe(true);
    expect(raw.size).toBeGreaterThan(500); // gzip of the whole page, smaller than the page itself
    // The server is stopped: only the stored page can be read again.
    await popup!.click('#reextract');
    await popup!.waitForFunction(() => document.querySelector('#status')?.getAttribute('data-kind') === 'ok' && document.querySelector('#status-text')?.textContent?.includes('Re-extracted'));
    await popup!.waitForSelector('#reader .article-body p');
    const paragraphs = await popup!.$$eval('#reader .article-body p', (ps) => ps.map((p) => p.textContent));
    expect(paragraphs).toEqual(expected.paragraphs);
  });

  it('exports the article as a Markdown file with front matter', async () => {
    await popup!.click('#export-md');
    const file = await h.download(`2014-11-08 ${expected.title}.md`);
    const markdown = readFileSync(file, 'utf8');
    expect(markdown).toMatch(/^---\ntitle: "Canadian PM meets Alibaba's Jack Ma for SME growth"\nauthors:\n  - "Xinhua"\npublished: "2014-11-08T09:04"\n/);
    const body = markdown.split('\n---\n')[1]!;
    expect(body).toContain(`# ${expected.title}`);
    for (const paragraph of expected.paragraphs) expect(body.split(paragraph)).toHaveLength(2);
    for (const bad of expected.mustNotContain) expect(body).not.toContain(bad);
  });

  it('exports the library as a zip of Markdown files', async () => {
    await popup!.click('#back');
    await popup!.click('#export-zip');
    const file = await h.download(/^clean-capture-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    // The seed's photo was stored at capture, so the zip carries it in assets/.
    expect(Object.keys(files).sort()).toEqual([`2014-11-08 ${expected.title}.md`, 'assets/00001.jpg', 'index.md']);
    expect(strFromU8(files[`2014-11-08 ${expected.title}.md`]!)).toContain('](assets/00001.jpg)');
    expect(strFromU8(files['index.md']!)).toContain(`- [${expected.title}](<2014-11-08 ${expected.title}.md>)`);
    expect(strFromU8(files[`2014-11-08 ${expected.title}.md`]!)).toContain(expected.paragraphs[7]);
  });

  it('deletes from the reader with an Undo that brings the article back', async () => {
    await popup!.click('#list .row');
    await popup!.waitForSelector('#delete', { visible: true });
    await popup!.click('#delete');
    await popup!.waitForFunction(() => document.getElementById('status-text')?.textContent?.startsWith('Deleted'));
    expect(await recordCount()).toBe(0);
    await popup!.click('#status-action');
    await popup!.waitForSelector('#status', { hidden: true });
    await popup!.waitForSelector('#list .row');
    expect(await rowTitles()).toEqual([expected.title]);
    expect(await recordCount()).toBe(1);
  });
});
