import type { Capture } from './core/shared/capture';
import type { WireError } from './messages';
import type { CaptureErrorCode } from './core/shared/errors';

/**
 * What the injected content script returns to the background through scripting.executeScript.
 * The script installs `globalThis[CONTENT_ENTRY]`; the background then calls it with the options.
 * Results must be JSON-serializable (Chrome), so image bytes travel as base64.
 */
export const CONTENT_ENTRY = '__cleanCaptureExtract';
/** Fetches one image in the page's context (its cookies and referrer rules apply). */
export const IMAGE_ENTRY = '__cleanCaptureFetchImage';

export interface ContentOptions {
  selection: boolean;
}

export type ContentResult =
  | {
      ok: true;
      capture: Capture;
      /** The article's images (in its HTML, then the lead image). */
      imageUrls?: string[];
      /** The page's HTML as loaded (for Re-extract); absent for huge pages and selections. */
      rawHtml?: string;
    }
  | { ok: false; error: WireError & { code: CaptureErrorCode } };

/** One image's bytes (base64) or why not; defined with the download it comes from. */
export type { FetchedImage } from './core/shared/download-image';

/** Shows an article's highlights on the live page (issue #16): `(highlights) => number marked`. */
export const PAINT_ENTRY = '__cleanCapturePaintHighlights';

/** What the page's selection was, as the W3C TextQuoteSelector needs it; null when nothing is selected. */
export type PageSelection = { exact: string; prefix: string; suffix: string } | null;
