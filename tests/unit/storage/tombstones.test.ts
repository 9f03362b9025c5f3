import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchService } from '../../../src/background/search-service';
import { parseBackup } from '../../../src/core/backup/backup-format';
import { createBackup } from '../../../src/storage/backup';
import { saveCapture, updateCapture } from '../../../src/storage/captures';
import { countCaptures, getCapture, isUrlSaved, listCaptures, listVersions, storyPeer } from '../../../src/storage/capture-queries';
import { findCaptureByUrl } from './lookups';
import { CleanCaptureDb } from '../../../src/storage/db';
import type { CaptureRecord } from '../../../src/storage/records';
import { allCaptureIds, captureSource } from '../../../src/storage/export-source';
import { ORPHAN_GRACE_MS, putImage, setCaptureImages } from '../../../src/storage/images';
import { captureImages } from '../../../src/storage/image-queries';
import { deleteCapture, sweepLibrary, undeleteCapture } from '../../../src/storage/library';
import { setReadingProgress } from '../../../src/storage/reading';
import { getReading } from '../../../src/storage/reading-queries';
import { replaceCapture } from '../../../src/storage/reextract';
import { restoreBackup } from '../../../src/storage/restore';
import { makeCapture } from '../helpers';

/**
 * Delete is a tombstone (issue: Undo through a message): the record stays, with `deletedAt`,
 * hidden from every read, until the sweep after the Undo window; Undo clears it by id.
 */
const T0 = new Date('2024-01-01T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const URL_A = 'https://news.example/a';
const URL_B = 'https://news.example/b';
/** A kept page: it never leaves the database for a delete and its Undo (handlers.test.ts checks the messages). */
/** Byte for byte (a deep toEqual walks a million elements one by one). */
const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) => !!a && a instanceof Uint8Array && Buffer.compare(a, b) === 0;
const PAGE = Uint8Array.from({ length: 1 << 16 }, (_, i) => (i * 7919) & 0xff);

