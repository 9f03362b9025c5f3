import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The handlers' browser calls (toolbar icons, settings) do nothing here: this test is about storage.
vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: { query: async () => [], get: async () => ({}) },
    action: { setIcon: async () => {}, setTitle: async () => {}, setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {} },
    storage: { local: { get: async () => ({}), set: async () => {} } },
    // Badge titles go through t() (issue 17); a missing message shows its key.
    i18n: { getMessage: () => '', getUILanguage: () => 'en-US' },
  },
}));

const { createHandlers } = await import('../../../src/background/handlers');
const { SearchService } = await import('../../../src/background/search-service');
const { saveCapture } = await import('../../../src/storage/captures');
const { CleanCaptureDb } = await import('../../../src/storage/db');
const { makeCapture } = await import('../helpers');

/** A kept page as large as real ones get (the page's HTML, gzipped: several MB for long pages). */
/** Byte for byte (a deep toEqual walks a million elements one by one). */
const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) => !!a && a instanceof Uint8Array && Buffer.compare(a, b) === 0;
const PAGE = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 7919) & 0xff);

let db: InstanceType<typeof CleanCaptureDb>;
let n = 0;
beforeEach(async () => {
  db = new CleanCaptureDb(`handlers-test-${process.pid}-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('delete-capture and its Undo', () => {
  it('never send the article through a message: the reply stays small whatever the kept page weighs, and Undo brings it back by id', async () => {
    const { record } = await saveCapture(db, { ...makeCapture({ url: 'https://news.example/long-read' }), rawHtmlGzip: PAGE } as never);
    const handlers = createHandlers(db, new SearchService(db));
    const deleted = await handlers['delete-capture']({ type: 'delete-capture', id: record.id! });
    // A message is JSON in Chrome (a Uint8Array grows ~12×) and capped at 64 MiB.
    expect(JSON.stringify(deleted).length).toBeLessThan(1000);
    expect(await db.captures.get(record.id!)).toMatchObject({ deletedAt: expect.any(String) });

    const restored = await handlers['restore-capture']({ type: 'restore-capture', id: record.id! });
    expect(restored).toEqual({ id: record.id });
    const back = (await db.captures.get(record.id!))!;
    expect(back.deletedAt).toBeUndefined();
    expect(sameBytes(back.rawHtmlGzip, PAGE)).toBe(true);
  });
});

describe('tags: list-tags and rename-tag (issue 17)', () => {
  const save = (url: string, title: string) => saveCapture(db, makeCapture({ url, title, textContent: `${title}. Words about ${title}.` }));

  it('renames a tag on every article, merges into an existing one, deletes one; the index follows', async () => {
    const a = (await save('https://news.example/a', 'Harbour reopens')).record.id!;
    const b = (await save('https://news.example/b', 'Council votes')).record.id!;
    const c = (await save('https://news.example/c', 'Tram approved')).record.id!;
    const handlers = createHandlers(db, new SearchService(db));
    await handlers['update-capture']({ type: 'update-capture', id: a, patch: { tags: ['world', 'local'] } });
    await handlers['update-capture']({ type: 'update-capture', id: b, patch: { tags: ['World news'] } });
    await handlers['update-capture']({ type: 'update-capture', id: c, patch: { tags: ['local'] } });
    await vi.waitFor(async () =>
      expect((await handlers['list-tags']({ type: 'list-tags' })).tags).toEqual([
        { tag: 'local', count: 2 },
        { tag: 'world', count: 1 },
        { tag: 'world news', count: 1 },
      ]),
    );

    // "world" is its own tag: "world news" is not touched.
    expect(await handlers['rename-tag']({ type: 'rename-tag', from: 'world', to: 'Local' })).toEqual({ changed: 1 });
    expect((await db.captures.get(a))!.tags).toEqual(['local']);
    expect((await db.captures.get(b))!.tags).toEqual(['world news']);
    await vi.waitFor(async () =>
      expect((await handlers['list-tags']({ type: 'list-tags' })).tags).toEqual([
        { tag: 'local', count: 2 },
        { tag: 'world news', count: 1 },
      ]),
    );

    expect(await handlers['rename-tag']({ type: 'rename-tag', from: 'local', to: null })).toEqual({ changed: 2 });
    expect((await db.captures.get(c))!.tags).toEqual([]);
    expect(await db.captures.count()).toBe(3);
    await vi.waitFor(async () => expect((await handlers['list-tags']({ type: 'list-tags' })).tags).toEqual([{ tag: 'world news', count: 1 }]));
  });

  it('refuses an empty new name with a sentence, changing nothing', async () => {
    const a = (await save('https://news.example/a', 'Harbour reopens')).record.id!;
    const handlers = createHandlers(db, new SearchService(db));
    await handlers['update-capture']({ type: 'update-capture', id: a, patch: { tags: ['world'] } });
    await expect(handlers['rename-tag']({ type: 'rename-tag', from: 'world', to: '  ' })).rejects.toMatchObject({ code: 'bad-request' });
    expect((await db.captures.get(a))!.tags).toEqual(['world']);
  });
});
