import { storeCaptureImages } from '../background/store-images';
import { articleImageUrls } from '../core/extract/purify-config';
import type { Capture } from '../core/shared/capture';
import { plural } from '../core/shared/plural';
import type { SaveStatus } from '../storage/captures';
import { imageLinksOf } from '../storage/image-queries';
import { parseDocument } from './dom';
import { fetchImage } from './fetch-page';
import type { LibraryFile } from './library-file';

/**
 * The images of a page the CLI saved (`save`, `import --fetch`), kept as the extension keeps
 * them: through its own image store (background/store-images.ts: one copy per SHA-256, the size
 * caps from the library file's settings), fetched over HTTP by the CLI's image fetcher.
 */

/** The image addresses the extension would keep for this capture (the body's and the lead image). */
export function imageUrlsOf(capture: Capture, url: string): string[] {
  const urls = articleImageUrls(parseDocument(capture.contentHtml, url), capture.leadImage?.url);
  // The extension keeps http(s) images only; from a saved page on disk its own images come too.
  const local = [...capture.contentHtml.matchAll(/<img\b[^>]*?\ssrc="(file:[^"]+)"/gi)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  if (capture.leadImage?.url?.startsWith('file:')) local.push(capture.leadImage.url);
  return [...new Set([...urls, ...local])];
}

/**
 * Keep the images of a saved capture; the end of its output line (", 2 images kept"), or '' when
 * there was nothing to fetch. As the extension does: a page saved again unchanged fetches its
 * images only if some were not kept.
 */
export async function keepImages(
  library: LibraryFile,
  id: number,
  status: SaveStatus,
  urls: string[],
  now: Date,
): Promise<{ stored: number; failed: number; note: string }> {
  if (!library.settings.keepImages || !urls.length) return { stored: 0, failed: 0, note: '' };
  const links = status === 'already-saved' ? await imageLinksOf(library.db, id) : [];
  if (links.length && links.every((l) => l.hash)) return { stored: 0, failed: 0, note: '' };
  const outcome = await storeCaptureImages(library.db, id, urls, library.settings, fetchImage, now);
  return {
    stored: outcome.stored,
    failed: outcome.failed,
    note: `, ${plural(outcome.stored, 'image')} kept${outcome.failed ? `, ${outcome.failed} not kept` : ''}`,
  };
}
