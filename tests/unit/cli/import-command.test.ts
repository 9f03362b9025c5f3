import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { omnivoreZip, pocketCsv, urlList, type FixtureEntry } from '../../../scripts/import-fixtures.mjs';
import { startImportServer, type ImportServer } from '../../../scripts/import-server.mjs';
import { article } from '../../../scripts/reliability-pages.mjs';
import { importCommand } from '../../../src/cli/commands/import-command';
import { runCli } from '../../../src/cli/index';
import { parseBackup } from '../../../src/core/backup/backup-format';
import { CleanCaptureDb } from '../../../src/storage/db';
import { restoreBackup } from '../../../src/storage/restore';
import type { CaptureRecord, ImageLinkRecord, ImageRecord, ReadingRecord } from '../../../src/storage/records';
import { ROOT } from '../helpers';

let dir: string;
let server: ImportServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clean-capture-import-'));
  server = await startImportServer();
});

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const library = (path: string) => parseBackup(readFileSync(path, 'utf8'));
const records = (path: string) => library(path).tables['captures']!.rows as CaptureRecord[];
const run = async (args: { file: string; library: string; fetch: boolean }) => {
  let log = '';
  await importCommand(args, (s) => (log += s));
  return log;
};

/** A server on 127.0.0.1 counting its requests by path; `routes` maps a path to [content type, body]. */
async function serve(routes: Record<string, [string, string | Buffer]>): Promise<{ origin: string; hits: string[]; server: Server }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes[req.url ?? ''];
    if (route) res.writeHead(200, { 'content-type': route[0] }).end(route[1]);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server };
}

/** An article with a photo: `src` as written in the page (relative, or on another server). */
const photoArticle = (n: string, src: string) =>
  article(n).replace(
    '</h1>',
    `</h1><figure><img src="${src}" alt="The harbour ${n}" width="600" height="400"><figcaption>The harbour, ${n}.</figcaption></figure>`,
  );

