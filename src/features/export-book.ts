import { toEpub, toHtmlFile } from '../core/export/book';
import { storedImageLookup } from '../storage/export-source';
import { liveCapturesByIds } from '../storage/capture-queries';
import { downloadBlob } from '../platform/download';
import { libraryDb } from '../platform/library-db';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** The articles with these ids as one HTML file or one EPUB book. Returns the file name. */
export async function exportBook(ids: number[], format: 'html' | 'epub', now = new Date()): Promise<string> {
  const db = libraryDb();
  const records = await liveCapturesByIds(db, ids);
  const title = records.length === 1 ? records[0]!.title : `Clean Capture — ${records.length} articles`;
  const base = `clean-capture-${now.toISOString().slice(0, 10)}`;
  // The same stored-image lookup for both: the EPUB packs the copies, the HTML file embeds them.
  const lookup = storedImageLookup(db);
  const image = lookup ? async (url: string) => (await lookup([url])).get(url) ?? null : undefined;
  if (format === 'html') {
    downloadBlob(new Blob([await toHtmlFile(records, { parse, title, image })], { type: 'text/html;charset=utf-8' }), `${base}.html`);
    return `${base}.html`;
  }
  const bytes = await toEpub(records, { parse, title, now, image });
  downloadBlob(new Blob([bytes as BlobPart], { type: 'application/epub+zip' }), `${base}.epub`);
  return `${base}.epub`;
}
