import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importItem } from '../../../src/core/import/import-item';
import { saveCapture } from '../../../src/storage/captures';
import { CleanCaptureDb } from '../../../src/storage/db';
import { highlightsOf } from '../../../src/storage/highlight-queries';
import {
  cancelImport,
  enqueueImport,
  importStatus,
  markAlready,
  markFailed,
  requeueInterrupted,
  retryFailed,
  retryLater,
  saveImported,
  setImportPaused,
  takeNext,
} from '../../../src/storage/import-queue';
import { makeCapture } from '../helpers';
import { seedCapture, syndicatedCapture } from '../fixture-captures';

let db: CleanCaptureDb;
let n = 0;
beforeEach(async () => {
  db = new CleanCaptureDb(`import-queue-${n++}`);
  await db.open();
});
afterEach(() => db.close());

const text = (word: string) => `${word} ${'The harbour council met on Tuesday and agreed the ferry timetable. '.repeat(20)}`;
const A = 'https://a.example/1';
const A2 = 'https://a.example/2';
const B = 'https://b.example/1';

describe('the import queue', () => {
  it('queues items once, keeps carried HTML aside, and clears the last report on a fresh import', async () => {
    expect(await enqueueImport(db, 'pocket-csv', [importItem(A), importItem(B, { contentHtml: '<p>b</p>' })], true)).toBe(2);
    // The same addresses while still waiting: not queued twice.
    expect(await enqueueImport(db, 'pocket-csv', [importItem(A), importItem(A2)], false)).toBe(1);
    expect(await db.importQueue.count()).toBe(3);
    expect((await db.importPages.toArray()).map((p) => p.html)).toEqual(['<p>b</p>']);
    const row = (await db.importQueue.where('url').equals(A).first())!;
    await markFailed(db, row.id!, { kind: 'not-found', message: 'the page is gone (404)' }, 1);
    expect((await importStatus(db)).failures).toEqual([{ url: A, kind: 'not-found', message: 'the page is gone (404)' }]);
    await enqueueImport(db, 'url-list', [importItem('https://c.example/')], true);
    expect((await importStatus(db)).failed).toBe(0);
  });

  it('takes one page per busy host, none while paused, none before its backoff', async () => {
    await enqueueImport(db, 'url-list', [importItem(A), importItem(A2), importItem(B)], true);
    const first = (await takeNext(db, new Set()))!;
    expect(first.row).toMatchObject({ url: A, state: 'working' });
    const second = (await takeNext(db, new Set([first.row.host])))!;
    expect(second.row.url).toBe(B);
    expect(await takeNext(db, new Set(['a.example', 'b.example']))).toBeNull();
    await retryLater(db, first.row.id!, 1, Date.now() + 60_000);
    expect(await takeNext(db, new Set(['b.example']))).toMatchObject({ row: { url: A2 } });
    expect(await takeNext(db, new Set())).toBeNull(); // A waits for its backoff
    await setImportPaused(db, true);
    expect(await takeNext(db, new Set(), Date.now() + 120_000)).toBeNull();
    expect((await importStatus(db)).paused).toBe(true);
  });

  it('puts pages cut short by a stopped worker back in the queue', async () => {
    await enqueueImport(db, 'url-list', [importItem(A), importItem(B)], true);
    await takeNext(db, new Set());
    expect(await requeueInterrupted(db)).toBe(1);
    expect((await importStatus(db)).left).toBe(2);
    expect(await db.importQueue.where('state').equals('working').count()).toBe(0);
  });

  it('saves a page with the export metadata and marks it done in one step; a page already saved adds nothing', async () => {
    await enqueueImport(
      db,
      'pocket-csv',
      [importItem(A, { tags: ['Harbour'], archived: true, savedAt: '2020-01-02T03:04:05.000Z', progress: 0.5 }), importItem(B)],
      true,
    );
    const a = (await takeNext(db, new Set()))!;
    const saved = await saveImported(db, a.row, makeCapture({ url: A, canonicalUrl: A, textContent: text('first') }), new Uint8Array([1, 2]));
    expect(saved.status).toBe('captured');
    expect(await db.captures.get(saved.id)).toMatchObject({
      url: A,
      tags: ['harbour'],
      archived: 1,
      readState: 'read',
      capturedAt: '2020-01-02T03:04:05.000Z',
      importedFrom: 'pocket-csv',
    });
    expect(await db.reading.get(saved.id)).toMatchObject({ progress: 0.5 });
    expect(await db.importQueue.get(a.row.id!)).toMatchObject({ state: 'captured', captureId: saved.id });

    // B's page has the same text as a page saved before: the library's dedupe finds it.
    const before = await saveCapture(
      db,
      makeCapture({ url: 'https://elsewhere.example/x', canonicalUrl: 'https://elsewhere.example/x', textContent: text('second') }),
    );
    const b = (await takeNext(db, new Set()))!;
    const again = await saveImported(db, b.row, makeCapture({ url: B, canonicalUrl: B, textContent: text('second') }), undefined);
    expect(again).toEqual({ status: 'already', id: before.record.id, highlights: 0 });
    expect(await db.captures.count()).toBe(2);
    expect(await importStatus(db)).toMatchObject({ captured: 1, already: 1, failed: 0, left: 0, etaSeconds: 0 });
  });

  it('groups an imported page with the same story already in the library, and keeps the imported address as an alias of a page it has', async () => {
    const seed = await saveCapture(db, seedCapture());
    const syndicated = syndicatedCapture();
    const mirror = 'https://mirror.example/the-same-article';
    await enqueueImport(db, 'url-list', [importItem(syndicated.url), importItem(mirror)], true);
    const first = (await takeNext(db, new Set()))!;
    const grouped = await saveImported(db, first.row, syndicated, undefined);
    expect(grouped.status).toBe('captured');
    expect((await db.captures.get(grouped.id))!.storyId).toBe(seed.record.id);
    expect((await db.captures.get(seed.record.id!))!.storyId).toBe(seed.record.id);

    // The same text under another address: nothing added, but the address now finds the article.
    const second = (await takeNext(db, new Set()))!;
    const same = await saveImported(db, second.row, { ...seedCapture(), url: mirror }, undefined);
    expect(same).toMatchObject({ status: 'already', id: seed.record.id });
    expect((await db.captures.get(seed.record.id!))!.urlKeys).toContain('https://mirror.example/the-same-article');
  });

  it('stores the export’s highlights as anchored highlights of the saved article, once, however often the file is imported', async () => {
    const article = text('harbour');
    const item = importItem(A, {
      contentHtml: '<p>carried</p>',
      savedAt: '2020-01-02T03:04:05.000Z',
      highlights: [
        { quote: 'agreed the ferry timetable', note: 'Winter!' },
        { quote: 'A passage the article never had.', note: null },
      ],
    });
    for (const round of [1, 2]) {
      await enqueueImport(db, 'omnivore', [item], true);
      const next = (await takeNext(db, new Set()))!;
      const saved = await saveImported(db, next.row, makeCapture({ url: A, canonicalUrl: A, textContent: article }), undefined);
      expect(saved).toMatchObject(round === 1 ? { status: 'captured', highlights: 2 } : { status: 'already', highlights: 0 });
    }
    const capture = (await db.captures.toArray())[0]!;
    expect(capture).not.toHaveProperty('importedHighlights');
    const stored = await highlightsOf(db, capture.id!);
    expect(stored).toHaveLength(2);
    const found = stored.find((h) => h.note === 'Winter!')!;
    expect(found).toMatchObject({ exact: 'agreed the ferry timetable', color: 'yellow', createdAt: '2020-01-02T03:04:05.000Z' });
    expect(found.prefix).toMatch(/met on Tuesday and $/);
    expect(article.slice(found.start, found.end)).toBe('agreed the ferry timetable');
    expect(stored.find((h) => h.note === '')).toMatchObject({ exact: 'A passage the article never had.', prefix: '', suffix: '' });
    expect(stored.find((h) => h.note === '')).not.toHaveProperty('start');
  });

  it('gives an article already in the library the export’s highlights it does not have yet', async () => {
    const before = await saveCapture(db, makeCapture({ url: A, canonicalUrl: A, textContent: text('kept') }));
    const id = before.record.id!;
    const first = (await highlightsOf(db, id)).length;
    expect(first).toBe(0);
    await enqueueImport(
      db,
      'wallabag',
      [importItem(A, { contentHtml: '<p>x</p>', highlights: [{ quote: 'the ferry timetable', note: 'Mine', createdAt: '2019-01-01T00:00:00.000Z' }] })],
      true,
    );
    const next = (await takeNext(db, new Set()))!;
    const saved = await saveImported(db, next.row, makeCapture({ url: A, canonicalUrl: A, textContent: text('kept') }), undefined);
    expect(saved).toEqual({ status: 'already', id, highlights: 1 });
    expect(await highlightsOf(db, id)).toMatchObject([{ exact: 'the ferry timetable', note: 'Mine', createdAt: '2019-01-01T00:00:00.000Z' }]);
  });

  it('an address already in the library (nothing fetched) still gets the export’s highlights it does not have', async () => {
    const before = await saveCapture(db, makeCapture({ url: A, canonicalUrl: A, textContent: text('kept') }));
    const id = before.record.id!;
    const item = importItem(A, {
      highlights: [
        { quote: 'agreed the ferry timetable', note: 'Mine' },
        { quote: 'not in it at all, anywhere', note: null },
      ],
    });
    for (const expected of [2, 0]) {
      await enqueueImport(db, 'omnivore', [item], true);
      const next = (await takeNext(db, new Set()))!;
      expect(await markAlready(db, next.row.id!, id)).toBe(expected);
      expect(await db.importQueue.get(next.row.id!)).toMatchObject({ state: 'already', captureId: id });
    }
    expect((await highlightsOf(db, id)).map((h) => h.note).sort()).toEqual(['', 'Mine']);
  });

  it('cancel drops the pages left; retry failed puts the failed back', async () => {
    await enqueueImport(db, 'url-list', [importItem(A), importItem(B)], true);
    const a = (await takeNext(db, new Set()))!;
    await markFailed(db, a.row.id!, { kind: 'timeout', message: 'no answer within 30 s' }, 1);
    expect(await cancelImport(db)).toBe(1);
    expect(await importStatus(db)).toMatchObject({ failed: 1, left: 0 });
    expect(await retryFailed(db)).toBe(1);
    expect(await importStatus(db)).toMatchObject({ failed: 0, left: 1, failures: [] });
  });
});
