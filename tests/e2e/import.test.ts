import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { omnivoreZip, pocketCsv, type FixtureEntry } from '../../scripts/import-fixtures.mjs';
import { startImportServer, type ImportServer } from '../../scripts/import-server.mjs';
import { article } from '../../scripts/reliability-pages.mjs';
import type { ExtensionPage, Harness } from './harness/harness';
import { browserLabel, launchHarness } from './harness/launch';
import { valueOf } from './steps';

interface Imported {
  id: number;
  url: string;
  title: string;
  tags: string[];
  archived: number;
  readState: string;
  capturedAt: string;
  importedFrom?: string;
  importedHighlights?: unknown;
  kept: boolean;
}

/** Every live capture, with the fields an import sets (self-contained: runs in an extension page). */
function readImported(): Promise<Imported[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('clean-capture');
    open.onsuccess = () => {
      const req = open.result.transaction('captures').objectStore('captures').getAll();
      req.onsuccess = () => {
        resolve(
          req.result
            .filter((r: { deletedAt?: string }) => r.deletedAt === undefined)
            .map((r: Imported & { rawHtmlGzip?: Uint8Array }) => ({
              id: r.id,
              url: r.url,
              title: r.title,
              tags: r.tags,
              archived: r.archived,
              readState: r.readState,
              capturedAt: r.capturedAt,
              importedFrom: r.importedFrom,
              importedHighlights: r.importedHighlights,
              kept: !!r.rawHtmlGzip && r.rawHtmlGzip.byteLength > 0,
            })),
        );
        open.result.close();
      };
      req.onerror = () => reject(req.error);
    };
    open.onerror = () => reject(open.error);
  });
}

/**
 * Options → Import (issue #15): a Pocket CSV of 20 local pages fetched and captured with their
 * tags and states, the same file again adding nothing, an Omnivore zip imported from its content
 * with its highlights, and the background stopped mid-import with the queue resuming, nothing
 * lost or doubled. Tests run in order and share one browser.
 */
