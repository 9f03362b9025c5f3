import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchService } from '../../../src/background/search-service';
import { parseBackup } from '../../../src/core/backup/backup-format';
import { createIndex, searchDocOf } from '../../../src/core/library/search-index';
import { createBackup } from '../../../src/storage/backup';
import { saveCapture, updateCapture } from '../../../src/storage/captures';
import { CleanCaptureDb } from '../../../src/storage/db';
import { readGeneration } from '../../../src/storage/generation';
import { deleteCapture, sweepLibrary, undeleteCapture, UNDO_WINDOW_MS } from '../../../src/storage/library';
import { replaceCapture } from '../../../src/storage/reextract';
import { restoreBackup } from '../../../src/storage/restore';
import { makeCapture } from '../helpers';

/**
 * The write generation (storage/generation.ts) must move with every write to the library: a
 * search index saved at generation N is loaded after a restart exactly when the library is
 * still at N. One test per writer.
 */
let db: CleanCaptureDb;
let n = 0;
const T = new Date('2024-01-01T10:00:00.000Z');
const newDb = async () => {
  const d = new CleanCaptureDb(`generation-test-${process.pid}-${++n}`);
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

const save = (url = 'https://news.example/a', text = 'The harbour reopened on Monday.') =>
  saveCapture(db, makeCapture({ url, canonicalUrl: url, textContent: text, contentHtml: `<p>${text}</p>` }), T);

/** Runs `write` and answers whether the generation moved. */
async function moves(write: () => Promise<unknown>): Promise<boolean> {
  const before = await readGeneration(db);
  await write();
  return (await readGeneration(db)) !== before;
}

describe('every writer moves the write generation', () => {
  it('save: a new article, a new address of a saved one, a changed article', async () => {
    expect(await moves(() => save())).toBe(true);
    expect(await moves(() => save('https://news.example/a?page=amp-alias', 'The harbour reopened on Monday.'))).toBe(true);
    expect(await moves(() => save('https://news.example/a', 'The harbour reopened on Tuesday instead.'))).toBe(true);
  });

  it('re-extract (replace-capture)', async () => {
    const { record } = await save();
    expect(await moves(() => replaceCapture(db, record.id!, makeCapture({ url: record.url, textContent: 'A fresh extraction.', title: 'Fresh' }), T))).toBe(
      true,
    );
  });

  it('backup restore (into a library that has articles of its own)', async () => {
    await save();
    const other = await newDb();
    try {
      await saveCapture(other, makeCapture({ url: 'https://news.example/b', textContent: 'Another article.' }), T);
      const text = await (await createBackup(other, { settings: null, generator: 'test', now: T })).text();
      expect(await moves(() => restoreBackup(db, parseBackup(text)))).toBe(true);
    } finally {
      other.close();
      await other.delete();
    }
  });

  it('delete, its Undo, and the sweep after the Undo window', async () => {
    const { record } = await save();
    expect(await moves(() => deleteCapture(db, record.id!, T))).toBe(true);
    expect(await moves(() => undeleteCapture(db, record.id!, T))).toBe(true);
    await deleteCapture(db, record.id!, T);
    expect(await moves(() => sweepLibrary(db, new Date(T.getTime() + UNDO_WINDOW_MS)))).toBe(true);
  });

  it('tags, read state, archive, favourite', async () => {
    const { record } = await save();
    expect(await moves(() => updateCapture(db, record.id!, { tags: ['port'] }))).toBe(true);
    expect(await moves(() => updateCapture(db, record.id!, { readState: 'read' }))).toBe(true);
    expect(await moves(() => updateCapture(db, record.id!, { archived: true }))).toBe(true);
    expect(await moves(() => updateCapture(db, record.id!, { favourite: true }))).toBe(true);
  });

  it('any other write to the library, in a transaction of its own', async () => {
    const { record } = await save();
    expect(await moves(() => db.transaction('rw', db.captures, () => db.captures.update(record.id!, { title: 'Edited' })))).toBe(true);
    expect(await moves(() => db.captures.delete(record.id!))).toBe(true);
  });

  it('a read does not move it', async () => {
    const { record } = await save();
    expect(await moves(() => db.captures.get(record.id!))).toBe(false);
  });
});

describe('the search index after a restart', () => {
  it("is never taken from a backup: another library's saved index is not trusted here", async () => {
    const other = await newDb();
    try {
      const { record } = await saveCapture(other, makeCapture({ url: 'https://news.example/b', textContent: 'Another article.' }), T);
      const index = createIndex();
      index.add(searchDocOf(record));
      await other.searchIndex.put({ key: 'minisearch', generation: await readGeneration(other), json: JSON.stringify(index) });
      const text = await (await createBackup(other, { settings: null, generator: 'test', now: T })).text();
      const report = await restoreBackup(db, parseBackup(text));
      expect(report.tables['searchIndex']).toEqual({ added: 0, updated: 0, skipped: 1 });
      expect(await db.searchIndex.count()).toBe(0);
    } finally {
      other.close();
      await other.delete();
    }
  });

  it('is rebuilt, not loaded stale, after a re-extraction changed an article', async () => {
    const { record } = await save();
    // The index as the background persists it: current at this generation.
    const index = createIndex();
    index.add(searchDocOf((await db.captures.get(record.id!))!));
    await db.searchIndex.put({ key: 'minisearch', generation: await readGeneration(db), json: JSON.stringify(index) });
    await replaceCapture(db, record.id!, makeCapture({ url: record.url, textContent: 'Zanzibar ferries sail again.', title: 'Fresh' }), T);
    const restarted = new SearchService(db);
    expect((await restarted.search('zanzibar')).map((h) => h.id)).toEqual([record.id]);
  });
});
