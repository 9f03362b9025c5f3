import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../../../../scripts/sync-server.mjs';
import { Couch } from '../../../../src/background/sync/couch';
import { syncRound } from '../../../../src/background/sync/sync-engine';
import type { SettingsPort } from '../../../../src/background/sync/settings-sync';
import { KEY_PARAMS_ID } from '../../../../src/core/sync/doc-id';
import { newKeyParams, type KeyParams, type SyncKeys } from '../../../../src/core/sync/sync-crypto';
import { DEFAULT_SETTINGS, type Settings } from '../../../../src/core/shared/settings';
import { saveCapture, updateCapture } from '../../../../src/storage/captures';
import { CleanCaptureDb } from '../../../../src/storage/db';
import { addHighlight, deleteHighlight, restoreHighlight, updateHighlight } from '../../../../src/storage/highlights';
import { makeCapture } from '../../helpers';

/**
 * Highlights and settings between two devices (issues #14, #16): two fake-indexeddb libraries
 * through a real PouchDB Server on 127.0.0.1, the background's own engine code.
 */
let server: SyncServer;
let keys: SyncKeys;
let params: KeyParams;

beforeAll(async () => {
  server = await startSyncServer();
  ({ keys, params } = await newKeyParams('a long passphrase for highlight tests'));
}, 60_000);
afterAll(() => server?.stop());

/** A device's settings store, in memory, saved as the settings store saves (a patch merged in). */
function memorySettings(): SettingsPort & { values: Settings } {
  const port = {
    values: { ...DEFAULT_SETTINGS },
    load: async () => ({ ...port.values }),
    apply: async (patch: Partial<Settings>) => {
      port.values = { ...port.values, ...patch };
    },
  };
  return port;
}

let n = 0;
async function setup() {
  const database = `hl-${++n}`;
  const couch = new Couch({ url: server.url, database, username: '', password: '' });
  await couch.connect();
  await couch.putMany([{ _id: KEY_PARAMS_ID, ...params }]);
  const a = new CleanCaptureDb(`hl-a-${process.pid}-${n}`);
  const b = new CleanCaptureDb(`hl-b-${process.pid}-${n}`);
  const settings = new Map([
    [a, memorySettings()],
    [b, memorySettings()],
  ]);
  let clock = Date.now();
  const now = () => (clock += 1000);
  return { couch, database, a, b, settings, sync: (db: CleanCaptureDb) => syncRound(db, couch, keys, now, settings.get(db)) };
}

const ARTICLE = 'The first sentence of the story. A passage worth keeping for later. The last words.';
async function save(db: CleanCaptureDb, url: string) {
  // Each address its own text: the same text at two addresses would be one article (dedupe).
  const text = `${ARTICLE} ${url}`;
  const { record } = await saveCapture(db, makeCapture({ url, title: 'Story', textContent: text, contentHtml: `<p>${text}</p>` }));
  return record.id!;
}
const liveHighlights = async (db: CleanCaptureDb) => (await db.highlights.toArray()).filter((h) => !h.deletedAt);
/** A later instant for each edit: highlights keep real edit times. */
let tick = Date.now();
const later = () => new Date((tick += 5000));