describe('clean-capture import --fetch', () => {
  it('captures a Pocket CSV of local pages with their tags, states and saved times, once', async () => {
    const entries: FixtureEntry[] = Array.from({ length: 6 }, (_, i) => ({
      url: `${server.origin}/articles/${i + 1}.html`,
      title: `Pocket title ${i + 1}`,
      savedAt: 1700000000 + i * 60,
      tags: i % 2 ? ['harbour', 'Weekend Reads'] : [],
      archived: i < 2,
    }));
    entries.push({ url: `${server.origin}/busy/1.html`, title: 'Busy', savedAt: 1700001000 });
    entries.push({ url: `${server.origin}/gone.html`, title: 'Gone', savedAt: 1700001000 });
    entries.push({ url: `${server.origin}/doc.pdf`, title: 'A PDF', savedAt: 1700001000 });
    entries.push({ url: `${server.origin}/paywalled.html`, title: 'Paywalled', savedAt: 1700001000 });
    const csv = file('pocket.csv', pocketCsv(entries));
    const lib = join(dir, 'pocket-library.json');

    const log = await run({ file: csv, library: lib, fetch: true });
    expect(log).toContain('Pocket export (CSV): 10 articles, 2 archived, 2 tags; 10 pages to fetch');
    expect(log).toContain('imported 7 into');
    expect(log).toMatch(/gone\.html: the page is gone \(404\)/);
    expect(log).toMatch(/doc\.pdf: not a web page \(application\/pdf\)/);
    expect(log).toMatch(/paywalled\.html: the site sent a login or subscription page/);
    // The 429 was retried (Retry-After: 0) and the page captured.
    expect(server.hits.get('/busy/1.html')).toBe(2);
    // One request at a time to this one host.
    expect(server.stats.maxConcurrent).toBe(1);

    const saved = records(lib);
    expect(saved).toHaveLength(7);
    const first = saved.find((r) => r.url === entries[0]!.url)!;
    expect(first).toMatchObject({
      title: 'Article number 1 from the harbour desk',
      capturedAt: '2023-11-14T22:13:20.000Z',
      archived: 1,
      readState: 'read',
      importedFrom: 'pocket-csv',
    });
    expect(first.rawHtmlGzip?.length).toBeGreaterThan(0);
    expect(saved.find((r) => r.url === entries[1]!.url)!.tags).toEqual(['harbour', 'weekend reads']);
    expect(saved.find((r) => r.url === entries[2]!.url)).toMatchObject({ archived: 0, readState: 'unread' });

    // Again: nothing added, nothing fetched from the pages already saved.
    const before = server.hits.get('/articles/1.html');
    const again = await run({ file: csv, library: lib, fetch: true });
    expect(again).toContain('imported 0 into');
    expect(again).toContain('7 already in the library');
    expect(server.hits.get('/articles/1.html')).toBe(before);
    expect(records(lib)).toHaveLength(7);
  });

  it('imports an Omnivore zip from its content, with highlights and progress, and the file restores into the extension', async () => {
    const entries: FixtureEntry[] = [
      {
        url: 'https://example.com/a',
        title: 'A',
        savedAt: 1700000000,
        tags: ['Harbour'],
        progress: 0.5,
        content: article('omnivore a'),
        highlights: [{ quote: 'the harbour council met again', note: 'Good point.' }],
      },
      { url: 'https://example.com/b', title: 'B', savedAt: 1700000100, archived: true, progress: 1, content: article('omnivore b') },
      { url: 'https://example.com/c', title: 'C', savedAt: 1700000200 },
    ];
    const zip = file('omnivore.zip', omnivoreZip(entries));
    const lib = join(dir, 'omnivore-library.json');
    const log = await run({ file: zip, library: lib, fetch: false });
    expect(log).toContain('imported 2 into');
    expect(log).toContain('1 pages carry no article in the export: run again with --fetch');
    const saved = records(lib);
    expect(saved.map((r) => r.title)).toEqual(['Article number omnivore a from the harbour desk', 'Article number omnivore b from the harbour desk']);
    expect(saved[0]).toMatchObject({ tags: ['harbour'] });
    // The export's highlight is a highlight record anchored in the article's text, as in the extension.
    const highlights = (library(lib).tables['highlights']?.rows ?? []) as { captureId: number; exact: string; note?: string; orphan?: boolean }[];
    expect(highlights).toHaveLength(1);
    expect(highlights[0]).toMatchObject({ captureId: saved[0]!.id, exact: 'the harbour council met again', note: 'Good point.' });
    expect(saved[0]!.textContent).toContain(highlights[0]!.exact);
    const reading = library(lib).tables['reading']!.rows as ReadingRecord[];
    expect(reading).toEqual([
      { captureId: saved[0]!.id, progress: 0.5, updatedAt: expect.any(String) },
      { captureId: saved[1]!.id, progress: 1, updatedAt: expect.any(String), readAt: expect.any(String) },
    ]);

    const db = new CleanCaptureDb(`import-restore-${Date.now()}`);
    await db.open();
    const report = await restoreBackup(db, library(lib));
    expect(report.tables['captures']).toEqual({ added: 2, updated: 0, skipped: 0 });
    expect(await db.captures.count()).toBe(2);
    expect(await db.reading.count()).toBe(2);
    expect(await db.highlights.count()).toBe(1);
    db.close();
  });

  it('refuses a bad file with one line and exit code 1, and leaves the library untouched', async () => {
    const lib = file('kept.json', '');
    rmSync(lib);
    const errors: string[] = [];
    const bad = file('list.txt', urlList(['javascript:alert(1)', 'file:///etc/passwd']));
    expect(
      await runCli(
        ['import', bad, '--library', lib],
        () => {},
        (s) => errors.push(s),
      ),
    ).toBe(1);
    expect(errors.join('')).toMatch(/^clean-capture: .*not an export Clean Capture knows/);
    const truncated = file('cut.zip', omnivoreZip([{ url: 'https://example.com/a', title: 'A', savedAt: 1, content: article('x') }], { truncate: true }));
    expect(
      await runCli(
        ['import', truncated, '--library', lib],
        () => {},
        (s) => errors.push(s),
      ),
    ).toBe(1);
    expect(errors.at(-1)).toMatch(/damaged or incomplete/);
    expect(() => readFileSync(lib)).toThrow();
    expect(
      await runCli(
        ['import', bad],
        () => {},
        (s) => errors.push(s),
      ),
    ).toBe(2);
    expect(errors.at(-1)).toMatch(/--library is required/);
    // A damaged library file is refused before anything is fetched or written.
    const damaged = file('damaged.json', '{"format": "clean-capture-backup", "tables": ');
    const list = file('one.txt', urlList([`${server.origin}/articles/40.html`]));
    expect(
      await runCli(
        ['import', list, '--library', damaged, '--fetch'],
        () => {},
        (s) => errors.push(s),
      ),
    ).toBe(1);
    expect(errors.at(-1)).toMatch(/^clean-capture: the library ".*damaged\.json" cannot be used/);
    expect(readFileSync(damaged, 'utf8')).toBe('{"format": "clean-capture-backup", "tables": ');
    expect(server.hits.get('/articles/40.html')).toBeUndefined();
  });

  it('keeps the images of fetched pages and of carried content, from this server and another, and a second import fetches nothing', async () => {
    const barge = readFileSync(join(ROOT, 'tests/fixtures/cli-save/images/barge.png'));
    const lead = readFileSync(join(ROOT, 'tests/fixtures/seed/lead-image.jpg'));
    const other = await serve({ '/lead.jpg': ['image/jpeg', lead] });
    const pages = await serve({
      '/photo/1.html': ['text/html; charset=utf-8', photoArticle('photo one', '/images/barge.png')],
      '/photo/2.html': ['text/html; charset=utf-8', photoArticle('photo two', `${other.origin}/lead.jpg`)],
      '/images/barge.png': ['image/png', barge],
    });
    try {
      // Pocket: addresses only, fetched; Omnivore: the article in the export, its image over HTTP.
      const csv = file(
        'photos.csv',
        pocketCsv([
          { url: `${pages.origin}/photo/1.html`, title: 'One', savedAt: 1700000000, tags: ['Photos'] },
          { url: `${pages.origin}/photo/2.html`, title: 'Two', savedAt: 1700000060 },
        ]),
      );
      const lib = join(dir, 'photos-library.json');
      const log = await run({ file: csv, library: lib, fetch: true });
      expect(log).toMatch(/imported 2 into .*; 0 already in the library; 0 failed, 2 pages fetched in [\d.]+ s, 2 images kept\n/);
      const zip = file(
        'photos.zip',
        omnivoreZip([
          { url: 'https://example.com/carried', title: 'Carried', savedAt: 1700000100, content: photoArticle('carried', `${other.origin}/lead.jpg`) },
        ]),
      );
      expect(await run({ file: zip, library: lib, fetch: true })).toContain('imported 1 into');

      const backup = library(lib);
      const saved = records(lib);
      expect(saved).toHaveLength(3);
      expect(saved.find((r) => r.url === `${pages.origin}/photo/1.html`)).toMatchObject({
        tags: ['photos'],
        importedFrom: 'pocket-csv',
        capturedAt: '2023-11-14T22:13:20.000Z',
      });
      const links = backup.tables['imageLinks']!.rows as ImageLinkRecord[];
      const images = backup.tables['images']!.rows as ImageRecord[];
      const bytesOf = async (captureUrl: string) => {
        const id = saved.find((r) => r.url === captureUrl)!.id;
        const link = links.find((l) => l.captureId === id)!;
        expect(link.hash).toBeTruthy();
        return Buffer.from(await images.find((i) => i.hash === link.hash)!.blob.arrayBuffer());
      };
      expect((await bytesOf(`${pages.origin}/photo/1.html`)).equals(barge)).toBe(true);
      expect((await bytesOf(`${pages.origin}/photo/2.html`)).equals(lead)).toBe(true);
      expect((await bytesOf('https://example.com/carried')).equals(lead)).toBe(true);
      // The same photo from two articles is one image, kept once by its hash.
      expect(images).toHaveLength(2);
      expect(pages.hits.filter((h) => h === '/images/barge.png')).toHaveLength(1);

      // Again: nothing added, not one request to either server, the file as it was.
      const requests = pages.hits.length + other.hits.length;
      const before = readFileSync(lib, 'utf8');
      const again = await run({ file: csv, library: lib, fetch: true });
      expect(again).toContain('imported 0 into');
      expect(again).toContain('2 already in the library');
      expect(await run({ file: zip, library: lib, fetch: true })).toContain('imported 0 into');
      expect(pages.hits.length + other.hits.length).toBe(requests);
      expect(readFileSync(lib, 'utf8')).toBe(before);
    } finally {
      await Promise.all([pages, other].map(({ server }) => new Promise((resolve) => server.close(resolve))));
    }
  });
});
