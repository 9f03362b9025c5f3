import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeCaptureImages, type FetchImage } from '../../../src/background/store-images';
import { saveCapture } from '../../../src/storage/captures';
import { CleanCaptureDb } from '../../../src/storage/db';
import { makeCapture, SEED_DIR } from '../helpers';

const JPEG = readFileSync(`${SEED_DIR}lead-image.jpg`);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082',
  'hex',
);
const T0 = new Date('2024-01-01T10:00:00.000Z');
const caps = { imageMaxBytes: 2 * 1024 * 1024, captureImagesMaxBytes: 25 * 1024 * 1024 };

let db: CleanCaptureDb;
let n = 0;
beforeEach(async () => {
  db = new CleanCaptureDb(`store-images-test-${process.pid}-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** A page that serves these addresses (as the content script would fetch them). */
function page(files: Record<string, Buffer | number | string>): FetchImage & { asked: string[] } {
  const asked: string[] = [];
  const fetchImage = async (url: string, max: number) => {
    asked.push(url);
    const file = files[url];
    if (typeof file === 'number') return { ok: false as const, error: `The server answered ${file}.` };
    if (file === undefined)
      return { ok: false as const, error: 'The image could not be downloaded from the page (Failed to fetch); its server may not allow it.' };
    const bytes = typeof file === 'string' ? Buffer.from(file) : file;
    if (bytes.length > max) return { ok: false as const, error: 'too large' };
    return { ok: true as const, type: typeof file === 'string' ? 'text/html' : 'image/jpeg', bytes: bytes.length, base64: bytes.toString('base64') };
  };
  return Object.assign(fetchImage, { asked });
}
const id = async (url = 'https://news.example/a') => (await saveCapture(db, makeCapture({ url }), T0)).record.id!;

describe('storeCaptureImages', () => {
  it('stores each image once by the SHA-256 of its bytes and links every address to it', async () => {
    const capture = await id();
    const fetchImage = page({ 'https://news.example/a.jpg': JPEG, 'https://cdn.example/same.jpg': JPEG, 'https://news.example/b.png': PNG });
    const outcome = await storeCaptureImages(
      db,
      capture,
      Object.keys({ 'https://news.example/a.jpg': 1, 'https://cdn.example/same.jpg': 1, 'https://news.example/b.png': 1 }),
      caps,
      fetchImage,
      T0,
    );
    expect(outcome).toEqual({ stored: 3, failed: 0, bytes: 2 * JPEG.length + PNG.length });
    const jpegHash = createHash('sha256').update(JPEG).digest('hex');
    expect(await db.images.count()).toBe(2);
    const stored = await db.images.get(jpegHash);
    expect(stored).toMatchObject({ type: 'image/jpeg', bytes: JPEG.length });
    expect(stored?.orphanedAt).toBeUndefined();
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(new Uint8Array(JPEG));
    expect((await db.images.get(createHash('sha256').update(PNG).digest('hex')))?.type).toBe('image/png');
  });

  it('records each failure with its reason and never throws: HTTP errors, CORS, not an image, too large to shrink', async () => {
    const capture = await id();
    const fetchImage = page({ 'https://x/404.jpg': 404, 'https://x/page.jpg': '<!doctype html><p>Not found</p>', 'https://x/big.jpg': JPEG });
    const outcome = await storeCaptureImages(
      db,
      capture,
      ['https://x/404.jpg', 'https://cors.example/p.jpg', 'https://x/page.jpg', 'https://x/big.jpg'],
      { imageMaxBytes: (16 * 1024) / 4, captureImagesMaxBytes: caps.captureImagesMaxBytes },
      fetchImage,
      T0,
    );
    expect(outcome).toMatchObject({ stored: 0, failed: 4 });
    const links = await db.imageLinks.where('captureId').equals(capture).toArray();
    const error = (url: string) => links.find((l) => l.url === url)?.error;
    expect(error('https://x/404.jpg')).toBe('The server answered 404.');
    expect(error('https://cors.example/p.jpg')).toMatch(/server may not allow it/);
    expect(error('https://x/page.jpg')).toMatch(/did not give an image \(text\/html\)/);
    // No OffscreenCanvas in Node: an oversized image that cannot be shrunk is a recorded failure.
    expect(error('https://x/big.jpg')).toMatch(/over the 4 KB limit per image, and could not be made smaller/);
    expect(await db.images.count()).toBe(0);
  });

  it('stops storing at the per-capture cap and says why', async () => {
    const capture = await id();
    const other = Buffer.concat([JPEG, Buffer.from([1])]);
    const fetchImage = page({ 'https://x/1.jpg': JPEG, 'https://x/2.jpg': other });
    const outcome = await storeCaptureImages(
      db,
      capture,
      ['https://x/1.jpg', 'https://x/2.jpg'],
      { imageMaxBytes: caps.imageMaxBytes, captureImagesMaxBytes: JPEG.length + 10 },
      fetchImage,
      T0,
    );
    expect(outcome).toMatchObject({ stored: 1, failed: 1 });
    const failed = (await db.imageLinks.where('captureId').equals(capture).toArray()).find((l) => !l.hash);
    expect(failed?.error).toMatch(/reached the 9 KB limit per article/);
  });

  it('links an image already in the library without storing it again', async () => {
    const first = await id('https://news.example/a');
    const second = await id('https://news.example/b');
    await storeCaptureImages(db, first, ['https://x/1.jpg'], caps, page({ 'https://x/1.jpg': JPEG }), T0);
    await storeCaptureImages(db, second, ['https://y/other-name.jpg'], caps, page({ 'https://y/other-name.jpg': JPEG }), T0);
    expect(await db.images.count()).toBe(1);
    const [a] = await db.imageLinks.where('captureId').equals(first).toArray();
    const [b] = await db.imageLinks.where('captureId').equals(second).toArray();
    expect(a!.hash).toBe(b!.hash);
  });
});