describe('highlights sync', () => {
  it('a highlight on A is on B, on its article; a note edited on B is on A; a delete on A is gone on B', async () => {
    const { a, b, sync, database } = await setup();
    const captureA = await save(a, 'https://news.example/story');
    const { id } = await addHighlight(
      a,
      { captureId: captureA, exact: 'A passage worth keeping', prefix: 'story. ', suffix: ' for later', color: 'green', note: 'secret note' },
      later(),
    );
    expect(await sync(a)).toMatchObject({ pushed: 2 });
    expect(await sync(b)).toMatchObject({ pulled: 2 });
    const captureB = (await b.captures.toArray())[0].id!;
    const [onB] = await liveHighlights(b);
    expect(onB).toMatchObject({ id, captureId: captureB, exact: 'A passage worth keeping', prefix: 'story. ', color: 'green', note: 'secret note' });
    // The server holds neither the quote, the note nor the highlight's UUID.
    const raw = await (await fetch(`${server.url}/${database}/_all_docs?include_docs=true`)).text();
    expect(raw).not.toMatch(/passage|secret note|green/);
    expect(raw).not.toContain(id);

    await updateHighlight(b, id, { note: 'edited on B' }, later());
    expect(await sync(b)).toMatchObject({ pushed: 1 });
    expect(await sync(a)).toMatchObject({ pulled: 1 });
    expect((await a.highlights.get(id))!.note).toBe('edited on B');

    await deleteHighlight(a, id, later());
    await sync(a);
    await sync(b);
    expect(await liveHighlights(b)).toHaveLength(0);
    // Rounds after that move nothing.
    expect(await sync(a)).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
    expect(await sync(b)).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
  });

  it('an edit on B that A had not seen beats A’s delete, on both; Undo of a delete syncs as a change', async () => {
    const { a, b, sync } = await setup();
    const captureA = await save(a, 'https://news.example/edit-vs-delete');
    const { id } = await addHighlight(a, { captureId: captureA, exact: 'The last words' }, later());
    await sync(a);
    await sync(b);
    await deleteHighlight(a, id, later());
    await updateHighlight(b, id, { color: 'pink' }, later());
    await sync(a);
    await sync(b);
    await sync(a);
    for (const db of [a, b]) {
      const highlight = await db.highlights.get(id);
      expect(highlight?.color).toBe('pink');
      expect(highlight?.deletedAt).toBeUndefined();
    }

    await deleteHighlight(b, id, later());
    await sync(b);
    await sync(a);
    expect(await liveHighlights(a)).toHaveLength(0);
    await restoreHighlight(a, id, later());
    await sync(a);
    await sync(b);
    expect((await liveHighlights(b)).map((h) => h.id)).toEqual([id]);
  });

  it('edits of different fields on both devices both survive (colour from A, note from B)', async () => {
    const { a, b, sync } = await setup();
    const captureA = await save(a, 'https://news.example/both');
    const { id } = await addHighlight(a, { captureId: captureA, exact: 'first sentence' }, later());
    await sync(a);
    await sync(b);
    await updateHighlight(a, id, { color: 'blue' }, later());
    await updateHighlight(b, id, { note: 'from B' }, later());
    await sync(a);
    expect((await sync(b)).conflicts).toBeGreaterThan(0);
    await sync(a);
    for (const db of [a, b]) expect(await db.highlights.get(id)).toMatchObject({ color: 'blue', note: 'from B' });
  });

  it('a highlight pulled before its article (an earlier page of changes) attaches when the article comes', async () => {
    const { a, b, sync } = await setup();
    const first = await save(a, 'https://news.example/first');
    const { id } = await addHighlight(a, { captureId: first, exact: 'A passage worth keeping' }, later());
    await sync(a);
    // Sixty more articles, then a change to the first: its document moves after them in the change
    // feed, while the highlight stays ahead, in the first page of fifty.
    for (let i = 0; i < 60; i++) await save(a, `https://news.example/more-${i}`);
    await sync(a);
    await updateCapture(a, first, { tags: ['later'] });
    await sync(a);
    const outcome = await sync(b);
    expect(outcome.pulled).toBe(62);
    const article = (await b.captures.toArray()).find((r) => r.url === 'https://news.example/first')!;
    expect(article.tags).toEqual(['later']);
    expect(await b.highlights.get(id)).toMatchObject({ captureId: article.id, exact: 'A passage worth keeping' });
    expect(await b.captures.count()).toBe(61);
  }, 60_000);
});

describe('settings sync', () => {
  it('the reader font changed on A is B’s after sync; image caps stay each device’s own; latest change per setting wins', async () => {
    const { a, b, sync, settings, database } = await setup();
    const onA = settings.get(a)!;
    const onB = settings.get(b)!;
    onA.values = { ...onA.values, readerFont: 'sans', imageMaxBytes: 512 * 1024, fileNameTemplate: '{title} secret' };
    expect((await sync(a)).pushed).toBe(1);
    await sync(b);
    expect(onB.values.readerFont).toBe('sans');
    expect(onB.values.fileNameTemplate).toBe('{title} secret');
    expect(onB.values.imageMaxBytes).toBe(DEFAULT_SETTINGS.imageMaxBytes);
    const raw = await (await fetch(`${server.url}/${database}/_all_docs?include_docs=true`)).text();
    expect(raw).not.toMatch(/secret|sans/);

    // Different settings on both: each keeps its latest change.
    onA.values = { ...onA.values, readerTheme: 'dark' };
    onB.values = { ...onB.values, readerSize: 'XL' };
    await sync(a);
    await sync(b);
    await sync(a);
    for (const port of [onA, onB]) expect(port.values).toMatchObject({ readerFont: 'sans', readerTheme: 'dark', readerSize: 'XL' });
    // The same setting on both: the later change wins everywhere.
    onA.values = { ...onA.values, readerWidth: 'narrow' };
    await sync(a);
    onB.values = { ...onB.values, readerWidth: 'wide' };
    await sync(b);
    await sync(a);
    for (const port of [onA, onB]) expect(port.values.readerWidth).toBe('wide');
    expect(await sync(a)).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
  });

  it('a fresh device adopts the library’s settings instead of sending its defaults', async () => {
    const { a, b, sync, settings } = await setup();
    settings.get(a)!.values.readerTheme = 'sepia';
    await sync(a);
    expect(await sync(b)).toMatchObject({ pushed: 0, pulled: 1 });
    expect(settings.get(b)!.values.readerTheme).toBe('sepia');
    await sync(a);
    expect(settings.get(a)!.values.readerTheme).toBe('sepia');
  });
});
