import { rawHtmlOf } from '../core/extract/raw-page';
import { reextractedRecord } from '../storage/reextract';
import { extractSavedPage } from './extract-page';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { BackupFormatError } from '../core/backup/backup-codec';
import { parseBackup, type ParsedBackup } from '../core/backup/backup-format';
import { serializeBackup } from '../core/backup/backup-write';
import { toEpub, toHtmlFile } from '../core/export/book';
import { toLibraryWebAnnotations } from '../core/highlights/web-annotation';
import { formatBytes } from '../core/shared/format-bytes';
import type { Capture } from '../core/shared/capture';
import { checkCaptureRecord } from '../core/library/capture-record-check';
import type { SavedArticle } from '../core/shared/capture';
import { normalizeSettings } from '../core/shared/settings';
import { buildZip } from '../core/export/zip-export';
import type { CaptureRecord, HighlightRecord } from '../storage/records';
import { VERSION } from './command-line';
import { parseDocument } from './dom';
import { InputError } from './input-error';
import { errorMessage } from '../core/shared/errors';

export interface BackupArgs {
  file: string;
  out: string;
  /** export only: md, html, epub or jsonld (checked by the command line). */
  format: string;
}

function readBackup(file: string): ParsedBackup {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`cannot read "${file}": no such file`);
  }
  try {
    const backup = parseBackup(text);
    (backup.tables['captures']?.rows ?? []).forEach((row, i) => {
      const problem = checkCaptureRecord(row as Record<string, unknown>);
      if (problem) throw new BackupFormatError(`This backup is damaged (captures row ${i + 1}: ${problem}). Nothing was changed.`);
    });
    return backup;
  } catch (error) {
    if (error instanceof BackupFormatError) throw new InputError(error.message.replace(/ Nothing was changed\.$/, ''));
    throw error;
  }
}

/** Stored images by the address articles use: imageLinks (url → hash) over images (hash → Blob). */
function imageLookup(backup: ParsedBackup): ((url: string) => Promise<Blob | null>) | undefined {
  const images = (backup.tables['images']?.rows ?? []) as Record<string, unknown>[];
  const links = (backup.tables['imageLinks']?.rows ?? []) as Record<string, unknown>[];
  if (!images.length || !links.length) return undefined;
  const byHash = new Map<string, Blob>();
  for (const row of images) {
    const blob = Object.values(row).find((v): v is Blob => v instanceof Blob);
    if (typeof row['hash'] === 'string' && blob) byHash.set(row['hash'], blob);
  }
  const byUrl = new Map<string, Blob>();
  for (const link of links) {
    const blob = typeof link['hash'] === 'string' ? byHash.get(link['hash']) : undefined;
    if (typeof link['url'] === 'string' && blob && !byUrl.has(link['url'])) byUrl.set(link['url'], blob);
  }
  return async (url) => byUrl.get(url) ?? null;
}

/** Each article with its highlights from the backup (issue #16); a backup made before v6 has none. */
function withHighlights(articles: CaptureRecord[], highlights: HighlightRecord[]): SavedArticle[] {
  return articles.map((a) => {
    const own = highlights.filter((h) => h.captureId === a.id && h.deletedAt === undefined).sort((x, y) => x.createdAt.localeCompare(y.createdAt));
    return own.length ? { ...a, highlights: own } : a;
  });
}

