import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveCapture } from '../../../src/storage/captures';
import { countCaptures, getCapture, listVersions, storyPeer } from '../../../src/storage/capture-queries';
import { deleteCapture, sweepLibrary, undeleteCapture, UNDO_WINDOW_MS } from '../../../src/storage/library';
import { CleanCaptureDb } from '../../../src/storage/db';
import { storageFailure } from '../../../src/storage/quota';
import { seedCapture, SEED_AT, SYNDICATED_AT, syndicatedCapture, updatedCapture } from '../fixture-captures';

const T1 = new Date('2024-01-01T10:00:00.000Z');
const T2 = new Date('2024-01-02T10:00:00.000Z');
const T3 = new Date('2024-01-03T10:00:00.000Z');

let db: CleanCaptureDb;
let n = 0;
beforeEach(async () => {
  db = new CleanCaptureDb(`dedupe-test-${process.pid}-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('exact duplicates (issue #5, tests/fixtures/dedupe)', () => {
  it('keeps one record for the same page under tracking, fragment, AMP and www variants, every address an alias', async () => {
    expect((await saveCapture(db, seedCapture(), T1)).status).toBe('saved');
    for (const variant of [
      `${SEED_AT}?utm_source=x&utm_medium=y#comments`,
      `${SEED_AT}?from=timeline&isappinstalled=0`,
      'https://chinanews.com/business/2014/11-08/6762151.shtml?amp=1',
      'https://www-chinanews-com.cdn.ampproject.org/c/s/www.chinanews.com/business/2014/11-08/6762151.shtml',
    ]) {
      const again = await saveCapture(db, { ...seedCapture(variant), canonicalUrl: variant }, T2);
      expect(again.status).toBe('already-saved');
    }
    expect(await countCaptures(db)).toBe(1);
  });

  it('recognizes the same text at an unrelated address (content fingerprint) and keeps that address as an alias', async () => {
    const first = await saveCapture(db, seedCapture(), T1);
    const mirror = 'https://mirror.example.org/copy/harper-ma';
    const second = await saveCapture(db, seedCapture(mirror), T2);
    expect(second.status).toBe('already-saved');
    expect(second.record.id).toBe(first.record.id);
    const stored = await getCapture(db, first.record.id!);
    expect(stored!.urlKeys).toContain(mirror);
    expect(await countCaptures(db)).toBe(1);
  });
});

describe('versions', () => {
  it('keeps one record with two versions when the article changed at the same address; the newest is the record', async () => {
    const first = await saveCapture(db, seedCapture(), T1);
    const second = await saveCapture(db, updatedCapture(), T2);
    expect(second.status).toBe('updated');
    expect(second.record.id).toBe(first.record.id);
    expect(await countCaptures(db)).toBe(1);
    const record = await getCapture(db, first.record.id!);
    expect(record!.textContent).toContain('Australian beef');
    expect(record!.versionCount).toBe(2);
    expect(record!.capturedAt).toBe(T1.toISOString());
    expect(record!.updatedAt).toBe(T2.toISOString());
    const versions = await listVersions(db, first.record.id!);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.number).toBe(1);
    expect(versions[0]!.savedAt).toBe(T1.toISOString());
    expect(versions[0]!.textContent).toBe(seedCapture().textContent);
    // The same changed text again is not a third version.
    expect((await saveCapture(db, updatedCapture(), T3)).status).toBe('already-saved');
    expect(await listVersions(db, first.record.id!)).toHaveLength(1);
  });

  it('keeps versions through a delete and its Undo, and deletes them with the record at the sweep', async () => {
    const { record } = await saveCapture(db, seedCapture(), T1);
    await saveCapture(db, updatedCapture(), T2);
    await deleteCapture(db, record.id!, T2);
    expect(await undeleteCapture(db, record.id!, T2)).toBe(record.id);
    expect(await listVersions(db, record.id!)).toHaveLength(1);
    expect((await getCapture(db, record.id!))!.versionCount).toBe(2);
    await deleteCapture(db, record.id!, T2);
    await sweepLibrary(db, new Date(T2.getTime() + UNDO_WINDOW_MS));
    expect(await db.versions.count()).toBe(0);
  });
});

