import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_AMP_PATH, startDemoServer, SYNDICATED_PATH, type DemoServer } from '../../scripts/demo-server.mjs';
import { launchChromium, type ChromiumHarness } from './chromium-harness';
import { countCaptures, countVersions } from './harness/library-queries';

const expected = JSON.parse(readFileSync(new URL('../fixtures/seed/expected.json', import.meta.url), 'utf8'));
const UPDATED = new URL('../fixtures/dedupe/chinanews-harper-jack-ma-updated.html', import.meta.url);

/**
 * Issue #5 in real Chromium: dedupe (AMP alias, versions, same story), the saved-page toolbar
 * mark, idempotent capture, search with filters, library actions from the keyboard with Undo.
 */
describe('Chromium: a library that scales (dedupe, versions, search, actions)', () => {
  let server: DemoServer;
  let h: ChromiumHarness;
  let article: Page;
  let popup: Page;

  async function openPopupFor(tabId: number): Promise<string> {
    await popup.goto(h.url(`popup.html?tab=${tabId}`));
    await popup.waitForSelector('#status[data-kind="ok"], #status[data-kind="error"]');
    return (await popup.textContent('#status'))!.replace(/\s+/g, ' ').trim();
  }
  const rowTitles = () => popup.$$eval('#list .row .row-title', (rows) => rows.map((r) => r.textContent));
  const recordCount = () => h.control.evaluate(countCaptures);
  const waitForRows = (n: number) => popup.waitForFunction((count) => document.querySelectorAll('#list .row').length === count, n);

  beforeAll(async () => {
    server = await startDemoServer();
    h = await launchChromium();
    article = await h.context.newPage();
    popup = await h.context.newPage();
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
    const other = await h.context.newPage();
    await other.goto(`${server.seedUrl}?utm_source=newsletter`);
    const tabId = await h.tabIdOf(`${server.seedUrl}?utm_source=newsletter`);
    await expect.poll(() => h.control.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId), { timeout: 15_000 })
      .toBe('Clean Capture: this page is in your library');
    await other.goto(`${server.origin}/no-article.html`);
    const plainTab = await h.tabIdOf(`${server.origin}/no-article.html`);
    await expect.poll(() => h.control.evaluate((id) => chrome.action.getTitle({ tabId: id }), plainTab), { timeout: 15_000 })
      .toBe('Save article (Clean Capture)');
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
    expect(await recordCount()).toBe(1);
    expect(await popup.textContent('#list .row .row-meta')).toContain('2 versions');
    await popup.click('#list .row');
    await popup.waitForSelector('#reader .versions-bar');
    expect(await popup.textContent('#reader .article-body')).toContain('Xi Jinping on Saturday');
    expect(await popup.$$eval('#version-select option', (options) => options.map((o) => o.textContent))).toEqual([
      expect.stringMatching(/^Version 1 · \d+ \w{3} \d{4}$/), expect.stringMatching(/^Version 2 \(newest\) · \d+ \w{3} \d{4}$/),
    ]);
    await popup.click('#show-changes');
    await popup.waitForSelector('#reader .diff-text');
    const added = await popup.$$eval('#reader .diff-text ins', (marks) => marks.map((m) => m.textContent).join(' '));
    expect(added).toContain('Australian beef');
    expect(added).toContain('Xi Jinping on Saturday');
    expect(await popup.textContent('#reader .diff-summary')).toMatch(/\d+ words added, 0 removed/);
    await popup.click('#show-changes');
    await popup.selectOption('#version-select', '0');
    await popup.waitForFunction(() => !document.querySelector('#reader .article-body')!.textContent!.includes('Xi Jinping on Saturday'));
    expect(await popup.textContent('#reader .article-body')).toContain(expected.paragraphs[0]);
  });

  it('saves the same story from another site as its own record, grouped and labelled "same story as …"', async () => {
    const url = `${server.origin}${SYNDICATED_PATH}`;
    await article.goto(url);
    const status = await openPopupFor(await h.tabIdOf(url));
    expect(status).toMatch(/^✓ Saved · .+ — same story as “Canadian PM meets Alibaba's Jack Ma for SME growth”/);
    expect(await recordCount()).toBe(2);
    await waitForRows(2);
    const badges = await popup.$$eval('#list .row .badge.story', (els) => els.map((e) => e.textContent));
    expect(badges).toHaveLength(2);
    expect(badges).toContain(`Same story as “${expected.title}”`);
  });

  it('stores one record when the same page is captured several times at once', async () => {
    const url = `${server.origin}${SYNDICATED_PATH}`;
    const tabId = await h.tabIdOf(url);
    const replies = await h.control.evaluate(
      (id) => Promise.all([1, 2, 3].map(() => chrome.runtime.sendMessage({ type: 'capture', tabId: id }))),
      tabId,
    );
    for (const reply of replies as Array<{ ok: boolean; value: { status: string } }>) {
      expect(reply.ok).toBe(true);
      expect(reply.value.status).toBe('already-saved');
    }
    expect(await recordCount()).toBe(2);
  });

  it('searches ranked, with prefixes and typos, and filters by state and tag', async () => {
    await popup.goto(h.url('popup.html'));
    await waitForRows(2);
    await popup.fill('#search', 'Hangzho');
    await popup.waitForFunction(() => document.querySelector('#count')!.textContent === '2 of 2 articles');
    await popup.fill('#search', 'Alibabba');
    await popup.waitForFunction(() => /of 2 articles/.test(document.querySelector('#count')!.textContent!) && document.querySelectorAll('#list .row').length >= 1);
    expect(await rowTitles()).toContain(expected.title);
    await popup.fill('#search', 'zzzqqq');
    await popup.waitForSelector('#no-match:not([hidden])');
    await popup.fill('#search', '');
    await waitForRows(2);

    // Keyboard: select the first row, archive it (a), favourite it (f).
    await popup.focus('#list');
    await popup.keyboard.press('j');
    await popup.waitForSelector('#list .row[aria-selected="true"]');
    const first = (await popup.textContent('#list .row[aria-selected="true"] .row-title'))!;
    await popup.keyboard.press('a');
    await popup.waitForSelector('#list .row[data-state="archived"]');
    await popup.keyboard.press('f');
    await popup.waitForFunction(() => document.querySelector('#list .row[aria-selected="true"] .row-meta')?.textContent?.includes('★'));
    await popup.selectOption('#filter-state', 'archived');
    await popup.waitForFunction(() => document.querySelector('#count')!.textContent === '1 of 2 articles');
    expect(await rowTitles()).toEqual([first]);
    await popup.selectOption('#filter-state', 'unread');
    // The count reads "1 of 2" under both filters: wait for the rows themselves to change.
    await popup.waitForFunction((t) => {
      const titles = [...document.querySelectorAll('#list .row .row-title')].map((e) => e.textContent);
      return titles.length === 1 && titles[0] !== t;
    }, first);
    expect(await popup.textContent('#count')).toBe('1 of 2 articles');
    expect(await rowTitles()).not.toContain(first);

    // Tags from the reader, then the tag filter.
    await popup.selectOption('#filter-state', '');
    await waitForRows(2);
    await popup.locator('#list .row', { has: popup.locator('.row-title', { hasText: new RegExp(`^${expected.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first().click();
    await popup.fill('#tags', 'Canada, trade');
    await popup.press('#tags', 'Enter');
    await popup.waitForFunction(() => document.querySelector<HTMLInputElement>('#tags')!.value === 'canada, trade');
    await popup.click('#back');
    await popup.click('#more-filters summary');
    await popup.fill('#filter-tag', 'trade');
    await popup.waitForFunction(() => document.querySelector('#count')!.textContent === '1 of 2 articles');
    expect(await rowTitles()).toEqual([expected.title]);
    expect(await popup.textContent('#list .row .row-badges')).toContain('#canada');
    await popup.click('#filter-clear');
    await waitForRows(2);
  });

  it('deletes the selected row with the Delete key, and Undo brings it back with its versions', async () => {
    await popup.focus('#list');
    await popup.keyboard.press('j');
    await popup.waitForSelector('#list .row[aria-selected="true"]');
    const title = (await popup.textContent('#list .row[aria-selected="true"] .row-title'))!;
    await popup.keyboard.press('Delete');
    await popup.waitForFunction(() => document.querySelector('#status-text')?.textContent?.startsWith('Deleted'));
    expect(await popup.textContent('#status-text')).toBe(`Deleted “${title}”`);
    expect(await recordCount()).toBe(1);
    await popup.click('#status-action');
    await waitForRows(2);
    expect(await recordCount()).toBe(2);
    expect(await rowTitles()).toContain(title);
    // The seed's older text (a version) is kept through delete and Undo alike.
    expect(await h.control.evaluate(countVersions)).toBe(1);
  });
});
