import { deflateSync, strToU8, Zip, ZipPassThrough, type ZipInputFile } from 'fflate';
import { crc32 } from './crc32';
import { exportFileNames } from './export-names';
import type { SavedArticle } from '../shared/capture';
import { plural } from '../shared/plural';
import { toMarkdown } from './markdown';
import { DEFAULT_FILE_NAME_TEMPLATE, DEFAULT_FRONT_MATTER_TEMPLATE } from './template';

/**
 * A library export as one zip: a Markdown file per article, their images under assets/ (each image
 * once, however many articles use it), and index.md listing them. Streamed: articles arrive a page
 * at a time, fflate's Zip emits chunks as it goes, and chunks are folded into Blobs every few MB,
 * so memory holds one page of articles and a few MB of output, not the whole library.
 */
export interface ZipSource {
  /** How many articles will come (for the progress bar). */
  total: number;
  /** The articles, a page at a time, in export order. */
  pages(): AsyncIterable<SavedArticle[]>;
  /**
   * Stored copies of these images (for one page of articles), by URL; an image left out keeps its
   * remote URL. Blobs from IndexedDB are handles: their bytes are read later, a few at a time.
   */
  images?(urls: string[]): Promise<Map<string, Blob>>;
}

export interface ZipOptions {
  fileNameTemplate?: string;
  frontMatterTemplate?: string;
  /** 'assets': stored images packed and linked relatively; 'remote': every image stays a URL. */
  images?: 'assets' | 'remote';
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  now?: Date;
  /** How highlights show in the Markdown files (markdown.ts); `inline` needs `parse`. */
  highlights?: 'section' | 'inline';
  parse?: (html: string) => Document;
}

export interface ZipResult {
  blob: Blob;
  articles: number;
  images: number;
}

/** Output is gathered as chunks and folded into a Blob past this size (Blob data leaves the JS heap). */
const FOLD_BYTES = 4 * 1024 * 1024;
/** Images read at once (their bytes are in memory together). */
const IMAGE_READS = 16;
/** Already-compressed formats are stored as they are: deflating them again costs time for nothing. */
const STORED_TYPES = /^image\/(jpeg|png|gif|webp|avif)$/;
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
};

export class ExportCancelled extends Error {
  override name = 'AbortError';
  constructor() {
    super('Export cancelled.');
  }
}

/** The images an article shows (body and lead image), each once, in order of first use. */
export function imageSources(html: string, article: SavedArticle): string[] {
  const urls = [...html.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/gi)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  if (article.leadImage?.url) urls.push(article.leadImage.url);
  return [...new Set(urls)];
}

/** A file extension from the stored MIME type (the address's own when the type is unknown). */
export function extensionOf(blob: Blob, url: string): string {
  return EXTENSIONS[blob.type] ?? /\.(jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase().replace('jpeg', 'jpg') ?? 'bin';
}

/** A path inside a Markdown link: spaces and parentheses would end it. */
const linkPath = (path: string) => `<${path.replace(/[<>]/g, '')}>`;

export async function buildZip(source: ZipSource, options: ZipOptions = {}): Promise<ZipResult> {
  const now = options.now ?? new Date();
  const parts: BlobPart[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    if (chunk?.length) {
      pending.push(chunk);
      pendingBytes += chunk.length;
    }
    if (pendingBytes >= FOLD_BYTES || (final && pending.length)) {
      parts.push(new Blob(pending as BlobPart[]));
      pending = [];
      pendingBytes = 0;
    }
  });
  const addFile = (name: string, data: Uint8Array, store: boolean) => {
    if (store) {
      const file = new ZipPassThrough(name);
      file.mtime = now;
      zip.add(file);
      file.push(data, true);
    } else {
      // A small text file deflated in one call: fflate's streaming ZipDeflate sets up a full
      // compressor per file, which for thousands of 5 KB Markdown files costs more than compressing.
      const compressed = deflateSync(data, { level: 6 });
      const file: ZipInputFile = { filename: name, size: data.length, crc: crc32(data), compression: 8, mtime: now };
      zip.add(file);
      file.ondata!(null, compressed, true);
    }
    if (failure) throw failure;
  };
  const checkCancelled = () => {
    if (options.signal?.aborted) {
      zip.terminate();
      throw new ExportCancelled();
    }
  };

  const uniqueName = exportFileNamesStream(options.fileNameTemplate ?? DEFAULT_FILE_NAME_TEMPLATE, new Set(['index.md']));
  const assets = new Map<string, string>();
  const index: string[] = [];
  let done = 0;
  options.onProgress?.(0, source.total);
  for await (const page of source.pages()) {
    const stored =
      options.images !== 'remote' && source.images
        ? await source.images([...new Set(page.flatMap((a) => imageSources(a.contentHtml, a)))].filter((url) => !assets.has(url)))
        : new Map<string, Blob>();
    // The page's images first, in order of first use, read IMAGE_READS at a time so the reads
    // overlap (Blob reads wait on the browser's I/O) while memory holds only that many images.
    const wanted = [...new Set(page.flatMap((a) => imageSources(a.contentHtml, a)))].filter((url) => !assets.has(url) && stored.has(url));
    for (let i = 0; i < wanted.length; i += IMAGE_READS) {
      checkCancelled();
      const batch = wanted.slice(i, i + IMAGE_READS);
      const bytes = await Promise.all(batch.map(async (url) => new Uint8Array(await stored.get(url)!.arrayBuffer())));
      batch.forEach((url, k) => {
        const blob = stored.get(url)!;
        const path = `assets/${String(assets.size + 1).padStart(5, '0')}.${extensionOf(blob, url)}`;
        addFile(path, bytes[k]!, STORED_TYPES.test(blob.type));
        assets.set(url, path);
      });
    }
    for (const article of page) {
      checkCancelled();
      const fileName = uniqueName(article);
      const markdown = toMarkdown(article, {
        frontMatterTemplate: options.frontMatterTemplate ?? DEFAULT_FRONT_MATTER_TEMPLATE,
        imagePath: (src) => assets.get(src) ?? null,
        highlights: options.highlights,
        parse: options.parse,
      });
      addFile(fileName, strToU8(markdown), false);
      const meta = [article.siteName, (article.published ?? article.capturedAt).slice(0, 10)].filter(Boolean).join(' · ');
      index.push(`- [${article.title.replace(/\s+/g, ' ').replace(/([\\[\]])/g, '\\$1')}](${linkPath(fileName)})${meta ? ` — ${meta}` : ''}`);
      done++;
      options.onProgress?.(done, source.total);
    }
  }
  checkCancelled();
  const header = `# Clean Capture export\n\n${plural(done, 'article')}, ${plural(assets.size, 'image')}, exported ${now.toISOString().slice(0, 10)}.\n\n`;
  addFile('index.md', strToU8(`${header}${index.join('\n')}\n`), false);
  zip.end();
  if (failure) throw failure;
  return { blob: new Blob(parts, { type: 'application/zip' }), articles: done, images: assets.size };
}

/** File names handed out one at a time (the zip is streamed), unique within the export. */
function exportFileNamesStream(template: string, used: Set<string>) {
  const take = (article: SavedArticle): string => {
    // exportFileNames makes one name safe; the numbering against earlier names happens here.
    const [base] = exportFileNames([article], 'md', template);
    const stem = base!.slice(0, -3);
    for (let n = 1; ; n++) {
      const name = n === 1 ? base! : `${stem} (${n}).md`;
      const key = name.normalize('NFC').toLowerCase();
      if (!used.has(key)) {
        used.add(key);
        return name;
      }
    }
  };
  return take;
}
