import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SavedArticle } from '../../../../src/core/shared/capture';
import { buildZip, type ZipSource } from '../../../../src/core/export/zip-export';
import { makeCapture } from '../../helpers';

const NOW = new Date('2024-01-02T03:04:05.000Z');

function article(i: number, overrides: Partial<SavedArticle> = {}): SavedArticle {
  return {
    ...makeCapture({
      url: `https://news.example.com/${i}`,
      title: i % 3 === 0 ? 'Same title: again' : `Story ${i}: "quoted" #${i}`,
      contentHtml: `<p>Story number ${i}.</p><figure><img src="https://img.example.com/${i}.jpg" alt="Photo ${i}"><figcaption>Caption ${i}</figcaption></figure><p><img src="https://img.example.com/shared.png" alt="logo"></p>`,
    }),
    capturedAt: NOW.toISOString(),
    ...overrides,
  };
}

/** Pages of 50 articles, made on demand; records how far ahead of the zip the reading ran. */
function source(count: number, withImages = true): ZipSource & { maxAhead: number; done: () => number; setDone(n: number): void } {
  let processed = 0;
  const state = {
    total: count,
    maxAhead: 0,
    done: () => processed,
    setDone(n: number) {
      processed = n;
    },
    async *pages() {
      for (let start = 0; start < count; start += 50) {
        state.maxAhead = Math.max(state.maxAhead, start - processed);
        yield Array.from({ length: Math.min(50, count - start) }, (_, k) => article(start + k));
      }
    },
    images: withImages
      ? async (urls: string[]) =>
          new Map(urls.map((url) => [url, new Blob([new Uint8Array(2000).fill(url.length)], { type: url.endsWith('.png') ? 'image/png' : 'image/jpeg' })]))
      : undefined,
  };
  return state;
}

describe('zip export', () => {
  it('1,000 captures with images: every file, every image once, index.md; read a page at a time', async () => {
    const src = source(1000);
    const progress: number[] = [];
    const result = await buildZip(src, {
      now: NOW,
      onProgress: (done) => {
        progress.push(done);
        src.setDone(done);
      },
    });
    expect(result.articles).toBe(1000);
    expect(result.images).toBe(1001); // one per article + the shared logo once
    // Streaming: the next page is read only once the previous one is written.
    expect(src.maxAhead).toBeLessThanOrEqual(50);
    expect(progress.at(-1)).toBe(1000);
    const files = unzipSync(new Uint8Array(await result.blob.arrayBuffer()));
    const names = Object.keys(files);
    const md = names.filter((n) => n.endsWith('.md') && n !== 'index.md');
    expect(md).toHaveLength(1000);
    expect(new Set(md.map((n) => n.toLowerCase())).size).toBe(1000);
    expect(names.filter((n) => n.startsWith('assets/'))).toHaveLength(1001);
    expect(md).toContain('2014-11-08 Same title again (2).md');
    const first = strFromU8(files['2014-11-08 Story 1 quoted #1.md']!);
    const front = parse(first.slice(4, first.indexOf('\n---\n'))) as Record<string, unknown>;
    expect(front.title).toBe('Story 1: "quoted" #1');
    const imagePath = /!\[Photo 1\]\((assets\/\d+\.jpg)\)/.exec(first)![1]!;
    expect(files[imagePath]).toHaveLength(2000);
    expect(first).toMatch(/!\[logo\]\(assets\/00002\.png\)/);
    const index = strFromU8(files['index.md']!);
    expect(index).toContain('1000 articles, 1001 images');
    expect(index).toContain('- [Story 1: "quoted" #1](<2014-11-08 Story 1 quoted #1.md>) — Example News · 2014-11-08');
    expect(index.split('\n').filter((l) => l.startsWith('- ['))).toHaveLength(1000);
  }, 60_000);

  it('keeps remote URLs when images are set to remote or not stored', async () => {
    for (const options of [{ images: 'remote' as const }, {}]) {
      const src = options.images ? source(2) : source(2, false);
      const files = unzipSync(new Uint8Array(await (await buildZip(src, { now: NOW, ...options })).blob.arrayBuffer()));
      expect(Object.keys(files).some((n) => n.startsWith('assets/'))).toBe(false);
      expect(strFromU8(files['2014-11-08 Same title again.md']!)).toContain('](https://img.example.com/0.jpg)');
    }
  });

  it('stops when cancelled, with no result', async () => {
    const controller = new AbortController();
    const src = source(500);
    await expect(buildZip(src, { signal: controller.signal, onProgress: (done) => done === 120 && controller.abort() })).rejects.toThrow('Export cancelled.');
  });

  it('follows the file-name and front-matter templates', async () => {
    const src = source(1);
    const files = unzipSync(
      new Uint8Array(await (await buildZip(src, { now: NOW, fileNameTemplate: '{site}-{title}', frontMatterTemplate: 'name: {title}' })).blob.arrayBuffer()),
    );
    const text = strFromU8(files['Example News-Same title again.md']!);
    expect(text.startsWith('---\nname: "Same title: again"\n---\n')).toBe(true);
  });
});

describe('zip export without a progress listener', () => {
  it('still counts what it wrote', async () => {
    const result = await buildZip(source(3), { now: NOW });
    expect(result.articles).toBe(3);
  });
});
