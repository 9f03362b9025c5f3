import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../scripts/demo-server.mjs';
import type { ExtensionPage, Harness, WebPage } from './harness/harness';
import { browserLabel, startSpec, stopSpec } from './harness/launch';
import { countCaptures, readCapture, readKeptPage } from './harness/library-queries';
import { expected, rowTitles, statusForTab, toolbarTitle, UPDATED_SEED, valueOf } from './steps';

/**
 * The whole product path with the built extension: save from the popup, dedupe, refuse what
 * cannot be saved, read offline, export. Tests run in order and share one browser.
 */
describe(`${browserLabel()}: the first slice end to end`, () => {
  let server: DemoServer;
  let h: Harness;
  let article: WebPage;
  let popup: ExtensionPage;

  const recordCount = () => h.evaluate(countCaptures);
  const readerParagraphs = (page: ExtensionPage) => page.evalAll('#reader .article-body p', (ps) => ps.map((p) => p.textContent));

  beforeAll(async () => {
    ({ server, h } = await startSpec());
    article = await h.openWebPage();
    popup = await h.extensionPage();
  });
  afterAll(() => stopSpec({ server, h }));

  it('refuses pages it cannot capture (no article, image, PDF, about:blank) with a clear message, storing nothing', async () => {
    await article.goto(`${server.origin}/no-article.html`);
    expect(await statusForTab(popup, await h.tabIdOf(`${server.origin}/no-article.html`))).toMatch(/Can't save this page\. No article was found/);

    await article.goto(`${server.origin}/image.png`);
    expect(await statusForTab(popup, await h.tabIdOf(`${server.origin}/image.png`))).toMatch(/This page is an image/);

    await article.goto(`${server.origin}/document.pdf`);
    expect(await statusForTab(popup, await h.tabIdOf(`${server.origin}/document.pdf`))).toMatch(/This page is a PDF/);

    await article.goto('about:blank');
    // Without the tabs permission neither browser tells the extension the address of a tab
    // outside the granted hosts, so the refusal reads "…can only read a page after you use its
    // toolbar button…" here rather than "Browser pages can't be saved".
    const blank = await h.api(async (api) => (await api.tabs.query({})).find((t) => !t.url || t.url === 'about:blank')?.id);
    expect(await statusForTab(popup, blank!)).toMatch(/Can't save this page/);

    expect(await recordCount()).toBe(0);
    expect(await popup.isVisible('#empty')).toBe(true);
  });

  it('saves the article when the popup opens, lists it on top, and shows the badge result', async () => {
    await article.goto(server.seedUrl);
    const tabId = await h.tabIdOf(server.seedUrl);
    const status = await statusForTab(popup, tabId);
    expect(status).toContain(`✓ Saved · ${expected.title}`);
    expect(status).toContain('Undo');
    expect(await rowTitles(popup)).toEqual([expected.title]);
    expect(await popup.text('#list .row .row-meta')).toMatch(/127\.0\.0\.1 · (8 Nov 2014|Nov 8, 2014) · \d+ min/); // Intl in the browser's English (issue 17);
    expect(await toolbarTitle(h, tabId)).toBe('Clean Capture: saved');
  });

  it('keeps one record when the same page is saved again, also under tracking/fragment URL variants', async () => {
    const tabId = await h.tabIdOf(server.seedUrl);
    expect(await statusForTab(popup, tabId)).toContain('Already saved');
    for (const variant of ['?utm_source=x&utm_medium=y#comments', '?from=timeline&isappinstalled=0', '?fbclid=abc&gclid=def']) {
      const url = `${server.seedUrl}${variant}`;
      await article.goto(url);
      expect(await statusForTab(popup, await h.tabIdOf(url))).toContain('Already saved');
    }
    expect(await recordCount()).toBe(1);
    expect(await rowTitles(popup)).toHaveLength(1);
    expect(await toolbarTitle(h, tabId)).toBe('Clean Capture: already saved');
  });

  it('updates the one record when the article changed at the same URL', async () => {
    const original = server.pages.seed;
    server.pages.seed = () => readFileSync(UPDATED_SEED);
    try {
      await article.goto(server.seedUrl);
      expect(await statusForTab(popup, await h.tabIdOf(server.seedUrl))).toContain('Updated (the article changed)');
      expect(await recordCount()).toBe(1);
      await popup.click('#list .row');
      await popup.waitFor('#reader .article-body p');
      expect(await popup.text('#reader')).toContain('Harper is expected to meet Chinese President Xi Jinping on Saturday.');
    } finally {
      server.pages.seed = original;
    }
    await article.goto(server.seedUrl);
    expect(await statusForTab(popup, await h.tabIdOf(server.seedUrl))).toContain('Updated');
    expect(await recordCount()).toBe(1);
  });

  it('saves just the selection as its own record when asked to', async () => {
    await article.goto(server.seedUrl);
    await article.evaluate(() => {
      const paragraph = [...document.querySelectorAll('#zoom p')][2]!;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const reply = await h.send('capture', { tabId: await h.tabIdOf(server.seedUrl), selection: true });
    expect(reply).toMatchObject({ ok: true, value: { status: 'saved' } });
    const { id } = valueOf(reply);
    const stored = await h.evaluate(readCapture, id);
    expect(stored?.selectionOnly).toBe(true);
    expect(stored?.textContent).toBe(expected.paragraphs[2]);
    expect(await recordCount()).toBe(2);
    // Undo of the selection through the same message the popup's Undo sends.
    await h.send('delete-capture', { id });
    expect(await recordCount()).toBe(1);
  });

  it('reads the article with the server gone, in the popup and in a tab', async () => {
    await server.close();
    await popup.goto('popup.html', '#list .row');
    await popup.click('#list .row');
    await popup.waitFor('#reader .article-body p');
    expect(await popup.text('#reader .article-title')).toBe(expected.title);
    expect(await readerParagraphs(popup)).toEqual(expected.paragraphs);
    expect(await popup.text('#reader .article-meta')).toContain('Xinhua');
    expect(await popup.text('#reader .article-meta')).toMatch(/8 Nov 2014, 09:04|Nov 8, 2014, 9:04\sAM/);

    const tab = await h.tabOpenedBy(() => popup.click('#open-tab'), '#reader .article-body p');
    const id = await popup.attr('#list .row', 'data-id');
    expect(await tab.evaluate(() => location.href)).toBe(h.url(`reader.html?id=${id}`));
    expect(await tab.title()).toBe(expected.title);
    const tabText = await tab.text('#reader');
    for (const paragraph of expected.paragraphs) expect(tabText).toContain(paragraph);
    for (const bad of expected.mustNotContain) expect(tabText).not.toContain(bad);
    await tab.close();
  });

  it('keeps the page with the capture and re-extracts it offline', async () => {
    const raw = await h.evaluate(readKeptPage);
    expect(raw.bytes).toBe(true);
    expect(raw.size).toBeGreaterThan(500); // gzip of the whole page, smaller than the page itself
    // The server is stopped: only the stored page can be read again.
    await popup.click('#reextract');
    await popup.waitUntil(
      () =>
        document.querySelector('#status')?.getAttribute('data-kind') === 'ok' && document.querySelector('#status-text')?.textContent?.includes('Re-extracted'),
    );
    expect(await popup.text('#status-text')).toContain('Re-extracted');
    await popup.waitFor('#reader .article-body p');
    expect(await readerParagraphs(popup)).toEqual(expected.paragraphs);
  });

  it('exports the article as a Markdown file with front matter', async () => {
    const file = await popup.download('#export-md', `2014-11-08 ${expected.title}.md`);
    expect(file.name).toBe(`2014-11-08 ${expected.title}.md`);
    const markdown = readFileSync(file.path, 'utf8');
    // eslint-disable-next-line no-regex-spaces -- the front matter's YAML indentation, as written
    expect(markdown).toMatch(/^---\ntitle: "Canadian PM meets Alibaba's Jack Ma for SME growth"\nauthors:\n  - "Xinhua"\npublished: "2014-11-08T09:04"\n/);
    const body = markdown.split('\n---\n')[1]!;
    expect(body).toContain(`# ${expected.title}`);
    for (const paragraph of expected.paragraphs) expect(body.split(paragraph)).toHaveLength(2);
    for (const bad of expected.mustNotContain) expect(body).not.toContain(bad);
  });

  it('exports the library as a zip of Markdown files', async () => {
    await popup.click('#back');
    const file = await popup.download('#export-zip', /^clean-capture-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(file.name).toMatch(/^clean-capture-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync(file.path)));
    // The seed's photo was stored at capture, so the zip carries it in assets/.
    expect(Object.keys(files).sort()).toEqual([`2014-11-08 ${expected.title}.md`, 'assets/00001.jpg', 'index.md']);
    expect(strFromU8(files[`2014-11-08 ${expected.title}.md`]!)).toContain('](assets/00001.jpg)');
    expect(strFromU8(files['index.md']!)).toContain(`- [${expected.title}](<2014-11-08 ${expected.title}.md>)`);
    expect(strFromU8(files[`2014-11-08 ${expected.title}.md`]!)).toContain(expected.paragraphs[7]);
  });

  it('deletes from the reader with an Undo that brings the article back', async () => {
    await popup.click('#list .row');
    await popup.click('#delete');
    await popup.waitUntil(
      () => document.querySelector('#status')?.getAttribute('data-kind') === 'ok' && document.getElementById('status-text')?.textContent?.startsWith('Deleted'),
    );
    expect(await recordCount()).toBe(0);
    await popup.click('#status-action');
    await popup.waitFor('#status', 'hidden');
    await popup.waitFor('#list .row');
    expect(await rowTitles(popup)).toEqual([expected.title]);
    expect(await recordCount()).toBe(1);
  });
});
