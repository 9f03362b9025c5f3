import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEED_IMAGE, startDemoServer, type DemoServer } from '../../scripts/demo-server.mjs';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from '../../src/core/backup/backup-format';
import { launchChromium, type ChromiumHarness } from './chromium-harness';
import { readCapture, readImageLinks, readImages } from './library-queries';

const seedImageBytes = readFileSync(new URL('../fixtures/seed/lead-image.jpg', import.meta.url)).length;
/** What hostile HTML must never leave in a stored article. */
const ACTIVE = /<script|<style|<svg|<math|<iframe|<form|<input|<object|<embed|<meta|<base|<video|<noscript|\son\w+=|style=|javascript:|data:|srcset=|expression\(|url\(/i;
const hostileHtml = readFileSync(new URL('../fixtures/hostile/hostile.html', import.meta.url), 'utf8');

/**
 * Issue #6 in real Chromium: images kept offline (dedupe, caps, downscaling, failures), shown
 * from the library with the server gone, hostile HTML made inert at capture and in the reader,
 * the reader's look and reading position remembered, storage use shown, deletes that keep
 * shared images. Tests run in order and share one browser.
 */
describe('Chromium: offline images, a safe reader, reading comfort', () => {
  let server: DemoServer;
  let h: ChromiumHarness;
  let article: Page;
  let popup: Page;
  const ids: Record<string, number> = {};

  async function capture(url: string): Promise<number> {
    await article.goto(url);
    const tabId = await h.tabIdOf(url);
    await popup.goto(h.url(`popup.html?tab=${tabId}`));
    await popup.waitForSelector('#status[data-kind="ok"], #status[data-kind="error"]');
    expect(await popup.getAttribute('#status', 'data-kind'), await popup.textContent('#status') ?? '').toBe('ok');
    return Number(await popup.getAttribute('#list .row', 'data-id'));
  }
  const links = (id: number) => h.control.evaluate(readImageLinks, id);
  const images = () => h.control.evaluate(readImages);

  beforeAll(async () => {
    server = await startDemoServer();
    h = await launchChromium();
    article = await h.context.newPage();
    popup = await h.context.newPage();
    await popup.setViewportSize({ width: 420, height: 560 });
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it("keeps the seed article's photo in the library, fetched from the page", async () => {
    ids.seed = await capture(server.seedUrl);
    const stored = await links(ids.seed);
    expect(stored).toEqual([{ captureId: ids.seed, url: `${server.origin}${SEED_IMAGE}`, hash: expect.stringMatching(/^[0-9a-f]{64}$/), bytes: seedImageBytes }]);
    expect(await images()).toEqual([{ hash: stored[0]!.hash, type: 'image/jpeg', size: seedImageBytes, width: expect.any(Number), height: expect.any(Number), orphaned: false }]);
  });

  it('downscales an image over the per-image cap, records a missing one, resolves a lazy one and stores a shared one once', async () => {
    await h.control.evaluate(() => chrome.storage.local.set({ settings: { imageMaxBytes: 64 * 1024 } }));
    ids.gallery = await capture(`${server.origin}/gallery.html`);
    const stored = await links(ids.gallery);
    const by = (name: string) => stored.find((l) => l.url.endsWith(name))!;
    expect(stored).toHaveLength(3);
    expect(by('large.png')).toMatchObject({ downscaled: true, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(by('large.png').bytes).toBeLessThanOrEqual(64 * 1024);
    expect(by('large.png').originalBytes).toBeGreaterThan(2_000_000);
    expect(by('missing.jpg')).toMatchObject({ hash: null, error: expect.stringContaining('404') });
    // data-src resolved; the same bytes as the seed's photo: one stored copy for both articles.
    expect(by(SEED_IMAGE).hash).toBe((await links(ids.seed))[0]!.hash);
    const all = await images();
    expect(all).toHaveLength(2);
    const large = all.find((i) => i.hash === by('large.png').hash)!;
    expect(large.size).toBeLessThanOrEqual(64 * 1024);
    expect(large.width).toBeLessThan(900);
    await h.control.evaluate(() => chrome.storage.local.remove('settings'));
  });

  it('keeps a lead image given only in the metadata and shows it once above the text', async () => {
    ids.lead = await capture(`${server.origin}/lead-only.html`);
    expect((await links(ids.lead)).map((l) => l.url)).toEqual([`${server.origin}${SEED_IMAGE}`]);
    await popup.click(`#list .row[data-id="${ids.lead}"]`);
    await popup.waitForSelector(`#reader-view[data-ready="${ids.lead}"]`);
    const lead = await popup.$$eval('#reader .article-body img', (imgs) => imgs.map((i) => ({ src: (i as HTMLImageElement).src, alt: i.getAttribute('alt'), width: (i as HTMLImageElement).naturalWidth, lead: !!i.closest('.lead-image') })));
    expect(lead).toEqual([{ src: expect.stringMatching(/^blob:/), alt: expect.any(String), width: expect.any(Number), lead: true }]);
    expect(lead[0]!.width).toBeGreaterThan(0);
    await h.send({ type: 'delete-capture', id: ids.lead });
  });

  it('stores hostile HTML inert and shows it in the reader without running or loading anything', async () => {
    ids.hostile = await capture(`${server.origin}/hostile.html`);
    const record = (await h.control.evaluate(readCapture, ids.hostile))!;
    expect(record.contentHtml).not.toMatch(ACTIVE);
    expect(record.textContent).toContain('The harbour council voted on Tuesday evening');
    expect(record.textContent).toContain('The new timetable starts on the first Monday');
    // The reader must hold even when stored HTML is hostile (a library from an older version, a
    // restored backup): put the raw page in as an article's HTML, through a restored backup (its
    // row keeps a free id).
    const RAW_ID = 9001;
    const raw = { ...record, id: RAW_ID, rawHtmlGzip: undefined, url: `${server.origin}/raw-hostile`, canonicalUrl: `${server.origin}/raw-hostile`, urlKeys: ['raw-hostile'], title: 'Raw hostile', contentHtml: hostileHtml.replaceAll('="/trap/', `="${server.origin}/trap/`) };
    const backup = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, settings: null, tables: { captures: { schema: '++id', outbound: false, rows: [raw] } } };
    expect(await h.send({ type: 'restore-backup', text: JSON.stringify(backup) })).toMatchObject({ ok: true });
    ids.raw = RAW_ID;

    // The hostile page itself may keep calling its traps (onfocus, timers): leave it first.
    await article.goto('about:blank');
    server.trapHits.length = 0;
    const logs: string[] = [];
    const listen = (page: Page) => {
      page.on('console', (m) => logs.push(m.text()));
      page.on('pageerror', (e) => logs.push(e.message));
    };
    listen(popup);
    const tab = await h.context.newPage();
    listen(tab);
    const cspOf: Record<number, string[]> = {};
    for (const id of [ids.hostile, ids.raw]) {
      logs.length = 0;
      await popup.goto(h.url('popup.html'));
      await popup.click(`#list .row[data-id="${id}"]`);
      await popup.waitForSelector(`#reader-view[data-ready="${id}"]`);
      await tab.goto(h.url(`reader.html?id=${id}`));
      await tab.waitForSelector('body[data-ready]');
      for (const page of [popup, tab]) {
        expect(await page.textContent('#reader .article-body')).toContain('Councillors said the extra crossings would be paid for');
        expect(await page.$$('#reader script, #reader style, #reader iframe, #reader form, #reader input, #reader svg, #reader math, #reader object, #reader embed, #reader video, #reader meta, #reader base, #reader [style], #reader [onerror], #reader [onclick], #reader [ontoggle]')).toHaveLength(0);
        const urls = await page.$$eval('#reader [href], #reader [src]', (els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src')!));
        for (const url of urls) expect(url).toMatch(/^(https?:|mailto:|#|blob:chrome-extension:)/);
        expect(await page.evaluate(() => (window as { __hostile?: number }).__hostile)).toBeUndefined();
      }
      expect(logs.filter((l) => /HOSTILE/.test(l))).toEqual([]);
      cspOf[id] = logs.filter((l) => /Content Security Policy|Refused/i.test(l));
    }
    // What capture stored is clean: the reader has nothing for the CSP to stop.
    expect(cspOf[ids.hostile]).toEqual([]);
    // Raw hostile HTML: DOMPurify's parse happens in an inert document that inherits our CSP,
    // which refuses its inline styles, handlers and <base> there; nothing is ever loaded.
    expect(cspOf[ids.raw]!.filter((l) => !/inline style|inline event handler|base URI/.test(l))).toEqual([]);
    // The de-fanged link is text now; pressing it does nothing.
    const link = await tab.$('#reader a:has-text("Read the full timetable")');
    expect(link && (await link.getAttribute('href'))).toBeNull();
    await link?.click();
    await tab.close();
    expect(logs.filter((l) => /HOSTILE/.test(l))).toEqual([]);
    expect(server.trapHits).toEqual([]);
    await h.send({ type: 'delete-capture', id: ids.raw });
  });

  it('shows the stored photos with the server stopped, in the popup and in a tab', async () => {
    await server.close();
    await popup.goto(h.url('popup.html'));
    await popup.click(`#list .row[data-id="${ids.seed}"]`);
    await popup.waitForSelector(`#reader-view[data-ready="${ids.seed}"]`);
    const shown = (page: Page) => page.$$eval('#reader .article-body img', (imgs) => imgs.map((i) => ({ src: (i as HTMLImageElement).src, width: (i as HTMLImageElement).naturalWidth })));
    const inPopup = await shown(popup);
    expect(inPopup).toHaveLength(1);
    expect(inPopup[0]!.src).toMatch(/^blob:chrome-extension:/);
    expect(inPopup[0]!.width).toBeGreaterThan(0);
    expect(await popup.textContent('#reader .article-storage summary')).toMatch(/^Stored: .* images 9 KB \(1, 1 shared with other articles\)/);

    const tab = await h.context.newPage();
    await tab.goto(h.url(`reader.html?id=${ids.gallery}`));
    await tab.waitForSelector('body[data-ready]');
    const inTab = await shown(tab);
    expect(inTab).toHaveLength(2);
    for (const img of inTab) expect(img.width).toBeGreaterThan(0);
    // The image that could not be kept shows its description, not a broken icon.
    expect(await tab.textContent('#reader .missing-image')).toBe('[Image: The old terminal]');
    expect(await tab.textContent('#reader .article-storage summary')).toContain('1 image not kept');
    await tab.close();
  });

  it('remembers the look (theme, size, font, width) and the reading position; the end marks the article read', async () => {
    const tab = await h.context.newPage();
    await tab.setViewportSize({ width: 1000, height: 600 });
    await tab.goto(h.url(`reader.html?id=${ids.seed}`));
    await tab.waitForSelector('body[data-ready]');
    expect(await tab.getAttribute('html', 'data-theme')).toBe('system');
    expect(await tab.getAttribute('#reader .article-source', 'target')).toBe('_blank');
    expect(await tab.textContent('#reader .article-meta')).toMatch(/Xinhua · .* · 8 Nov 2014, 09:04 · \d+ min read/);
    const fontSize = () => tab.$eval('#reader', (r) => parseFloat(getComputedStyle(r).fontSize));
    const before = await fontSize();
    await tab.click('#look-toggle');
    await tab.click('.look-option[data-value="sepia"]');
    await tab.click('.look-option[data-value="sans"]');
    await tab.click('.look-option[data-value="narrow"]');
    await tab.keyboard.press('+');
    expect(await tab.getAttribute('html', 'data-size')).toBe('L');
    expect(await fontSize()).toBeGreaterThan(before);
    expect(await tab.$eval('body', (b) => getComputedStyle(b).backgroundColor)).toBe('rgb(244, 236, 216)');
    await vi.waitFor(async () => expect(await h.control.evaluate(async () => (await chrome.storage.local.get('settings')).settings)).toMatchObject({ readerTheme: 'sepia', readerFont: 'sans', readerSize: 'L', readerWidth: 'narrow' }));

    // Scroll half way with the keyboard's j, then to the middle; the position is saved.
    await tab.keyboard.press('j');
    await vi.waitFor(async () => expect(await tab.evaluate(() => scrollY)).toBeGreaterThan(0));
    await tab.evaluate(() => scrollTo(0, (document.scrollingElement!.scrollHeight - innerHeight) / 2));
    const reading = () => h.control.evaluate((id) => new Promise<{ progress: number; readAt?: string } | undefined>((resolve) => {
      const open = indexedDB.open('clean-capture');
      open.onsuccess = () => {
        const req = open.result.transaction('reading').objectStore('reading').get(id);
        req.onsuccess = () => { resolve(req.result); open.result.close(); };
      };
    }), ids.seed);
    await vi.waitFor(async () => expect((await reading())?.progress).toBeCloseTo(0.5, 1));
    expect((await reading())?.readAt).toBeUndefined();

    await tab.reload();
    await tab.waitForSelector('body[data-ready]');
    expect(await tab.getAttribute('html', 'data-theme')).toBe('sepia');
    expect(await tab.getAttribute('html', 'data-size')).toBe('L');
    const max = await tab.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight);
    expect(Math.abs((await tab.evaluate(() => scrollY)) - max / 2)).toBeLessThan(max * 0.1);

    await tab.keyboard.press('End');
    await tab.waitForSelector('body[data-read="true"]');
    expect((await reading())?.readAt).toMatch(/^\d{4}-/);
    await tab.close();
    await popup.goto(h.url('popup.html'));
    // Read to the end in the reader → read in the library too (issue #5's read/unread state).
    await popup.waitForSelector(`#list .row[data-state="read"][data-id="${ids.seed}"]`);
    expect(await popup.getAttribute(`#list .row[data-id="${ids.gallery}"]`, 'data-state')).toBe('unread');
  });

  it("deleting an article keeps a photo another article still shows, and Undo brings the images back", async () => {
    const seedHash = (await links(ids.seed))[0]!.hash;
    await popup.click(`#list .row[data-id="${ids.seed}"]`);
    await popup.waitForSelector(`#reader-view[data-ready="${ids.seed}"]`);
    await popup.click('#delete');
    await popup.waitForSelector('#status[data-kind="ok"]');
    expect(await links(ids.seed)).toEqual([]);
    expect((await images()).find((i) => i.hash === seedHash)).toMatchObject({ orphaned: false });

    await popup.click('#status-action');
    await popup.waitForSelector(`#list .row[data-id="${ids.seed}"]`);
    expect((await links(ids.seed)).map((l) => l.hash)).toEqual([seedHash]);

    // The gallery is the only user of its downscaled image: deleting it orphans that image
    // (freed after the Undo grace period; unit tests cover the freeing).
    const largeHash = (await links(ids.gallery)).find((l) => l.url.endsWith('large.png'))!.hash;
    await h.send({ type: 'delete-capture', id: ids.gallery });
    const after = await images();
    expect(after.find((i) => i.hash === largeHash)).toMatchObject({ orphaned: true });
    expect(after.find((i) => i.hash === seedHash)).toMatchObject({ orphaned: false });
  });
});
