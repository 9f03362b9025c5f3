import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_AMP_PATH, SYNDICATED_PATH, type DemoServer } from '../../scripts/demo-server.mjs';
import type { ExtensionPage, Harness, WebPage } from './harness/harness';
import { browserLabel, startSpec, stopSpec } from './harness/launch';
import { countCaptures, countVersions } from './harness/library-queries';
import { expected, rowTitles, statusForTab, toolbarTitle, UPDATED_SEED, waitForRows } from './steps';

/**
 * Issue #5: dedupe (AMP alias, versions, same story), the saved-page toolbar mark, idempotent
 * capture, search with filters, library actions from the keyboard with Undo. Tests run in order
 * and share one browser.
 */
describe(`${browserLabel()}: a library that scales (dedupe, versions, search, actions)`, () => {
  let server: DemoServer;
  let h: Harness;
  let article: WebPage;
  let popup: ExtensionPage;

  const recordCount = () => h.evaluate(countCaptures);
  const countIs = (value: string) => popup.waitUntil((v) => document.querySelector('#count')!.textContent === v, value);

  beforeAll(async () => {
    ({ server, h } = await startSpec());
    article = await h.openWebPage();
    popup = await h.extensionPage();
  });
  afterAll(() => stopSpec({ server, h }));

  it('keeps the AMP address of a saved article as an alias of the one record', async () => {
    await article.goto(server.seedUrl);
    expect(await statusForTab(popup, await h.tabIdOf(server.seedUrl))).toContain(`✓ Saved · ${expected.title}`);
    const amp = `${server.origin}${SEED_AMP_PATH}`;
    await article.goto(amp);
    expect(await statusForTab(popup, await h.tabIdOf(amp))).toContain('Already saved');
    expect(await recordCount()).toBe(1);
  });

  it('marks the toolbar icon of a tab showing a saved page (where the extension may see its address)', async () => {
    const variant = `${server.seedUrl}?utm_source=newsletter`;
    const other = await h.openWebPage(variant);
    const tabId = await h.tabIdOf(variant);
    // The tab was never captured: the mark comes from the background watching the tab's address.
    await expect.poll(() => toolbarTitle(h, tabId), { timeout: 15_000 }).toBe('Clean Capture: this page is in your library');
    await other.goto(`${server.origin}/no-article.html`);
    const plainTab = await h.tabIdOf(`${server.origin}/no-article.html`);
    expect(plainTab).toBe(tabId);
    await expect.poll(() => toolbarTitle(h, plainTab), { timeout: 15_000 }).toBe('Save article (Clean Capture)');
    await other.close();
  });

  it('keeps the older text as a version when the article changed, shows the newest, the word diff and the older version', async () => {
    const original = server.pages.seed;
    server.pages.seed = () => readFileSync(UPDATED_SEED);
    try {
      await article.goto(server.seedUrl);
      expect(await statusForTab(popup, await h.tabIdOf(server.seedUrl))).toContain('Updated (the article changed)');
    } finally {
      server.pages.seed = original;
    }
    expect(await recordCount()).toBe(1);
    expect(await popup.text('#list .row .row-meta')).toContain('2 versions');
    await popup.click('#list .row');
    await popup.waitFor('#reader .versions-bar');
    expect(await popup.text('#reader .article-body')).toContain('Xi Jinping on Saturday');
    expect(await popup.evalAll('#version-select option', (options) => options.map((o) => o.textContent))).toEqual([
      // Dates through Intl in the browser's English (issue 17): "3 Dec 2026" or "Dec 3, 2026".
      expect.stringMatching(/^Version 1 · (\d+ \w{3} \d{4}|\w{3} \d+, \d{4})$/),
      expect.stringMatching(/^Version 2 \(newest\) · (\d+ \w{3} \d{4}|\w{3} \d+, \d{4})$/),
    ]);
    await popup.click('#show-changes');
    await popup.waitFor('#reader .diff-text');
    const added = await popup.evalAll('#reader .diff-text ins', (marks) => marks.map((m) => m.textContent).join(' '));
    expect(added).toContain('Australian beef');
    expect(added).toContain('Xi Jinping on Saturday');
    expect(await popup.text('#reader .diff-summary')).toMatch(/\d+ words added, 0 removed/);
    await popup.click('#show-changes');
    await popup.select('#version-select', '0');
    await popup.waitUntil(() => !document.querySelector('#reader .article-body')!.textContent!.includes('Xi Jinping on Saturday'));
    expect(await popup.text('#reader .article-body')).toContain(expected.paragraphs[0]);
  });

  it('saves the same story from another site as its own record, grouped and labelled "same story as …"', async () => {
    const url = `${server.origin}${SYNDICATED_PATH}`;
    await article.goto(url);
    const status = await statusForTab(popup, await h.tabIdOf(url));
    expect(status).toMatch(/^✓ Saved · .+ — same story as “Canadian PM meets Alibaba's Jack Ma for SME growth”/);
    expect(await recordCount()).toBe(2);
    await waitForRows(popup, 2);
    const badges = await popup.evalAll('#list .row .badge.story', (els) => els.map((e) => e.textContent));
    expect(badges).toHaveLength(2);
    expect(badges).toContain(`Same story as “${expected.title}”`);
  });

  it('stores one record when the same page is captured several times at once', async () => {
    const tabId = await h.tabIdOf(`${server.origin}${SYNDICATED_PATH}`);
    const replies = await h.sendAll('capture', [{ tabId }, { tabId }, { tabId }]);
    expect(replies).toHaveLength(3);
    for (const reply of replies) {
      expect(reply.ok).toBe(true);
      expect(reply.ok && reply.value.status).toBe('already-saved');
    }
    expect(await recordCount()).toBe(2);
  });

  it('searches ranked, with prefixes and typos, and filters by state and tag', async () => {
    await popup.goto('popup.html', '#list .row');
    await waitForRows(popup, 2);
    await popup.fill('#search', 'Hangzho');
    await countIs('2 of 2 articles');
    await popup.fill('#search', 'Alibabba');
    await popup.waitUntil(() => /of 2 articles/.test(document.querySelector('#count')!.textContent!) && document.querySelectorAll('#list .row').length >= 1);
    expect(await rowTitles(popup)).toContain(expected.title);
    await popup.fill('#search', 'zzzqqq');
    await popup.waitFor('#no-match:not([hidden])');
    await popup.fill('#search', '');
    await waitForRows(popup, 2);

    // Keyboard: select the first row, archive it (a), favourite it (f).
    await popup.focus('#list');
    await popup.press('j');
    await popup.waitFor('#list .row[aria-selected="true"]');
    const first = await popup.text('#list .row[aria-selected="true"] .row-title');
    await popup.press('a');
    await popup.waitFor('#list .row[data-state="archived"]');
    await popup.press('f');
    await popup.waitUntil(() => document.querySelector('#list .row[aria-selected="true"] .row-meta')?.textContent?.includes('Favourite'));
    await popup.select('#filter-state', 'archived');
    await countIs('1 of 2 articles');
    expect(await rowTitles(popup)).toEqual([first]);
    await popup.select('#filter-state', 'unread');
    // The count reads "1 of 2" under both filters: wait for the rows themselves to change.
    await popup.waitUntil((t) => {
      const titles = [...document.querySelectorAll('#list .row .row-title')].map((e) => e.textContent);
      return titles.length === 1 && titles[0] !== t;
    }, first);
    expect(await popup.text('#count')).toBe('1 of 2 articles');
    expect(await rowTitles(popup)).not.toContain(first);

    // Tags from the reader, then the tag filter.
    await popup.select('#filter-state', '');
    await waitForRows(popup, 2);
    const seedId = await popup.evalAll(
      '#list .row',
      (rows, title) => rows.find((r) => r.querySelector('.row-title')?.textContent === title)?.getAttribute('data-id'),
      expected.title,
    );
    expect(seedId).toMatch(/^\d+$/);
    await popup.click(`#list .row[data-id="${seedId}"]`);
    await popup.waitFor(`#reader-view[data-ready="${seedId}"]`);
    await popup.fill('#tags', 'Canada, trade');
    await popup.press('Enter');
    await popup.waitUntil(() => document.querySelector<HTMLInputElement>('#tags')!.value === 'canada, trade');
    await popup.click('#back');
    await popup.click('#more-filters summary');
    await popup.fill('#filter-tag', 'trade');
    await countIs('1 of 2 articles');
    expect(await rowTitles(popup)).toEqual([expected.title]);
    expect(await popup.text('#list .row .row-badges')).toContain('#canada');
    await popup.click('#filter-clear');
    await waitForRows(popup, 2);
  });

  it('deletes the selected row with the Delete key, and Undo brings it back with its versions', async () => {
    await popup.focus('#list');
    await popup.press('j');
    await popup.waitFor('#list .row[aria-selected="true"]');
    const title = await popup.text('#list .row[aria-selected="true"] .row-title');
    await popup.press('Delete');
    await popup.waitUntil(() => document.querySelector('#status-text')?.textContent?.startsWith('Deleted'));
    expect(await popup.text('#status-text')).toBe(`Deleted “${title}”`);
    expect(await recordCount()).toBe(1);
    await popup.click('#status-action');
    await waitForRows(popup, 2);
    expect(await recordCount()).toBe(2);
    expect(await rowTitles(popup)).toContain(title);
    // The seed's older text (a version) is kept through delete and Undo alike.
    expect(await h.evaluate(countVersions)).toBe(1);
  });
});