describe('near-duplicates: the same story on another site', () => {
  it('saves the syndicated copy as its own record, grouped with the seed as one story, never merged', async () => {
    const seed = await saveCapture(db, seedCapture(), T1);
    const syndicated = await saveCapture(db, syndicatedCapture(), T2);
    expect(syndicated.status).toBe('saved');
    expect(syndicated.record.id).not.toBe(seed.record.id);
    expect(syndicated.sameStoryAs?.id).toBe(seed.record.id);
    expect(await countCaptures(db)).toBe(2);
    const a = await getCapture(db, seed.record.id!);
    const b = await getCapture(db, syndicated.record.id!);
    expect(a!.storyId).toBe(seed.record.id);
    expect(b!.storyId).toBe(seed.record.id);
    expect((await storyPeer(db, a!))!.id).toBe(b!.id);
    expect((await storyPeer(db, b!))!.id).toBe(a!.id);
    expect(b!.url).toBe(SYNDICATED_AT);
    expect(a!.textContent).toBe(seedCapture().textContent);
  });

  it('does not group an unrelated article', async () => {
    await saveCapture(db, seedCapture(), T1);
    const text = 'The city council voted on Tuesday to delay the election of a new mayor until spring, citing a dispute over ballots.';
    const other = await saveCapture(
      db,
      { ...seedCapture('https://example.net/council'), title: 'Council delays vote', textContent: text, contentHtml: `<p>${text}</p>` },
      T2,
    );
    expect(other.sameStoryAs).toBeNull();
    expect((await getCapture(db, other.record.id!))!.storyId).toBeNull();
  });
});

describe('idempotent capture', () => {
  it('leaves one record when the same page is saved five times at once (double clicks, two tabs)', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => saveCapture(db, seedCapture(i % 2 ? `${SEED_AT}?utm_source=tab${i}` : SEED_AT), T1)));
    expect(results.filter((r) => r.status === 'saved')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'already-saved')).toHaveLength(4);
    expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
    expect(await countCaptures(db)).toBe(1);
  });

  it('leaves one record and one version when a changed article is saved twice at once', async () => {
    await saveCapture(db, seedCapture(), T1);
    const results = await Promise.all([saveCapture(db, updatedCapture(), T2), saveCapture(db, updatedCapture(), T2)]);
    expect(results.map((r) => r.status).sort()).toEqual(['already-saved', 'updated']);
    expect(await db.versions.count()).toBe(1);
  });
});

describe('quota errors', () => {
  it('aborts the whole save and leaves the library as it was', async () => {
    const { record } = await saveCapture(db, seedCapture(), T1);
    const before = await getCapture(db, record.id!);
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.versions, 'add').mockRejectedValue(quota);
    await expect(saveCapture(db, updatedCapture(), T2)).rejects.toMatchObject({ name: expect.stringMatching(/Quota/) });
    spy.mockRestore();
    expect(await getCapture(db, record.id!)).toEqual(before);
    expect(await db.versions.count()).toBe(0);
    expect(await countCaptures(db)).toBe(1);
  });

  it('says what to do in one sentence', () => {
    const message = storageFailure(Object.assign(new Error('x'), { name: 'QuotaExceededError' }));
    expect(message).toMatch(/storage for Clean Capture is full/);
    expect(message).toMatch(/Your library was not changed/);
    expect(storageFailure(Object.assign(new Error('x'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }))).toMatch(/full/);
    expect(storageFailure(Object.assign(new Error('x'), { name: 'UnknownError' }))).toMatch(/refused it \(UnknownError\)/);
  });
});

describe('library state', () => {
  it('updates tags, read state, archive and favourite, ignoring malformed values', async () => {
    const { updateCapture } = await import('../../../src/storage/captures');
    const { record } = await saveCapture(db, seedCapture(), T1);
    expect(record.readState).toBe('unread');
    const updated = await updateCapture(db, record.id!, { tags: [' Canada ', 'TRADE', 'canada', ''], readState: 'read', archived: true, favourite: true });
    expect(updated).toMatchObject({ tags: ['canada', 'trade'], readState: 'read', archived: 1, favourite: 1 });
    const stored = await getCapture(db, record.id!);
    expect(stored).toMatchObject({ tags: ['canada', 'trade'], readState: 'read', archived: 1, favourite: 1 });
    await updateCapture(db, record.id!, { tags: 'x' as never, readState: 'bogus' as never });
    expect(await getCapture(db, record.id!)).toMatchObject({ tags: ['canada', 'trade'], readState: 'read' });
    expect(await updateCapture(db, 9999, { favourite: true })).toBeUndefined();
  });

  it('marks a changed article unread again', async () => {
    const { updateCapture } = await import('../../../src/storage/captures');
    const { record } = await saveCapture(db, seedCapture(), T1);
    await updateCapture(db, record.id!, { readState: 'read' });
    await saveCapture(db, updatedCapture(), T2);
    expect((await getCapture(db, record.id!))!.readState).toBe('unread');
  });
});
