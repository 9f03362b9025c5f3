import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCapture } from '../../../src/storage/captures';
import { countCaptures, getCapture, listCaptures } from '../../../src/storage/capture-queries';
import { findCaptureByUrl } from './lookups';
import { deleteCapture, undeleteCapture } from '../../../src/storage/library';
import { CleanCaptureDb } from '../../../src/storage/db';
import { importedRecord } from '../../../src/storage/import-record';
import { makeCapture } from '../helpers';

const URL_ = 'https://news.example.com/business/2014/11-08/6762151.shtml';
const T1 = new Date('2024-01-01T10:00:00.000Z');
const T2 = new Date('2024-01-02T10:00:00.000Z');

let db: CleanCaptureDb;
let dbCount = 0;

beforeEach(async () => {
  db = new CleanCaptureDb(`captures-test-${process.pid}-${++dbCount}-${Date.now()}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('saveCapture', () => {
  it('saves a new capture', async () => {
    const result = await saveCapture(db, makeCapture({ url: URL_ }), T1);
    expect(result.status).toBe('saved');
    expect(result.record.id).toBeTypeOf('number');
    expect(result.record.capturedAt).toBe(T1.toISOString());
    expect(await countCaptures(db)).toBe(1);
    const stored = await getCapture(db, result.record.id!);
    expect(stored?.title).toBe('Canadian PM meets Alibaba founder');
    expect(stored?.urlKeys).toEqual([URL_]);
  });

  it('answers already-saved for the same capture, keeping one record', async () => {
    const capture = makeCapture({ url: URL_ });
    const first = await saveCapture(db, capture, T1);
    const second = await saveCapture(db, capture, T2);
    expect(second.status).toBe('already-saved');
    expect(second.record.id).toBe(first.record.id);
    expect(second.record.capturedAt).toBe(T1.toISOString());
    expect(await countCaptures(db)).toBe(1);
  });

  it.each([
    ['tracking parameters and a fragment', `${URL_}?utm_source=x&utm_medium=y#comments`],
    ['WeChat share parameters', `${URL_}?from=timeline&isappinstalled=0`],
    ['upper-case host and default port', URL_.replace('https://news.example.com', 'HTTPS://News.Example.com:443')],
  ])('treats the page reached via %s as the same page', async (_label, variant) => {
    await saveCapture(db, makeCapture({ url: URL_ }), T1);
    const again = await saveCapture(db, makeCapture({ url: variant, canonicalUrl: variant }), T2);
    expect(again.status).toBe('already-saved');
    expect(await countCaptures(db)).toBe(1);
  });

  it('treats parameters in another order as the same page, but another id as another page', async () => {
    const base = 'https://news.example.com/story';
    await saveCapture(db, makeCapture({ url: `${base}?id=3&page=1` }), T1);
    const reordered = await saveCapture(db, makeCapture({ url: `${base}?page=1&utm_campaign=z&id=3#top` }), T2);
    expect(reordered.status).toBe('already-saved');
    expect(await countCaptures(db)).toBe(1);
    const other = await saveCapture(db, makeCapture({ url: `${base}?id=4&page=1`, textContent: 'Story four is about the tram line.' }), T2);
    expect(other.status).toBe('saved');
    expect(await countCaptures(db)).toBe(2);
  });

  it('updates the record when the text changed, keeping capturedAt', async () => {
    const first = await saveCapture(db, makeCapture({ url: URL_ }), T1);
    const changedText = 'Harper met Jack Ma in Hangzhou on Friday. A corrected sentence and a new paragraph were added.';
    const second = await saveCapture(db, makeCapture({ url: URL_, textContent: changedText, contentHtml: `<p>${changedText}</p>` }), T2);
    expect(second.status).toBe('updated');
    expect(second.record.id).toBe(first.record.id);
    expect(await countCaptures(db)).toBe(1);
    const stored = await getCapture(db, first.record.id!);
    expect(stored?.textContent).toBe(changedText);
    expect(stored?.contentHtml).toBe(`<p>${changedText}</p>`);
    expect(stored?.capturedAt).toBe(T1.toISOString());
    expect(stored?.updatedAt).toBe(T2.toISOString());
    expect(stored?.fingerprint).not.toBe(first.record.fingerprint);
  });

  it('matches by canonical URL when the page was reached at another address', async () => {
    const canonical = 'https://news.example.com/harbour-reopens';
    const first = await saveCapture(db, makeCapture({ url: 'https://m.news.example.com/a/123', canonicalUrl: canonical }), T1);
    const second = await saveCapture(db, makeCapture({ url: 'https://amp.news.example.com/a/123.amp', canonicalUrl: canonical }), T2);
    expect(second.status).toBe('already-saved');
    expect(second.record.id).toBe(first.record.id);
    expect(await countCaptures(db)).toBe(1);
    // Now known at the new address too.
    expect((await findCaptureByUrl(db, 'https://amp.news.example.com/a/123.amp'))?.id).toBe(first.record.id);
    // And a later capture at the first page URL alone, no canonical, finds it.
    const third = await saveCapture(db, makeCapture({ url: 'https://m.news.example.com/a/123' }), T2);
    expect(third.record.id).toBe(first.record.id);
    expect(await countCaptures(db)).toBe(1);
  });

  it('keeps a selection from the same page as its own record, never overwriting the article', async () => {
    const article = await saveCapture(db, makeCapture({ url: URL_ }), T1);
    const selectionText = 'Harper met Jack Ma in Hangzhou';
    const selection = await saveCapture(
      db,
      makeCapture({
        url: URL_,
        selectionOnly: true,
        textContent: selectionText,
        contentHtml: `<p>${selectionText}</p>`,
      }),
      T2,
    );
    expect(selection.status).toBe('saved');
    expect(selection.record.id).not.toBe(article.record.id);
    expect(await countCaptures(db)).toBe(2);
    const storedArticle = await getCapture(db, article.record.id!);
    expect(storedArticle?.textContent).toBe(article.record.textContent);
    expect(storedArticle?.selectionOnly).toBe(false);
    expect((await findCaptureByUrl(db, URL_))?.id).toBe(article.record.id);

    // The same selection again is already saved; the whole article again is too.
    expect((await saveCapture(db, makeCapture({ url: URL_, selectionOnly: true, textContent: selectionText }), T2)).status).toBe('already-saved');
    expect((await saveCapture(db, makeCapture({ url: URL_ }), T2)).status).toBe('already-saved');
    expect(await countCaptures(db)).toBe(2);
  });

  it('saves the article after a selection of the same page as a separate record', async () => {
    const selection = await saveCapture(db, makeCapture({ url: URL_, selectionOnly: true, textContent: 'Just one line.' }), T1);
    const article = await saveCapture(db, makeCapture({ url: URL_ }), T2);
    expect(article.status).toBe('saved');
    expect(article.record.id).not.toBe(selection.record.id);
    expect((await getCapture(db, selection.record.id!))?.textContent).toBe('Just one line.');
    expect(await countCaptures(db)).toBe(2);
  });

  it('leaves one record when the same capture is saved twice at once', async () => {
    const capture = makeCapture({ url: URL_ });
    const results = await Promise.all([saveCapture(db, capture, T1), saveCapture(db, capture, T1)]);
    expect(await countCaptures(db)).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual(['already-saved', 'saved']);
    expect(results[0].record.id).toBe(results[1].record.id);
  });
});

