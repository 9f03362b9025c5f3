import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../../src/core/import/parse-import';
import { ImportFormatError, MAX_IMPORT_BYTES, type ImportParse } from '../../../../src/core/import/import-item';
import { summarize, summaryLine } from '../../../../src/core/import/import-summary';
import { ROOT } from '../../helpers';

const DIR = join(ROOT, 'tests/fixtures/import');
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) });
const parse = (name: string): ImportParse => parseImportFile(read(name));
const text = (name: string, content: string) => parseImportFile({ name, bytes: new TextEncoder().encode(content) });

const FERRY = 'https://example.com/harbour/ferry-returns';
const COUNCIL = 'https://example.com/harbour/council-vote';
const STORM = 'https://example.com/weather/storm,%20names';
const FERRY_SAVED = '2023-11-14T22:13:20.000Z';

describe('Pocket', () => {
  it('reads the CSV export: title, time_added, |-separated tags, status', () => {
    const result = parse('pocket.csv');
    expect(result.format).toBe('pocket-csv');
    expect(result.skipped).toEqual([]);
    expect(result.items.map((i) => i.url)).toEqual([FERRY, COUNCIL, STORM]);
    expect(result.items[0]).toMatchObject({
      title: 'Ferry returns, at last',
      savedAt: FERRY_SAVED,
      tags: ['harbour', 'transport'],
      archived: false,
      contentHtml: null,
    });
    expect(result.items[1]).toMatchObject({ title: 'Council votes, "again"', tags: ['politics'], archived: true });
    expect(result.items[2]!.tags).toEqual([]);
  });

  it('reads the older HTML export: Unread and Read Archive lists', () => {
    const result = parse('pocket.html');
    expect(result.format).toBe('pocket-html');
    const byUrl = new Map(result.items.map((i) => [i.url, i]));
    expect(byUrl.get(FERRY)).toMatchObject({ title: 'Ferry returns, at last', savedAt: FERRY_SAVED, tags: ['harbour', 'transport'], archived: false });
    expect(byUrl.get(COUNCIL)).toMatchObject({ title: 'Council votes, "again"', archived: true });
    expect(result.items).toHaveLength(3);
  });
});

describe('Omnivore', () => {
  it('reads the zip: metadata, content and highlights per slug', () => {
    const result = parse('omnivore.zip');
    expect(result.format).toBe('omnivore');
    expect(result.items).toHaveLength(3);
    const [ferry, council] = result.items;
    expect(ferry).toMatchObject({
      url: FERRY,
      title: 'Ferry returns, at last',
      savedAt: FERRY_SAVED,
      tags: ['harbour', 'transport'],
      archived: false,
      progress: 0.4,
    });
    expect(ferry!.contentHtml).toContain('Article number 1 saved');
    expect(ferry!.highlights).toEqual([
      { quote: 'the ferry operators said the new timetable would hold', note: 'Check the winter table.' },
      { quote: 'Paragraph 2 of article', note: null },
    ]);
    expect(council).toMatchObject({ archived: true, progress: 1, highlights: [] });
  });

  it('refuses a truncated zip with a clear reason', () => {
    expect(() => parse('omnivore-truncated.zip')).toThrow(ImportFormatError);
    expect(() => parse('omnivore-truncated.zip')).toThrow(/damaged or incomplete/);
  });
});

describe('Instapaper', () => {
  it('reads folders as states or tags, and Tags as a JSON array', () => {
    const result = parse('instapaper.csv');
    expect(result.format).toBe('instapaper');
    expect(result.items).toHaveLength(4);
    expect(result.items[0]).toMatchObject({ url: FERRY, favourite: true, archived: false, tags: ['harbour', 'transport'], savedAt: FERRY_SAVED });
    expect(result.items[1]).toMatchObject({ archived: true, favourite: false });
    expect(result.items[3]).toMatchObject({ url: 'https://example.com/recipes/bread', tags: ['food', 'Recipes'] });
  });
});

describe('Readwise Reader', () => {
  it('reads location, document tags, saved date and reading progress', () => {
    const result = parse('readwise.csv');
    expect(result.format).toBe('readwise');
    expect(result.items[0]).toMatchObject({ url: FERRY, favourite: true, tags: ['harbour', 'transport'], savedAt: FERRY_SAVED, progress: 0.4 });
    expect(result.items[1]).toMatchObject({ archived: true, progress: 1 });
  });
});

describe('wallabag', () => {
  it('reads entries with their content, states, tags and annotations', () => {
    const result = parse('wallabag.json');
    expect(result.format).toBe('wallabag');
    expect(result.items[0]).toMatchObject({ url: FERRY, favourite: true, archived: false, tags: ['harbour', 'transport'], savedAt: FERRY_SAVED });
    expect(result.items[0]!.contentHtml).toContain('Article number 1 saved');
    expect(result.items[0]!.highlights[0]).toEqual({ quote: 'the ferry operators said the new timetable would hold', note: 'Check the winter table.' });
    expect(result.items[1]!.archived).toBe(true);
  });
});

