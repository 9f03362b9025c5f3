import { describe, expect, it } from 'vitest';
import {
  createIndex,
  indexTags,
  isCurrentIndexJson,
  loadIndex,
  searchDocOf,
  searchIndex,
  type IndexableRecord,
} from '../../../../src/core/library/search-index';

function rec(id: number, over: Partial<IndexableRecord>): IndexableRecord {
  return {
    id,
    title: `Article ${id}`,
    byline: null,
    siteName: null,
    url: `https://news${id}.example.com/a/${id}`,
    textContent: 'Plain words about nothing in particular.',
    capturedAt: `2024-0${1 + (id % 9)}-10T10:00:00.000Z`,
    ...over,
  };
}

const records = [
  rec(1, {
    title: 'Harbour reopens after the storm',
    textContent: 'The harbour of Kiel reopened on Monday after the storm damaged the piers.',
    tags: ['local'],
    siteName: 'Kiel Daily',
  }),
  rec(2, {
    title: 'Council delays election',
    byline: 'Maria Okafor',
    textContent: 'The council voted to delay the election; the harbour was not discussed.',
    readState: 'read',
  }),
  rec(3, {
    title: 'Tram line approved',
    textContent: 'A new tram line to the harbour was approved by the council.',
    archived: 1,
    tags: ['transport', 'local'],
  }),
  rec(4, {
    title: 'Canadian PM meets Alibaba founder',
    byline: 'Xinhua',
    url: 'https://www.ecns.cn/business/2014/11-08/1.shtml',
    textContent: 'Harper met Jack Ma in Hangzhou.',
    favourite: 1,
  }),
];

function built() {
  const index = createIndex();
  index.addAll(records.map(searchDocOf));
  return index;
}

describe('full-text search index', () => {
  it('ranks a title match above a text-only match', () => {
    const hits = searchIndex(built(), 'harbour');
    expect(hits[0]!.id).toBe(1);
    expect(new Set(hits.map((h) => h.id))).toEqual(new Set([1, 2, 3]));
  });

  it('matches prefixes and tolerates typos', () => {
    expect(searchIndex(built(), 'alib').map((h) => h.id)).toEqual([4]);
    expect(searchIndex(built(), 'allibaba').map((h) => h.id)).toEqual([4]);
    expect(searchIndex(built(), 'harbor').map((h) => h.id)).toContain(1);
  });

  it('requires every word, and searches authors and sites', () => {
    expect(
      searchIndex(built(), 'harbour council')
        .map((h) => h.id)
        .sort(),
    ).toEqual([2, 3]);
    expect(searchIndex(built(), 'okafor').map((h) => h.id)).toEqual([2]);
    expect(searchIndex(built(), 'ecns').map((h) => h.id)).toEqual([4]);
    expect(searchIndex(built(), 'kiel daily').map((h) => h.id)).toEqual([1]);
  });

  it('filters by tag, site, state, favourite and date range, with or without a query', () => {
    const index = built();
    expect(
      searchIndex(index, 'harbour', { tag: 'local' })
        .map((h) => h.id)
        .sort(),
    ).toEqual([1, 3]);
    expect(searchIndex(index, '', { state: 'archived' }).map((h) => h.id)).toEqual([3]);
    expect(searchIndex(index, '', { state: 'read' }).map((h) => h.id)).toEqual([2]);
    expect(
      searchIndex(index, '', { state: 'unread' })
        .map((h) => h.id)
        .sort(),
    ).toEqual([1, 4]);
    expect(searchIndex(index, '', { favourite: true }).map((h) => h.id)).toEqual([4]);
    expect(searchIndex(index, '', { site: 'ecns.cn' }).map((h) => h.id)).toEqual([4]);
    expect(
      searchIndex(index, '', { from: '2024-03-01', to: '2024-04-30' })
        .map((h) => h.id)
        .sort(),
    ).toEqual([2, 3]);
    // No query, no filter: everything, newest first.
    expect(searchIndex(index, '').map((h) => h.id)).toEqual([4, 3, 2, 1]);
  });

  it('updates one document at a time and survives a save/load round trip', () => {
    const index = built();
    index.discard(1);
    index.add(searchDocOf({ ...records[0]!, title: 'Lighthouse repainted' }));
    expect(searchIndex(index, 'lighthouse').map((h) => h.id)).toEqual([1]);
    const copy = loadIndex(JSON.stringify(index));
    expect(copy.documentCount).toBe(4);
    expect(searchIndex(copy, 'lighthouse').map((h) => h.id)).toEqual([1]);
    expect(searchIndex(copy, 'harbour', { tag: 'transport' }).map((h) => h.id)).toEqual([3]);
  });
});

describe('library sorts and tags from the index (issue 17)', () => {
  const sorted = (sort: Parameters<typeof searchIndex>[4], query = '') => searchIndex(built(), query, {}, 100, sort).map((h) => h.id);
  const withMeta = () => {
    const index = createIndex();
    index.addAll(
      [
        rec(1, { title: 'banana', readingMinutes: 9, published: '2020-01-01' }),
        rec(2, { title: 'Apple', readingMinutes: 2, published: null }),
        rec(3, { title: 'cherry', readingMinutes: 5, published: '2023-05-05' }),
      ].map(searchDocOf),
    );
    return index;
  };

  it('orders by saved date (newest first) with or without a query', () => {
    expect(sorted('saved')).toEqual([4, 3, 2, 1]);
    expect(sorted('saved', 'harbour')).toEqual([3, 2, 1]);
  });

  it('orders by title (case-insensitive), published date (undated last) and reading time', () => {
    const index = withMeta();
    expect(searchIndex(index, '', {}, 100, 'title').map((h) => h.id)).toEqual([2, 1, 3]);
    expect(searchIndex(index, '', {}, 100, 'published').map((h) => h.id)).toEqual([3, 1, 2]);
    expect(searchIndex(index, '', {}, 100, 'minutes').map((h) => h.id)).toEqual([2, 3, 1]);
  });

  it('keeps each tag whole (a tag with a space too), for the tag filter and the tag list', () => {
    const index = createIndex();
    index.addAll([rec(1, { tags: ['new york', 'news'] }), rec(2, { tags: ['new'] })].map(searchDocOf));
    expect(indexTags(index).sort()).toEqual([['new'], ['new york', 'news']]);
    expect(searchIndex(index, '', { tag: 'new' }).map((h) => h.id)).toEqual([2]);
    expect(searchIndex(index, 'york').map((h) => h.id)).toEqual([1]);
  });

  it('takes a saved copy without the sort fields for stale', () => {
    expect(isCurrentIndexJson(JSON.stringify(built()), 4)).toBe(true);
    expect(isCurrentIndexJson('{"storedFields":{"1":{"site":"x"}}}', 1)).toBe(false);
    expect(isCurrentIndexJson('{}', 0)).toBe(true);
  });
});
