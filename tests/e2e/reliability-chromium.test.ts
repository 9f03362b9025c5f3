import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/demo-server.mjs';
import { CHARSET_TITLES } from '../../scripts/reliability-pages.mjs';
import { launchChromium, type ChromiumHarness } from './chromium-harness';
import { countCaptures, readCapture } from './harness/library-queries';

type Reply = { ok: true; value: { status: string; id: number; title: string } } | { ok: false; error: { code: string; message: string } };

/**
 * Issue #8 in real Chromium: pages in legacy charsets, 20 captures at once, and the service worker
 * stopped in the middle of a capture. Tests run in order and share one browser.
 */
describe('Chromium: reliability', () => {
  let server: DemoServer;
  let h: ChromiumHarness;
  const pages: Page[] = [];

  async function open(url: string): Promise<number> {
    const page = await h.context.newPage();
    pages.push(page);
    await page.goto(url);
    return h.tabIdOf(url);
  }
  const badgeOf = (tabId: number) => h.control.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

  beforeAll(async () => {
    server = await startDemoServer();
    h = await launchChromium();
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
    const page = await h.context.newPage();
    pages.push(page);
    const url = `${server.origin}/loading.html`;
    void page.goto(url, { waitUntil: 'commit' }).catch(() => {});
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
    // 17 distinct articles, and 3 more tabs showing articles 0-2 again (with a tracking parameter).
    const urls = [
      ...Array.from({ length: 17 }, (_, n) => `${server.origin}/articles/${n}.html`),
      ...Array.from({ length: 3 }, (_, n) => `${server.origin}/articles/${n}.html?utm_source=again`),
    ];
    const tabIds = [];
    for (const url of urls) tabIds.push(await open(url));
    const replies = await h.control.evaluate(
      (ids) => Promise.all(ids.map((tabId) => chrome.runtime.sendMessage({ type: 'capture', tabId }))),
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
    for (const page of pages.splice(0)) await page.close();
  });

  it('the service worker stopped mid-capture: after restart the capture is whole or absent, the library intact, no "…" left on the badge', async () => {
    const seedTab = await open(server.seedUrl);
    const seed = await h.send<Reply>({ type: 'capture', tabId: seedTab });
    expect(seed.ok).toBe(true);
    const seedId = (seed as { value: { id: number } }).value.id;
    const seedBefore = await h.control.evaluate(readCapture, seedId);
    const countBefore = await h.control.evaluate(countCaptures);

    // A capture that hangs on its image (the server holds /slow-image.jpg for a minute).
    server.slowImage.requested = 0;
    const slowTab = await open(`${server.origin}/slow-image.html`);
    void h.control.evaluate((tabId) => chrome.runtime.sendMessage({ type: 'capture', tabId }).catch(() => null), slowTab);
    await expect.poll(() => server.slowImage.requested, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await badgeOf(slowTab)).toBe('…');

    const cdp = await h.context.newCDPSession(h.control);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The worker restarts on the next event: any message wakes it.
    const noArticleTab = await open(`${server.origin}/no-article.html`);
    const wake = await h.send<Reply>({ type: 'capture', tabId: noArticleTab });
    expect(wake).toMatchObject({ ok: false, error: { code: 'no-article' } });

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
