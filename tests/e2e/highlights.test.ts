import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../scripts/demo-server.mjs';
import type { ExtensionPage, Harness, WebPage } from './harness/harness';
import { browserLabel, startSpec, stopSpec } from './harness/launch';
import { expected, statusForTab, valueOf } from './steps';

/** A passage over the end of the first paragraph and the start of the second (issue #16: across blocks). */
const FIRST = expected.paragraphs[0]!;
const SECOND = expected.paragraphs[1]!;
const ACROSS_FROM = 'voicing hopes the Internet';
const ACROSS_TO = 'Harper, who is on his third visit';
const NOTE = 'Check the SME numbers <b>later</b>';

/**
 * Select text in the reader as a user does (a real DOM selection over the rendered text nodes),
 * from the start of `from` to the end of `to`.
 */
function selectText(page: ExtensionPage, from: string, to: string) {
  return page.evaluate(
    ([a, b]) => {
      const body = document.querySelector('.article-body')!;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const find = (needle: string) => {
        const node = nodes.find((t) => t.data.includes(needle));
        if (!node) throw new Error(`not in the reader: ${needle}`);
        return { node, at: node.data.indexOf(needle) };
      };
      const start = find(a);
      const end = find(b);
      // As a user would: the passage is on screen while it is selected.
      start.node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(start.node, start.at);
      range.setEnd(end.node, end.at + b.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
    },
    [from, to] as [string, string],
  );
}

const markedText = (page: ExtensionPage) =>
  page.evalAll('.article-body mark.hl', (marks) => marks.map((m) => `${m.className}|${(m as HTMLElement).dataset['highlightId']}|${m.textContent}`));

/**
 * Issue #16: highlights and notes in the reader (a real selection, the bar, `h`, the editor),
 * kept across a reload and a Re-extract, on the live page through the context menu's code path,
 * in the Markdown export, and removed with Undo. Tests run in order and share one browser.
 */
describe(`${browserLabel()}: highlights and notes`, () => {
  let server: DemoServer;
  let h: Harness;
  let article: WebPage;
  let popup: ExtensionPage;
  let reader: ExtensionPage;
  let id = 0;

  beforeAll(async () => {
    ({ server, h } = await startSpec());
    article = await h.openWebPage();
    popup = await h.extensionPage({ viewport: { width: 420, height: 600 } });
    await article.goto(server.seedUrl);
    expect(await statusForTab(popup, await h.tabIdOf(server.seedUrl))).toContain('✓ Saved');
    id = Number(await popup.attr('#list .row', 'data-id'));
  });
  afterAll(() => stopSpec({ server, h }));

  it('highlights a selection across two paragraphs in the reader tab, with a note, and keeps it after a reload', async () => {
    reader = await h.openExtensionPage(`reader.html?id=${id}`, 'body[data-ready="true"]');
    await selectText(reader, ACROSS_FROM, ACROSS_TO);
    await reader.waitFor('#highlight-bar');
    await reader.click('#highlight-bar .hl-swatch[data-color="green"]');
    await reader.waitFor('.article-body mark.hl-green');
    const marks = await markedText(reader);
    expect(marks.length).toBe(2);
    expect(marks[0]).toMatch(new RegExp(`\\|${ACROSS_FROM}.*Chinese market\\.$`));
    expect(marks[1]).toMatch(new RegExp(`\\|${ACROSS_TO}$`));

    // Click the highlight: the editor; write a note (plain text, even when it looks like HTML).
    await reader.click('.article-body mark.hl-green');
    await reader.waitFor('#highlight-editor');
    await reader.fill('#highlight-editor .hl-note-input', NOTE);
    await reader.click('#highlight-editor .hl-save-note');
    await reader.waitUntil((note) => document.querySelector('.article-body mark.hl[data-note]')?.getAttribute('data-note') === note, NOTE);
    expect(await reader.count('.article-body b')).toBe(0);

    await reader.reload('body[data-ready="true"]');
    await reader.waitFor('.article-body mark.hl-green');
    expect((await markedText(reader)).map((m) => m.split('|')[2])).toEqual([expect.stringContaining(ACROSS_FROM), ACROSS_TO]);
    expect(await reader.attr('.article-body mark.hl[data-note]', 'data-note')).toBe(NOTE);
  });

  it('highlights with the h key in the popup reader, and overlapping highlights nest', async () => {
    await popup.goto('popup.html', '#list .row');
    // The library row counts the article's highlights.
    expect(await popup.text(`#list .row[data-id="${id}"] .row-meta`)).toContain('1 highlight');
    await popup.click(`#list .row[data-id="${id}"]`);
    await popup.waitFor(`#reader-view[data-ready="${id}"]`);
    await popup.waitFor('#reader .article-body mark.hl-green');
    await selectText(popup, 'Jack Ma of Alibaba', 'voicing hopes');
    await popup.press('h');
    await popup.waitFor('#reader .article-body mark.hl-yellow');
    expect(await popup.evalAll('#reader mark.hl-yellow', (m) => m.map((x) => x.textContent).join(''))).toBe(
      FIRST.slice(FIRST.indexOf('Jack Ma of Alibaba'), FIRST.indexOf('voicing hopes') + 'voicing hopes'.length),
    );
    // The overlap: "voicing hopes" is in both.
    expect(await popup.count('#reader mark.hl mark.hl')).toBeGreaterThan(0);
    const stored = valueOf(await h.send('list-highlights', { captureId: id })).highlights;
    expect(stored.map((x) => [x.color, x.exact.includes(ACROSS_FROM)])).toEqual([
      ['green', true],
      ['yellow', false],
    ]);
    expect(stored[0]!.exact).toContain(SECOND.slice(0, 10));
  });

  it('keeps the highlights marked after Re-extract', async () => {
    await popup.click('#reextract');
    await popup.waitUntil(() => document.querySelector('#status-text')?.textContent?.includes('Re-extracted'));
    await popup.waitFor(`#reader-view[data-ready="${id}"]`);
    await popup.waitFor('#reader .article-body mark.hl-green');
    expect(await popup.count('#reader .article-body mark.hl-yellow')).toBeGreaterThan(0);
    expect(await popup.count('#reader .hl-orphans')).toBe(0);
  });

  it('highlights a selection on the live page through the context menu code path, and marks it there', async () => {
    const quote = 'sold American cherries, Canadian lobsters and French wines';
    await article.evaluate((q) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n as Text;
        const at = t.data.indexOf(q);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(t, at);
        range.setEnd(t, at + q.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error('quote not on the page');
    }, quote);
    const result = valueOf(await h.send('highlight-selection', { tabId: await h.tabIdOf(server.seedUrl) }));
    expect(result.captureId).toBe(id);
    const onPage = `mark[data-clean-capture-highlight="${result.id}"]`;
    await article.waitFor(onPage);
    expect(await article.evalAll(onPage, (m) => m.map((x) => x.textContent).join(''))).toBe(quote);
    // The highlights made in the reader show on the page too.
    expect(await article.count('mark[data-clean-capture-highlight]')).toBeGreaterThan(1);
    const reader2 = await h.openExtensionPage(`reader.html?id=${id}`, 'body[data-ready="true"]');
    await reader2.waitFor('.article-body mark.hl-yellow');
    expect(await reader2.evalAll('.article-body mark.hl', (m) => m.map((x) => x.textContent).join('|'))).toContain(quote);
    await reader2.close();
  });

  it('lists every highlight in the Highlights view, newest first, filtered by colour', async () => {
    const view = await h.openExtensionPage('highlights.html', 'body[data-ready="true"]');
    const quotes = () => view.evalAll('#highlights-list .hl-quote', (q) => q.map((x) => x.textContent));
    const all = await quotes();
    expect(all.length).toBe(3);
    expect(all[0]).toBe('sold American cherries, Canadian lobsters and French wines');
    expect(await view.text('#highlights-count')).toBe('3 highlights');
    await view.select('#filter-color', 'green');
    await view.waitUntil(() => document.querySelectorAll('#highlights-list .highlights-item').length === 1);
    expect((await quotes())[0]).toContain(ACROSS_FROM);
    expect(await view.text('#highlights-list .hl-orphan-note')).toBe(NOTE);
    await view.close();
  });

  it('exports Markdown with a "Highlights" section holding the quotes and the note', async () => {
    // The reader's Export Markdown is a zip of the .md and its images (issue 13).
    const zip = unzipSync(new Uint8Array(readFileSync((await reader.download('#export-md', /\.zip$/)).path)));
    const markdown = strFromU8(zip[Object.keys(zip).find((name) => name.endsWith('.md'))!]!);
    const section = markdown.slice(markdown.indexOf('## Highlights'));
    expect(section).toContain(`> ${ACROSS_FROM}`);
    expect(section).toContain(`> ${ACROSS_TO}`);
    // The note as text: what looks like HTML is escaped.
    expect(section).toContain('Check the SME numbers \\<b\\>later\\</b\\>');
    expect(section).toContain('> sold American cherries, Canadian lobsters and French wines');

    // The same highlights as W3C Web Annotations (JSON-LD).
    const annotations = JSON.parse(readFileSync((await reader.download('#export-annotations', /\.jsonld$/)).path, 'utf8'));
    expect(annotations.type).toBe('AnnotationCollection');
    const noted = annotations.first.items.find((a: { body?: { value: string } }) => a.body?.value === NOTE);
    expect(noted.target.source).toMatch(/^https?:\/\//);
    expect(noted.target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: expect.stringContaining(ACROSS_FROM) });
  });

  it('removes a highlight from the editor, and Undo brings it back', async () => {
    await reader.reload('body[data-ready="true"]');
    await reader.waitFor('.article-body mark.hl-green');
    const before = await reader.count('.article-body mark.hl');
    // The second paragraph's piece: the first holds the yellow highlight nested inside it.
    await reader.click('.article-body mark.hl-green[data-note]');
    await reader.click('#highlight-editor .hl-remove');
    await reader.waitFor('#highlight-toast .hl-undo');
    await reader.waitUntil(() => !document.querySelector('.article-body mark.hl-green'));
    expect(valueOf(await h.send('list-highlights', { captureId: id })).highlights.some((x) => x.color === 'green')).toBe(false);
    await reader.click('#highlight-toast .hl-undo');
    await reader.waitFor('.article-body mark.hl-green');
    expect(await reader.count('.article-body mark.hl')).toBe(before);
    expect(await reader.attr('.article-body mark.hl[data-note]', 'data-note')).toBe(NOTE);
  });
});
