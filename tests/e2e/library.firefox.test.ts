import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_AMP_PATH, startDemoServer, SYNDICATED_PATH, type DemoServer } from '../../scripts/demo-server.mjs';
import { fill, launchFirefox, type FirefoxHarness } from './firefox-harness';
import { countCaptures, countVersions } from './harness/library-queries';

const expected = JSON.parse(readFileSync(new URL('../fixtures/seed/expected.json', import.meta.url), 'utf8'));
const UPDATED = new URL('../fixtures/dedupe/chinanews-harper-jack-ma-updated.html', import.meta.url);

// The WebExtension API of Firefox extension pages, inside page.evaluate.
declare const browser: any;

/**
 * Issue #5 in Firefox ESR (puppeteer-core over WebDriver BiDi), the same steps as
 * `library.test.ts` in Chromium: dedupe (AMP alias, versions, same story), the saved-page toolbar
 * mark, idempotent capture, search with filters, library actions from the keyboard with Undo.
 * Tests run in order and share one browser.
 */
describe('Firefox: a library that scales (dedupe, versions, search, actions)', () => {
  let server: DemoServer;
  let h: FirefoxHarness;
  let article: Page;
  let popup: Page | undefined;

  const text = async (page: Page, selector: string) => (await page.$eval(selector, (e) => e.textContent ?? '')).replace(/\s+/g, ' ').trim();
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
  const waitForRows = (n: number) => popup!.waitForFunction((count) => document.querySelectorAll('#list .row').length === count, {}, n);
  const countIs = (value: string) => popup!.waitForFunction((v) => document.querySelector('#count')!.textContent === v, {}, value);
  const actionTitle = (tabId: number) => h.control.evaluate((id) => browser.action.getTitle({ tabId: id }), tabId);

  beforeAll(async () => {
    server = await startDemoServer();
    h = await launchFirefox();
    article = await h.browser.newPage();
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it('keeps the AMP address of a saved article as an alias of the one record', async () => {
    await article.goto(server.seedUrl);
    expect(await openPopupFor(await h.tabIdOf(server.seedUrl))).toContain(`✓ Saved · ${expected.title}`);
    const amp = `${server.origin}${SEED_AMP_PATH}`;
    await article.goto(amp);
    expect(await openPopupFor(await h.tabIdOf(amp))).toContain('Already saved');
    expect(await recordCount()).toBe(1);
  });

  it('marks the toolbar icon of a tab showing a saved page (where the extension may see its address)', async () => {
    const other = await h.browser.newPage();
    const variant = `${server.seedUrl}?utm_source=newsletter`;
    await other.goto(variant);
    const tabId = await h.tabIdOf(variant);
    // The tab was never captured: the mark comes from the background watching the tab's address.
    await expect.poll(() => actionTitle(tabId), { timeout: 15_000 }).toBe('Clean Capture: this page is in your library');
    await other.goto(`${server.origin}/no-article.html`);
    const plainTab = await h.tabIdOf(`${server.origin}/no-article.html`);
    expect(plainTab).toBe(tabId);
    await expect.poll(() => actionTitle(plainTab), { timeout: 15_000 }).toBe('Save article (Clean Capture)');
    await other.close();
  });

  it('keeps the older text as a version when the article changed, shows the newest, the word diff and the older version', async () => {
    const original = server.pages.seed;
    server.pages.seed = () => readFileSync(UPDATED);
    try {
      await article.goto(server.seedUrl);
      expect(await openPopupFor(await h.tabIdOf(server.seedUrl))).toContain('Updated (the article changed)');
    } finally {
      server.pages.seed = original;
    }
    const page = popup!;
    expect(await recordCount()).toBe(1);
    expect(await text(page, '#list .row .row-meta')).toContain('2 versions');
    await page.click('#list .row');
    await page.waitForSelector('#reader .versions-bar');
    expect(await text(page, '#reader .article-body')).toContain('Xi Jinping on Saturday');
    expect(await page.$$eval('#version-select option', (options) => options.map((o) => o.textContent))).toEqual([
      expect.stringMatching(/^Version 1 · \d+ \w{3} \d{4}$/), expect.stringMatching(/^Version 2 \(newest\) · \d+ \w{3} \d{4}$/),
    ]);
    await page.click('#show-changes');
    await page.waitForSelector('#reader .diff-text');
    const added = await page.$$eval('#reader .diff-text ins', (marks) => marks.map((m) => m.textContent).join(' '));
    expect(added).toContain('Australian beef');
    expect(added).toContain('Xi Jinping on Saturday');
    expect(await text(page, '#reader .diff-summary')).toMatch(/\d+ words added, 0 removed/);
    await page.click('#show-changes');
    await page.select('#version-select', '0');
    await page.waitForFunction(() => !document.querySelector('#reader .article-body')!.textContent!.includes('Xi Jinping on Saturday'));
    expect(await text(page, '#reader .article-body')).toContain(expected.paragraphs[0]);
  });

  it('saves the same story from another site as its own record, grouped and labelled "same story as …"', async () => {
    const url = `${server.origin}${SYNDICATED_PATH}`;
    await article.goto(url);
    const status = await openPopupFor(await h.tabIdOf(url));
    expect(status).toMatch(/^✓ Saved · .+ — same story as “Canadian PM meets Alibaba's Jack Ma for SME growth”/);
    expect(await recordCount()).toBe(2);
    await waitForRows(2);
    const badges = await popup!.$$eval('#list .row .badge.story', (els) => els.map((e) => e.textContent));
    expect(badges).toHaveLength(2);
    expect(badges).toContain(`Same story as “${expected.title}”`);
  });

  it('stores one record when the same page is captured several times at once', async () => {
    const url = `${server.origin}${SYNDICATED_PATH}`;
    const tabId = await h.tabIdOf(url);
    const replies = await h.control.evaluate(
      (id) => Promise.all([1, 2, 3].map(() => browser.runtime.sendMessage({ type: 'capture', tabId: id }))),
      tabId,
    );
    expect(replies).toHaveLength(3);
    for (const reply of replies as Array<{ ok: boolean; value: { status: string } }>) {
      expect(reply.ok).toBe(true);
      expect(reply.value.status).toBe('already-saved');
    }
    expect(await recordCount()).toBe(2);
  });

  it('searches ranked, with prefixes and typos, and filters by state and tag', async () => {
    const page = await openPopup('popup.html', '#list .row');
    await waitForRows(2);
    await fill(page, '#search', 'Hangzho');
    await countIs('2 of 2 articles');
    await fill(page, '#search', 'Alibabba');
    await page.waitForFunction(() => /of 2 articles/.test(document.querySelector('#count')!.textContent!) && document.querySelectorAll('#list .row').length >= 1);
    expect(await rowTitles()).toContain(expected.title);
    await fill(page, '#search', 'zzzqqq');
    await page.waitForSelector('#no-match:not([hidden])');
    await fill(page, '#search', '');
    await waitForRows(2);

    // Keyboard: select the first row, archive it (a), favourite it (f).
    await page.focus('#list');
    await page.keyboard.press('j');
    await page.waitForSelector('#list .row[aria-selected="true"]');
    const first = await text(page, '#list .row[aria-selected="true"] .row-title');
    await page.keyboard.press('a');
    await page.waitForSelector('#list .row[data-state="archived"]');
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.querySelector('#list .row[aria-selected="true"] .row-meta')?.textContent?.includes('★'));
    await page.select('#filter-state', 'archived');
    await countIs('1 of 2 articles');
    expect(await rowTitles()).toEqual([first]);
    await page.select('#filter-state', 'unread');
    // The count reads "1 of 2" under both filters: wait for the rows themselves to change.
    await page.waitForFunction((t) => {
      const titles = [...document.querySelectorAll('#list .row .row-title')].map((e) => e.textContent);
      return titles.length === 1 && titles[0] !== t;
    }, {}, first);
    expect(await text(page, '#count')).toBe('1 of 2 articles');
    expect(await rowTitles()).not.toContain(first);

    // Tags from the reader, then the tag filter.
    await page.select('#filter-state', '');
    await waitForRows(2);
    const seedId = await page.$$eval('#list .row', (rows, title) =>
      rows.find((r) => r.querySelector('.row-title')?.textContent === title)?.getAttribute('data-id'), expected.title);
    expect(seedId).toMatch(/^\d+$/);
    await page.click(`#list .row[data-id="${seedId}"]`);
    await page.waitForSelector(`#reader-view[data-ready="${seedId}"]`);
    await fill(page, '#tags', 'Canada, trade');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#tags')!.value === 'canada, trade');
    await page.click('#back');
    await page.click('#more-filters summary');
    await page.waitForSelector('#filter-tag', { visible: true });
    await fill(page, '#filter-tag', 'trade');
    await countIs('1 of 2 articles');
    expect(await rowTitles()).toEqual([expected.title]);
    expect(await text(page, '#list .row .row-badges')).toContain('#canada');
    await page.click('#filter-clear');
    await waitForRows(2);
  });

  it('deletes the selected row with the Delete key, and Undo brings it back with its versions', async () => {
    const page = popup!;
    await page.focus('#list');
    await page.keyboard.press('j');
    await page.waitForSelector('#list .row[aria-selected="true"]');
    const title = await page.$eval('#list .row[aria-selected="true"] .row-title', (e) => e.textContent);
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => document.querySelector('#status-text')?.textContent?.startsWith('Deleted'));
    expect(await page.$eval('#status-text', (e) => e.textContent)).toBe(`Deleted “${title}”`);
    expect(await recordCount()).toBe(1);
    await page.click('#status-action');
    await waitForRows(2);
    expect(await recordCount()).toBe(2);
    expect(await rowTitles()).toContain(title);
    // The seed's older text (a version) is kept through delete and Undo alike.
    expect(await h.control.evaluate(countVersions)).toBe(1);
  });
});