describe('listCaptures', () => {
  it('lists newest first, with offset and limit', async () => {
    for (let i = 0; i < 5; i++) {
      await saveCapture(
        db,
        makeCapture({ url: `https://news.example.com/story-${i}`, title: `Story ${i}`, textContent: `Text of story ${i}.` }),
        new Date(Date.UTC(2024, 0, 1 + i)),
      );
    }
    expect((await listCaptures(db)).map((r) => r.title)).toEqual(['Story 4', 'Story 3', 'Story 2', 'Story 1', 'Story 0']);
    expect((await listCaptures(db, 0, 2)).map((r) => r.title)).toEqual(['Story 4', 'Story 3']);
    expect((await listCaptures(db, 2, 2)).map((r) => r.title)).toEqual(['Story 2', 'Story 1']);
    expect((await listCaptures(db, 4, 2)).map((r) => r.title)).toEqual(['Story 0']);
    expect(await listCaptures(db, 5, 2)).toEqual([]);
  });

  it('orders by first capture, not by insertion order', async () => {
    await saveCapture(db, makeCapture({ url: 'https://news.example.com/older', title: 'Older', textContent: 'Older text.' }), T1);
    await saveCapture(db, makeCapture({ url: 'https://news.example.com/newer', title: 'Newer', textContent: 'Newer text.' }), T2);
    await saveCapture(
      db,
      makeCapture({ url: 'https://news.example.com/oldest', title: 'Oldest', textContent: 'Oldest text.' }),
      new Date('2023-06-01T00:00:00Z'),
    );
    expect((await listCaptures(db)).map((r) => r.title)).toEqual(['Newer', 'Older', 'Oldest']);
  });
});

