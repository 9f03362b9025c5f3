import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SavedArticle } from '../../../../src/core/shared/capture';
import {
  articleImageFiles,
  folderSegments,
  imageFileName,
  markdownWithImages,
  markdownZip,
  type StoredImageFile,
} from '../../../../src/core/export/markdown-files';
import { makeCapture } from '../../helpers';

const HASH_A = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const HASH_B = 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100';

function article(overrides: Partial<SavedArticle> = {}): SavedArticle {
  return {
    ...makeCapture({
      url: 'https://news.example.com/story',
      title: 'A story (with images)',
      contentHtml:
        '<p>Intro.</p><figure><img src="https://img.example.com/a.jpg?w=800" alt="Photo A"><figcaption>Caption A</figcaption></figure>' +
        '<p><img src="https://img.example.com/a-copy.jpg" alt="Same photo"> and <img src="https://img.example.com/gone.png" alt="Not kept"></p>' +
        '<p><img src="https://img.example.com/b" alt="B"></p>',
    }),
    capturedAt: '2024-05-06T07:08:09.000Z',
    ...overrides,
  };
}

const blob = (bytes: number[], type: string) => new Blob([new Uint8Array(bytes)], { type });
const stored = new Map<string, StoredImageFile>([
  ['https://img.example.com/a.jpg?w=800', { hash: HASH_A, blob: blob([1, 2, 3], 'image/jpeg') }],
  // The same bytes under a second address: one file.
  ['https://img.example.com/a-copy.jpg', { hash: HASH_A, blob: blob([1, 2, 3], 'image/jpeg') }],
  ['https://img.example.com/b', { hash: HASH_B, blob: blob([9, 9], 'image/webp') }],
]);
const OPTIONS = { assetFolder: 'assets', linkStyle: 'relative' as const };

describe('one article as Markdown with its images', () => {
  it('names each stored image by its hash with the extension of its stored type', () => {
    expect(imageFileName({ hash: HASH_A, blob: blob([1], 'image/jpeg') }, 'https://x/a.png')).toBe('a1b2c3d4e5f60718.jpg');
    expect(imageFileName({ hash: HASH_B, blob: blob([1], 'image/svg+xml') }, 'https://x/b')).toBe('ffeeddccbbaa9988.svg');
    // Unknown type: the address's extension, else .bin.
    expect(imageFileName({ hash: HASH_B, blob: blob([1], '') }, 'https://x/b.gif?x=1')).toBe('ffeeddccbbaa9988.gif');
    expect(imageFileName({ hash: HASH_B, blob: blob([1], '') }, 'https://x/b')).toBe('ffeeddccbbaa9988.bin');
  });

  it('lists one file per stored image, with every address that shows it; images not kept are left out', () => {
    const files = articleImageFiles(article(), stored);
    expect(files.map((f) => [f.name, f.urls])).toEqual([
      ['a1b2c3d4e5f60718.jpg', ['https://img.example.com/a.jpg?w=800', 'https://img.example.com/a-copy.jpg']],
      ['ffeeddccbbaa9988.webp', ['https://img.example.com/b']],
    ]);
  });

  it('links images by relative path under the asset folder; an image not kept keeps its web address', () => {
    const md = markdownWithImages(article(), articleImageFiles(article(), stored), OPTIONS);
    expect(md).toContain('![Photo A](assets/a1b2c3d4e5f60718.jpg)\n\n*Caption A*');
    expect(md).toContain('![Same photo](assets/a1b2c3d4e5f60718.jpg)');
    expect(md).toContain('![Not kept](https://img.example.com/gone.png)');
    expect(md).toContain('![B](assets/ffeeddccbbaa9988.webp)');
  });

  it('writes Obsidian embeds with the link style "wikilink", and a folder with spaces percent-encoded in relative links', () => {
    const files = articleImageFiles(article(), stored);
    const wiki = markdownWithImages(article(), files, { assetFolder: 'attachments', linkStyle: 'wikilink' });
    expect(wiki).toContain('![[a1b2c3d4e5f60718.jpg]]\n\n*Caption A*');
    expect(wiki).toContain('![[ffeeddccbbaa9988.webp]]');
    expect(wiki).toContain('![Not kept](https://img.example.com/gone.png)');
    const spaced = markdownWithImages(article(), files, { assetFolder: 'My clips/img', linkStyle: 'relative' });
    expect(spaced).toContain('![B](My%20clips/img/ffeeddccbbaa9988.webp)');
    const beside = markdownWithImages(article(), files, { assetFolder: '', linkStyle: 'relative' });
    expect(beside).toContain('![B](ffeeddccbbaa9988.webp)');
  });

  it('links a lead image the body does not show, with its caption', () => {
    const lead = article({ leadImage: { url: 'https://img.example.com/lead.jpg', alt: 'Lead', caption: 'The lead' } });
    const withLead = new Map(stored).set('https://img.example.com/lead.jpg', { hash: HASH_B.replace(/f/g, '0'), blob: blob([5], 'image/png') });
    const files = articleImageFiles(lead, withLead);
    expect(files.map((f) => f.name)).toContain('00eeddccbbaa9988.png');
    expect(markdownWithImages(lead, files, OPTIONS)).toContain('![Lead](assets/00eeddccbbaa9988.png)\n\n*The lead*');
    expect(markdownWithImages(lead, files, { ...OPTIONS, linkStyle: 'wikilink' })).toContain('![[00eeddccbbaa9988.png]]\n\n*The lead*');
  });

  it('uses the name a writer gives when it had to number an image', () => {
    const files = articleImageFiles(article(), stored);
    const md = markdownWithImages(article(), files, OPTIONS, (f) => f.name.replace('.', ' (2).'));
    expect(md).toContain('![B](assets/ffeeddccbbaa9988%20%282%29.webp)');
  });

  it('zips the .md and exactly the images it links, byte for byte', async () => {
    const files = articleImageFiles(article(), stored);
    const zip = await markdownZip(article(), files, { ...OPTIONS, assetFolder: 'media/clips' });
    expect(zip.name).toBe('2014-11-08 A story (with images).zip');
    const entries = unzipSync(zip.bytes);
    expect(Object.keys(entries).sort()).toEqual([
      '2014-11-08 A story (with images).md',
      'media/clips/a1b2c3d4e5f60718.jpg',
      'media/clips/ffeeddccbbaa9988.webp',
    ]);
    const md = strFromU8(entries['2014-11-08 A story (with images).md']!);
    const local = [...md.matchAll(/\]\(([^)]+)\)/g)].map((m) => decodeURI(m[1]!)).filter((path) => !path.startsWith('http'));
    expect(local.length).toBe(3);
    for (const path of local) expect(entries[path], path).toBeDefined();
    expect([...entries['media/clips/ffeeddccbbaa9988.webp']!]).toEqual([9, 9]);
  });

  it('makes the asset folder setting safe path segments', () => {
    expect(folderSegments('assets')).toEqual(['assets']);
    expect(folderSegments('../../etc/./x')).toEqual(['etc', 'x']);
    expect(folderSegments('a\\b//c:d')).toEqual(['a', 'b', 'c d']);
    expect(folderSegments('')).toEqual([]);
  });
});
