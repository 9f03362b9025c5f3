import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { exportFileNames } from './export-names';
import { toMarkdown, type SavedArticle } from './markdown';
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
  /** A stored copy of an image, or null to keep its remote URL. */
  image?(url: string, article: SavedArticle): Promise<Blob | null>;
}

export interface ZipOptions {
  fileNameTemplate?: string;
  frontMatterTemplate?: string;
  /** 'assets': stored images packed and linked relatively; 'remote': every image stays a URL. */
  images?: 'assets' | 'remote';
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  now?: Date;
}

export interface ZipResult {
  blob: Blob;
  articles: number;
  images: number;
}

/** Output is gathered as chunks and folded into a Blob past this size (Blob data leaves the JS heap). */
const FOLD_BYTES = 4 * 1024 * 1024;
/** Already-compressed formats are stored as they are: deflating them again costs time for nothing. */
const STORED_TYPES = /^image\/(jpeg|png|gif|webp|avif)$/;
const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif', 'image/svg+xml': 'svg' };

export class ExportCancelled extends Error {
  override name = 'AbortError';
  constructor() {
    super('Export cancelled.');
  }
}

function imageSources(html: string, article: SavedArticle): string[] {
  const urls = [...html.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/gi)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  if (article.leadImage?.url) urls.push(article.leadImage.url);
  return [...new Set(urls)];
}

function extensionOf(blob: Blob, url: string): string {
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
    const file = store ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    file.mtime = now;
    zip.add(file);
    file.push(data, true);
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
    for (const article of page) {
      checkCancelled();
      const fileName = uniqueName(article);
      if (options.images !== 'remote' && source.image) {
        for (const url of imageSources(article.contentHtml, article)) {
          if (assets.has(url)) continue;
          const blob = await source.image(url, article);
          if (!blob) continue;
          const path = `assets/${String(assets.size + 1).padStart(5, '0')}.${extensionOf(blob, url)}`;
          addFile(path, new Uint8Array(await blob.arrayBuffer()), STORED_TYPES.test(blob.type));
          assets.set(url, path);
        }
      }
      const markdown = toMarkdown(article, {
        frontMatterTemplate: options.frontMatterTemplate ?? DEFAULT_FRONT_MATTER_TEMPLATE,
        imagePath: (src) => assets.get(src) ?? null,
      });
      addFile(fileName, strToU8(markdown), false);
      const meta = [article.siteName, (article.published ?? article.capturedAt).slice(0, 10)].filter(Boolean).join(' · ');
      index.push(`- [${article.title.replace(/\s+/g, ' ').replace(/([\\[\]])/g, '\\$1')}](${linkPath(fileName)})${meta ? ` — ${meta}` : ''}`);
      done++;
      options.onProgress?.(done, source.total);
    }
  }
  checkCancelled();
  const header = `# Clean Capture export\n\n${done} article${done === 1 ? '' : 's'}, ${assets.size} image${assets.size === 1 ? '' : 's'}, exported ${now.toISOString().slice(0, 10)}.\n\n`;
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
