import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../../../src/core/backup/backup-format';
import { importItem } from '../../../src/core/import/import-item';
import { captureDocFromLocal } from '../../../src/core/sync/local-changes';
import { createBackup } from '../../../src/storage/backup';
import { listRows, rowsByIds, storyPeerTitle } from '../../../src/storage/capture-queries';
import { captureRowOf, ROW_EXCERPT_CHARS } from '../../../src/storage/capture-rows';
import { saveCapture, updateCapture } from '../../../src/storage/captures';
import { CleanCaptureDb } from '../../../src/storage/db';
import { enqueueImport, saveImported, takeNext } from '../../../src/storage/import-queue';
import { deleteCapture, purgeCapture, sweepLibrary, undeleteCapture } from '../../../src/storage/library';
import type { CaptureRecord } from '../../../src/storage/records';
import { replaceCapture } from '../../../src/storage/reextract';
import { restoreBackup } from '../../../src/storage/restore';
import { applyCaptureDoc, localCaptureOf } from '../../../src/storage/sync-local';
import { retagCaptures } from '../../../src/storage/tags';
import { makeCapture } from '../helpers';

/**
 * The list rows (captureRows, v9, issue 17) are a summary of the live articles, written by the
 * capture-rows middleware under every write to captures. After every kind of write the table must
 * equal exactly what captureRowOf makes of the live records: no writer can leave it behind.
 */
const T0 = new Date('2024-01-01T10:00:00.000Z');
const text = (word: string) => `${word} ${'The harbour council met on Tuesday and agreed the ferry timetable. '.repeat(20)}`;
const capture = (n: number, extra = {}) =>
  makeCapture({ url: `https://news.example/${n}`, canonicalUrl: `https://news.example/${n}`, title: `Story ${n}`, textContent: text(`story${n}`), ...extra });

let db: CleanCaptureDb;
let n = 0;
const newDb = async () => {
  const d = new CleanCaptureDb(`capture-rows-test-${process.pid}-${++n}`);
  await d.open();
  return d;
};
beforeEach(async () => {
  db = await newDb();
});
afterEach(() => db.close());

/** The rows table, and what it should hold: one row per live record, newest first. */
async function expectInStep(d: CleanCaptureDb = db): Promise<void> {
  const records = await d.captures.toArray();
  const expected = records
    .map((r) => captureRowOf(r))
    .filter((r) => r !== null)
    .sort((a, b) => a.listOrder! - b.listOrder!);
  expect(await d.captureRows.orderBy('listOrder').toArray()).toEqual(expected);
  expect(await d.captureRows.count()).toBe(records.filter((r) => r.deletedAt === undefined).length);
}

describe('captureRowOf', () => {
  it('keeps what a row shows and leaves out the bodies', async () => {
    const long = 'x'.repeat(ROW_EXCERPT_CHARS * 3);
    const { record } = await saveCapture(db, capture(1, { excerpt: long }), T0);
    const stored = (await db.captures.get(record.id!))!;
    const row = captureRowOf({ ...stored, rawHtmlGzip: new Uint8Array(1000) })!;
    expect(row).toMatchObject({ id: record.id, title: 'Story 1', url: 'https://news.example/1', capturedAt: T0.toISOString(), listOrder: stored.listOrder });
    expect(row.excerpt).toHaveLength(ROW_EXCERPT_CHARS);
    for (const body of ['textContent', 'contentHtml', 'rawHtmlGzip', 'minhash', 'urlKeys']) expect(row).not.toHaveProperty(body);
    expect(captureRowOf({ ...stored, deletedAt: T0.toISOString() })).toBeNull();
  });
});

