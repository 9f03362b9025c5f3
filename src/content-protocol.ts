import type { Capture } from './core/capture';
import type { WireError } from './messages';

/**
 * What the injected content script returns to the background through scripting.executeScript.
 * The script installs `globalThis[CONTENT_ENTRY]`; the background then calls it with the options.
 */
export const CONTENT_ENTRY = '__cleanCaptureExtract';

export interface ContentOptions {
  selection: boolean;
}

export type ContentResult = { ok: true; capture: Capture } | { ok: false; error: WireError };