describe(`${browserLabel()}: import`, () => {
  let server: ImportServer;
  let h: Harness;
  let options: ExtensionPage;
  const dir = mkdtempSync(join(tmpdir(), 'cc-import-'));
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const library = () => h.evaluate(readImported);
  const progressIs = (state: string) => options.waitUntil((st) => document.getElementById('import-progress')?.dataset['state'] === st, state);
  const importFile = async (path: string, preview: string) => {
    await options.upload('#import-file', path);
    await options.waitFor('#import-preview[data-state="ready"]');
    expect(await options.text('#import-preview')).toBe(preview);
    await options.click('#import-start');
    await options.waitFor('#import-preview[data-state="queued"]');
    await progressIs('done');
    return options.text('#import-progress');
  };

  beforeAll(async () => {
    server = await startImportServer({ slowMs: 400 });
    h = await launchHarness();
    options = await h.openExtensionPage('options.html', '#import-file');
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it('captures a Pocket CSV of 20 local pages with their saved times, tags and states, one request per host at a time', async () => {
    const entries: FixtureEntry[] = Array.from({ length: 20 }, (_, i) => ({
      url: `${server.origin}/articles/${101 + i}.html`,
      title: `Pocket title ${i}`,
      savedAt: 1700000000 + i * 3600,
      tags: i % 3 === 0 ? ['harbour', 'Long Reads'] : [],
      archived: i % 4 === 0,
    }));
    const csv = file('pocket.csv', pocketCsv(entries));
    const done = await importFile(csv, 'Pocket export (CSV): 20 articles, 5 archived, 2 tags; 20 pages to fetch.');
    expect(done).toBe('20 captured, 0 already in your library, 0 failed, 0 left — Import finished.');
    expect(server.stats.maxConcurrent).toBe(1);

    const saved = await library();
    expect(saved).toHaveLength(20);
    for (const [i, entry] of entries.entries()) {
      const record = saved.find((r) => r.url === entry.url);
      expect(record, entry.url).toBeDefined();
      expect(record).toMatchObject({
        title: `Article number ${101 + i} from the harbour desk`,
        capturedAt: new Date(entry.savedAt * 1000).toISOString(),
        tags: i % 3 === 0 ? ['harbour', 'long reads'] : [],
        archived: i % 4 === 0 ? 1 : 0,
        readState: i % 4 === 0 ? 'read' : 'unread',
        importedFrom: 'pocket-csv',
        kept: true,
      });
    }

    // The same file again: nothing added, no page fetched again.
    const hits = server.hits.get('/articles/101.html');
    const again = await importFile(csv, 'Pocket export (CSV): 20 articles, 5 archived, 2 tags; 20 pages to fetch.');
    expect(again).toBe('0 captured, 20 already in your library, 0 failed, 0 left — Import finished.');
    expect(server.hits.get('/articles/101.html')).toBe(hits);
    expect(await library()).toHaveLength(20);
  });

  it('imports an Omnivore zip from its content, with labels and state kept and its highlights anchored in the article', async () => {
    const entries: FixtureEntry[] = [
      {
        url: 'https://example.com/omnivore/one',
        title: 'One',
        savedAt: 1690000000,
        tags: ['Harbour'],
        content: article('omnivore one'),
        highlights: [
          { quote: 'the ferry operators said the new timetable would hold', note: 'Winter!' },
          // One word differs from the article ("once" for "again"): found fuzzily.
          { quote: 'Paragraph 3 of article omnivore one: the harbour council met once on Tuesday evening', note: null },
          { quote: 'A passage that this article never had in any form.', note: 'Still here.' },
        ],
      },
      { url: 'https://example.com/omnivore/two', title: 'Two', savedAt: 1690000100, archived: true, content: article('omnivore two') },
    ];
    const zip = file('omnivore.zip', omnivoreZip(entries));
    const done = await importFile(zip, 'Omnivore export (zip): 2 articles, 1 archived, 1 tag, 3 highlights; 0 pages to fetch.');
    expect(done).toBe('2 captured, 0 already in your library, 0 failed, 0 left — Import finished.');
    const saved = await library();
    expect(saved).toHaveLength(22);
    const one = saved.find((r) => r.url === entries[0]!.url)!;
    expect(one).toMatchObject({
      title: 'Article number omnivore one from the harbour desk',
      tags: ['harbour'],
      archived: 0,
      importedFrom: 'omnivore',
      kept: true,
    });
    // The highlights are highlights now, not data on the record.
    expect(one.importedHighlights).toBeUndefined();
    expect(saved.find((r) => r.url === entries[1]!.url)).toMatchObject({ archived: 1, readState: 'read' });

    const listed = async () => valueOf(await h.send('list-highlights', { captureId: one.id })).highlights;
    const highlights = await listed();
    expect(highlights).toHaveLength(3);
    const byNote = (note: string) => highlights.find((x) => x.note === note)!;
    expect(byNote('Winter!')).toMatchObject({
      exact: 'the ferry operators said the new timetable would hold',
      color: 'yellow',
      createdAt: '2023-07-22T04:26:40.000Z',
    });
    expect(byNote('Winter!').prefix).toMatch(/met again on Tuesday evening, and $/);
    expect(byNote('Winter!').start).toEqual(expect.any(Number));
    expect(byNote('').exact).toMatch(/^Paragraph 3 of article omnivore one: the harbour council met again on Tuesday evening/);
    expect(byNote('Still here.')).toMatchObject({ exact: 'A passage that this article never had in any form.', prefix: '', suffix: '' });

    // The reader marks the two found passages in the article and lists the third as an orphan.
    const reader = await h.openExtensionPage(`reader.html?id=${one.id}`, '.article-body[data-highlights="2"]');
    const marked = await reader.evalAll('.article-body mark.hl-yellow', (marks) => marks.map((m) => m.textContent).join(''));
    expect(marked).toContain('the ferry operators said the new timetable would hold');
    expect(marked).toContain('Paragraph 3 of article omnivore one');
    expect(await reader.text('.hl-orphans blockquote')).toBe('A passage that this article never had in any form.');
    expect(await reader.text('.hl-orphans .hl-orphan-note')).toBe('Still here.');
    await reader.close();

    // The same zip again: nothing added, no highlight doubled.
    const again = await importFile(zip, 'Omnivore export (zip): 2 articles, 1 archived, 1 tag, 3 highlights; 0 pages to fetch.');
    expect(again).toBe('0 captured, 2 already in your library, 0 failed, 0 left — Import finished.');
    expect(await listed()).toHaveLength(3);
  });

  it('refuses a CSV with the wrong columns before anything is written', async () => {
    await options.upload('#import-file', file('wrong.csv', 'name,link,added\nFerry,https://example.com/a,1700000000\n'));
    await options.waitFor('#import-preview[data-state="failed"]');
    expect(await options.text('#import-preview')).toMatch(/columns \(name, link, added\) are not those of a Pocket, Instapaper or Readwise Reader export/);
    expect(await options.isVisible('#import-start')).toBe(false);
    expect(await library()).toHaveLength(22);
  });

  it('retries a 429, and reports what failed and why, with Retry failed and a CSV of the failures', async () => {
    const entries: FixtureEntry[] = [
      { url: `${server.origin}/busy/1.html`, title: 'Busy', savedAt: 1700000000 },
      { url: `${server.origin}/gone.html`, title: 'Gone', savedAt: 1700000000 },
      { url: `${server.origin}/doc.pdf`, title: 'A PDF', savedAt: 1700000000 },
    ];
    const done = await importFile(file('mixed.csv', pocketCsv(entries)), 'Pocket export (CSV): 3 articles, 0 archived, 0 tags; 3 pages to fetch.');
    expect(done).toBe('1 captured, 0 already in your library, 2 failed, 0 left — Import finished.');
    expect(server.hits.get('/busy/1.html')).toBe(2);
    const failures = await options.evalAll('#import-failures li', (items) => items.map((li) => li.textContent));
    expect(failures).toEqual(['Not imported:', `${entries[1]!.url}: the page is gone (404)`, `${entries[2]!.url}: not a web page (application/pdf)`]);
    const csv = await options.download('#import-csv', 'clean-capture-import-failures.csv');
    expect(readFileSync(csv.path, 'utf8')).toBe(
      `url,reason,detail\n${entries[1]!.url},not-found,the page is gone (404)\n${entries[2]!.url},not-html,not a web page (application/pdf)\n`,
    );
    const gone = server.hits.get('/gone.html');
    await options.click('#import-retry');
    // The finished report is already on screen before the retry runs: wait for the page to be
    // fetched again, then for the report to say the same once more (else this step raced).
    for (let waited = 0; (server.hits.get('/gone.html') ?? 0) <= gone! && waited < 15_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(server.hits.get('/gone.html')).toBe(gone! + 1);
    const finished = '1 captured, 0 already in your library, 2 failed, 0 left — Import finished.';
    await options.waitUntil((text) => document.getElementById('import-progress')?.textContent === text, finished);
    await options.waitUntil((n) => (document.getElementById('import-failures')?.children.length ?? 0) === n, 3);
    await progressIs('done');
  });

  it('the background stopped mid-import: the queue resumes, nothing lost or doubled', async () => {
    const entries: FixtureEntry[] = Array.from({ length: 12 }, (_, i) => ({
      url: `${server.origin}/slow/${i + 1}.html`,
      title: `Slow ${i}`,
      savedAt: 1710000000 + i,
    }));
    await options.upload('#import-file', file('slow.csv', pocketCsv(entries)));
    await options.waitFor('#import-preview[data-state="ready"]');
    await options.click('#import-start');
    await options.waitUntil(() => /^[3-9] captured/.test(document.getElementById('import-progress')?.textContent ?? ''));

    await h.markBackground();
    await h.stopBackground();
    // The options page asks for the status every second: that wakes a new background, which resumes the queue.
    await progressIs('done');
    expect(await h.backgroundMarked()).toBe(false);
    expect(await options.text('#import-progress')).toBe('12 captured, 0 already in your library, 0 failed, 0 left — Import finished.');

    const slow = (await library()).filter((r) => r.url.includes('/slow/'));
    expect(slow).toHaveLength(12);
    expect(new Set(slow.map((r) => r.url)).size).toBe(12);
    // A page cut short by the stop may be fetched once more, never more.
    for (const entry of entries) expect(server.hits.get(new URL(entry.url).pathname) ?? 0).toBeLessThanOrEqual(2);
  });
});