describe('captureRows stays in step with every write', () => {
  it('save, new version, tags, archive, favourite, read state', async () => {
    const a = (await saveCapture(db, capture(1), T0)).record.id!;
    const b = (await saveCapture(db, capture(2), new Date(T0.getTime() + 1000))).record.id!;
    await expectInStep();
    expect((await listRows(db)).map((r) => r.id)).toEqual([b, a]);
    // The same address with another text: a new version of the same record.
    await saveCapture(db, capture(1, { textContent: text('changed'), title: 'Story 1, updated' }), new Date(T0.getTime() + 2000));
    await expectInStep();
    expect((await rowsByIds(db, [a]))[0]).toMatchObject({ title: 'Story 1, updated', versionCount: 2 });
    await updateCapture(db, a, { tags: ['Harbour', 'ferry'], archived: true, favourite: true, readState: 'read' });
    await expectInStep();
    expect((await rowsByIds(db, [a]))[0]).toMatchObject({ tags: ['harbour', 'ferry'], archived: 1, favourite: 1, readState: 'read' });
    await retagCaptures(db, [a], 'harbour', 'port');
    await expectInStep();
    expect((await rowsByIds(db, [a]))[0]!.tags).toContain('port');
  });

  it('delete (tombstone), Undo, the sweep and a purge', async () => {
    const a = (await saveCapture(db, capture(1), T0)).record.id!;
    const b = (await saveCapture(db, capture(2), T0)).record.id!;
    await deleteCapture(db, a, T0);
    await expectInStep();
    expect(await rowsByIds(db, [a, b])).toEqual([expect.objectContaining({ id: b })]);
    await undeleteCapture(db, a, T0);
    await expectInStep();
    expect((await rowsByIds(db, [a])).map((r) => r.id)).toEqual([a]);
    await deleteCapture(db, a, T0);
    await sweepLibrary(db, new Date(T0.getTime() + 24 * 3600_000), 1000);
    await expectInStep();
    expect(await db.captures.get(a)).toBeUndefined();
    await purgeCapture(db, b, T0);
    await expectInStep();
    expect(await db.captureRows.count()).toBe(0);
  });

  it('Re-extract, a whole-table clear and a bulk write', async () => {
    const a = (await saveCapture(db, capture(1), T0)).record.id!;
    await replaceCapture(db, a, capture(1, { title: 'Re-extracted title', excerpt: 'new excerpt' }), T0);
    await expectInStep();
    expect((await rowsByIds(db, [a]))[0]).toMatchObject({ title: 'Re-extracted title', excerpt: 'new excerpt' });
    const records = await db.captures.toArray();
    await db.captures.bulkPut(records.map((r) => ({ ...r, title: `${r.title}!` })));
    await expectInStep();
    await db.captures.toCollection().modify({ favourite: 1 });
    await expectInStep();
    await db.captures.clear();
    await expectInStep();
  });

  it('an import, a backup restore and a sync apply (writers of other features)', async () => {
    await enqueueImport(
      db,
      'pocket-csv',
      [importItem('https://a.example/1', { tags: ['Harbour'], archived: true, savedAt: '2020-01-02T03:04:05.000Z' })],
      true,
    );
    const next = (await takeNext(db, new Set()))!;
    const imported = await saveImported(db, next.row, capture(7, { url: 'https://a.example/1', canonicalUrl: 'https://a.example/1' }), undefined, T0);
    await expectInStep();
    expect((await rowsByIds(db, [imported.id]))[0]).toMatchObject({ tags: ['harbour'], archived: 1, capturedAt: '2020-01-02T03:04:05.000Z' });

    // Restore into another library: its rows come with the restored articles, none from the file.
    const backup = await (await createBackup(db, { settings: null, generator: 'test', now: T0 })).text();
    expect(JSON.parse(backup).tables.captureRows.rows).toEqual([]);
    const other = await newDb();
    try {
      await saveCapture(other, capture(3), T0);
      await restoreBackup(other, parseBackup(backup));
      await expectInStep(other);
      expect(await other.captureRows.count()).toBe(2);

      // Sync: a document made from this library's record, applied to the other (its copy
      // already there by address), then deleted there.
      const record = (await db.captures.get(imported.id))!;
      const local = localCaptureOf({ ...record, favourite: 1, tags: ['synced'] }, [], undefined, []);
      const doc = captureDocFromLocal(null, 'a.example/1', local, T0.getTime());
      const id = (await applyCaptureDoc(other, doc, null, T0))!;
      await expectInStep(other);
      expect((await rowsByIds(other, [id]))[0]).toMatchObject({ favourite: 1, tags: ['synced'] });
      const deleted = captureDocFromLocal(doc, 'a.example/1', { ...local, deletedAt: new Date(T0.getTime() + 5000).toISOString() }, T0.getTime() + 5000);
      await applyCaptureDoc(other, deleted, id, T0);
      await expectInStep(other);
      expect(await rowsByIds(other, [id])).toEqual([]);
    } finally {
      other.close();
    }
  });

  it('a failed transaction leaves no row behind (the row is written in the same transaction)', async () => {
    const record = await saveRecord();
    await expect(
      db.transaction('rw', db.captures, async () => {
        await db.captures.add({ ...record, id: 99 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.captureRows.get(99)).toBeUndefined();
    await expectInStep();
  });

  it('finds the same-story peer from the rows', async () => {
    const a = (await saveCapture(db, capture(1), T0)).record.id!;
    const b = (await saveCapture(db, capture(2), T0)).record.id!;
    await db.captures.update(b, { storyId: a });
    await db.captures.update(a, { storyId: a });
    expect(await storyPeerTitle(db, { id: b, storyId: a })).toBe('Story 1');
    await deleteCapture(db, a, T0);
    expect(await storyPeerTitle(db, { id: b, storyId: a })).toBeNull();
  });
});

/** A record as saveCapture stores it, without storing it (for the abort test). */
async function saveRecord(): Promise<CaptureRecord> {
  const scratch = await newDb();
  try {
    const { record } = await saveCapture(scratch, capture(9), T0);
    const { id: _id, ...rest } = (await scratch.captures.get(record.id!))!;
    return rest as CaptureRecord;
  } finally {
    scratch.close();
  }
}

describe('v8 → v9 upgrade', () => {
  const NAME = `capture-rows-upgrade-${process.pid}`;
  afterEach(() => Dexie.delete(NAME));

  it('fills the rows of an existing library from its live records, tombstones left out', async () => {
    // A library as v8 left it: build one with today's code, then take the rows away and mark it v8.
    const current = new CleanCaptureDb(NAME);
    await current.open();
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push((await saveCapture(current, capture(i), new Date(T0.getTime() + i * 1000))).record.id!);
    await updateCapture(current, ids[3]!, { tags: ['kept'], favourite: true });
    await deleteCapture(current, ids[5]!, T0);
    const records = await current.captures.toArray();
    current.close();
    await Dexie.delete(NAME);
    const v8 = new Dexie(NAME);
    const { stores: v8Stores } = await import('../../../src/storage/migrations/v8');
    v8.version(8).stores({
      captures: '++id, *urlKeys, capturedAt, fingerprint, *bands, storyId, listOrder, deletedAt',
      meta: 'key',
      ...v8Stores,
    });
    await v8.table('captures').bulkAdd(records);
    v8.close();

    const db9 = new CleanCaptureDb(NAME);
    await db9.open();
    try {
      expect(db9.verno).toBe(9);
      await expectInStep(db9);
      expect(await db9.captureRows.count()).toBe(29);
      expect((await rowsByIds(db9, [ids[3]!]))[0]).toMatchObject({ tags: ['kept'], favourite: 1 });
      expect((await listRows(db9, 0, 2)).map((r) => r.id)).toEqual([ids[29], ids[28]]);
    } finally {
      db9.close();
    }
  });
});
