import { CONTENT_ENTRY, type ContentOptions, type ContentResult } from '../content-protocol';
import { CaptureError, isCaptureError, notHtml } from '../core/errors';
import { extract } from '../core/extract';
import { selectionHtml } from './selection';

/**
 * Injected on demand (activeTab + scripting): extracts the article of this page and returns it.
 * Never stores anything; the background decides.
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
    return { ok: true, capture: extract(document, location.href, { selectionHtml: selection }) };
  } catch (error) {
    if (isCaptureError(error)) return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'internal', message: `Extraction failed: ${(error as Error)?.message ?? error}` } };
  }
}

(globalThis as Record<string, unknown>)[CONTENT_ENTRY] = run;
