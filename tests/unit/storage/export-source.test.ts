import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildZip } from '../../../src/core/export/zip-export';
import { saveCapture } from '../../../src/storage/captures';
import { CleanCaptureDb } from '../../../src/storage/db';
import { putImage, setCaptureImages } from '../../../src/storage/images';
import { allCaptureIds, captureSource, storedImageLookup } from '../../../src/storage/export-source';
import { makeCapture } from '../helpers';

let db: CleanCaptureDb;
let n = 0;
beforeEach(async () => {
  db = new CleanCaptureDb(`export-source-${process.pid}-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('export from the library', () => {
  it('finds stored images through their links by address, and packs them', async () => {
    const a = await saveCapture(
      db,
      makeCapture({ url: 'https://e.com/a', title: 'Harbour A', textContent: 'a text', contentHtml: '<p><img src="https://img.e.com/a.png" alt="A"></p>' }),
      new Date('2024-01-01'),
    );
    await saveCapture(
      db,
      makeCapture({ url: 'https://e.com/b', title: 'Port B', textContent: 'b text', contentHtml: '<p><img src="https://img.e.com/remote.jpg" alt="B"></p>' }),
      new Date('2024-01-02'),
    );
    await putImage(db, { hash: 'h-a', blob: new Blob([new Uint8Array([1, 2])], { type: 'image/png' }), type: 'image/png', bytes: 2, width: 1, height: 1 });
    await setCaptureImages(db, a.record.id!, [{ url: 'https://img.e.com/a.png', hash: 'h-a', bytes: 2 }]);
    expect((await storedImageLookup(db)(['https://img.e.com/a.png', 'https://x'])).size).toBe(1);
    const ids = await allCaptureIds(db);
    expect(ids).toEqual([2, 1]);
    const files = unzipSync(new Uint8Array(await (await buildZip(captureSource(db, ids))).blob.arrayBuffer()));
    expect(Array.from(files['assets/00001.png']!)).toEqual([1, 2]);
    expect(strFromU8(files['2014-11-08 Harbour A.md']!)).toContain('![A](assets/00001.png)');
    expect(strFromU8(files['2014-11-08 Port B.md']!)).toContain('![B](https://img.e.com/remote.jpg)');
  });

  it('an address never kept is not found, so it stays remote', async () => {
    expect((await storedImageLookup(db)(['https://img.e.com/never.png'])).size).toBe(0);
    expect((await storedImageLookup(db)([])).size).toBe(0);
  });
});
