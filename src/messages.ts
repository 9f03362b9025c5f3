import type { Capture } from './core/shared/capture';
import type { Completeness } from './core/extract/completeness';
import type { CaptureErrorCode } from './core/shared/errors';
import type { CaptureRecord } from './storage/records';
import type { DeletedCapture } from './storage/library';
import type { TableReport } from './storage/restore';
import type { SearchFilters, SearchHit } from './core/library/search-index';
import type { CapturePatch } from './storage/records';

/**
 * The one protocol between popup, reader, content script and background (STYLE.md §3).
 * Each message name maps to its request and response. Errors cross as values and are rethrown
 * at the caller as MessageError with the same code.
 *
 * - capture {tabId, selection?} → the tab's article saved (or found already saved).
 * - delete-capture {id} → the article deleted: a tombstone until the sweep after the Undo window
 *   (storage/library.ts); only its id and title come back (a record with its kept page could be
 *   too large for a message, and Undo needs none).
 * - restore-capture {id} → Undo of a delete, by id: the tombstone is the article again (or, when
 *   the page was saved again since, the id of that record comes back).
 * - set-reading-progress {id, progress} → where the reader is in an article (0..1); at the end it
 *   is marked read (issue #6).
 * - replace-capture {id, capture} → a capture's content and metadata replaced by a fresh extraction
 *   of its kept page (Re-extract); what the library added (id, dates, aliases, page HTML) is kept.
 * - restore-backup {text} → a JSON backup validated in full, then merged into the library and its
 *   settings applied; a bad file is refused ("bad-backup") with nothing changed.
 * - restore-backup-part {uploadId, part, parts, text} → the same for a file sent in parts (a
 *   message is capped at 64 MiB in Chrome); null until the last part, then the summary.
 * - search {query, filters?, limit?} → ranked ids from the background's full-text index (issue #5).
 * - update-capture {id, patch} → tags, read/unread, archive, favourite changed.
 */
export interface ImagesOutcome {
  stored: number;
  failed: number;
  bytes: number;
}

export interface CaptureOutcome {
  status: 'saved' | 'already-saved' | 'updated';
  id: number;
  title: string;
  /** The article's images kept offline (absent when none were fetched). */
  images?: ImagesOutcome;
  /** A saved record telling the same story (another site): grouped, never merged. */
  sameStoryAs?: { id: number; title: string; site: string } | null;
}

export interface Protocol {
  capture: { request: { tabId: number; selection?: boolean }; response: CaptureOutcome };
  'delete-capture': { request: { id: number }; response: { deleted: DeletedCapture | null } };
  'restore-capture': { request: { id: number }; response: { id: number } };
  'set-reading-progress': { request: { id: number; progress: number }; response: { read: boolean } };
  'replace-capture': { request: { id: number; capture: Capture }; response: { changed: boolean; completeness: Completeness | null } };
  'restore-backup': { request: { text: string }; response: RestoreSummary };
  'restore-backup-part': { request: { uploadId: string; part: number; parts: number; text: string }; response: RestoreSummary | null };
  search: { request: { query: string; filters?: SearchFilters; limit?: number }; response: { hits: SearchHit[] } };
  'update-capture': { request: { id: number; patch: CapturePatch }; response: { record: CaptureRecord | null } };
}

export interface RestoreSummary {
  tables: Record<string, TableReport>;
  settingsRestored: boolean;
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = { type: K } & Protocol[K]['request'];
export type AnyRequest = { [K in MessageType]: RequestOf<K> }[MessageType];

export interface WireError {
  code: CaptureErrorCode;
  message: string;
}
export type Reply<T> = { ok: true; value: T } | { ok: false; error: WireError };

export class MessageError extends Error {
  constructor(
    readonly code: CaptureErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/**
 * Who sent a message, as the background tells them apart (background/dispatch.ts):
 * - `extension-page`: one of our own pages (popup, reader, options; in a tab or not), whose
 *   address starts with the extension's own origin;
 * - `content-script`: our content script, running in a web page's tab.
 */
export type SenderKind = 'extension-page' | 'content-script';

const PAGES: readonly SenderKind[] = ['extension-page'];

/**
 * Who may send each message. Every message but `search` writes the library or acts on a tab,
 * and only our own pages may ask for that. The content script sends no message at all: it
 * answers the background through scripting.executeScript's results (content-protocol.ts), so
 * none is open to it, and a web page that reaches a content-script context cannot delete,
 * restore, rewrite or read the library through us.
 */
export const MESSAGE_SENDERS: { readonly [K in MessageType]: readonly SenderKind[] } = {
  capture: PAGES,
  'delete-capture': PAGES,
  'restore-capture': PAGES,
  'set-reading-progress': PAGES,
  'replace-capture': PAGES,
  'restore-backup': PAGES,
  'restore-backup-part': PAGES,
  search: PAGES,
  'update-capture': PAGES,
};

/** A type guard for requests arriving from other contexts (never trust the shape). */
export function isRequest(value: unknown): value is AnyRequest {
  if (!value || typeof value !== 'object') return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(MESSAGE_SENDERS, type);
}

export type Handlers = { [K in MessageType]: (request: RequestOf<K>) => Promise<Protocol[K]['response']> };

/** Unwrap a reply, rethrowing an error reply as a MessageError. */
export function unwrapReply<T>(reply: Reply<T> | undefined): T {
  if (!reply) throw new MessageError('internal', 'The background did not answer. Reload the extension and try again.');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.value;
}
