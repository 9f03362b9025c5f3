/**
 * Quota exceeded in the middle of a capture's writes: the transaction rolls back and the library is
 * as it was. fake-indexeddb is made to refuse writes to one store with a QuotaExceededError, as a
 * browser does when the origin is over its quota.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCapture } from '../../../src/storage/captures';
import { listCaptures } from '../../../src/storage/capture-queries';
import { CleanCaptureDb } from '../../../src/storage/db';
import { setCaptureImages } from '../../../src/storage/images';
import { makeCapture } from '../helpers';

let db: CleanCaptureDb;
let n = 0;
const restore: (() => void)[] = [];

/** From now on, every add/put on `storeName` throws QuotaExceededError (after `allowed` writes succeed). */
function quotaFull(storeName: string, allowed = 0): void {
  const proto = IDBObjectStore.prototype;
  const { add, put } = proto;
  let writes = 0;
  const guard = (original: typeof add) =>
    function (this: IDBObjectStore, ...args: Parameters<typeof add>) {
      if (this.name === storeName && writes++ >= allowed) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
  proto.add = guard(add);
  proto.put = guard(put);
  restore.push(() => {
    proto.add = add;
    proto.put = put;
  });
}

beforeEach(async () => {
  db = new CleanCaptureDb(`quota-test-${process.pid}-${++n}-${Date.now()}`);
  await db.open();
});

afterEach(async () => {
  while (restore.length) restore.pop()!();
  db.close();
  await db.delete();
});

async function snapshot() {
  return {
    captures: await db.captures.toArray(),
    images: await db.images.toArray(),
    links: await db.imageLinks.toArray(),
  };
}

describe('quota exceeded during a capture', () => {
  it('a new article: the save is refused as QuotaExceededError and nothing is stored', async () => {
    await saveCapture(db, makeCapture({ url: 'https://a.example/one', textContent: 'first article text' }));
    await saveCapture(db, makeCapture({ url: 'https://a.example/two', textContent: 'second article text' }));
    const before = await snapshot();
    quotaFull('captures');
    await expect(saveCapture(db, makeCapture({ url: 'https://a.example/three', textContent: 'third' }))).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await snapshot()).toEqual(before);
    expect((await listCaptures(db)).map((r) => r.url).sort()).toEqual(['https://a.example/one', 'https://a.example/two']);
  });

  it('a changed article (update in place): the old text stays, not half of the new', async () => {
    await saveCapture(db, makeCapture({ url: 'https://a.example/one', title: 'Old title', textContent: 'old text' }));
    const before = await snapshot();
    quotaFull('captures');
    await expect(saveCapture(db, makeCapture({ url: 'https://a.example/one', title: 'New title', textContent: 'new text' }))).rejects.toMatchObject({
      name: 'QuotaExceededError',
    });
    expect(await snapshot()).toEqual(before);
    expect((await listCaptures(db))[0]!.title).toBe('Old title');
  });

  it("an article's image links: the second write fails, the first is rolled back with it", async () => {
    const saved = await saveCapture(db, makeCapture({ url: 'https://a.example/one', textContent: 'text' }));
    await setCaptureImages(db, saved.record.id!, [{ url: 'https://a.example/0.jpg', hash: null, error: 'HTTP 500' }] as never);
    const before = await snapshot();
    expect(before.links).toHaveLength(1); // the delete of this old link must be rolled back too
    quotaFull('imageLinks', 1);
    await expect(
      setCaptureImages(db, saved.record.id!, [
        { url: 'https://a.example/1.jpg', hash: null, error: 'HTTP 404' },
        { url: 'https://a.example/2.jpg', hash: null, error: 'HTTP 404' },
      ] as never),
    ).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await snapshot()).toEqual(before);
  });

  it('once space is back, the same save succeeds', async () => {
    quotaFull('captures');
    await expect(saveCapture(db, makeCapture({ url: 'https://a.example/one' }))).rejects.toBeTruthy();
    while (restore.length) restore.pop()!();
    expect((await saveCapture(db, makeCapture({ url: 'https://a.example/one' }))).status).toBe('saved');
    expect(await db.captures.count()).toBe(1);
  });
});
