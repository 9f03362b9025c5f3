import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../../../../scripts/sync-server.mjs';
import { Couch } from '../../../../src/background/sync/couch';
import { syncRound, unlockServer } from '../../../../src/background/sync/sync-engine';
import { KEY_PARAMS_ID } from '../../../../src/core/sync/doc-id';
import { newKeyParams, type KeyParams, type SyncKeys } from '../../../../src/core/sync/sync-crypto';
import { saveCapture, updateCapture } from '../../../../src/storage/captures';
import { CleanCaptureDb } from '../../../../src/storage/db';
import { putImage, setCaptureImages } from '../../../../src/storage/images';
import { deleteCapture } from '../../../../src/storage/library';
import { makeCapture } from '../../helpers';

/**
 * The sync engine between two libraries (two fake-indexeddb databases, "devices" A and B) through
 * a real PouchDB Server on 127.0.0.1, started here: the same code the background runs.
 */
let server: SyncServer;
let keys: SyncKeys;
let params: KeyParams;
const PASSPHRASE = 'a long passphrase for tests';

beforeAll(async () => {
  server = await startSyncServer();
  ({ keys, params } = await newKeyParams(PASSPHRASE));
}, 60_000);
afterAll(() => server?.stop());

let n = 0;
/** A fresh server database holding the shared key document, and two empty devices. */
async function setup() {
  const database = `lib-${++n}`;
  const couch = new Couch({ url: server.url, database, username: '', password: '' });
  await couch.connect();
  await couch.putMany([{ _id: KEY_PARAMS_ID, ...params }]);
  const a = new CleanCaptureDb(`sync-a-${process.pid}-${n}`);
  const b = new CleanCaptureDb(`sync-b-${process.pid}-${n}`);
  let clock = Date.parse('2026-03-01T10:00:00.000Z');
  const now = () => (clock += 1000);
  return { couch, database, a, b, sync: (db: CleanCaptureDb) => syncRound(db, couch, keys, now) };
}

const PIXEL = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6, 7, 8]);
async function saveWithImage(db: CleanCaptureDb, url: string, title: string) {
  const capture = makeCapture({ url, title, textContent: `Text of ${title}`, contentHtml: `<p>Text of ${title}</p><img src="${url}/photo.png">` });
  const { record } = await saveCapture(db, capture);
  await putImage(db, { hash: `h-${title}`, blob: new Blob([PIXEL], { type: 'image/png' }), type: 'image/png', bytes: PIXEL.length, width: 1, height: 1 });
  await setCaptureImages(db, record.id!, [{ url: `${url}/photo.png`, hash: `h-${title}`, bytes: PIXEL.length }]);
  return record.id!;
}

const live = async (db: CleanCaptureDb) => (await db.captures.toArray()).filter((r) => !r.deletedAt);

