import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/demo-server.mjs';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server.mjs';
import type { Protocol, Reply } from '../../src/messages';
import { launchChromium } from './harness/chromium';
import type { Harness } from './harness/harness';
import { browserLabel, browserName, launchHarness } from './harness/launch';
import { countCaptures } from './harness/library-queries';
import { expected } from './steps';
import { Couch } from '../../src/background/sync/couch';
import { syncRound, unlockServer } from '../../src/background/sync/sync-engine';
import { saveCapture } from '../../src/storage/captures';
import { CleanCaptureDb } from '../../src/storage/db';
import { makeCapture } from '../unit/helpers';

/**
 * Sync (issue 14) between two browser profiles through one PouchDB Server started here: device A
 * is always Chromium, device B is this run's browser (Chromium ↔ Chromium in e2e-chromium,
 * Chromium ↔ Firefox ESR in e2e-firefox). Both reach the server through a small proxy the test
 * can cut, to take them "offline". The tests run in order and share the two browsers.
 */

/** Every capture of a library, with what sync carries, read inside an extension page (self-contained). */
function libraryState(): Promise<
  { id: number; title: string; tags: string[]; favourite: number; archived: number; readState: string; deleted: boolean; images: number }[]
> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('clean-capture');
    open.onsuccess = () => {
      const tx = open.result.transaction(['captures', 'imageLinks', 'images']);
      const captures = tx.objectStore('captures').getAll();
      const links = tx.objectStore('imageLinks').getAll();
      const images = tx.objectStore('images').getAll();
      tx.oncomplete = () => {
        const stored = new Set((images.result as { hash: string }[]).map((i) => i.hash));
        resolve(
          (captures.result as Record<string, unknown>[]).map((r) => ({
            id: r['id'] as number,
            title: r['title'] as string,
            tags: (r['tags'] as string[]) ?? [],
            favourite: (r['favourite'] as number) ?? 0,
            archived: (r['archived'] as number) ?? 0,
            readState: (r['readState'] as string) ?? 'unread',
            deleted: r['deletedAt'] !== undefined,
            images: (links.result as { captureId: number; hash: string | null }[]).filter((l) => l.captureId === r['id'] && l.hash && stored.has(l.hash))
              .length,
          })),
        );
        open.result.close();
      };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
}

function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

