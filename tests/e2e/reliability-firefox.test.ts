import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/demo-server.mjs';
import { CHARSET_TITLES } from '../../scripts/reliability-pages.mjs';
import { launchFirefox, type FirefoxHarness } from './firefox-harness';
import { countCaptures, readCapture } from './harness/library-queries';

type Reply = { ok: true; value: { status: string; id: number; title: string } } | { ok: false; error: { code: string; message: string } };
// The WebExtension API of Firefox extension pages.
declare const browser: any;

/**
 * Issue #8 in Firefox ESR, the same steps as Chromium: legacy charsets, a page still loading, an
 * article only in a frame, 20 captures at once, and the background (an event page in Firefox)
 * stopped in the middle of a capture. Tests run in order and share one browser.
 */
describe('Firefox ESR: reliability', () => {
  let server: DemoServer;
  let h: FirefoxHarness;
  const pages: Page[] = [];

  const badgeOf = (tabId: number) => h.control.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId);

  async function open(url: string): Promise<number> {
    const page = await h.browser.newPage();
    pages.push(page);
    await page.goto(url);
    return h.tabIdOf(url);
  }

  beforeAll(async () => {
    server = await startDemoServer();
    h = await launchFirefox();
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  for (const [charset, how] of [['gbk', 'header'], ['shift_jis', 'meta'], ['windows-1251', 'header'], ['gbk', 'meta']] as const) {
    it(`a ${charset} page, charset in the ${how === 'header' ? 'HTTP header' : '<meta>'}: captured with its real title and text`, async () => {
      const tabId = await open(`${server.origin}/charset/${charset}-${how}.html`);
      const reply = await h.send<Reply>({ type: 'capture', tabId });
      expect(reply.ok, JSON.stringify(reply)).toBe(true);
      const record = await h.control.evaluate(readCapture, (reply as { value: { id: number } }).value.id);
      expect(record!.title).toBe(CHARSET_TITLES[charset]);
      expect(record!.textContent).not.toMatch(/\uFFFD/);
      expect(record!.textContent.length).toBeGreaterThan(100);
    });
  }

  it('a page still loading: the article as far as it has arrived is captured, without waiting for the load', async () => {
    const page = await h.browser.newPage();
    pages.push(page);
    const url = `${server.origin}/loading.html`;
    void page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 }).catch(() => {});
    await page.waitForSelector('article p:nth-of-type(6)');
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    const reply = await h.send<Reply>({ type: 'capture', tabId: await h.tabIdOf(url) });
    expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true, value: { status: 'saved', title: 'Article number loading from the harbour desk' } });
  });

  it('an article only inside a frame: the top page is read, "no article" said, nothing stored', async () => {
    const before = await h.control.evaluate(countCaptures);
    const tabId = await open(`${server.origin}/framed.html`);
    const reply = await h.send<Reply>({ type: 'capture', tabId });
    expect(reply).toMatchObject({ ok: false, error: { code: 'no-article', message: expect.stringContaining('Save selection') } });
    expect(await h.control.evaluate(countCaptures)).toBe(before);
  });

  it('20 captures started at once from 20 tabs: every one answers, no write is lost, duplicates stay one record', async () => {
    const before = await h.control.evaluate(countCaptures);
    const urls = [
      ...Array.from({ length: 17 }, (_, n) => `${server.origin}/articles/${n}.html`),
      ...Array.from({ length: 3 }, (_, n) => `${server.origin}/articles/${n}.html?utm_source=again`),
    ];
    const tabIds = [];
    for (const url of urls) tabIds.push(await open(url));
    const replies = await h.control.evaluate(
      (ids: number[]) => Promise.all(ids.map((tabId) => browser.runtime.sendMessage({ type: 'capture', tabId }))),
      tabIds,
    ) as Reply[];
    expect(replies.filter((r) => !r.ok)).toEqual([]);
    const ok = replies as Extract<Reply, { ok: true }>[];
    expect(new Set(ok.map((r) => r.value.id)).size).toBe(17);
    expect(ok.filter((r) => r.value.status === 'saved')).toHaveLength(17);
    expect(await h.control.evaluate(countCaptures)).toBe(before + 17);
    for (let n = 0; n < 17; n++) {
      const record = await h.control.evaluate(readCapture, ok[n]!.value.id);
      expect(record!.title).toBe(`Article number ${n} from the harbour desk`);
    }
    // No "…" is left on any of the 20 tabs once all answered.
    const badges = await h.control.evaluate((ids: number[]) => Promise.all(ids.map((tabId) => browser.action.getBadgeText({ tabId }))), tabIds);
    expect(badges.filter((b: string) => b === '…')).toEqual([]);
    for (const page of pages.splice(0)) await page.close();
  });

  it('the background stopped mid-capture: after restart the capture is whole or absent, the library intact, no "…" left on the badge', async () => {
    const seedTab = await open(server.seedUrl);
    const seed = await h.send<Reply>({ type: 'capture', tabId: seedTab });
    expect(seed.ok).toBe(true);
    const seedId = (seed as { value: { id: number } }).value.id;
    const seedBefore = await h.control.evaluate(readCapture, seedId);
    const countBefore = await h.control.evaluate(countCaptures);

    // A capture that hangs on its image (the server holds /slow-image.jpg for a minute).
    server.slowImage.requested = 0;
    const slowTab = await open(`${server.origin}/slow-image.html`);
    void h.control.evaluate((tabId) => browser.runtime.sendMessage({ type: 'capture', tabId }).catch(() => null), slowTab);
    await expect.poll(() => server.slowImage.requested, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await badgeOf(slowTab)).toBe('…');

    // Mark the running background, stop it; the next message starts a new one.
    const running = () => h.control.evaluate(async () => (await browser.runtime.getBackgroundPage()).__ccRunning);
    await h.control.evaluate(async () => { (await browser.runtime.getBackgroundPage()).__ccRunning = true; });
    expect(await running()).toBe(true);
    await h.stopBackground();
    const noArticleTab = await open(`${server.origin}/no-article.html`);
    const wake = await h.send<Reply>({ type: 'capture', tabId: noArticleTab });
    expect(wake).toMatchObject({ ok: false, error: { code: 'no-article' } });
    expect(await running()).toBeUndefined();

    await expect.poll(() => badgeOf(slowTab), { timeout: 30_000 }).not.toBe('…');
    // The library: the seed untouched; the cut capture either fully there (its text was saved
    // before the images) or absent.
    expect(await h.control.evaluate(readCapture, seedId)).toEqual(seedBefore);
    const countAfter = await h.control.evaluate(countCaptures);
    expect([countBefore, countBefore + 1]).toContain(countAfter);
    if (countAfter === countBefore + 1) {
      const all = await h.control.evaluate(() => new Promise<{ title: string; textContent: string }[]>((resolve) => {
        const req = indexedDB.open('clean-capture');
        req.onsuccess = () => {
          const get = req.result.transaction('captures').objectStore('captures').getAll();
          get.onsuccess = () => { resolve(get.result); req.result.close(); };
        };
      }));
      const cut = all.find((r) => r.title === 'A slow photo at the harbour');
      expect(cut).toBeDefined();
      expect(cut!.textContent).toContain('Paragraph 5 of article slow');
    }
    // And the extension still saves.
    const again = await h.send<Reply>({ type: 'capture', tabId: seedTab });
    expect(again).toMatchObject({ ok: true, value: { status: 'already-saved', id: seedId } });
  });
});
