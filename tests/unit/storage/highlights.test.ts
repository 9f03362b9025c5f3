import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchService } from '../../../src/background/search-service';
import { parseBackup } from '../../../src/core/backup/backup-format';
import { createBackup } from '../../../src/storage/backup';
import { saveCapture } from '../../../src/storage/captures';
import { CleanCaptureDb } from '../../../src/storage/db';
import { readGeneration } from '../../../src/storage/generation';
import { allHighlights, highlightCounts, highlightsOf } from '../../../src/storage/highlight-queries';
import { addHighlight, deleteHighlight, restoreHighlight, updateHighlight } from '../../../src/storage/highlights';
import { deleteCapture, sweepLibrary } from '../../../src/storage/library';
import { restoreBackup } from '../../../src/storage/restore';
import { makeCapture } from '../helpers';

const T0 = new Date('2026-01-01T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
let db: CleanCaptureDb;
let n = 0;
const newDb = async () => {
  const d = new CleanCaptureDb(`highlights-test-${process.pid}-${++n}`);
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

/** An article per address, each with a text of its own (the same text would be one record). */
const saved = async (url = 'https://news.example/a') =>
  (await saveCapture(db, makeCapture({ url, canonicalUrl: url, title: `Story ${url}`, textContent: `A story told at ${url}, with words of its own.` }), T0))
    .record.id!;

describe('highlights storage (v6)', () => {
  it('adds a highlight with a UUID, defaults, and moves the library generation (search sees it)', async () => {
    const id = await saved();
    const before = await readGeneration(db);
    const h = await addHighlight(db, { captureId: id, exact: 'Jack Ma', prefix: 'met ', suffix: ' in' }, T0);
    expect(h.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(h).toMatchObject({ color: 'yellow', note: '', createdAt: T0.toISOString(), updatedAt: T0.toISOString() });
    expect(await readGeneration(db)).toBeGreaterThan(before);
    expect((await highlightsOf(db, id)).map((x) => x.exact)).toEqual(['Jack Ma']);
  });

  it('refuses bad input and changes nothing', async () => {
    const id = await saved();
    await expect(addHighlight(db, { captureId: id, exact: '   ' })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(addHighlight(db, { captureId: id, exact: 'x', color: 'red' as never })).rejects.toThrow(/Unknown highlight colour "red"/);
    await expect(addHighlight(db, { captureId: id, exact: 'x', note: 42 as never })).rejects.toThrow(/note must be text/);
    await expect(addHighlight(db, { captureId: 999, exact: 'x' })).rejects.toMatchObject({ code: 'not-found' });
    expect(await db.highlights.count()).toBe(0);
  });

  it('recolours, notes, deletes as a tombstone and Undo brings it back', async () => {
    const id = await saved();
    const h = await addHighlight(db, { captureId: id, exact: 'Jack Ma' }, T0);
    const edited = await updateHighlight(db, h.id, { color: 'pink', note: 'a <b>note</b>' }, later(1000));
    expect(edited).toMatchObject({ color: 'pink', note: 'a <b>note</b>', updatedAt: later(1000).toISOString() });
    expect(await deleteHighlight(db, h.id, later(2000))).toBe(true);
    expect(await highlightsOf(db, id)).toEqual([]);
    expect((await db.highlights.get(h.id))!.deletedAt).toBe(later(2000).toISOString());
    expect(await deleteHighlight(db, h.id)).toBe(false);
    expect(await updateHighlight(db, h.id, { note: 'x' })).toBeNull();
    await restoreHighlight(db, h.id, later(3000));
    expect((await highlightsOf(db, id)).map((x) => x.note)).toEqual(['a <b>note</b>']);
  });

  it('lists newest first across live articles, counts per article, and the sweep clears tombstones and a purged article’s highlights', async () => {
    const a = await saved('https://news.example/a');
    const b = await saved('https://news.example/b');
    await addHighlight(db, { captureId: a, exact: 'one' }, T0);
    const gone = await addHighlight(db, { captureId: a, exact: 'two' }, later(1));
    await addHighlight(db, { captureId: b, exact: 'three' }, later(2));
    expect((await allHighlights(db)).map((x) => x.exact)).toEqual(['three', 'two', 'one']);
    expect([...(await highlightCounts(db, [a, b]))]).toEqual([
      [a, 2],
      [b, 1],
    ]);
    await deleteHighlight(db, gone.id, later(3));
    await deleteCapture(db, b, later(4));
    expect((await allHighlights(db)).map((x) => x.exact)).toEqual(['one']);
    await sweepLibrary(db, later(10 * 60_000), 60_000);
    expect((await db.highlights.toArray()).map((x) => x.exact)).toEqual(['one']);
  });

  it('goes into a backup (live ones only) and comes back attached to the restored article', async () => {
    const a = await saved();
    await addHighlight(db, { captureId: a, exact: 'kept', note: 'my note' }, T0);
    const deleted = await addHighlight(db, { captureId: a, exact: 'deleted' }, T0);
    await deleteHighlight(db, deleted.id);
    const text = await (await createBackup(db, { settings: null, generator: 'test', now: T0 })).text();
    const other = await newDb();
    try {
      await saveCapture(
        other,
        makeCapture({
          url: 'https://elsewhere.example/x',
          canonicalUrl: 'https://elsewhere.example/x',
          title: 'Other',
          textContent: 'Other text entirely here.',
        }),
        T0,
      );
      const report = await restoreBackup(other, parseBackup(text));
      expect(report.tables['highlights']).toMatchObject({ added: 1 });
      const [restored] = await other.highlights.toArray();
      const article = await other.captures.get(restored!.captureId);
      expect(article!.url).toBe('https://news.example/a');
      expect(restored).toMatchObject({ exact: 'kept', note: 'my note' });
    } finally {
      other.close();
      await other.delete();
    }
  });

  it('a backup with a bad highlight is refused whole', async () => {
    const a = await saved();
    await addHighlight(db, { captureId: a, exact: 'kept' }, T0);
    const data = JSON.parse(await (await createBackup(db, { settings: null, generator: 'test', now: T0 })).text());
    data.tables.highlights.rows[0].color = 'red';
    await expect(restoreBackup(db, parseBackup(JSON.stringify(data)))).rejects.toThrow(/"color" must be yellow, green, blue or pink/);
  });

  it('search finds an article by the words of its highlights and notes (not its deleted ones)', async () => {
    const a = await saved();
    const search = new SearchService(db);
    const kept = await addHighlight(db, { captureId: a, exact: 'story told', note: 'zanzibar connection' }, T0);
    await search.upsert(a);
    expect((await search.search('zanzibar', {})).map((h) => h.id)).toEqual([a]);
    await deleteHighlight(db, kept.id);
    await search.upsert(a);
    expect(await search.search('zanzibar', {})).toEqual([]);
    await restoreHighlight(db, kept.id);
    await search.reindexAll();
    expect((await search.search('zanzibar', {})).map((h) => h.id)).toEqual([a]);
  });

  it('a restore takes a highlight’s later edit and keeps a newer local one (latest change wins, by id)', async () => {
    const a = await saved();
    const h = await addHighlight(db, { captureId: a, exact: 'story told', note: 'first' }, T0);
    const text = await (await createBackup(db, { settings: null, generator: 'test', now: T0 })).text();
    await updateHighlight(db, h.id, { note: 'newer here' }, later(5000));
    expect((await restoreBackup(db, parseBackup(text))).tables['highlights']).toMatchObject({ added: 0, updated: 0, skipped: 1 });
    expect((await db.highlights.get(h.id))!.note).toBe('newer here');
    const data = JSON.parse(text);
    data.tables.highlights.rows[0].note = 'edited later elsewhere';
    data.tables.highlights.rows[0].updatedAt = later(9000).toISOString();
    expect((await restoreBackup(db, parseBackup(JSON.stringify(data)))).tables['highlights']).toMatchObject({ updated: 1 });
    expect((await db.highlights.get(h.id))!.note).toBe('edited later elsewhere');
  });
});
