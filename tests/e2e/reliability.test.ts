import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../scripts/demo-server.mjs';
import { CHARSET_TITLES } from '../../scripts/reliability-pages.mjs';
import type { Harness, WebPage } from './harness/harness';
import { browserLabel, startSpec, stopSpec } from './harness/launch';
import { countCaptures, readAllCaptures, readCapture } from './harness/library-queries';
import { valueOf } from './steps';

/**
 * Issue #8: legacy charsets, a page still loading, an article only in a frame, 20 captures at
 * once, and the background (Chromium's service worker, Firefox's event page) stopped in the middle
 * of a capture. Tests run in order and share one browser.
 */
describe(`${browserLabel()}: reliability`, () => {
  let server: DemoServer;
  let h: Harness;
  const pages: WebPage[] = [];

  async function open(url: string): Promise<number> {
    pages.push(await h.openWebPage(url));
    return h.tabIdOf(url);
  }
  const badgeOf = (tabId: number) => h.api((api, id) => api.action.getBadgeText({ tabId: id }), tabId);
  const recordCount = () => h.evaluate(countCaptures);

  beforeAll(async () => {
    ({ server, h } = await startSpec());
  });
  afterAll(() => stopSpec({ server, h }));

  for (const [charset, how] of [
    ['gbk', 'header'],
    ['shift_jis', 'meta'],
    ['windows-1251', 'header'],
    ['gbk', 'meta'],
  ] as const) {
    it(`a ${charset} page, charset in the ${how === 'header' ? 'HTTP header' : '<meta>'}: captured with its real title and text`, async () => {
      const tabId = await open(`${server.origin}/charset/${charset}-${how}.html`);
      const reply = await h.send('capture', { tabId });
      expect(reply.ok, JSON.stringify(reply)).toBe(true);
      const record = await h.evaluate(readCapture, valueOf(reply).id);
      expect(record!.title).toBe(CHARSET_TITLES[charset]);
      expect(record!.textContent).not.toMatch(/\uFFFD/);
      expect(record!.textContent.length).toBeGreaterThan(100);
    });
  }

  it('a page still loading: the article as far as it has arrived is captured, without waiting for the load', async () => {
    const page = await h.openWebPage();
    pages.push(page);
    const url = `${server.origin}/loading.html`;
    page.startLoading(url);
    await page.waitFor('article p:nth-of-type(6)');
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    const reply = await h.send('capture', { tabId: await h.tabIdOf(url) });
    expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true, value: { status: 'saved', title: 'Article number loading from the harbour desk' } });
  });

  it('an article only inside a frame: the top page is read, "no article" said, nothing stored', async () => {
    const before = await recordCount();
    const tabId = await open(`${server.origin}/framed.html`);
    const reply = await h.send('capture', { tabId });
    expect(reply).toMatchObject({ ok: false, error: { code: 'no-article', message: expect.stringContaining('Save selection') } });
    expect(await recordCount()).toBe(before);
  });

  it('20 captures started at once from 20 tabs: every one answers, no write is lost, duplicates stay one record', async () => {
    const before = await recordCount();
    // 17 distinct articles, and 3 more tabs showing articles 0-2 again (with a tracking parameter).
    const urls = [
      ...Array.from({ length: 17 }, (_, n) => `${server.origin}/articles/${n}.html`),
      ...Array.from({ length: 3 }, (_, n) => `${server.origin}/articles/${n}.html?utm_source=again`),
    ];
    const tabIds = [];
    for (const url of urls) tabIds.push(await open(url));
    const replies = await h.sendAll(
      'capture',
      tabIds.map((tabId) => ({ tabId })),
    );
    expect(replies.filter((r) => !r.ok)).toEqual([]);
    const ok = replies.map(valueOf);
    expect(new Set(ok.map((r) => r.id)).size).toBe(17);
    expect(ok.filter((r) => r.status === 'saved')).toHaveLength(17);
    expect(await recordCount()).toBe(before + 17);
    for (let n = 0; n < 17; n++) {
      const record = await h.evaluate(readCapture, ok[n]!.id);
      expect(record!.title).toBe(`Article number ${n} from the harbour desk`);
    }
    // No "…" is left on any of the 20 tabs once all answered.
    const badges = await h.api((api, ids) => Promise.all(ids.map((tabId) => api.action.getBadgeText({ tabId }))), tabIds);
    expect(badges.filter((b) => b === '…')).toEqual([]);
    for (const page of pages.splice(0)) await page.close();
  });

  it('the background stopped mid-capture: after restart the capture is whole or absent, the library intact, no "…" left on the badge', async () => {
    const seedTab = await open(server.seedUrl);
    const seed = await h.send('capture', { tabId: seedTab });
    expect(seed.ok).toBe(true);
    const seedId = valueOf(seed).id;
    const seedBefore = await h.evaluate(readCapture, seedId);
    const countBefore = await recordCount();

    // A capture that hangs on its image (the server holds /slow-image.jpg for a minute); its
    // reply never comes, since the background is stopped under it.
    server.slowImage.requested = 0;
    const slowTab = await open(`${server.origin}/slow-image.html`);
    void h.send('capture', { tabId: slowTab }).catch(() => null);
    await expect.poll(() => server.slowImage.requested, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await badgeOf(slowTab)).toBe('…');

    // Mark the running background, stop it; the next message starts a new one.
    await h.markBackground();
    expect(await h.backgroundMarked()).toBe(true);
    await h.stopBackground();
    const noArticleTab = await open(`${server.origin}/no-article.html`);
    const wake = await h.send('capture', { tabId: noArticleTab });
    expect(wake).toMatchObject({ ok: false, error: { code: 'no-article' } });
    expect(await h.backgroundMarked()).toBe(false);

    await expect.poll(() => badgeOf(slowTab), { timeout: 30_000 }).not.toBe('…');
    // The library: the seed untouched; the cut capture either fully there (its text was saved
    // before the images) or absent.
    expect(await h.evaluate(readCapture, seedId)).toEqual(seedBefore);
    const countAfter = await recordCount();
    expect([countBefore, countBefore + 1]).toContain(countAfter);
    if (countAfter === countBefore + 1) {
      const cut = (await h.evaluate(readAllCaptures)).find((r) => r.title === 'A slow photo at the harbour');
      expect(cut).toBeDefined();
      expect(cut!.textContent).toContain('Paragraph 5 of article slow');
    }
    // And the extension still saves.
    const again = await h.send('capture', { tabId: seedTab });
    expect(again).toMatchObject({ ok: true, value: { status: 'already-saved', id: seedId } });
  });
});
