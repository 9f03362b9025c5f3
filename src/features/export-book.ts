import { toEpub, toHtmlFile } from '../core/export/book';
import { storedImageLookup } from '../storage/export-source';
import { liveCapturesByIds } from '../storage/capture-queries';
import { libraryDb } from '../platform/library-db';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A built export file, not yet downloaded: the page shows its name and size first (issue 13). */
export interface BookFile {
  blob: Blob;
  name: string;
}

/** The articles with these ids as one HTML file (images as data: URIs) or one EPUB book. */
export async function buildBook(ids: number[], format: 'html' | 'epub', now = new Date()): Promise<BookFile> {
  const db = libraryDb();
  const records = await liveCapturesByIds(db, ids);
  const title = records.length === 1 ? records[0]!.title : `Clean Capture — ${records.length} articles`;
  const base = `clean-capture-${now.toISOString().slice(0, 10)}`;
  // The same stored-image lookup for both: the EPUB packs the copies, the HTML file embeds them.
  const lookup = storedImageLookup(db);
  const image = lookup ? async (url: string) => (await lookup([url])).get(url) ?? null : undefined;
  if (format === 'html') {
    return { blob: new Blob([await toHtmlFile(records, { parse, title, image })], { type: 'text/html;charset=utf-8' }), name: `${base}.html` };
  }
  const bytes = await toEpub(records, { parse, title, now, image });
  return { blob: new Blob([bytes as BlobPart], { type: 'application/epub+zip' }), name: `${base}.epub` };
}