let db: CleanCaptureDb;
let n = 0;
const newDb = async () => {
  const d = new CleanCaptureDb(`tombstones-test-${process.pid}-${++n}`);
  await d.open();
  return d;
};
beforeEach(async () => {
  db = await newDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const image = (hash: string) => ({ hash, blob: new Blob([new Uint8Array(10)], { type: 'image/png' }), type: 'image/png', bytes: 10, width: 1, height: 1 });

/** A: a changed article (one older version) with a kept page, two images (one shared with B), reading progress. */
async function library(): Promise<{ a: number; b: number }> {
  await saveCapture(db, makeCapture({ url: URL_A, title: 'Zanzibar ferries', textContent: 'Zanzibar ferries sail again on Monday.' }), T0);
  const a = (
    await saveCapture(
      db,
      { ...makeCapture({ url: URL_A, title: 'Zanzibar ferries', textContent: 'Zanzibar ferries sail again on Tuesday.' }), rawHtmlGzip: PAGE } as never,
      T0,
    )
  ).record.id!;
  const b = (await saveCapture(db, makeCapture({ url: URL_B, title: 'Harbour council', textContent: 'The harbour council met.' }), later(1))).record.id!;
  await putImage(db, image('own'), T0);
  await putImage(db, image('shared'), T0);
  await setCaptureImages(
    db,
    a,
    [
      { url: 'https://img.example/own.png', hash: 'own', bytes: 10 },
      { url: 'https://img.example/shared.png', hash: 'shared', bytes: 10 },
    ],
    T0,
  );
  await setCaptureImages(db, b, [{ url: 'https://img.example/shared.png', hash: 'shared', bytes: 10 }], T0);
  await setReadingProgress(db, a, 0.5, T0);
  return { a, b };
}

describe('delete leaves a tombstone', () => {
  it('keeps the record with deletedAt (for Undo and, later, sync), and answers only its id and title', async () => {
    const { a } = await library();
    expect(await deleteCapture(db, a, T0)).toEqual({ id: a, title: 'Zanzibar ferries' });
    const stone = (await db.captures.get(a))!;
    expect(stone.deletedAt).toBe(T0.toISOString());
    expect(sameBytes(stone.rawHtmlGzip, PAGE)).toBe(true);
    expect(await db.versions.where('captureId').equals(a).count()).toBe(1);
    expect(await deleteCapture(db, a, T0)).toBeNull();
    expect(await deleteCapture(db, 9999, T0)).toBeNull();
  });

  it('is hidden from every read: record, list, count, URL lookups, story peers, search, export and backup', async () => {
    const { a, b } = await library();
    await db.captures.update(b, { storyId: a });
    await db.captures.update(a, { storyId: a });
    await deleteCapture(db, a, T0);
    expect(await getCapture(db, a)).toBeUndefined();
    expect((await listCaptures(db)).map((r) => r.id)).toEqual([b]);
    expect(await countCaptures(db)).toBe(1);
    expect(await isUrlSaved(db, URL_A)).toBe(false);
    expect(await findCaptureByUrl(db, URL_A)).toBeUndefined();
    expect(await storyPeer(db, (await getCapture(db, b))!)).toBeNull();
    expect(await new SearchService(db).search('zanzibar')).toEqual([]);
    expect((await new SearchService(db).search('')).map((h) => h.id)).toEqual([b]);
    expect(await allCaptureIds(db)).toEqual([b]);
    const exported: number[] = [];
    for await (const page of captureSource(db, [a, b]).pages()) exported.push(...page.map((r) => (r as CaptureRecord).id!));
    expect(exported).toEqual([b]);
    const backup = JSON.parse(await (await createBackup(db, { settings: null, generator: 'test', now: T0 })).text());
    expect(backup.tables.captures.rows.map((r: CaptureRecord) => r.id)).toEqual([b]);
    expect(backup.tables.versions.rows).toEqual([]);
    expect(backup.tables.reading.rows).toEqual([]);
    expect(backup.tables.imageLinks.rows.map((l: { captureId: number }) => l.captureId)).toEqual([b]);
    expect(backup.tables.images.rows.map((i: { hash: string }) => i.hash)).toEqual(['shared']);
  });

  it('takes no more writes: tags, Re-extract and reading progress leave it alone', async () => {
    const { a } = await library();
    await deleteCapture(db, a, T0);
    expect(await updateCapture(db, a, { favourite: true })).toBeUndefined();
    await expect(replaceCapture(db, a, makeCapture({ url: URL_A }), T0)).rejects.toThrow(/no longer in your library/);
    expect(await setReadingProgress(db, a, 0.9, T0)).toBe(false);
    expect((await db.captures.get(a))!.favourite).toBe(0);
  });

  it('is not found by a new save of the same page, which makes a new record', async () => {
    const { a } = await library();
    await deleteCapture(db, a, T0);
    const again = await saveCapture(
      db,
      makeCapture({ url: URL_A, title: 'Zanzibar ferries', textContent: 'Zanzibar ferries sail again on Tuesday.' }),
      later(2),
    );
    expect(again.status).toBe('saved');
    expect(again.record.id).not.toBe(a);
    expect(again.record.versionCount).toBe(1);
    expect(await countCaptures(db)).toBe(2);
    // Undo of the old delete now answers the record saved since, and leaves the tombstone to the sweep.
    expect(await undeleteCapture(db, a, later(3))).toBe(again.record.id);
    expect((await db.captures.get(a))!.deletedAt).toBe(T0.toISOString());
    expect(await countCaptures(db)).toBe(2);
  });
});

describe('Undo', () => {
  it('clears the tombstone by id: the same record, kept page, versions, reading position and images', async () => {
    const { a } = await library();
    const before = await getCapture(db, a);
    const beforeLinks = (await captureImages(db, a)).links;
    await deleteCapture(db, a, T0);
    expect((await captureImages(db, a)).links).toEqual([]);
    expect((await db.images.get('own'))!.orphanedAt).toBe(T0.getTime());
    expect((await db.images.get('shared'))!.orphanedAt).toBeUndefined();

    expect(await undeleteCapture(db, a, later(1000))).toBe(a);
    const after = await getCapture(db, a);
    expect(after).toEqual(before);
    expect(sameBytes(after!.rawHtmlGzip, PAGE)).toBe(true);
    expect((await captureImages(db, a)).links).toEqual(beforeLinks);
    expect((await db.images.get('own'))!.orphanedAt).toBeUndefined();
    expect(await listVersions(db, a)).toHaveLength(1);
    expect(await getReading(db, a)).toMatchObject({ progress: 0.5 });
    expect((await listCaptures(db)).map((r) => r.id)).toContain(a);
    // Twice is harmless.
    expect(await undeleteCapture(db, a, later(1000))).toBe(a);
  });

  it('after the sweep, says the article is gone for good', async () => {
    const { a } = await library();
    await deleteCapture(db, a, T0);
    await sweepLibrary(db, later(ORPHAN_GRACE_MS));
    await expect(undeleteCapture(db, a, later(ORPHAN_GRACE_MS + 1))).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('the sweep after the Undo window', () => {
  it('deletes the tombstone for good with its versions, reading position, image links and images no one else shows', async () => {
    const { a, b } = await library();
    await deleteCapture(db, a, T0);
    expect(await sweepLibrary(db, later(ORPHAN_GRACE_MS - 1))).toEqual({ captures: 0, images: 0 });
    expect(await db.captures.get(a)).toBeDefined();
    expect(await sweepLibrary(db, later(ORPHAN_GRACE_MS))).toEqual({ captures: 1, images: 1 });
    expect(await db.captures.get(a)).toBeUndefined();
    expect(await db.versions.where('captureId').equals(a).count()).toBe(0);
    expect(await getReading(db, a)).toBeUndefined();
    expect(await db.imageLinks.where('captureId').equals(a).count()).toBe(0);
    expect(await db.images.get('own')).toBeUndefined();
    expect(await db.images.get('shared')).toBeDefined();
    expect((await getCapture(db, b))!.title).toBe('Harbour council');
  });

  it('also frees the images of a tombstone that got links after its delete (a capture still fetching them)', async () => {
    const { a } = await library();
    await deleteCapture(db, a, T0);
    await putImage(db, image('late'), T0);
    await setCaptureImages(db, a, [{ url: 'https://img.example/late.png', hash: 'late', bytes: 10 }], T0);
    await sweepLibrary(db, later(ORPHAN_GRACE_MS));
    expect(await db.imageLinks.where('captureId').equals(a).count()).toBe(0);
    await sweepLibrary(db, later(2 * ORPHAN_GRACE_MS));
    expect(await db.images.get('late')).toBeUndefined();
  });
});

describe('backup restore and tombstones', () => {
  it('a backup made before a delete brings the article back under its id, over the tombstone', async () => {
    const { a } = await library();
    const before = await getCapture(db, a);
    const text = await (await createBackup(db, { settings: null, generator: 'test', now: T0 })).text();
    await deleteCapture(db, a, T0);
    const report = await restoreBackup(db, parseBackup(text));
    expect(report.tables['captures']).toEqual({ added: 1, updated: 0, skipped: 1 });
    expect(await getCapture(db, a)).toEqual(before);
    expect(await listVersions(db, a)).toHaveLength(1);
    expect(await countCaptures(db)).toBe(2);
  });

  it('a file holding a deleted article is refused (a backup never holds one), and nothing changes', async () => {
    const { a } = await library();
    const data = JSON.parse(await (await createBackup(db, { settings: null, generator: 'test', now: T0 })).text());
    data.tables.captures.rows.find((r: CaptureRecord) => r.id === a).deletedAt = T0.toISOString();
    const other = await newDb();
    try {
      await expect(restoreBackup(other, parseBackup(JSON.stringify(data)))).rejects.toThrow(/deletedAt/);
      expect(await other.captures.count()).toBe(0);
    } finally {
      other.close();
      await other.delete();
    }
  });
});
