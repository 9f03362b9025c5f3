import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../../../../scripts/sync-server.mjs';
import { Couch } from '../../../../src/background/sync/couch';
import { syncRound } from '../../../../src/background/sync/sync-engine';
import { KEY_PARAMS_ID } from '../../../../src/core/sync/doc-id';
import { newKeyParams, type KeyParams, type SyncKeys } from '../../../../src/core/sync/sync-crypto';
import { saveCapture } from '../../../../src/storage/captures';
import { CleanCaptureDb } from '../../../../src/storage/db';
import { makeCapture } from '../../helpers';

/**
 * Faults between the engine and a real PouchDB Server: a proxy started here passes requests on,
 * or answers 500, garbage or HTML where the test says. Each fault stops the round with a message;
 * the next round resumes without duplicating or losing a record.
 */
let server: SyncServer;
let keys: SyncKeys;
let params: KeyParams;
let proxy: Server;
let proxyUrl: string;
/** Decides, per request path, whether the proxy fails it: null passes it on. */
let fault: (path: string, method: string) => { status: number; body: string } | null = () => null;

beforeAll(async () => {
  server = await startSyncServer();
  ({ keys, params } = await newKeyParams('fault tests passphrase'));
  proxy = createServer(async (req, res) => {
    const failure = fault(req.url ?? '', req.method ?? 'GET');
    if (failure) {
      res.writeHead(failure.status, { 'Content-Type': 'application/json' });
      res.end(failure.body);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k))) as Record<
      string,
      string
    >;
    const upstream = await fetch(`${server.url}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
}, 60_000);
afterAll(async () => {
  proxy?.close();
  await server?.stop();
});

let n = 0;
async function setup() {
  const database = `faults-${++n}`;
  const direct = new Couch({ url: server.url, database, username: '', password: '' });
  await direct.connect();
  await direct.putMany([{ _id: KEY_PARAMS_ID, ...params }]);
  const viaProxy = new Couch({ url: proxyUrl, database, username: '', password: '' });
  const a = new CleanCaptureDb(`faults-a-${process.pid}-${n}`);
  const b = new CleanCaptureDb(`faults-b-${process.pid}-${n}`);
  return { direct, viaProxy, a, b };
}
const liveCount = async (db: CleanCaptureDb) => (await db.captures.toArray()).filter((r) => !r.deletedAt).length;
async function saveMany(db: CleanCaptureDb, count: number) {
  for (let i = 0; i < count; i++)
    await saveCapture(db, makeCapture({ url: `https://news.example/${i}`, title: `Story ${i}`, textContent: `Text of story ${i}` }));
}

describe('sync faults', () => {
  it('a 500 in the middle of a pull stops the round; the next resumes from the checkpoint, no duplicates', async () => {
    const { direct, viaProxy, a, b } = await setup();
    await saveMany(a, 70);
    await syncRound(a, direct, keys);
    let changesCalls = 0;
    fault = (path) => (path.includes('/_changes') && ++changesCalls === 2 ? { status: 500, body: '{"error":"internal"}' } : null);
    await expect(syncRound(b, viaProxy, keys)).rejects.toMatchObject({ code: 'server-error' });
    // The first whole page of 50 changes (the key document and 49 articles) was applied and checkpointed.
    expect(await liveCount(b)).toBe(49);
    fault = () => null;
    const resumed = await syncRound(b, viaProxy, keys);
    expect(resumed.pulled).toBe(21);
    expect(await liveCount(b)).toBe(70);
    expect(await syncRound(b, viaProxy, keys)).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
  });

  it('garbage instead of JSON, or a server that is down: a clear error, the library unchanged', async () => {
    const { viaProxy, a } = await setup();
    await saveMany(a, 3);
    fault = (path) => (path.includes('/_all_docs') ? { status: 200, body: '<html>proxy error page' } : null);
    await expect(syncRound(a, viaProxy, keys)).rejects.toMatchObject({ code: 'server-error', message: /not CouchDB's JSON/ });
    fault = () => null;
    const down = new Couch({ url: 'http://127.0.0.1:9', database: 'x', username: '', password: '' });
    await expect(syncRound(a, down, keys)).rejects.toMatchObject({ code: 'network', message: /Could not reach/ });
    expect(await liveCount(a)).toBe(3);
    // Once the server answers again, everything goes up once.
    expect((await syncRound(a, viaProxy, keys)).pushed).toBe(3);
  });

  it('quota exceeded while applying a pull: the round stops, the page rolls back whole (nothing half-applied), the next round completes without duplicates', async () => {
    const { direct, a, b } = await setup();
    await saveMany(a, 5);
    await syncRound(a, direct, keys);
    // As a browser over its quota: after two records, every write to captures is refused.
    const proto = IDBObjectStore.prototype;
    const { add, put } = proto;
    let writes = 0;
    const guard = (original: typeof add) =>
      function (this: IDBObjectStore, ...args: Parameters<typeof add>) {
        if (this.name === 'captures' && writes++ >= 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    proto.add = guard(add);
    proto.put = guard(put);
    try {
      await expect(syncRound(b, direct, keys)).rejects.toMatchObject({ name: expect.stringMatching(/QuotaExceeded/) });
    } finally {
      proto.add = add;
      proto.put = put;
    }
    // The five came in one page, applied as one transaction: none of it stayed, and its checkpoint was not saved.
    expect(await liveCount(b)).toBe(0);
    await syncRound(b, direct, keys);
    expect(await liveCount(b)).toBe(5);
    expect(await b.captures.count()).toBe(5);
  });

  it('credentials revoked: the round stops with "unauthorized" and the library stays as it was', async () => {
    const guarded = await startSyncServer({ user: 'admin', password: 'first' });
    try {
      const couch = new Couch({ url: guarded.url, database: 'revoked', username: 'admin', password: 'first' });
      await couch.connect();
      await couch.putMany([{ _id: KEY_PARAMS_ID, ...params }]);
      const db = new CleanCaptureDb(`faults-revoked-${process.pid}`);
      await saveMany(db, 2);
      expect((await syncRound(db, couch, keys)).pushed).toBe(2);
      const auth = { Authorization: `Basic ${btoa('admin:first')}` };
      const changed = await fetch(`${guarded.url}/_config/admins/admin`, { method: 'PUT', headers: auth, body: JSON.stringify('second') });
      expect(changed.ok).toBe(true);
      await saveMany(db, 3);
      await expect(syncRound(db, couch, keys)).rejects.toMatchObject({ code: 'unauthorized', message: /user name or password/ });
      expect(await liveCount(db)).toBe(3);
    } finally {
      await guarded.stop();
    }
  });

  it('Test connection tells a non-CouchDB server, a wrong password and a missing database it may not create', async () => {
    fault = (path) => (path === '/' ? { status: 200, body: '{"hello":"not couch"}' } : null);
    await expect(new Couch({ url: proxyUrl, database: 'db', username: '', password: '' }).connect()).rejects.toMatchObject({ code: 'not-couchdb' });
    fault = () => null;
    const guarded = await startSyncServer({ user: 'admin', password: 'right' });
    try {
      await expect(new Couch({ url: guarded.url, database: 'db', username: 'admin', password: 'wrong' }).connect()).rejects.toMatchObject({
        code: 'unauthorized',
      });
      await expect(new Couch({ url: guarded.url, database: 'db', username: 'admin', password: 'right' }).connect()).resolves.toBeUndefined();
    } finally {
      await guarded.stop();
    }
    // CouchDB answers 403 to a member creating a database; PouchDB Server 4.2 crashes on it instead, so the proxy plays CouchDB.
    fault = (path, method) =>
      path.startsWith('/missing')
        ? method === 'PUT'
          ? { status: 403, body: '{"error":"forbidden","reason":"You are not a server admin."}' }
          : { status: 404, body: '{"error":"not_found","reason":"Database does not exist."}' }
        : null;
    await expect(new Couch({ url: proxyUrl, database: 'missing', username: 'member', password: 'pw' }).connect()).rejects.toMatchObject({
      code: 'no-database',
      message: /does not exist and this user may not create it/,
    });
    fault = () => null;
    await expect(async () => new Couch({ url: 'not a url', database: 'db', username: '', password: '' })).rejects.toMatchObject({ code: 'bad-url' });
  });
});