async function exportCommand(args: BackupArgs, log: (s: string) => void): Promise<void> {
  const backup = readBackup(args.file);
  const articles = withHighlights(
    ((backup.tables['captures']?.rows ?? []) as CaptureRecord[])
      .slice()
      .sort((a, b) => (a.capturedAt < b.capturedAt ? 1 : a.capturedAt > b.capturedAt ? -1 : 0)),
    (backup.tables['highlights']?.rows ?? []) as HighlightRecord[],
  );
  const settings = normalizeSettings(backup.settings);
  const image = imageLookup(backup);
  mkdirSync(args.out, { recursive: true });
  const parse = (html: string) => parseDocument(html, 'about:blank');
  if (args.format === 'md') {
    // The same files as the extension's zip export, written out as a folder.
    const images =
      image &&
      (async (urls: string[]) => new Map((await Promise.all(urls.map(async (u) => [u, await image(u)] as const))).filter((e): e is [string, Blob] => !!e[1])));
    const result = await buildZip(
      {
        total: articles.length,
        pages: async function* () {
          yield articles as SavedArticle[];
        },
        images,
      },
      {
        fileNameTemplate: settings.fileNameTemplate,
        frontMatterTemplate: settings.frontMatterTemplate,
        images: settings.zipImages,
        highlights: settings.markdownHighlights,
        parse,
      },
    );
    const files = unzipSync(new Uint8Array(await result.blob.arrayBuffer()));
    for (const [name, data] of Object.entries(files)) {
      const path = join(args.out, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    }
    log(`wrote ${result.articles} Markdown files, ${result.images} images and index.md to ${resolve(args.out)}\n`);
  } else if (args.format === 'jsonld') {
    // The highlights alone, as the reader's "Export highlights" writes them, for the whole library.
    const path = join(args.out, 'clean-capture-highlights.jsonld');
    const collection = toLibraryWebAnnotations(articles, `Clean Capture highlights — ${articles.length} articles`);
    const text = Buffer.from(`${JSON.stringify(collection, null, 2)}\n`, 'utf8');
    writeFileSync(path, text);
    log(`wrote ${collection.total as number} highlights to ${path} — ${formatBytes(text.length)}\n`);
  } else if (args.format === 'html') {
    const path = join(args.out, 'clean-capture.html');
    const html = Buffer.from(await toHtmlFile(articles, { parse, title: `Clean Capture — ${articles.length} articles`, image }), 'utf8');
    writeFileSync(path, html);
    log(`wrote ${articles.length} articles to ${path} — ${formatBytes(html.length)}\n`);
  } else {
    const path = join(args.out, 'clean-capture.epub');
    const book = await toEpub(articles, { parse, title: `Clean Capture — ${articles.length} articles`, image });
    writeFileSync(path, book);
    log(`wrote ${articles.length} articles to ${path} — ${formatBytes(book.length)}\n`);
  }
}

async function reextractCommand(args: BackupArgs, log: (s: string) => void): Promise<void> {
  const backup = readBackup(args.file);
  const rows = (backup.tables['captures']?.rows ?? []) as (CaptureRecord & Record<string, unknown>)[];
  const now = new Date();
  let redone = 0;
  const kept: string[] = [];
  if (backup.tables['captures'])
    backup.tables['captures'].rows = rows.map((record) => {
      const raw = rawHtmlOf(record);
      if (!raw || record.selectionOnly) {
        kept.push(`"${record.title}" (${record.selectionOnly ? 'a saved selection' : 'no raw HTML kept'})`);
        return record;
      }
      let capture: Capture;
      try {
        capture = extractSavedPage(raw, record.url);
      } catch (error) {
        kept.push(`"${record.title}" (extraction failed: ${errorMessage(error)})`);
        return record;
      }
      redone++;
      return reextractedRecord(record, capture, now);
    });
  writeFileSync(args.out, await serializeBackup(backup, `clean-capture CLI ${VERSION} (reextract)`));
  log(`re-extracted ${redone} of ${rows.length} articles into ${args.out}\n`);
  if (kept.length) log(`kept ${kept.length} unchanged:\n${kept.map((k) => `  ${k}`).join('\n')}\n`);
}

/** `export` and `reextract`; an InputError for a file they cannot use. */
export async function runBackupCommand(command: 'export' | 'reextract', args: BackupArgs, log: (s: string) => void): Promise<void> {
  if (command === 'export') await exportCommand(args, log);
  else await reextractCommand(args, log);
}
