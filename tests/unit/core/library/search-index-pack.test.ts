import { describe, expect, it } from 'vitest';
import { createIndex, loadIndex, searchDocOf, searchIndex, type IndexableRecord, type LibrarySort } from '../../../../src/core/library/search-index';
import { isCurrentPack, packIndex, PACK_FORMAT, unpackIndex } from '../../../../src/core/library/search-index-pack';

/**
 * The packed copy of the search index (issue 17) must answer exactly like the JSON copy it
 * replaces (MiniSearch.loadJSON of the same index): same hits, same scores, same order, through
 * prefix and fuzzy matches, filters and sorts, and after the index changes.
 */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const VOCAB =
  'harbour harbours harbor council councils election elections storm stormy piers pier tram trams ferry ferries timetable kiel daily mayor budget school schools river bridge bridges market'.split(
    ' ',
  );
function record(i: number): IndexableRecord {
  const r = rng(i + 1);
  const words = (n: number) => Array.from({ length: n }, () => VOCAB[Math.floor(r() * VOCAB.length)]).join(' ');
  return {
    id: i + 1,
    title: words(4),
    byline: i % 3 ? `Reporter ${i % 5}` : null,
    siteName: i % 2 ? `Site ${i % 4}` : null,
    url: `https://news${i % 6}.example/${i}`,
    textContent: words(60),
    capturedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
    tags: i % 4 ? [] : ['local', i % 8 ? 'transport' : 'weekly'],
    readState: i % 3 ? 'unread' : 'read',
    archived: i % 7 ? 0 : 1,
    favourite: i % 5 ? 0 : 1,
    published: i % 6 ? new Date(Date.UTC(2023, 5, 1) + i * 86_400_000).toISOString() : null,
    readingMinutes: 1 + (i % 9),
  };
}
const records = Array.from({ length: 400 }, (_, i) => record(i));
const QUERIES = [
  'harbour',
  'harbo',
  'councl',
  'stormy piers',
  'ferry timetable',
  'kiel',
  'reporter 3',
  'local',
  'brid',
  'electionz',
  'market school',
  'nothing',
];
const FILTERS = [{}, { state: 'unread' as const }, { tag: 'local' }, { favourite: true }, { site: 'news2.example' }, { from: '2024-01-05', to: '2024-01-10' }];
const SORTS: (LibrarySort | undefined)[] = [undefined, 'saved', 'published', 'title', 'site', 'minutes'];

function answers(index: ReturnType<typeof createIndex>) {
  const out: unknown[] = [];
  for (const query of [...QUERIES, '']) for (const filters of FILTERS) for (const sort of SORTS) out.push(searchIndex(index, query, filters, 1000, sort));
  return out;
}

describe('the packed search index', () => {
  const built = () => {
    const index = createIndex();
    index.addAll(records.map(searchDocOf));
    return index;
  };

  it('answers every query, filter and sort exactly as the JSON copy does', () => {
    const index = built();
    const fromJson = loadIndex(JSON.stringify(index));
    const fromPack = unpackIndex(structuredClone(packIndex(index)));
    expect(fromPack.documentCount).toBe(400);
    expect(answers(fromPack)).toEqual(answers(fromJson));
    // And it serializes as the JSON copy does (every term's postings, lengths, stored fields; the
    // terms in the order a loaded copy walks them, which differs from the first build's).
    expect(JSON.stringify(fromPack)).toBe(JSON.stringify(fromJson));
  });

  it('stays the same index through adds, changes and removals', () => {
    const index = built();
    const fromJson = loadIndex(JSON.stringify(index));
    const fromPack = unpackIndex(structuredClone(packIndex(index)));
    for (const copy of [fromJson, fromPack]) {
      copy.discard(3);
      copy.discard(10);
      copy.add(searchDocOf({ ...record(9), title: 'Harbour ferry strike', tags: ['strike'] }));
      copy.add(searchDocOf({ ...record(450), id: 451 }));
    }
    expect(answers(fromPack)).toEqual(answers(fromJson));
    expect(searchIndex(fromPack, 'strike').map((h) => h.id)).toEqual([10]);
    // Saved again after the changes and loaded: the same as the JSON copy saved and loaded then.
    expect(answers(unpackIndex(structuredClone(packIndex(fromPack))))).toEqual(answers(loadIndex(JSON.stringify(fromJson))));
  });

  it('keeps its postings as typed arrays, a fraction of the JSON copy', () => {
    const index = built();
    const packed = packIndex(index);
    expect(packed.docs).toBeInstanceOf(Uint32Array);
    expect(packed.docs.length).toBe(packed.freqs.length);
    expect(packed.terms.length).toBe(index.termCount);
  });

  it('is refused when saved in another layout or with other fields', () => {
    const packed = packIndex(built());
    expect(isCurrentPack(packed)).toBe(true);
    expect(isCurrentPack(undefined)).toBe(false);
    expect(isCurrentPack({ ...packed, format: PACK_FORMAT + 1 })).toBe(false);
    expect(isCurrentPack({ ...packed, storeFields: packed.storeFields.filter((f) => f !== 'minutes') })).toBe(false);
    expect(isCurrentPack({ ...packed, fields: [...packed.fields, 'notes'] })).toBe(false);
  });
});
