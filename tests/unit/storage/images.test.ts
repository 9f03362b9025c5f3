import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCapture } from '../../../src/storage/captures';
import { CleanCaptureDb } from '../../../src/storage/db';
import { freeOrphanedImages, ORPHAN_GRACE_MS, putImage, setCaptureImages } from '../../../src/storage/images';
import { captureImages, captureStorageUse } from '../../../src/storage/image-queries';
import { deleteCapture, undeleteCapture } from '../../../src/storage/library';
import { setReadingProgress } from '../../../src/storage/reading';
import { getReading } from '../../../src/storage/reading-queries';
import { makeCapture } from '../helpers';

const T0 = new Date('2024-01-01T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

let db: CleanCaptureDb;
let n = 0;
beforeEach(async () => {
  db = new CleanCaptureDb(`images-test-${process.pid}-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const image = (hash: string, bytes = 100) => ({
  hash,
  blob: new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }),
  type: 'image/jpeg',
  bytes,
  width: 10,
  height: 10,
});
async function article(url: string): Promise<number> {
  return (await saveCapture(db, makeCapture({ url, textContent: `Text of ${url}` }), T0)).record.id!;
}

describe('images in the library', () => {
  it('stores the same bytes once and links them to every capture that shows them', async () => {
    const a = await article('https://a.example/1');
    const b = await article('https://b.example/2');
    expect(await putImage(db, image('h1'), T0)).toBe(true);
    expect(await putImage(db, image('h1'), T0)).toBe(false);
    await setCaptureImages(db, a, [{ url: 'https://a.example/p.jpg', hash: 'h1', bytes: 100 }], T0);
    await setCaptureImages(
      db,
      b,
      [
        { url: 'https://cdn.example/p.jpg', hash: 'h1', bytes: 100 },
        { url: 'https://b.example/x.jpg', hash: null, error: 'The server answered 404.' },
      ],
      T0,
    );
    expect(await db.images.count()).toBe(1);
    expect((await db.images.get('h1'))?.orphanedAt).toBeUndefined();
    const { links, images } = await captureImages(db, b);
    expect(links).toHaveLength(2);
    expect([...images.keys()]).toEqual(['h1']);
    expect(await captureStorageUse(db, (await db.captures.get(b))!)).toMatchObject({ imageBytes: 100, images: 1, sharedImages: 1, failedImages: 1 });
  });

  it('deleting a capture keeps an image another capture uses and frees one nobody uses (after the Undo grace period)', async () => {
    const a = await article('https://a.example/1');
    const b = await article('https://b.example/2');
    await putImage(db, image('shared'), T0);
    await putImage(db, image('own'), T0);
    await setCaptureImages(
      db,
      a,
      [
        { url: 'u1', hash: 'shared' },
        { url: 'u2', hash: 'own' },
      ],
      T0,
    );
    await setCaptureImages(db, b, [{ url: 'u1', hash: 'shared' }], T0);

    await deleteCapture(db, a, T0);
    expect(await db.imageLinks.where('captureId').equals(a).count()).toBe(0);
    expect((await db.images.get('shared'))?.orphanedAt).toBeUndefined();
    expect((await db.images.get('own'))?.orphanedAt).toBe(T0.getTime());
    expect(await freeOrphanedImages(db, later(ORPHAN_GRACE_MS - 1))).toBe(0);
    expect(await freeOrphanedImages(db, later(ORPHAN_GRACE_MS))).toBe(1);
    expect(await db.images.get('own')).toBeUndefined();
    expect(await db.images.get('shared')).toBeDefined();

    await deleteCapture(db, b, later(ORPHAN_GRACE_MS));
    expect(await freeOrphanedImages(db, later(2 * ORPHAN_GRACE_MS))).toBe(1);
    expect(await db.images.count()).toBe(0);
  });

  it('Undo of a delete brings the capture back with its images; an image freed meanwhile becomes a recorded failure', async () => {
    const a = await article('https://a.example/1');
    await putImage(db, image('h1'), T0);
    await putImage(db, image('h2'), T0);
    await setCaptureImages(
      db,
      a,
      [
        { url: 'u1', hash: 'h1' },
        { url: 'u2', hash: 'h2' },
      ],
      T0,
    );
    await deleteCapture(db, a, T0);
    await db.images.delete('h2'); // freed by a sweep in between
    expect(await undeleteCapture(db, a, later(1000))).toBe(a);
    const links = await db.imageLinks.where('captureId').equals(a).toArray();
    expect(links.map((l) => [l.url, l.hash])).toEqual([
      ['u1', 'h1'],
      ['u2', null],
    ]);
    expect(links[1]!.error).toMatch(/freed/);
    expect((await db.images.get('h1'))?.orphanedAt).toBeUndefined();
    expect(await freeOrphanedImages(db, later(10 * ORPHAN_GRACE_MS))).toBe(0);
  });

  it('an updated article that shows other images orphans the ones it no longer shows', async () => {
    const a = await article('https://a.example/1');
    await putImage(db, image('old'), T0);
    await putImage(db, image('new'), T0);
    await setCaptureImages(db, a, [{ url: 'u1', hash: 'old' }], T0);
    await setCaptureImages(db, a, [{ url: 'u2', hash: 'new' }], later(1));
    expect((await db.images.get('old'))?.orphanedAt).toBe(later(1).getTime());
    expect((await db.images.get('new'))?.orphanedAt).toBeUndefined();
  });

  it('an image stored by a capture that never linked it is freed like an orphan', async () => {
    await putImage(db, image('stray'), T0);
    expect(await freeOrphanedImages(db, later(ORPHAN_GRACE_MS))).toBe(1);
  });

  it('storage use counts text, raw HTML when kept, and distinct images', async () => {
    const a = await article('https://a.example/1');
    await putImage(db, image('h1', 1000), T0);
    await setCaptureImages(
      db,
      a,
      [
        { url: 'u1', hash: 'h1' },
        { url: 'u1-copy', hash: 'h1' },
      ],
      T0,
    );
    const record = { ...(await db.captures.get(a))!, rawHtml: '<html>ü</html>' };
    const use = await captureStorageUse(db, record);
    expect(use).toMatchObject({ rawHtmlBytes: 15, imageBytes: 1000, images: 1, sharedImages: 0, failedImages: 0 });
    expect(use.textBytes).toBeGreaterThan(record.contentHtml.length);
  });
});

/** Which of these captures were read to the end. */
async function readIds(db: CleanCaptureDb, captureIds: number[]): Promise<Set<number>> {
  const read = await Promise.all(captureIds.map(async (id) => ((await getReading(db, id))?.readAt ? id : null)));
  return new Set(read.filter((id): id is number => id !== null));
}

describe('reading progress', () => {
  it('saves the position, marks read at the end, and stays read', async () => {
    const a = await article('https://a.example/1');
    expect(await setReadingProgress(db, a, 0.4, T0)).toBe(false);
    expect(await getReading(db, a)).toMatchObject({ progress: 0.4 });
    expect(await setReadingProgress(db, a, 0.99, later(1))).toBe(true);
    expect(await setReadingProgress(db, a, 0.1, later(2))).toBe(true);
    expect(await getReading(db, a)).toMatchObject({ progress: 0.1, readAt: later(1).toISOString() });
    expect(await readIds(db, [a, 999])).toEqual(new Set([a]));
  });
  it('ignores progress for a capture that is gone, and clamps nonsense', async () => {
    expect(await setReadingProgress(db, 42, 0.5, T0)).toBe(false);
    expect(await getReading(db, 42)).toBeUndefined();
    const a = await article('https://a.example/1');
    await setReadingProgress(db, a, Number.NaN, T0);
    expect((await getReading(db, a))?.progress).toBe(0);
    await setReadingProgress(db, a, 7, T0);
    expect((await getReading(db, a))?.progress).toBe(1);
  });
});