describe('sync between two devices through PouchDB Server', () => {
  it('a save on A appears on B with its image; the server holds no plaintext title or URL', async () => {
    const { a, b, sync, couch, database } = await setup();
    await saveWithImage(a, 'https://news.example/secret-story', 'Secret headline');
    expect(await sync(a)).toMatchObject({ pushed: 1, pulled: 0 });
    expect(await sync(b)).toMatchObject({ pushed: 0, pulled: 1 });
    const [record] = await live(b);
    expect(record.title).toBe('Secret headline');
    expect(record.url).toBe('https://news.example/secret-story');
    const link = await b.imageLinks.where('captureId').equals(record.id!).first();
    const image = await b.images.get(link!.hash!);
    expect(new Uint8Array(await image!.blob.arrayBuffer())).toEqual(PIXEL);
    const raw = await (await fetch(`${server.url}/${database}/_all_docs?include_docs=true&attachments=true`)).text();
    expect(raw).not.toMatch(/Secret|headline|news\.example|secret-story/);
    expect(raw).toContain('"_attachments"');
    // A second round moves nothing.
    expect(await sync(a)).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
    expect(await sync(b)).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
    void couch;
  });

  it('tags added on both devices end as the union on both; a delete on A is gone on B', async () => {
    const { a, b, sync } = await setup();
    const idA = await saveWithImage(a, 'https://news.example/one', 'One');
    await sync(a);
    await sync(b);
    const idB = (await live(b))[0].id!;
    await updateCapture(a, idA, { tags: ['news'] });
    await updateCapture(b, idB, { tags: ['later'] });
    await sync(a);
    await sync(b);
    await sync(a);
    expect((await a.captures.get(idA))!.tags).toEqual(['later', 'news']);
    expect((await b.captures.get(idB))!.tags).toEqual(['later', 'news']);
    await deleteCapture(a, idA);
    await sync(a);
    await sync(b);
    expect(await live(b)).toHaveLength(0);
    expect((await b.captures.get(idB))!.deletedAt).toBeTruthy();
  });

  it('the same record changed offline on both converges to one result on both', async () => {
    const { a, b, sync } = await setup();
    const idA = await saveWithImage(a, 'https://news.example/two', 'Two');
    await sync(a);
    await sync(b);
    const idB = (await live(b))[0].id!;
    await updateCapture(a, idA, { favourite: true, tags: ['x'] });
    await updateCapture(b, idB, { archived: true, readState: 'read', tags: ['y'] });
    const first = await sync(b);
    const second = await sync(a);
    await sync(b);
    expect(first.pushed).toBe(1);
    expect(second.conflicts).toBeGreaterThan(0);
    const pick = ({ tags, favourite, archived, readState, title }: Record<string, unknown>) => ({ tags, favourite, archived, readState, title });
    expect(pick((await a.captures.get(idA))! as never)).toEqual(pick((await b.captures.get(idB))! as never));
    expect(pick((await a.captures.get(idA))! as never)).toMatchObject({ tags: ['x', 'y'], favourite: 1, archived: 1, readState: 'read' });
  });

  it('the same article saved on both devices before syncing becomes one record', async () => {
    const { a, b, sync } = await setup();
    await saveWithImage(a, 'https://news.example/three', 'Three');
    await saveWithImage(b, 'https://news.example/three', 'Three');
    await sync(a);
    await sync(b);
    await sync(a);
    expect(await live(a)).toHaveLength(1);
    expect(await live(b)).toHaveLength(1);
  });

  it('a round looks only at the records the change log names (and those never sent), not the whole library', async () => {
    const { a, b, sync } = await setup();
    const one = await saveWithImage(a, 'https://news.example/log-1', 'Log one');
    const two = await saveWithImage(a, 'https://news.example/log-2', 'Log two');
    await sync(a);
    await sync(b);
    // Make record two look out of step to a reader of the whole library; the log names only one.
    const rowTwo = (await a.syncDocs.toArray()).find((row) => row.localKey === `capture:${two}`)!;
    await a.syncDocs.put({ ...rowTwo, signature: 'stale' });
    await updateCapture(a, one, { tags: ['only-this'] });
    expect(await sync(a)).toEqual({ pushed: 1, pulled: 0, conflicts: 0 });
    expect(await sync(b)).toMatchObject({ pulled: 1 });
    expect((await live(b)).find((r) => r.title === 'Log one')!.tags).toEqual(['only-this']);
    // Nothing left in the log after a round: the next one reads nothing.
    expect(await sync(a)).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
  });

  it('a wrong passphrase is refused before anything is written', async () => {
    const { couch, database } = await setup();
    const before = await (await fetch(`${server.url}/${database}`)).json();
    await expect(unlockServer(couch, 'not the passphrase')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    const after = await (await fetch(`${server.url}/${database}`)).json();
    expect(after.doc_count).toBe(before.doc_count);
    expect(after.update_seq).toEqual(before.update_seq);
  });
});
