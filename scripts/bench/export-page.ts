/**
 * Runs in a plain Chromium page for scripts/bench-export.mjs: fills a library of N captures, each
 * with one stored image of ≈100 KB, then times the extension's own zip export over it (the same
 * buildZip + captureSource the popup and options page use).
 */
import { buildZip } from '../../src/core/export/zip-export';
import { CleanCaptureDb } from '../../src/storage/db';
import { allCaptureIds, captureSource } from '../../src/storage/export-source';
import type { CaptureRecord, ImageLinkRecord, ImageRecord } from '../../src/storage/records';

/** The app's own schema, in a database of its own. */
class BenchDb extends CleanCaptureDb {
  constructor() {
    super('cc-export-bench');
  }
}

const PARAGRAPH =
  'Harper met Jack Ma of Alibaba in Hangzhou on Friday, voicing hopes the Internet could help small and medium-sized enterprises reach the Chinese market. ';

function noise(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(bytes, i + 65536)));
  return out;
}

async function fill(db: BenchDb, count: number, imageBytes: number): Promise<void> {
  const at = new Date('2024-01-02T03:04:05.000Z');
  for (let start = 0; start < count; start += 100) {
    const captures: CaptureRecord[] = [];
    const images: ImageRecord[] = [];
    const links: ImageLinkRecord[] = [];
    for (let i = start; i < Math.min(count, start + 100); i++) {
      const url = `https://news.example.com/2024/story-${i}`;
      const img = `https://img.example.com/photos/${i}.jpg`;
      const text = PARAGRAPH.repeat(20);
      captures.push({
        id: i + 1,
        url,
        canonicalUrl: url,
        title: `Story ${i}: ports, trade and "the plan"`,
        byline: 'Xinhua',
        authors: ['Xinhua'],
        siteName: 'Example News',
        published: '2024-01-01T10:00',
        modified: null,
        lang: 'en',
        dir: null,
        excerpt: PARAGRAPH,
        keywords: [],
        leadImage: { url: img, alt: 'Photo', caption: 'A caption' },
        contentHtml: `<figure><img src="${img}" alt="Photo ${i}"><figcaption>Caption ${i}</figcaption></figure>${`<p>${PARAGRAPH.repeat(4)}</p>`.repeat(5)}`,
        textContent: text,
        wordCount: 480,
        readingMinutes: 2,
        sources: {},
        selectionOnly: false,
        urlKeys: [url],
        capturedAt: new Date(at.getTime() + i * 1000).toISOString(),
        updatedAt: at.toISOString(),
        fingerprint: `f${i}`,
      });
      // Stored as the extension stores them: one image row by content hash, one link by address.
      const hash = `bench-${i}`;
      images.push({
        hash,
        blob: new Blob([noise(imageBytes) as BlobPart], { type: 'image/jpeg' }),
        type: 'image/jpeg',
        bytes: imageBytes,
        width: 800,
        height: 600,
        storedAt: at.toISOString(),
      });
      links.push({ captureId: i + 1, url: img, hash, bytes: imageBytes });
    }
    await db.transaction('rw', db.captures, db.images, db.imageLinks, async () => {
      await db.captures.bulkAdd(captures);
      await db.images.bulkAdd(images);
      await db.imageLinks.bulkAdd(links);
    });
  }
}

declare global {
  interface Window {
    prepareExportBench(count: number, imageBytes: number): Promise<number>;
    runExportBench(images?: 'assets' | 'remote'): Promise<{ ms: number; bytes: number; articles: number; images: number }>;
  }
}

let db: BenchDb;

window.prepareExportBench = async (count, imageBytes) => {
  await new BenchDb().delete();
  db = new BenchDb();
  await fill(db, count, imageBytes);
  return db.captures.count();
};

window.runExportBench = async (images = 'assets') => {
  const start = performance.now();
  const ids = await allCaptureIds(db);
  const result = await buildZip(captureSource(db, ids), { images });
  const ms = performance.now() - start;
  return { ms, bytes: result.blob.size, articles: result.articles, images: result.images };
};
