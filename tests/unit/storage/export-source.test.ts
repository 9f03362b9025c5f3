import 'fake-indexeddb/auto';
import type { Table } from 'dexie';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildZip } from '../../../src/core/zip-export';
import { saveCapture } from '../../../src/storage/captures';
import { CleanCaptureDb } from '../../../src/storage/db';
import { allCaptureIds, captureSource, searchCaptureIds, storedImageLookup } from '../../../src/storage/export-source';
import { makeCapture } from '../helpers';

/** An `images` table as the image-storage feature may add it (test only). */
class ImagesDb extends CleanCaptureDb {
  images!: Table<{ id?: number; url: string; captureId: number; data: Blob }, number>;
  constructor(name: string) {
    super(name);
    this.version(90).stores({ images: '++id, url, captureId' });
  }
}

let db: ImagesDb;
let n = 0;
beforeEach(async () => {
  db = new ImagesDb(`export-source-${process.pid}-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('export from the library', () => {
  it('finds stored images through an images table with a url index, and packs them', async () => {
    const a = await saveCapture(db, makeCapture({ url: 'https://e.com/a', title: 'Harbour A', textContent: 'a text', contentHtml: '<p><img src="https://img.e.com/a.png" alt="A"></p>' }), new Date('2024-01-01'));
    await saveCapture(db, makeCapture({ url: 'https://e.com/b', title: 'Port B', textContent: 'b text', contentHtml: '<p><img src="https://img.e.com/remote.jpg" alt="B"></p>' }), new Date('2024-01-02'));
    await db.images.add({ url: 'https://img.e.com/a.png', captureId: a.record.id!, data: new Blob([new Uint8Array([1, 2])], { type: 'image/png' }) });
    expect((await storedImageLookup(db)!(['https://img.e.com/a.png', 'https://x'])).size).toBe(1);
    const ids = await allCaptureIds(db);
    expect(ids).toEqual([2, 1]);
    expect(await searchCaptureIds(db, 'harbour')).toEqual([1]);
    const files = unzipSync(new Uint8Array(await (await buildZip(captureSource(db, ids))).blob.arrayBuffer()));
    expect(Array.from(files['assets/00001.png']!)).toEqual([1, 2]);
    expect(strFromU8(files['2014-11-08 Harbour A.md']!)).toContain('![A](assets/00001.png)');
    expect(strFromU8(files['2014-11-08 Port B.md']!)).toContain('![B](https://img.e.com/remote.jpg)');
  });

  it('without an images table, images stay remote', () => {
    expect(storedImageLookup(new CleanCaptureDb('plain'))).toBeUndefined();
  });
});