describe('deleteCapture / undeleteCapture', () => {
  it('brings a deleted capture back identical', async () => {
    const { record } = await saveCapture(db, makeCapture({ url: URL_, keywords: ['Harper', 'Alibaba'] }), T1);
    const before = await getCapture(db, record.id!);
    expect(await deleteCapture(db, record.id!)).toEqual({ id: record.id, title: record.title });
    expect(await getCapture(db, record.id!)).toBeUndefined();
    expect(await countCaptures(db)).toBe(0);

    const id = await undeleteCapture(db, record.id!);
    expect(id).toBe(record.id);
    expect(await getCapture(db, id)).toEqual(before);
    expect(await countCaptures(db)).toBe(1);
  });

  it('answers null when deleting what is not there', async () => {
    expect(await deleteCapture(db, 12345)).toBeNull();
  });

  it('does not restore over a page saved again since', async () => {
    const { record } = await saveCapture(db, makeCapture({ url: URL_ }), T1);
    await deleteCapture(db, record.id!);
    const again = await saveCapture(db, makeCapture({ url: URL_ }), T2);
    const id = await undeleteCapture(db, record.id!);
    expect(id).toBe(again.record.id);
    expect(await countCaptures(db)).toBe(1);
  });
});

describe('saveCapture of an imported page (issue #15)', () => {
  const item = {
    url: URL_,
    title: 'From Pocket',
    savedAt: '2023-05-01T08:00:00.000Z',
    tags: ['Weekend Reads'],
    archived: false,
    favourite: true,
    progress: 0.4,
    contentHtml: null,
    highlights: [{ quote: 'a line', note: null }],
  };

  it('adds the import’s record (saved time, tags, states, highlights) with its reading position, in one save', async () => {
    const capture = makeCapture({ url: URL_ });
    const result = await saveCapture(db, capture, T1, importedRecord(capture, item, 'pocket-csv', T1));
    expect(result.status).toBe('saved');
    const stored = await getCapture(db, result.record.id!);
    expect(stored).toMatchObject({ capturedAt: item.savedAt, tags: ['weekend reads'], favourite: 1, readState: 'unread', importedFrom: 'pocket-csv' });
    expect(stored?.importedHighlights).toEqual(item.highlights);
    expect(await db.reading.get(result.record.id!)).toMatchObject({ progress: 0.4 });
  });

  it('leaves an article already saved as it is, even when the import’s text differs (no new version)', async () => {
    const first = await saveCapture(db, makeCapture({ url: URL_ }), T1);
    const changed = makeCapture({ url: URL_, textContent: 'Another text altogether, long enough to be an article of its own.' });
    const again = await saveCapture(db, changed, T2, importedRecord(changed, item, 'pocket-csv', T2));
    expect(again.status).toBe('already-saved');
    expect(again.record.id).toBe(first.record.id);
    expect(await db.versions.count()).toBe(0);
    expect(await db.reading.count()).toBe(0);
    expect((await getCapture(db, first.record.id!))?.tags).toEqual([]);
  });
});
