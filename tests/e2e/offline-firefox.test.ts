import { readFileSync } from 'node:fs';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEED_IMAGE, startDemoServer, type DemoServer } from '../../scripts/demo-server.mjs';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from '../../src/core/backup/backup-format';
import { launchFirefox, type FirefoxHarness } from './firefox-harness';
import { readCapture, readImageLinks, readImages } from './library-queries';

const seedImageBytes = readFileSync(new URL('../fixtures/seed/lead-image.jpg', import.meta.url)).length;
const ACTIVE = /<script|<style|<svg|<math|<iframe|<form|<input|<object|<embed|<meta|<base|<video|<noscript|\son\w+=|style=|javascript:|data:|srcset=|expression\(|url\(/i;
// The WebExtension API of Firefox extension pages, inside page.evaluate.
declare const browser: any;
const hostileHtml = readFileSync(new URL('../fixtures/hostile/hostile.html', import.meta.url), 'utf8');

/**
 * Issue #6 in Firefox ESR (puppeteer-core, WebDriver BiDi), the same steps as
 * `offline-chromium.test.ts`: images kept offline (dedupe, caps, downscaling, failures, a lead
 * image from og:image), shown from the library with the server gone, hostile HTML made inert at
 * capture and in the reader (even raw hostile HTML stored as an article), the reader's look and
 * reading position remembered, storage use shown, deletes that keep shared images, with Undo.
 * Tests run in order and share one browser.
 */
describe('Firefox: offline images and a safe reader', () => {
  let server: DemoServer;
  let h: FirefoxHarness;
  let article: Page;
  let popup: Page | undefined;
  const ids: Record<string, number> = {};

  async function capture(url: string): Promise<number> {
    await article.goto(url);
    const tabId = await h.tabIdOf(url);
    await popup?.close();
    popup = await h.open(`popup.html?tab=${tabId}`, '#status[data-kind="ok"], #status[data-kind="error"]');
    expect(await popup.$eval('#status', (s) => `${s.getAttribute('data-kind')} ${s.textContent}`)).toMatch(/^ok /);
    return Number(await popup.$eval('#list .row', (r) => r.getAttribute('data-id')));
  }
  async function openInPopup(id: number): Promise<Page> {
    await popup?.close();
    popup = await h.open('popup.html', '#list .row');
    await popup.click(`#list .row[data-id="${id}"]`);
    await popup.waitForSelector(`#reader-view[data-ready="${id}"]`);
    return popup;
  }
  const textOf = (page: Page, selector: string) => page.$eval(selector, (e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  const links = (id: number) => h.control.evaluate(readImageLinks, id);
  const images = () => h.control.evaluate(readImages);
  const shown = (page: Page) => page.$$eval('#reader .article-body img', (imgs) => imgs.map((i) => ({ src: (i as HTMLImageElement).src, width: (i as HTMLImageElement).naturalWidth })));

  beforeAll(async () => {
    server = await startDemoServer();
    h = await launchFirefox();
    article = await h.browser.newPage();
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
    await h.control.evaluate(() => browser.storage.local.set({ settings: { imageMaxBytes: 64 * 1024 } }));
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
    await h.control.evaluate(() => browser.storage.local.remove('settings'));
  });

  it('keeps a lead image given only as og:image and shows it once above the text', async () => {
    ids.lead = await capture(`${server.origin}/lead-only.html`);
    expect((await links(ids.lead)).map((l) => l.url)).toEqual([`${server.origin}${SEED_IMAGE}`]);
    const page = await openInPopup(ids.lead);
    // The reader is ready before the blob has decoded: wait for the image itself.
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('#reader .article-body img')].every((i) => i.complete && i.naturalWidth > 0));
    const lead = await page.$$eval('#reader .article-body img', (imgs) => imgs.map((i) => {
      const first = document.querySelector('#reader .article-body p')!;
      return {
        src: (i as HTMLImageElement).src,
        alt: i.getAttribute('alt'),
        width: (i as HTMLImageElement).naturalWidth,
        lead: !!i.closest('.lead-image'),
        aboveText: !!(i.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING),
      };
    }));
    expect(lead).toEqual([{ src: expect.stringMatching(/^blob:moz-extension:/), alt: 'The school from the harbour', width: expect.any(Number), lead: true, aboveText: true }]);
    expect(lead[0]!.width).toBeGreaterThan(0);
    await h.send({ type: 'delete-capture', id: ids.lead });
  });

  it('stores hostile HTML inert and shows it without running or loading anything, even raw hostile HTML put in as an article', async () => {
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
    expect(raw.contentHtml).toMatch(ACTIVE);
    const backup = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, settings: null, tables: { captures: { schema: '++id', outbound: false, rows: [raw] } } };
    expect(await h.send({ type: 'restore-backup', text: JSON.stringify(backup) })).toMatchObject({ ok: true });
    ids.raw = RAW_ID;
    expect((await h.control.evaluate(readCapture, ids.raw))?.contentHtml).toBe(raw.contentHtml);

    // The hostile page itself may keep calling its traps (onfocus, timers): leave it first.
    await article.goto('about:blank');
    server.trapHits.length = 0;
    // Puppeteer's console events never fire for extension pages in Firefox: script errors and CSP
    // reports are read from the browser console; console.* calls are recorded in the popup by a
    // hook put in before the click that renders the article (a tab renders as it loads, before
    // any hook could be put in: there the trap log, `__hostile` and the DOM checks must do).
    const browserConsole = await h.browserConsole();
    await browserConsole.take();
    const cspOf: Record<number, string[]> = {};
    for (const id of [ids.hostile, ids.raw]) {
      await popup?.close();
      popup = await h.open('popup.html', `#list .row[data-id="${id}"]`);
      await popup.evaluate(() => {
        const logged: string[] = ((window as { __logged?: string[] }).__logged = []);
        for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
          const original = console[level].bind(console);
          console[level] = (...args: unknown[]) => { logged.push(args.map(String).join(' ')); original(...args); };
        }
      });
      await popup.click(`#list .row[data-id="${id}"]`);
      await popup.waitForSelector(`#reader-view[data-ready="${id}"]`);
      const tab = await h.open(`reader.html?id=${id}`, 'body[data-ready]');
      for (const p of [popup, tab]) {
        expect(await p.$eval('#reader .article-body', (b) => b.textContent)).toContain('Councillors said the extra crossings would be paid for');
        expect(await p.$$('#reader script, #reader style, #reader iframe, #reader form, #reader input, #reader svg, #reader math, #reader object, #reader embed, #reader video, #reader meta, #reader base, #reader [style], #reader [onerror], #reader [onclick], #reader [ontoggle]')).toHaveLength(0);
        const urls = await p.$$eval('#reader [href], #reader [src]', (els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src')!));
        for (const url of urls) expect(url).toMatch(/^(https?:|mailto:|#|blob:moz-extension:)/);
        expect(await p.evaluate(() => (window as { __hostile?: number }).__hostile)).toBeUndefined();
        // Nothing fetched from the web by the page itself (the server's trap log below covers the rest).
        expect(await p.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /^https?:/.test(n)))).toEqual([]);
      }
      if (id === ids.raw) {
        // The de-fanged link is text now; pressing it does nothing.
        const link = (await tab.evaluateHandle(() =>
          [...document.querySelectorAll('#reader a')].find((a) => a.textContent === 'Read the full timetable') ?? null)).asElement() as ElementHandle<Element> | null;
        expect(link).not.toBeNull();
        expect(await link!.evaluate((a) => a.getAttribute('href'))).toBeNull();
        await link!.click();
        expect(await tab.evaluate(() => location.search)).toBe(`?id=${id}`);
      }
      expect(await popup.evaluate(() => (window as { __logged?: string[] }).__logged)).not.toContainEqual(expect.stringMatching(/HOSTILE/));
      // An error reported last in each page arrives in the browser console after all before it.
      // (reportError, not a throw in a timer: a background tab's timers are throttled to 1 s.)
      const logs: string[] = [];
      for (const [name, p] of [['popup', popup], ['tab', tab]] as const) {
        await p.evaluate((probe) => reportError(new Error(probe)), `probe ${name} ${id}`);
        await vi.waitFor(async () => {
          logs.push(...await browserConsole.take());
          expect(logs).toContainEqual(expect.stringContaining(`probe ${name} ${id}`));
        }, { timeout: 15_000, interval: 100 });
      }
      await tab.close();
      const reported = logs.filter((l) => !/probe (popup|tab) /.test(l));
      expect(reported.filter((l) => /HOSTILE/.test(l))).toEqual([]);
      cspOf[id] = reported.filter((l) => /Content-Security-Policy/.test(l));
      // Nothing but CSP reports: no script of the article ran, nothing of ours threw.
      expect(reported.filter((l) => !/Content-Security-Policy/.test(l))).toEqual([]);
    }
    // What capture stored is clean: the reader has nothing for the CSP to stop.
    expect(cspOf[ids.hostile]).toEqual([]);
    // Raw hostile HTML: at most inline styles, handlers or <base> refused (Chromium reports those
    // from DOMPurify's inert document; Firefox, measured here, reports none); nothing else.
    expect(cspOf[ids.raw]!.filter((l) => !/inline style|event handler|base-uri/.test(l))).toEqual([]);
    expect(server.trapHits).toEqual([]);
    await h.send({ type: 'delete-capture', id: ids.raw });
  });

  it('shows the stored photos with the server stopped, in the popup and in a tab', async () => {
    await server.close();
    const page = await openInPopup(ids.seed);
    const inPopup = await shown(page);
    expect(inPopup).toHaveLength(1);
    expect(inPopup[0]!.src).toMatch(/^blob:moz-extension:/);
    expect(inPopup[0]!.width).toBeGreaterThan(0);
    expect(await textOf(page, '#reader .article-storage summary')).toMatch(/^Stored: .* images 9 KB \(1, 1 shared with other articles\)/);

    const tab = await h.open(`reader.html?id=${ids.gallery}`, 'body[data-ready]');
    const inTab = await shown(tab);
    expect(inTab).toHaveLength(2);
    for (const img of inTab) expect(img.width).toBeGreaterThan(0);
    // The image that could not be kept shows its description, not a broken icon.
    expect(await tab.$eval('#reader .missing-image', (e) => e.textContent)).toBe('[Image: The old terminal]');
    expect(await textOf(tab, '#reader .article-storage summary')).toContain('1 image not kept');
    await tab.close();
  });

  it('remembers the look (theme, size, font, width) and the reading position; the end marks the article read', async () => {
    const tab = await h.open(`reader.html?id=${ids.seed}`, 'body[data-ready]');
    await tab.setViewport({ width: 1000, height: 600 });
    const attr = (page: Page, name: string) => page.evaluate((n) => document.documentElement.getAttribute(n), name);
    expect(await attr(tab, 'data-theme')).toBe('system');
    expect(await tab.$eval('#reader .article-source', (a) => a.getAttribute('target'))).toBe('_blank');
    expect(await textOf(tab, '#reader .article-meta')).toMatch(/Xinhua · .* · 8 Nov 2014, 09:04 · \d+ min read/);
    const fontSize = () => tab.$eval('#reader', (r) => parseFloat(getComputedStyle(r).fontSize));
    const before = await fontSize();
    await tab.click('#look-toggle');
    await tab.click('.look-option[data-value="sepia"]');
    await tab.click('.look-option[data-value="sans"]');
    await tab.click('.look-option[data-value="narrow"]');
    await tab.keyboard.press('+');
    expect(await attr(tab, 'data-size')).toBe('L');
    expect(await fontSize()).toBeGreaterThan(before);
    expect(await tab.$eval('body', (b) => getComputedStyle(b).backgroundColor)).toBe('rgb(244, 236, 216)');
    await vi.waitFor(async () => expect(await h.control.evaluate(async () => (await browser.storage.local.get('settings')).settings)).toMatchObject({ readerTheme: 'sepia', readerFont: 'sans', readerSize: 'L', readerWidth: 'narrow' }), { timeout: 10_000 });

    // Scroll with the keyboard's j, then to the middle; the position is saved.
    await tab.keyboard.press('j');
    await vi.waitFor(async () => expect(await tab.evaluate(() => scrollY)).toBeGreaterThan(0), { timeout: 10_000 });
    await tab.evaluate(() => scrollTo(0, (document.scrollingElement!.scrollHeight - innerHeight) / 2));
    const reading = () => h.control.evaluate((id) => new Promise<{ progress: number; readAt?: string } | undefined>((resolve) => {
      const open = indexedDB.open('clean-capture');
      open.onsuccess = () => {
        const req = open.result.transaction('reading').objectStore('reading').get(id);
        req.onsuccess = () => { resolve(req.result); open.result.close(); };
      };
    }), ids.seed);
    await vi.waitFor(async () => expect((await reading())?.progress).toBeCloseTo(0.5, 1), { timeout: 10_000 });
    expect((await reading())?.readAt).toBeUndefined();
    await tab.close();

    // Opened again (an extension page's reload never resolves in Puppeteer's Firefox): same look,
    // same place.
    const again = await h.open(`reader.html?id=${ids.seed}`, 'body[data-ready]');
    await again.setViewport({ width: 1000, height: 600 });
    expect(await attr(again, 'data-theme')).toBe('sepia');
    expect(await attr(again, 'data-size')).toBe('L');
    const max = await again.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight);
    expect(await again.evaluate(() => scrollY)).toBeGreaterThan(0);
    expect(Math.abs((await again.evaluate(() => scrollY)) - max / 2)).toBeLessThan(max * 0.1);
    await again.keyboard.press('End');
    await again.waitForSelector('body[data-read="true"]');
    expect((await reading())?.readAt).toMatch(/^\d{4}-/);
    await again.close();
    // Read to the end in the reader → read in the library too (issue #5's read/unread state).
    await popup?.close();
    popup = await h.open('popup.html', `#list .row[data-state="read"][data-id="${ids.seed}"]`);
    expect(await popup.$eval(`#list .row[data-id="${ids.gallery}"]`, (r) => r.getAttribute('data-state'))).toBe('unread');
  });

  it('deleting an article keeps a photo another article still shows, and Undo brings the images back', async () => {
    const seedHash = (await links(ids.seed))[0]!.hash;
    const page = popup!;
    await page.click(`#list .row[data-id="${ids.seed}"]`);
    await page.waitForSelector(`#reader-view[data-ready="${ids.seed}"]`);
    await page.click('#delete');
    await page.waitForFunction(() => document.querySelector('#status')?.getAttribute('data-kind') === 'ok' && document.querySelector('#status-text')?.textContent?.startsWith('Deleted'));
    expect(await links(ids.seed)).toEqual([]);
    expect((await images()).find((i) => i.hash === seedHash)).toMatchObject({ orphaned: false });

    await page.click('#status-action');
    await page.waitForSelector(`#list .row[data-id="${ids.seed}"]`);
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
