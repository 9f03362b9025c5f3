import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { textFingerprint } from '../../../src/core/shared/text';
import { saveCapture } from '../../../src/storage/captures';
import { getCapture, isUrlSaved } from '../../../src/storage/capture-queries';
import { CleanCaptureDb } from '../../../src/storage/db';
import type { CaptureRecord } from '../../../src/storage/records';
import { urlKeysOf } from '../../../src/storage/record-fields';
import { makeCapture } from '../helpers';

const NAME = `migration-test-${process.pid}`;
afterEach(async () => {
  await Dexie.delete(NAME);
});

/** A v1 record exactly as 0.1.0 stored it. */
function v1Record(i: number): Omit<CaptureRecord, 'id'> {
  const url = `https://www.site${i % 37}.example/news/${2000 + (i % 20)}/story-${i}/?utm_source=feed${i % 3 === 0 ? '&fbclid=x' : ''}`;
  const text = `Story ${i}: ${'the council met again to discuss the harbour and the new tram line '.repeat(1 + (i % 5))}end ${i}.`;
  const capture = makeCapture({
    url,
    canonicalUrl: url,
    title: `Story ${i} — “quotes” & <brackets>`,
    textContent: text,
    contentHtml: `<p>${text}</p>`,
    authors: i % 2 ? ['A. Writer', 'B. Writer'] : [],
    byline: i % 2 ? 'A. Writer, B. Writer' : null,
    keywords: [`k${i % 7}`],
    selectionOnly: i % 50 === 0,
    leadImage: i % 4 ? null : { url: `https://cdn.example/${i}.jpg`, alt: 'photo', caption: null },
    sources: { title: 'opengraph', published: 'jsonld' },
  });
  const fingerprint = textFingerprint(text);
  // v1 keys: the v1 normalization kept www and these parameters' order; recomputing must not lose them.
  const v1Key = `https://www.site${i % 37}.example/news/${2000 + (i % 20)}/story-${i}`;
  return {
    ...capture,
    urlKeys: capture.selectionOnly ? [`selection:${fingerprint}:${v1Key}`] : [v1Key],
    capturedAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
    updatedAt: new Date(Date.UTC(2024, 0, 2, 0, i)).toISOString(),
    fingerprint,
  };
}

describe('v1 → v2 upgrade', () => {
  it('keeps every one of 1,000 v1 records intact and adds the v2 fields', async () => {
    const v1 = new Dexie(NAME);
    v1.version(1).stores({ captures: '++id, *urlKeys, capturedAt' });
    const originals = Array.from({ length: 1000 }, (_, i) => v1Record(i));
    await v1.table('captures').bulkAdd(originals);
    expect(await v1.table('captures').count()).toBe(1000);
    v1.close();

    const db = new CleanCaptureDb(NAME);
    await db.open();
    expect(db.verno).toBe(9); // the latest schema (v3, v4 add image tables and an index, v5 tombstones, v6 highlights, v7 the import queue, v8 sync state, v9 list rows)
    const all = await db.captures.orderBy('id').toArray();
    expect(all).toHaveLength(1000);
    for (let i = 0; i < 1000; i++) {
      const before = originals[i]!;
      const after = all[i]!;
      expect(after.id).toBe(i + 1);
      // Every v1 field is unchanged, except that urlKeys may only have grown.
      const { urlKeys, ...rest } = before;
      for (const [key, value] of Object.entries(rest)) expect((after as unknown as Record<string, unknown>)[key], `record ${i} field ${key}`).toEqual(value);
      for (const key of urlKeys) expect(after.urlKeys).toContain(key);
      for (const key of urlKeysOf(before, before.fingerprint)) expect(after.urlKeys).toContain(key);
      expect(after.tags).toEqual([]);
      expect(after.readState).toBe('unread');
      expect(after.archived).toBe(0);
      expect(after.favourite).toBe(0);
      expect(after.versionCount).toBe(1);
      expect(after.listOrder).toBe(-Date.parse(before.capturedAt));
      expect(after.storyId).toBeNull();
      if (before.selectionOnly) expect(after.bands).toEqual([]);
      else expect(after.minhash).toHaveLength(64);
    }
    // The new indexes work on upgraded records: newest first, counted.
    const { listCaptures, countCaptures } = await import('../../../src/storage/capture-queries');
    expect((await listCaptures(db, 0, 3)).map((r) => r.id)).toEqual([1000, 999, 998]);
    expect(await countCaptures(db)).toBe(1000);
    expect(await isUrlSaved(db, 'https://site5.example/news/2005/story-5')).toBe(true);
    expect(await db.captures.where('fingerprint').equals(originals[7]!.fingerprint).count()).toBeGreaterThanOrEqual(1);
    const again = await saveCapture(db, { ...makeCapture({ url: 'https://site7.example/news/2007/story-7', textContent: originals[7]!.textContent }) });
    expect(again.status).toBe('already-saved');
    expect(again.record.id).toBe(8);
    expect((await getCapture(db, 8))!.title).toBe(originals[7]!.title);
    db.close();
  }, 60_000);
});

describe('v4 → v5 upgrade (tombstones)', () => {
  it('gives every record its place in the list: a record without listOrder (restored from a pre-v2 backup) was invisible', async () => {
    const v4 = new Dexie(NAME);
    v4.version(4).stores({
      captures: '++id, *urlKeys, capturedAt, fingerprint, *bands, storyId, listOrder',
      versions: '++id, captureId',
      searchIndex: 'key',
      meta: 'key',
      images: 'hash, orphanedAt',
      imageLinks: '[captureId+url], captureId, hash, url',
      reading: 'captureId',
    });
    const listed = { ...v1Record(1), listOrder: -Date.parse(v1Record(1).capturedAt) };
    const { listOrder: _none, ...unlisted } = { ...v1Record(2) } as CaptureRecord;
    await v4.table('captures').bulkAdd([listed, unlisted]);
    v4.close();

    const db = new CleanCaptureDb(NAME);
    await db.open();
    expect(db.verno).toBe(9);
    const { listCaptures, countCaptures } = await import('../../../src/storage/capture-queries');
    expect((await listCaptures(db)).map((r) => r.id)).toEqual([2, 1]);
    expect(await countCaptures(db)).toBe(2);
    expect((await db.captures.get(2))!.listOrder).toBe(-Date.parse(unlisted.capturedAt));
    expect(await db.captures.where('deletedAt').above('').count()).toBe(0);
    db.close();
  });
});
