import 'fake-indexeddb/auto';
import { Couch } from '../../src/background/sync/couch';
import { syncRound, unlockServer } from '../../src/background/sync/sync-engine';
import type { Capture } from '../../src/core/shared/capture';
import { saveCapture, updateCapture } from '../../src/storage/captures';
import { CleanCaptureDb } from '../../src/storage/db';
import { putImage, setCaptureImages } from '../../src/storage/images';

/**
 * The sync bench's body (scripts/bench-sync.mjs bundles and runs it): the background's own engine
 * code in Node, two libraries on fake-indexeddb, one PouchDB Server on 127.0.0.1 at `url`.
 */
const WORDS = 'market city policy report court season energy school health water study team council river budget election'.split(' ');
function text(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 31 + i * 7 + ((i * seed) % 13)) % WORDS.length]);
  return out.join(' ');
}
function capture(i: number): Capture {
  const url = `https://site${i % 60}.example/2026/story-${i}`;
  const body = text(i, 1500);
  return {
    url,
    canonicalUrl: url,
    title: `Story number ${i}`,
    byline: 'A Reporter',
    authors: ['A Reporter'],
    siteName: `Site ${i % 60}`,
    published: '2026-01-02T03:04:05Z',
    modified: null,
    lang: 'en',
    dir: null,
    excerpt: body.slice(0, 150),
    keywords: [],
    leadImage: null,
    contentHtml: `<p>${body}</p><img src="${url}/photo.jpg">`,
    textContent: `${i} ${body}`,
    wordCount: 1500,
    readingMinutes: 7,
    sources: {},
    selectionOnly: false,
  };
}

export async function runSyncBench(url: string, count: number, imageBytes: number) {
  const couch = new Couch({ url, database: 'bench', username: '', password: '' });
  await couch.connect();
  const keys = await unlockServer(couch, 'bench passphrase');
  const a = new CleanCaptureDb('bench-sync-a');
  const b = new CleanCaptureDb('bench-sync-b');
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const { record } = await saveCapture(a, capture(i));
    const bytes = new Uint8Array(imageBytes);
    for (let j = 0; j < bytes.length; j += 4096) bytes[j] = (i * 7 + j) & 255;
    bytes[0] = i & 255;
    bytes[1] = i >> 8;
    const hash = `sha256-${i}`;
    await putImage(a, { hash, blob: new Blob([bytes], { type: 'image/jpeg' }), type: 'image/jpeg', bytes: bytes.length, width: 800, height: 600 });
    await setCaptureImages(a, record.id!, [{ url: `${record.url}/photo.jpg`, hash, bytes: bytes.length }]);
    ids.push(record.id!);
  }
  const t0 = performance.now();
  const pushed = await syncRound(a, couch, keys);
  const t1 = performance.now();
  const pulled = await syncRound(b, couch, keys);
  const t2 = performance.now();
  const onB = (await b.captures.toArray()).filter((r) => !r.deletedAt).length;
  const imagesOnB = await b.images.count();
  if (onB !== count || imagesOnB !== count) throw new Error(`B holds ${onB} captures and ${imagesOnB} images, not ${count}`);

  // One tag change on A → visible on B: A's round, then B's (what the debounce and B's next round do, without their waits).
  const changes: number[] = [];
  for (let k = 0; k < 7; k++) {
    const id = ids[k * 13];
    const tag = `t${k}`;
    await updateCapture(a, id, { tags: [tag] });
    const start = performance.now();
    await syncRound(a, couch, keys);
    await syncRound(b, couch, keys);
    changes.push(performance.now() - start);
    const seen = (await b.captures.toArray()).find((r) => r.title === `Story number ${k * 13}`);
    if (!seen?.tags?.includes(tag)) throw new Error('the tag did not arrive on B');
  }
  changes.sort((x, y) => x - y);

  const syncRows = await b.syncDocs.toArray();
  const deviceBytes = syncRows.reduce((n, row) => n + JSON.stringify(row).length, 0);
  const all = await (await fetch(`${url}/bench/_all_docs?include_docs=true`)).json();
  const docBytes = (all.rows as { doc: Record<string, unknown> }[]).reduce((n, row) => n + JSON.stringify(row.doc).length, 0);
  const libraryText = (await b.captures.toArray()).reduce((n, r) => n + r.contentHtml.length + r.textContent.length, 0);
  return {
    initialSeconds: (t2 - t0) / 1000,
    pushSeconds: (t1 - t0) / 1000,
    pullSeconds: (t2 - t1) / 1000,
    pushed,
    pulled,
    changeMedianMs: changes[Math.floor(changes.length / 2)],
    deviceOverheadBytes: deviceBytes,
    serverDocBytes: docBytes,
    serverImageBytes: count * (imageBytes + 28),
    libraryTextBytes: libraryText,
  };
}
