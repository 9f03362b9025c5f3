import { CONTENT_ENTRY, IMAGE_ENTRY, PAINT_ENTRY, type ContentOptions, type ContentResult } from '../content-protocol';
import { CaptureError, errorMessage, isCaptureError, notHtml } from '../core/shared/errors';
import { extract } from '../core/extract/extract';
import { MAX_RAW_HTML_CHARS } from '../core/extract/raw-page';
import { resolveLazyImages } from '../core/extract/lazy-images';
import { fetchImageInPage } from './fetch-image';
import { paintHighlights } from './paint-highlights';
import { purifyCapture } from './purify';
import { selectionHtml } from './selection';

/**
 * Injected on demand (activeTab + scripting): extracts the article of this page and returns it,
 * and fetches its images when the background asks. Never stores anything; the background decides.
 */
function run(options: ContentOptions): ContentResult {
  try {
    const type = document.contentType || 'text/html';
    if (!/^(text\/html|application\/xhtml\+xml)$/i.test(type)) throw notHtml(type);
    let selection: string | null = null;
    if (options.selection) {
      selection = selectionHtml(window);
      if (!selection) throw new CaptureError('no-article', 'Nothing is selected. Select the part of the page to save, then use "Save selection".');
    }
    // Lazy images resolved on a copy (the page itself is never changed), with the sources the
    // browser actually chose for the live images.
    const live = [...document.images].map((img) => img.currentSrc || null);
    const prepared = () => {
      const work = document.cloneNode(true) as Document;
      resolveLazyImages(work, location.href, live);
      return work;
    };
    const captured = extract(prepared(), location.href, { selectionHtml: selection, consumeDocument: true, reparse: prepared });
    const { capture, imageUrls } = purifyCapture(captured);
    const raw = selection ? null : pageHtml(document);
    return { ok: true, capture, imageUrls, ...(raw ? { rawHtml: raw } : {}) };
  } catch (error) {
    if (isCaptureError(error)) return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'internal', message: `Extraction failed: ${errorMessage(error)}` } };
  }
}

/** The page as it is now (doctype included), unless it is too big to keep. */
function pageHtml(doc: Document): string | null {
  const html = `${doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>\n` : ''}${doc.documentElement.outerHTML}`;
  return html.length <= MAX_RAW_HTML_CHARS ? html : null;
}

(globalThis as Record<string, unknown>)[CONTENT_ENTRY] = run;
(globalThis as Record<string, unknown>)[IMAGE_ENTRY] = fetchImageInPage;
(globalThis as Record<string, unknown>)[PAINT_ENTRY] = paintHighlights;
