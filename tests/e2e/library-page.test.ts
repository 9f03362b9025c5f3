import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNDICATED_PATH, type DemoServer } from '../../scripts/demo-server.mjs';
import type { ExtensionPage, Harness } from './harness/harness';
import { browserLabel, startSpec, stopSpec } from './harness/launch';
import { countCaptures } from './harness/library-queries';
import { rowTitles, statusForTab, waitForRows } from './steps';

/**
 * Issue 17: the full-page library (list and reader side by side, sorts, bulk actions, tag
 * management with suggestions) and the reader tab's way back, previous / next and actions.
 */
describe(`${browserLabel()}: the full-page library`, () => {
  let server: DemoServer;
  let h: Harness;
  let page: ExtensionPage;
  const rowTags = () => page.evalAll('#list .row', (rows) => rows.map((r) => [...r.querySelectorAll('.badge.tag')].map((b) => b.textContent).join(' ')));

  beforeAll(async () => {
    ({ server, h } = await startSpec());
    const article = await h.openWebPage(server.seedUrl);
    page = await h.extensionPage({ viewport: { width: 1200, height: 800 } });
    expect(await statusForTab(page, await h.tabIdOf(server.seedUrl))).toContain('Saved');
    const other = `${server.origin}${SYNDICATED_PATH}`;
    await article.goto(other);
    expect(await statusForTab(page, await h.tabIdOf(other))).toMatch(/Saved/);
  });
  afterAll(() => stopSpec({ server, h }));

  it('opens from the popup, and shows the list beside the reader; a click reads an article, Next reads the following one', async () => {
    await page.goto('popup.html', '#list .row');
    const opened = await h.tabOpenedBy(() => page.click('#library-page'), '#list .row');
    expect(await opened.title()).toBe('Clean Capture library');
    await opened.close();
    await page.goto('library.html', '#list .row');
    await waitForRows(page, 2);
    expect(await page.text('#count')).toBe('2 articles');
    const titles = await rowTitles(page);
    await page.click('#list .row .row-main');
    await page.waitFor('#reader-pane[data-ready]');
    expect(await page.text('#reader .article-title')).toBe(titles[0]);
    await page.click('#next');
    await page.waitUntil((t) => document.querySelector('#reader .article-title')?.textContent === t, titles[1]);
    expect(await page.attr('#list .row[aria-selected="true"]', 'aria-rowindex')).toBe('2');
  });

  it('sorts by title, site and reading time through the background index', async () => {
    await page.select('#sort', 'title');
    await page.waitUntil(() => {
      const t = [...document.querySelectorAll('#list .row .row-title')].map((e) => e.textContent!);
      return t.length === 2 && t[0].localeCompare(t[1]) <= 0;
    });
    const byTitle = await rowTitles(page);
    expect([...byTitle].sort((a, b) => a!.localeCompare(b!))).toEqual(byTitle);
    await page.select('#sort', 'minutes');
    await page.waitUntil(() => {
      const m = [...document.querySelectorAll('#list .row .row-meta')].map((e) => Number(/(\d+) min/.exec(e.textContent!)?.[1]));
      return m.length === 2 && m[0] <= m[1];
    });
    await page.select('#sort', 'saved');
    await waitForRows(page, 2);
  });

  it('tags the checked articles, suggests tags while typing, renames (merges) and deletes a tag', async () => {
    await page.click('#list .row:nth-child(1) .row-check');
    await page.click('#list .row:nth-child(2) .row-check');
    await page.waitFor('#bulk-bar:not([hidden])');
    expect(await page.text('#bulk-count')).toBe('2 articles checked');
    await page.fill('#bulk-tag-input', 'World');
    await page.click('#bulk-tag');
    await page.waitUntil(() => [...document.querySelectorAll('#list .row')].every((r) => r.querySelector('.badge.tag')?.textContent === '#world'));
    // Suggestions while typing: the reader's tags field offers the library's tags.
    await page.click('#list .row .row-main');
    await page.waitFor('#tags-row:not([hidden])');
    await page.fill('#tags', 'wo');
    await page.waitUntil(() => [...document.querySelectorAll('#tags-suggestions option')].some((o) => (o as HTMLOptionElement).value === 'world'));
    await page.fill('#tags', 'world, ');
    await page.waitUntil(() => document.querySelectorAll('#tags-suggestions option').length === 0);

    await page.click('#manage-tags');
    await page.waitFor('#tag-list li[data-tag="world"]');
    expect(await page.text('#tag-list li[data-tag="world"] .tag-name')).toBe('#world (2)');
    await page.fill('#tag-list li[data-tag="world"] .tag-rename', 'News');
    await page.click('#tag-list li[data-tag="world"] .tag-rename-button');
    await page.waitFor('#tag-list li[data-tag="news"]');
    await page.waitUntil(() => [...document.querySelectorAll('#list .row')].every((r) => r.querySelector('.badge.tag')?.textContent === '#news'));
    await page.click('#tag-list li[data-tag="news"] .tag-delete');
    await page.waitUntil(() => !document.querySelector('#tag-list li[data-tag]'));
    await page.click('#tag-dialog-close');
    await page.waitUntil(() => document.querySelectorAll('#list .row .badge.tag').length === 0);
    expect(await rowTags()).toEqual(['', '']);
    expect(await h.evaluate(countCaptures)).toBe(2);
  });

  it('archives and deletes the checked articles, each with Undo', async () => {
    await page.waitFor('#bulk-bar:not([hidden])');
    await page.click('#bulk-archive');
    await page.waitUntil(() => [...document.querySelectorAll('#list .row')].every((r) => r.getAttribute('data-state') === 'archived'));
    await page.click('#status-action');
    await page.waitUntil(() => [...document.querySelectorAll('#list .row')].every((r) => r.getAttribute('data-state') !== 'archived'));
    await page.click('#bulk-delete');
    await page.waitFor('#empty:not([hidden])');
    expect(await h.evaluate(countCaptures)).toBe(0);
    await page.click('#status-action');
    await waitForRows(page, 2);
    expect(await h.evaluate(countCaptures)).toBe(2);
  });

  it('works from the keyboard alone: / searches, ↓ enters the list, Enter reads, Delete deletes', async () => {
    await page.goto('library.html', '#list .row');
    await page.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.press('ArrowDown');
    await page.waitFor('#list .row[aria-selected="true"]');
    expect(await page.attr('#list', 'aria-activedescendant')).toBe(await page.attr('#list .row[aria-selected="true"]', 'id'));
    await page.press('ArrowDown');
    await page.press('Enter');
    await page.waitFor('#reader-pane[data-ready]');
    expect(await page.text('#reader .article-title')).toBe(await page.text('#list .row[aria-selected="true"] .row-title'));
    await page.press('x');
    await page.waitFor('#bulk-bar:not([hidden])');
    expect(await page.text('#bulk-count')).toBe('1 article checked');
  });

  it('gives the reader tab a way back to the library, the next article, favourite, archive, tags and delete', async () => {
    await page.goto('library.html', '#list .row');
    const [firstId, secondId] = await page.evalAll('#list .row', (rows) => rows.map((r) => r.getAttribute('data-id')));
    await page.goto(`reader.html?id=${firstId}`, 'body[data-ready]');
    expect(await page.attr('#back-to-library', 'href')).toBe(`library.html?id=${firstId}`);
    expect(await page.isVisible('#previous')).toBe(false);
    await page.click('#toggle-favourite');
    await page.waitFor('#toggle-favourite[aria-pressed="true"]');
    await page.click('#toggle-archive');
    await page.waitUntil(() => document.querySelector('#toggle-archive')?.textContent === 'Unarchive');
    await page.fill('#tags', 'later');
    await page.press('Enter');
    await page.click('#next');
    await page.waitUntil((id) => location.search === `?id=${id}` && document.body.dataset['ready'] === 'true', secondId);
    await page.click('#back-to-library');
    await page.waitUntil(() => location.pathname.endsWith('library.html'));
    await page.waitFor('#reader-pane[data-ready]');
    await page.waitFor('#list .row .badge.tag');
    expect(await page.evalAll('#list .row .badge.tag', (b) => b.map((e) => e.textContent))).toEqual(['#later']);
  });
});