describe(`sync: Chromium ↔ ${browserLabel()}`, () => {
  let pages: DemoServer;
  let couch: SyncServer;
  let proxy: Server;
  let proxyUrl: string;
  let offline = false;
  let a: Harness;
  let b: Harness;
  const DATABASE = 'e2e-library';
  const settings = (): Protocol['sync-configure']['request'] => ({
    url: proxyUrl,
    database: DATABASE,
    username: '',
    password: '',
    passphrase: 'e2e sync passphrase',
  });
  const syncNow = async (h: Harness) => value(await h.send('sync-now', {}));
  const live = async (h: Harness) => (await h.evaluate(libraryState)).filter((r) => !r.deleted);

  beforeAll(async () => {
    [pages, couch] = await Promise.all([startDemoServer(), startSyncServer()]);
    proxy = createServer(async (req, res) => {
      if (offline) {
        req.socket.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length', 'origin'].includes(k)),
      ) as Record<string, string>;
      const upstream = await fetch(`${couch.url}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
      res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
    a = await launchChromium();
    b = browserName() === 'chromium' ? await launchChromium() : await launchHarness();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    proxy?.close();
    await couch?.stop();
    await pages?.close();
  });

  it('a wrong passphrase is refused and writes nothing; the right one turns sync on on both', async () => {
    expect(value(await a.send('sync-configure', settings()))).toEqual({ ok: true });
    const before = await (await fetch(`${couch.url}/${DATABASE}`)).json();
    const wrong = await b.send('sync-configure', { ...settings(), passphrase: 'not the passphrase' });
    expect(wrong.ok || wrong.error).toMatchObject({ code: 'wrong-passphrase', message: expect.stringMatching(/Wrong passphrase/) });
    expect((await (await fetch(`${couch.url}/${DATABASE}`)).json()).update_seq).toEqual(before.update_seq);
    expect(value(await b.send('sync-configure', settings()))).toEqual({ ok: true });
    const status = value(await b.send('sync-status', {}));
    expect(status).toMatchObject({ enabled: true, url: proxyUrl, database: DATABASE });
    expect(JSON.stringify(status)).not.toContain('e2e sync passphrase');
  });

  it('a save on A appears on B with its image; the server holds no plaintext title or URL', async () => {
    await a.openWebPage(pages.seedUrl);
    const popup = await a.openExtensionPage(`popup.html?tab=${await a.tabIdOf(pages.seedUrl)}`, '#status[data-kind="ok"]');
    await popup.close();
    await syncNow(a);
    const pulled = await syncNow(b);
    expect(pulled.pulled).toBeGreaterThanOrEqual(1);
    const [record] = await live(b);
    expect(record.title).toBe(expected.title);
    expect(record.images).toBeGreaterThanOrEqual(1);
    expect(await b.evaluate(countCaptures)).toBe(1);
    const raw = await (await fetch(`${couch.url}/${DATABASE}/_all_docs?include_docs=true&attachments=true`)).text();
    expect(raw).not.toContain(expected.title);
    expect(raw).not.toContain('6762151');
    expect(raw).not.toContain('127.0.0.1');
  });

  it('tags added on both end as the union on both', async () => {
    const [onA] = await live(a);
    const [onB] = await live(b);
    value(await a.send('update-capture', { id: onA.id, patch: { tags: ['news'] } }));
    value(await b.send('update-capture', { id: onB.id, patch: { tags: ['later'] } }));
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    expect((await live(a))[0].tags).toEqual(['later', 'news']);
    expect((await live(b))[0].tags).toEqual(['later', 'news']);
  });

  it('the same record changed offline on both: after reconnecting, the same result on both', async () => {
    offline = true;
    const [onA] = await live(a);
    const [onB] = await live(b);
    value(await a.send('update-capture', { id: onA.id, patch: { favourite: true, tags: ['news', 'later', 'from-a'] } }));
    value(await b.send('update-capture', { id: onB.id, patch: { archived: true, readState: 'read', tags: ['news'] } }));
    const failed = await a.send('sync-now', {});
    expect(failed.ok || failed.error.code).toBe('network');
    offline = false;
    await syncNow(a);
    const merged = await syncNow(b);
    await syncNow(a);
    expect(merged.conflicts).toBeGreaterThanOrEqual(1);
    const pick = ({ tags, favourite, archived, readState }: Awaited<ReturnType<typeof live>>[number]) => ({ tags, favourite, archived, readState });
    expect(pick((await live(a))[0])).toEqual(pick((await live(b))[0]));
    // B removed "later" after A's union had it; A added "from-a": both kept; the flags from each side.
    expect(pick((await live(a))[0])).toEqual({ tags: ['from-a', 'news'], favourite: 1, archived: 1, readState: 'read' });
  });

  it('Options → Sync shows the last sync and what moved; Sync now works, also after the background was stopped', async () => {
    await b.stopBackground();
    const options = await b.openExtensionPage('options.html', '#sync-state[data-state="synced"]');
    expect(await options.text('#sync-state')).toMatch(
      /Syncing with e2e-library on http:\/\/127\.0\.0\.1:\d+\. Last sync .*: \d+ items? sent, \d+ items? received, \d+ conflicts? resolved\./,
    );
    expect(await options.attr('#sync-passphrase', 'type')).toBe('password');
    await options.click('#sync-now');
    await options.waitFor('#sync-message[data-state="done"]');
    expect(await options.text('#sync-message')).toMatch(/^0 items sent, 0 items received, 0 conflicts resolved\.$/);
    await options.close();
  });

  it('a highlight made on A is marked in B’s reader; a note edited on B is on A; a highlight deleted on A is gone on B', async () => {
    const [onA] = await live(a);
    const [onB] = await live(b);
    const exact = expected.paragraphs[0].split(/\s+/).slice(2, 8).join(' ');
    const { id } = value(await a.send('add-highlight', { captureId: onA.id, exact, color: 'green' }));
    await syncNow(a);
    await syncNow(b);
    const reader = await b.openExtensionPage(`reader.html?id=${onB.id}`, 'body[data-ready="true"]');
    await reader.waitFor(`.article-body mark.hl-green[data-highlight-id="${id}"]`);
    // A passage may cross inline elements: its marks' text, together, is the quote.
    await reader.waitUntil(
      ([hid, quote]) =>
        [...document.querySelectorAll(`.article-body mark[data-highlight-id="${hid}"]`)]
          .map((m) => m.textContent)
          .join('')
          .replace(/\s+/g, ' ') === quote,
      [id, exact] as const,
    );
    await reader.close();
    const raw = await (await fetch(`${couch.url}/${DATABASE}/_all_docs?include_docs=true`)).text();
    expect(raw).not.toContain(exact);
    expect(raw).not.toContain(id);

    value(await b.send('update-highlight', { id, note: 'a note written on B' }));
    await syncNow(b);
    await syncNow(a);
    const onAHighlights = value(await a.send('list-highlights', { captureId: onA.id })).highlights;
    expect(onAHighlights.map((h) => [h.id, h.note, h.color])).toEqual([[id, 'a note written on B', 'green']]);

    expect(value(await a.send('delete-highlight', { id })).deleted).toBe(true);
    await syncNow(a);
    await syncNow(b);
    expect(value(await b.send('list-highlights', { captureId: onB.id })).highlights).toEqual([]);
  });

  it('the reader font changed on A is B’s setting after sync (the image caps stay each device’s own)', async () => {
    type Stored = { settings?: { readerFont?: string; imageMaxBytes?: number } };
    const read = (h: Harness) => h.api((api) => api.storage.local.get('settings') as Promise<Stored>);
    const before = (await read(b)).settings ?? {};
    expect(before.readerFont ?? 'serif').toBe('serif');
    // The reader's look panel saves this way (settings-store.ts): one key in storage.local.
    await a.api(async (api) => {
      const { settings } = (await api.storage.local.get('settings')) as Stored;
      await api.storage.local.set({ settings: { ...settings, readerFont: 'sans', imageMaxBytes: 65536 } });
    });
    // The change itself starts a round on A (debounced); Sync now makes sure it is done.
    await syncNow(a);
    await syncNow(b);
    const after = (await read(b)).settings ?? {};
    expect(after.readerFont).toBe('sans');
    expect(after.imageMaxBytes ?? 2 * 1024 * 1024).not.toBe(65536);
  });

  it('a delete on A is gone on B', async () => {
    const [onA] = await live(a);
    expect(value(await a.send('delete-capture', { id: onA.id })).deleted).toMatchObject({ id: onA.id });
    await syncNow(a);
    await syncNow(b);
    expect(await live(b)).toHaveLength(0);
    expect(await b.evaluate(countCaptures)).toBe(0);
  });
  it('the background stopped in the middle of pulling many records: the next round resumes from the checkpoint, none lost, none twice', async () => {
    // A third device, the engine's own code in Node, puts many articles on the server at once.
    const COUNT = 400;
    const direct = new Couch({ url: couch.url, database: DATABASE, username: '', password: '' });
    const keys = await unlockServer(direct, settings().passphrase);
    const third = new CleanCaptureDb(`e2e-third-device-${process.pid}`);
    for (let i = 0; i < COUNT; i++) {
      const url = `https://bulk.example/story-${i}`;
      await saveCapture(third, makeCapture({ url, canonicalUrl: url, title: `Bulk story ${i}`, textContent: `Bulk story number ${i} and its text.` }));
    }
    expect(await syncRound(third, direct, keys)).toMatchObject({ pushed: COUNT });
    const before = await b.evaluate(countCaptures);

    // B pulls them (fifty per page, each page one transaction); stopped once some pages are in.
    const interrupted = b.send('sync-now', {}).catch((error: unknown) => error);
    let seen = before;
    while (seen === before) seen = await b.evaluate(countCaptures);
    await b.stopBackground();
    const partial = await b.evaluate(countCaptures);
    expect(partial - before).toBeGreaterThan(0);
    expect(partial - before).toBeLessThan(COUNT);
    // The interrupted request ends one way or another (an error, or no answer); not waited for long.
    await Promise.race([interrupted, new Promise((resolve) => setTimeout(resolve, 3_000))]);

    const resumed = await syncNow(b);
    // Resumed from the last saved page: what was already applied is not pulled again.
    expect(resumed.pulled).toBeLessThanOrEqual(COUNT - (partial - before));
    const titles = (await live(b)).map((r) => r.title).filter((t) => t.startsWith('Bulk story'));
    expect(titles).toHaveLength(COUNT);
    expect(new Set(titles).size).toBe(COUNT);
    expect(await syncNow(b)).toMatchObject({ pulled: 0 });
    third.close();
  }, 240_000);
});
