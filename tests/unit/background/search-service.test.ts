import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchService } from '../../../src/background/search-service';
import { createIndex, searchDocOf } from '../../../src/core/library/search-index';
import { packIndex, PACK_FORMAT } from '../../../src/core/library/search-index-pack';
import { saveCapture, updateCapture } from '../../../src/storage/captures';
import { CleanCaptureDb } from '../../../src/storage/db';
import { readGeneration } from '../../../src/storage/generation';
import type { CaptureRecord } from '../../../src/storage/records';
import { makeCapture } from '../helpers';

/**
 * The saved search index (issue 17): the background saves it packed, and a restarted background
 * loads that copy only when it is as new as the library (write generation, count, layout);
 * otherwise it rebuilds. A copy that says "zanzibar" where the library does not tells which was used.
 */
const T = new Date('2024-01-01T10:00:00.000Z');
let db: CleanCaptureDb;
let n = 0;
beforeEach(async () => {
  db = new CleanCaptureDb(`search-service-test-${process.pid}-${++n}`);
  await db.open();
});
afterEach(() => db.close());

const persist = (service: SearchService) => (service as unknown as { persist(): Promise<void> }).persist();

async function library(): Promise<CaptureRecord[]> {
  const a = await saveCapture(db, makeCapture({ url: 'https://news.example/a', title: 'Harbour reopens', textContent: 'The harbour reopened on Monday.' }), T);
  const b = await saveCapture(db, makeCapture({ url: 'https://news.example/b', title: 'Council votes', textContent: 'The council voted on the tram.' }), T);
  return [(await db.captures.get(a.record.id!))!, (await db.captures.get(b.record.id!))!];
}

/** A saved copy as the background would save it, except that the first article mentions Zanzibar. */
async function savedCopyWithMarker(records: CaptureRecord[], generation: number) {
  const index = createIndex();
  index.addAll(records.map((r, i) => searchDocOf(i ? r : { ...r, textContent: `${r.textContent} Zanzibar` })));
  await db.searchIndex.put({ key: 'packed', generation, packed: packIndex(index) });
}

describe('the saved search index', () => {
  it('is saved packed, replacing an older JSON copy, and a restarted background answers the same from it', async () => {
    await library();
    await db.searchIndex.put({ key: 'minisearch', generation: 0, json: '{}' });
    const service = new SearchService(db);
    const before = await service.search('harbour council tram', undefined, 100);
    const all = await service.search('', {}, 100, 'title');
    await persist(service);
    const saved = await db.searchIndex.get('packed');
    expect(saved).toMatchObject({ key: 'packed', generation: await readGeneration(db), packed: { format: PACK_FORMAT, documentCount: 2 } });
    expect(await db.searchIndex.get('minisearch')).toBeUndefined();
    const restarted = new SearchService(db);
    expect(await restarted.search('harbour council tram', undefined, 100)).toEqual(before);
    expect(await restarted.search('', {}, 100, 'title')).toEqual(all);
  });

  it('is loaded when current: same write generation and count', async () => {
    const records = await library();
    await savedCopyWithMarker(records, await readGeneration(db));
    expect((await new SearchService(db).search('zanzibar')).map((h) => h.id)).toEqual([records[0]!.id]);
  });

  it('is rebuilt, not loaded, once the library was written after it was saved', async () => {
    const records = await library();
    await savedCopyWithMarker(records, await readGeneration(db));
    await updateCapture(db, records[1]!.id!, { tags: ['transport'] });
    const restarted = new SearchService(db);
    expect(await restarted.search('zanzibar')).toEqual([]);
    expect((await restarted.search('', { tag: 'transport' })).map((h) => h.id)).toEqual([records[1]!.id]);
  });

  it('is rebuilt when its count, layout or fields do not match', async () => {
    const records = await library();
    const generation = await readGeneration(db);
    const index = createIndex();
    index.add(searchDocOf({ ...records[0]!, textContent: 'Zanzibar' }));
    await db.searchIndex.put({ key: 'packed', generation, packed: packIndex(index) });
    expect(await new SearchService(db).search('zanzibar')).toEqual([]);
    await savedCopyWithMarker(records, generation);
    const saved = (await db.searchIndex.get('packed'))!;
    if (saved.key !== 'packed') throw new Error('unexpected copy');
    await db.searchIndex.put({ ...saved, packed: { ...saved.packed, format: PACK_FORMAT + 1 } });
    expect(await new SearchService(db).search('zanzibar')).toEqual([]);
    await db.searchIndex.put({ ...saved, packed: { ...saved.packed, storeFields: ['title'] } });
    expect(await new SearchService(db).search('zanzibar')).toEqual([]);
  });

  it('still loads a current JSON copy saved by the version before', async () => {
    const records = await library();
    const index = createIndex();
    index.addAll(records.map((r, i) => searchDocOf(i ? r : { ...r, textContent: 'Zanzibar' })));
    await db.searchIndex.put({ key: 'minisearch', generation: await readGeneration(db), json: JSON.stringify(index) });
    expect((await new SearchService(db).search('zanzibar')).map((h) => h.id)).toEqual([records[0]!.id]);
  });
});
