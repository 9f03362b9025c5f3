import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The handlers' browser calls (toolbar icons, settings) do nothing here: this test is about storage.
vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: { query: async () => [], get: async () => ({}) },
    action: { setIcon: async () => {}, setTitle: async () => {}, setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {} },
    storage: { local: { get: async () => ({}), set: async () => {} } },
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
