import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchService } from '../../../src/background/search-service';
import type { SearchFilters } from '../../../src/core/library/search-index';
import { exportIds } from '../../../src/views/export-ids';
import { searchSource } from '../../../src/views/library-source';
import { saveCapture } from '../../../src/storage/captures';
import { CleanCaptureDb } from '../../../src/storage/db';
import { makeCapture } from '../helpers';

let db: CleanCaptureDb;
let service: SearchService;
let n = 0;
/** What the popup's list asks the background for. */
const search = async (query: string, filters: SearchFilters) => (await service.search(query, filters, 100_000)).map((h) => h.id);

beforeEach(async () => {
  db = new CleanCaptureDb(`export-ids-${process.pid}-${++n}`);
  await db.open();
  service = new SearchService(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const words = (count: number) => Array.from({ length: count }, (_, i) => `filler${i}`).join(' ');

describe('export of "the search result"', () => {
  let early: number;
  let deep: number;
  beforeEach(async () => {
    // "Zanzibar" opens one article and sits 300 words deep in the other (past what the index holds).
    early = (
      await saveCapture(
        db,
        makeCapture({ url: 'https://news.example/early', title: 'Ferry timetable', textContent: `Zanzibar ferries sail again. ${words(50)}` }),
        new Date('2024-01-01'),
      )
    ).record.id!;
    deep = (
      await saveCapture(
        db,
        makeCapture({ url: 'https://news.example/deep', title: 'Harbour council', textContent: `${words(300)} Zanzibar.` }),
        new Date('2024-01-02'),
      )
    ).record.id!;
  });

  it.each([
    ['a word', 'zanzibar'],
    ['a typo the list forgives', 'zanzibr'],
    ['a prefix as typed', 'zanz'],
  ])('holds exactly the rows the list shows, for %s', async (_label, query) => {
    const list = await searchSource(db, query, {}, search);
    const shown = (await list.fetch(0, 50)).map((r) => r.id);
    expect(shown).toEqual([early]);
    expect(await exportIds({ checked: [], query, filters: {} }, { db, search })).toEqual(shown);
  });

  it('with filters too, and the checked rows or the whole library otherwise', async () => {
    expect(await exportIds({ checked: [], query: 'zanzibar', filters: { state: 'unread' } }, { db, search })).toEqual([early]);
    expect(await exportIds({ checked: [deep], query: 'zanzibar', filters: {} }, { db, search })).toEqual([deep]);
    expect(await exportIds({ checked: [], query: '', filters: {} }, { db, search })).toEqual([deep, early]);
  });
});