describe('bookmarks', () => {
  it('reads Netscape bookmarks with folders as tags, skipping bookmarklets', () => {
    const result = parse('bookmarks.html');
    expect(result.format).toBe('bookmarks');
    expect(result.items.map((i) => i.url)).toEqual([FERRY, COUNCIL, STORM]);
    // The browser's own "Bookmarks bar" is not a tag; the user's folders are, then the TAGS attribute.
    expect(result.items[0]).toMatchObject({ title: 'Ferry returns, at last', savedAt: FERRY_SAVED, tags: ['News', 'Harbour', 'harbour', 'transport'] });
    expect(result.items[1]!.tags).toEqual(['politics']);
    expect(result.skipped).toEqual([{ where: 'bookmark 4', reason: expect.stringMatching(/javascript:/) }]);
  });
});

describe('a list of addresses', () => {
  it('takes http(s) lines, skips javascript:, file: and prose with reasons', () => {
    const result = parse('urls.txt');
    expect(result.format).toBe('url-list');
    expect(result.items.map((i) => i.url)).toEqual([FERRY, COUNCIL, STORM]);
    expect(result.skipped.map((s) => s.where)).toEqual(['line 6', 'line 7', 'line 8']);
    expect(result.skipped[0]!.reason).toMatch(/javascript:.*never opened/);
    expect(result.skipped[1]!.reason).toMatch(/file:/);
    expect(result.skipped[2]!.reason).toMatch(/not a web address/);
  });

  it('refuses a file that is neither an export nor addresses', () => {
    expect(() => text('notes.txt', 'Buy milk\nCall Anna\nWater the plants\nRead the paper\n')).toThrow(/not an export Clean Capture knows/);
  });
});

describe('saved pages', () => {
  it('reads a SingleFile page: its address, date and the page itself', () => {
    const result = parse('singlefile.html');
    expect(result.format).toBe('saved-html');
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({ url: FERRY, title: 'Article number single file from the harbour desk', savedAt: FERRY_SAVED });
    expect(result.items[0]!.contentHtml).toContain('Paragraph 3 of article single file');
  });

  it("reads the address from Chrome's 'saved from' comment or the canonical link", () => {
    const chrome = text(
      'a.html',
      '<!DOCTYPE html>\n<!-- saved from url=(0041)https://example.com/harbour/council-vote -->\n<html><head><title>C</title></head><body></body></html>',
    );
    expect(chrome.items[0]!.url).toBe(COUNCIL);
    const canonical = text('b.html', `<html><head><link rel="canonical" href="${FERRY}"><title>F</title></head><body><p>x</p></body></html>`);
    expect(canonical.items[0]).toMatchObject({ url: FERRY, title: 'F' });
  });

  it('skips a saved page that names no address', () => {
    const result = text('nowhere.html', '<html><head><title>Somewhere</title></head><body><p>x</p></body></html>');
    expect(result.items).toEqual([]);
    expect(result.skipped).toEqual([{ where: 'nowhere.html', reason: expect.stringMatching(/does not say which address/) }]);
  });
});

describe('bad files', () => {
  it('refuses a CSV with the wrong columns, naming them', () => {
    expect(() => parse('wrong-columns.csv')).toThrow(/columns \(name, link, added\) are not those of a Pocket, Instapaper or Readwise Reader export/);
  });

  it('refuses a file over 200 MB before reading it', () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1);
    expect(() => parseImportFile({ name: 'huge.csv', bytes })).toThrow(/larger than 200 MB/);
  });

  it('refuses JSON that is not a wallabag export, and an empty file', () => {
    expect(() => text('x.json', '{"hello": "world"}')).toThrow(/not a wallabag export/);
    expect(() => text('x.json', '[{"url": "https://example.com/a"')).toThrow(/not valid JSON/);
    expect(() => text('empty.csv', '  \n')).toThrow(/empty/);
  });

  it('skips a javascript: row in a Pocket CSV and keeps the rest', () => {
    const result = text('p.csv', `title,url,time_added,tags,status\nBad,javascript:alert(1),1700000000,,unread\nGood,${FERRY},1700000000,,unread\n`);
    expect(result.items.map((i) => i.url)).toEqual([FERRY]);
    expect(result.skipped).toEqual([{ where: 'line 2', reason: expect.stringMatching(/javascript:/) }]);
  });
});

describe('the preview', () => {
  it('counts articles, archived, tags and pages to fetch before anything is written', () => {
    const summary = summarize([parse('pocket.csv'), parse('wallabag.json')]);
    expect(summary).toMatchObject({ articles: 6, archived: 2, tags: 3, toFetch: 3, highlights: 2, skipped: 0 });
    expect(summaryLine(summary)).toBe('6 articles, 2 archived, 1 favourite, 3 tags, 2 highlights; 3 pages to fetch');
    expect(summaryLine({ articles: 1243, archived: 310, favourites: 0, tags: 57, toFetch: 1243, highlights: 0, skipped: 0 })).toBe(
      '1,243 articles, 310 archived, 57 tags; 1,243 pages to fetch',
    );
  });
});
