import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNDICATED_PATH, type DemoServer } from '../../scripts/demo-server.mjs';
import { audit, unacceptable } from './axe-audit';
import type { ExtensionPage, Harness, HarnessPage } from './harness/harness';
import { browserLabel, startSpec, stopSpec } from './harness/launch';
import { statusForTab, waitForRows } from './steps';

/**
 * Issue 17, layout for everyone: 360 px wide screens (Firefox for Android runs the extension),
 * a right-to-left UI and right-to-left articles in a left-to-right one, forced colours, reduced
 * motion, and the library page by keyboard alone.
 */
const ARABIC_PAGE = readFileSync(new URL('../fixtures/rtl/arabic-article.html', import.meta.url), 'utf8');
const ARABIC_TITLE = 'المكتبات العامة تفتح أبوابها ليلًا';
const PHONE = { width: 360, height: 640 };

/** A server of this spec's own on 127.0.0.1: the Arabic article (lang="ar", no dir anywhere). */
async function startArabicServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(ARABIC_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ar/library-nights.html` };
}

/** How far the page scrolls sideways (0: not at all). */
const sidewaysScroll = (page: HarnessPage) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Whether each element is shown, has a size, and lies wholly inside the viewport's width (reachable without sideways scrolling). */
function reachable(page: HarnessPage, selectors: string[]): Promise<Record<string, boolean>> {
  return page.evaluate((list) => {
    const out: Record<string, boolean> = {};
    for (const selector of list) {
      const element = document.querySelector(selector);
      const rect = element?.getBoundingClientRect();
      const style = element ? getComputedStyle(element) : null;
      out[selector] =
        !!rect &&
        !!style &&
        style.visibility === 'visible' &&
        rect.width > 0 &&
        rect.height > 0 &&
        rect.left >= -1 &&
        rect.right <= document.documentElement.clientWidth + 1;
    }
    return out;
  }, selectors);
}
const allTrue = (selectors: string[]) => Object.fromEntries(selectors.map((s) => [s, true]));

describe(`${browserLabel()}: layout (360 px, right to left, forced colours, reduced motion, keyboard)`, () => {
  let server: DemoServer;
  let h: Harness;
  let arabic: { server: Server; url: string };
  let page: ExtensionPage;
  const ids = { seed: 0, arabic: 0 };

  beforeAll(async () => {
    ({ server, h } = await startSpec());
    arabic = await startArabicServer();
    const article = await h.openWebPage(server.seedUrl);
    page = await h.extensionPage({ viewport: PHONE });
    expect(await statusForTab(page, await h.tabIdOf(server.seedUrl))).toContain('Saved');
    const other = `${server.origin}${SYNDICATED_PATH}`;
    await article.goto(other);
    expect(await statusForTab(page, await h.tabIdOf(other))).toContain('Saved');
    await article.goto(arabic.url);
    expect(await statusForTab(page, await h.tabIdOf(arabic.url))).toContain('Saved');
    await page.goto('library.html', '#list .row');
    await waitForRows(page, 3);
    const rows = await page.evalAll('#list .row', (r) =>
      r.map((row) => ({ id: Number(row.getAttribute('data-id')), title: row.querySelector('.row-title')?.textContent })),
    );
    ids.arabic = rows.find((r) => r.title === ARABIC_TITLE)!.id;
    ids.seed = rows.at(-1)!.id;
    expect(ids.arabic).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await h?.emulateMedia(page, { forcedColors: false, reducedMotion: false });
    arabic?.server.close();
    await stopSpec({ server, h });
  });

  describe('360 × 640', () => {
    it('popup: no sideways scroll in the list or the reader; search, rows and Back reachable', async () => {
      await page.goto('popup.html', '#list .row');
      expect(await page.evaluate(() => innerWidth)).toBe(360);
      expect(await sidewaysScroll(page)).toBe(0);
      const list = ['#search', '#list .row', '#list .row .row-title', '#filter-state'];
      expect(await reachable(page, list)).toEqual(allTrue(list));
      await page.click('#list .row .row-main');
      await page.waitFor('#reader-view[data-ready]');
      expect(await sidewaysScroll(page)).toBe(0);
      const reader = ['#back', '#reader .article-title'];
      expect(await reachable(page, reader)).toEqual(allTrue(reader));
      // Every button of the reader's toolbar fits on screen (it does not wrap at popup width).
      expect(
        await page.evalAll(
          '#reader-view .reader-toolbar button:not([hidden])',
          (b) => b.filter((e) => e.getBoundingClientRect().right > innerWidth + 1).length,
        ),
      ).toBe(0);
    });

    it('popup at its own size (420 px): the reader toolbar fits, left to right and right to left', async () => {
      const popup = await h.extensionPage({ viewport: { width: 420, height: 580 } });
      await popup.goto('popup.html', '#list .row');
      await popup.click('#list .row .row-main');
      await popup.waitFor('#reader-view[data-ready]');
      for (const dir of ['ltr', 'rtl']) {
        await popup.evaluate((d) => (document.documentElement.dir = d), dir);
        expect(await sidewaysScroll(popup)).toBe(0);
        const toolbar = ['#back', '#look-toggle', '#toggle-archive', '#export-md', '#delete'];
        expect(await reachable(popup, toolbar)).toEqual(allTrue(toolbar));
      }
      await popup.close();
    });

    it('library: one column; opening an article shows the reader with a Back control; Back shows the list again', async () => {
      await page.goto('library.html', '#list .row');
      expect(await sidewaysScroll(page)).toBe(0);
      const header = ['#search', '#sort', '#filter-state', '#manage-tags', '#options', '#list .row .row-title'];
      expect(await reachable(page, header)).toEqual(allTrue(header));
      // The list takes the whole width (not a 20rem column beside an empty reader).
      expect(await page.evalOne('#list', (l) => Math.round(l.getBoundingClientRect().width))).toBeGreaterThanOrEqual(350);
      expect(await page.evalOne('#reader-pane', (p) => getComputedStyle(p).visibility)).toBe('hidden');
      await page.click('#list .row .row-main');
      await page.waitFor('#reader-pane[data-ready]');
      expect(await sidewaysScroll(page)).toBe(0);
      const reader = ['#back-to-list', '#next', '#toggle-archive', '#delete', '#reader .article-title'];
      expect(await reachable(page, reader)).toEqual(allTrue(reader));
      expect(await page.evalOne('.lib-list-pane', (p) => getComputedStyle(p).visibility)).toBe('hidden');
      // Nothing of the list shows through the reader (a descendant may set visibility: visible).
      expect(await page.evalAll('.lib-list-pane *', (all) => all.filter((e) => getComputedStyle(e).visibility === 'visible').map((e) => e.className))).toEqual(
        [],
      );
      await page.click('#back-to-list');
      await page.waitUntil(() => getComputedStyle(document.querySelector('.lib-list-pane')!).visibility === 'visible');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('list');
      expect(await page.count('#list .row')).toBe(3);
    });

    it('library at 360 px and right to left: axe finds nothing', async () => {
      await page.goto('library.html', '#list .row');
      expect(unacceptable(await audit(page))).toEqual([]);
      await page.evaluate(() => (document.documentElement.dir = 'rtl'));
      expect(unacceptable(await audit(page))).toEqual([]);
    });

    it('reader tab, options and highlights: no sideways scroll, their controls reachable; axe finds nothing on the highlights page', async () => {
      await page.goto(`reader.html?id=${ids.seed}`, 'body[data-ready]');
      expect(await sidewaysScroll(page)).toBe(0);
      const reader = ['#back-to-library', '#toggle-archive', '#look-toggle', '#delete', '#reader .article-title'];
      expect(await reachable(page, reader)).toEqual(allTrue(reader));
      await page.goto('options.html', '#section-backup');
      expect(await sidewaysScroll(page)).toBe(0);
      const tooWide = await page.evalAll('button, input, select, textarea', (all) =>
        all
          .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).opacity !== '0')
          .filter((e) => e.getBoundingClientRect().right > innerWidth + 1 || e.getBoundingClientRect().left < -1)
          .map((e) => e.id || e.outerHTML.slice(0, 60)),
      );
      expect(tooWide).toEqual([]);
      await page.goto('highlights.html', '#filter-color');
      expect(await sidewaysScroll(page)).toBe(0);
      // Its new Views nav (back to the articles) keeps the page clean for axe.
      expect(await page.attr('.lib-views a:not([aria-current])', 'href')).toBe('library.html');
      expect(unacceptable(await audit(page))).toEqual([]);
    });
  });

  describe('right to left', () => {
    it('an Arabic article reads right to left in an English UI, whose chrome stays left to right', async () => {
      await page.goto(`reader.html?id=${ids.arabic}`, 'body[data-ready]');
      // The page's language is the UI's (localizeDocument: 'en-US' here), the article's its own.
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([expect.stringMatching(/^en/), 'ltr']);
      expect(await page.attr('#reader', 'dir')).toBe('rtl');
      expect(await page.attr('#reader', 'lang')).toBe('ar');
      // At 360 px too: right-to-left overflow would grow to the left, and still count here.
      expect(await sidewaysScroll(page)).toBe(0);
      expect(await page.evalOne('#reader .article-body p', (p) => getComputedStyle(p).direction)).toBe('rtl');
      expect(await page.evalOne('.reader-bar', (bar) => getComputedStyle(bar).direction)).toBe('ltr');
      // The English facts (date, "min read") are isolated from the Arabic ones around them.
      expect(await page.evalAll('#reader .article-meta bdi', (b) => b.map((e) => e.textContent))).toEqual([
        'سارة الحسن',
        'صحيفة المدينة',
        expect.stringMatching(/2024/),
        expect.stringMatching(/min read$/),
      ]);
      // The text starts at the right: the first line's right edge is the column's right edge.
      const edges = await page.evalOne('#reader .article-body p', (p) => {
        const range = document.createRange();
        range.setStart(p.firstChild!, 0);
        range.setEnd(p.firstChild!, 1);
        return { first: range.getBoundingClientRect().right, column: p.getBoundingClientRect().right };
      });
      expect(Math.abs(edges.first - edges.column)).toBeLessThan(3);
      // The English article in the same reader: left to right, said so explicitly.
      await page.goto(`reader.html?id=${ids.seed}`, 'body[data-ready]');
      expect(await page.attr('#reader', 'dir')).toBe('ltr');
    });

    it('the library in a right-to-left UI mirrors: rows lead from the right, arrows point the other way; articles keep their own direction', async () => {
      await page.goto('library.html', '#list .row');
      const ltr = await page.evalOne('#list .row', (row) => ({
        check: row.querySelector('.row-check-cell')!.getBoundingClientRect().left,
        title: row.querySelector('.row-title')!.getBoundingClientRect().left,
      }));
      expect(ltr.check).toBeLessThan(ltr.title);
      await page.evaluate(() => (document.documentElement.dir = 'rtl'));
      const rtl = await page.evalOne('#list .row', (row) => ({
        check: row.querySelector('.row-check-cell')!.getBoundingClientRect().right,
        title: row.querySelector('.row-title')!.getBoundingClientRect().right,
        rowRight: row.getBoundingClientRect().right,
      }));
      // The leading edge is on the right: the checkbox is the rightmost cell, the title left of it.
      expect(rtl.check).toBeGreaterThan(rtl.title);
      expect(rtl.rowRight - rtl.check).toBeLessThan(20);
      expect(await sidewaysScroll(page)).toBe(0);
      await page.evaluate((id) => document.querySelector<HTMLElement>(`#list .row[data-id="${id}"] .row-main`)!.click(), ids.seed);
      await page.waitFor('#reader-pane[data-ready]');
      expect(await page.evalOne('#back-to-list svg', (svg) => getComputedStyle(svg).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
      expect(await page.evalOne('#next svg', (svg) => getComputedStyle(svg).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
      // The back control sits at the start of the toolbar: its right end.
      const back = await page.evalOne('#back-to-list', (b) => b.getBoundingClientRect().right);
      expect(back).toBeGreaterThan(300);
      // The English article keeps reading left to right inside the right-to-left page.
      expect(await page.attr('#reader', 'dir')).toBe('ltr');
      expect(await page.evalOne('#reader .article-body p', (p) => getComputedStyle(p).direction)).toBe('ltr');
      // → is "previous" right to left: from the last row (the seed) to the one above it.
      const rowIds = await page.evalAll('#list .row', (rows) => rows.map((r) => r.getAttribute('data-id')));
      expect(rowIds.at(-1)).toBe(String(ids.seed));
      await page.focus('#reader');
      await page.press('ArrowRight');
      await page.waitUntil((id) => document.querySelector('#reader-pane')?.getAttribute('data-ready') === id, rowIds.at(-2));
    });
  });

  it('the library by keyboard alone: search, move, open, back, archive, tag, check two and archive them, delete with Undo, Highlights and back', async () => {
    const desk = await h.extensionPage({ viewport: { width: 1200, height: 800 } });
    const active = () => desk.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || '');
    const selectedRow = () => desk.evaluate(() => document.querySelector('#list .row[aria-selected="true"]')?.getAttribute('data-id'));
    /** Tab (or Shift+Tab) until the element `target` (an id, or a link's text) has the focus. */
    const tabTo = async (target: string, key = 'Tab') => {
      for (let i = 0; i < 25 && (await active()) !== target; i++) await desk.press(key);
      expect(await active()).toBe(target);
    };
    await desk.goto('library.html', '#list .row');
    await waitForRows(desk, 3);
    // Search: / then type; ↓ into the list; Enter opens; Esc comes back to the list.
    await desk.press('/');
    expect(await active()).toBe('search');
    await desk.fill('#search', 'Alibaba');
    // The Arabic article does not match; the seed and its syndicated copy do.
    await desk.waitUntil(() => document.querySelectorAll('#list .row').length === 2);
    await desk.press('ArrowDown');
    await desk.waitFor('#list .row[aria-selected="true"]');
    expect(await active()).toBe('list');
    await desk.press('Enter');
    await desk.waitFor('#reader-pane[data-ready]');
    expect(await desk.text('#reader .article-title')).toBe(await desk.text('#list .row[aria-selected="true"] .row-title'));
    await desk.focus('#reader');
    await desk.press('Escape');
    expect(await active()).toBe('list');
    await desk.press('/');
    await desk.fill('#search', '');
    await waitForRows(desk, 3);
    // Move and archive (a), then bring it back (a).
    await desk.press('ArrowDown');
    await desk.waitFor('#list .row[aria-selected="true"]');
    const first = await selectedRow();
    await desk.press('a');
    await desk.waitUntil((id) => document.querySelector(`#list .row[data-id="${id}"]`)?.getAttribute('data-state') === 'archived', first);
    await desk.press('a');
    await desk.waitUntil((id) => document.querySelector(`#list .row[data-id="${id}"]`)?.getAttribute('data-state') !== 'archived', first);
    // Tag (t): the reader opens with the focus in Tags; Enter saves; Esc goes back to the list.
    await desk.press('t');
    await desk.waitUntil(() => document.activeElement?.id === 'tags');
    await desk.fill('#tags', 'by-keyboard');
    await desk.press('Enter');
    await desk.waitFor(`#list .row[data-id="${first}"] .badge.tag`);
    expect(await desk.text(`#list .row[data-id="${first}"] .badge.tag`)).toBe('#by-keyboard');
    await desk.press('Escape');
    expect(await active()).toBe('list');
    // Check two rows (x, ↓, x) and archive both from the bulk bar, reached with Shift+Tab.
    await desk.press('x');
    await desk.press('ArrowDown');
    const second = await selectedRow();
    expect(second).not.toBe(first);
    await desk.press('x');
    await desk.waitUntil(() => document.querySelector('#bulk-count')?.textContent === '2 articles checked');
    await tabTo('bulk-archive', 'Shift+Tab');
    await desk.press('Enter');
    await desk.waitUntil(
      (pair) => pair.every((id) => document.querySelector(`#list .row[data-id="${id}"]`)?.getAttribute('data-state') === 'archived'),
      [first, second],
    );
    // Delete the selected row with the Delete key; Undo has the focus and Enter brings it back.
    await desk.focus('#list');
    await desk.waitFor('#list .row[aria-selected="true"]');
    await desk.press('Delete');
    await desk.waitUntil(() => document.querySelector('#status-text')?.textContent?.startsWith('Deleted'));
    await waitForRows(desk, 2);
    expect(await active()).toBe('status-action');
    await desk.press('Enter');
    await waitForRows(desk, 3);
    // The Highlights view from the header's nav (Shift+Tab back from the search box), and back.
    await desk.press('/');
    await tabTo('Highlights', 'Shift+Tab');
    await desk.press('Enter');
    await desk.waitUntil(() => location.pathname.endsWith('highlights.html') && !!document.querySelector('#filter-color'));
    await tabTo('Articles');
    await desk.press('Enter');
    await desk.waitUntil(() => location.pathname.endsWith('library.html') && document.querySelectorAll('#list .row').length === 3);
    await desk.close();
  });

  it('forced colours: the focused row keeps a visible outline in the system’s highlight colour; buttons keep a border', async () => {
    await page.goto('library.html', '#list .row');
    await h.emulateMedia(page, { forcedColors: true });
    try {
      await page.waitUntil(() => matchMedia('(forced-colors: active)').matches);
      await page.focus('#search');
      await page.press('ArrowDown');
      await page.waitFor('#list .row[aria-selected="true"]');
      const looks = await page.evaluate(() => {
        const probe = document.createElement('span');
        probe.style.color = 'Highlight';
        document.body.append(probe);
        const highlight = getComputedStyle(probe).color;
        probe.remove();
        const row = getComputedStyle(document.querySelector('#list .row[aria-selected="true"]')!);
        const button = getComputedStyle(document.querySelector('#manage-tags')!);
        return {
          highlight,
          outlineStyle: row.outlineStyle,
          outlineWidth: row.outlineWidth,
          outlineColor: row.outlineColor,
          buttonBorder: button.borderTopColor,
        };
      });
      expect(looks.outlineStyle).toBe('solid');
      expect(looks.outlineWidth).toBe('2px');
      expect(looks.outlineColor).toBe(looks.highlight);
      expect(looks.buttonBorder).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
      // The row's actions stay shown (a hover background no longer tells them apart).
      expect(await page.evalOne('#list .row:not([aria-selected="true"]) .row-actions', (a) => getComputedStyle(a).visibility)).toBe('visible');
    } finally {
      await h.emulateMedia(page, { forcedColors: false });
    }
  });

  it('reduced motion: no transitions and no smooth scrolling', async () => {
    await page.goto('library.html', '#list .row');
    const motion = () =>
      page.evaluate(() => ({
        reduce: matchMedia('(prefers-reduced-motion: reduce)').matches,
        button: getComputedStyle(document.querySelector('#manage-tags')!).transitionDuration,
        scroll: getComputedStyle(document.querySelector('#list')!).scrollBehavior,
        page: getComputedStyle(document.documentElement).scrollBehavior,
      }));
    // Without the preference the buttons fade on hover…
    expect((await motion()).button).toMatch(/^0\.12s/);
    await h.emulateMedia(page, { reducedMotion: true });
    try {
      await page.waitUntil(() => matchMedia('(prefers-reduced-motion: reduce)').matches);
      // …with it, nothing moves.
      expect(await motion()).toEqual({ reduce: true, button: '0s', scroll: 'auto', page: 'auto' });
    } finally {
      await h.emulateMedia(page, { reducedMotion: false });
    }
  });
});
