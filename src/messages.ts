import type { Capture } from './core/shared/capture';
import type { Completeness } from './core/extract/completeness';
import type { CaptureErrorCode } from './core/shared/errors';
import type { CaptureRecord } from './storage/records';
import type { DeletedCapture } from './storage/library';
import type { TableReport } from './storage/restore';
import type { LibrarySort, SearchFilters, SearchHit } from './core/library/search-index';
import type { CapturePatch, HighlightRecord } from './storage/records';
import type { ImportFormat, ImportItem } from './core/import/import-item';
import type { ImportStatus } from './storage/records';
import type { SyncErrorCode } from './core/sync/sync-errors';
import type { HighlightColor } from './core/highlights/highlight';
import type { TagCount } from './core/library/tags';

/**
 * The one protocol between popup, reader, content script and background (STYLE.md §3).
 * Each message name maps to its request and response. Errors cross as values and are rethrown
 * at the caller as MessageError with the same code.
 *
 * Each message is documented on its Protocol key below; docs/messages.md is generated from those
 * comments (`npm run docs:messages`), so they are the reference.
 */

/** How many of an article's images were kept offline, how many could not be, and their stored size. */
export interface ImagesOutcome {
  stored: number;
  failed: number;
  bytes: number;
  /**
   * Of the failed, those whose server refuses other sites and whose site Clean Capture has no host
   * access to: the popup offers the grant (absent when none).
   */
  needHostAccess?: number;
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

/**
 * Message name → its request and response. A request travels as `{type, ...request}`; the answer
 * is a `Reply`: `{ok: true, value}` with the response, or `{ok: false, error: {code, message}}`,
 * rethrown at the caller as a MessageError. Only the background answers (it is the only writer
 * of the library), and only to the senders `MESSAGE_SENDERS` allows.
 */
export interface Protocol {
  /**
   * Save the article in tab `tabId` (the popup's current tab, or `popup.html?tab=<id>`); with
   * `selection`, only the selected part, as a record of its own. The answer says whether it was
   * saved, already saved (same page or same text: the address is added as an alias) or updated
   * (the article changed: the older text becomes a version), with the images kept offline and a
   * saved record telling the same story, if any. The keyboard shortcut and the context menu run
   * the same handler inside the background, without a message. Errors: `restricted-page`,
   * `not-html`, `no-article`, `no-permission`, `no-tab`, `page-unreachable`, `storage-failed`.
   */
  capture: { request: { tabId: number; selection?: boolean }; response: CaptureOutcome };
  /**
   * Delete an article: it becomes a tombstone, hidden from every read, until the sweep after the
   * Undo window (5 minutes). Only its id and title come back, null when there was no such
   * article: a record with its kept page could be too large for a message, and Undo needs none.
   */
  'delete-capture': { request: { id: number }; response: { deleted: DeletedCapture | null } };
  /**
   * Undo of a delete, by id: the tombstone is the article again, with its versions, reading
   * position and images. When the page was saved again since, the id of that record comes back.
   */
  'restore-capture': { request: { id: number }; response: { id: number } };
  /**
   * Where the reader is in an article (`progress`, 0..1), kept to restore it next time; `read`
   * is true once the end was reached, and the article is then marked read in the library.
   */
  'set-reading-progress': { request: { id: number; progress: number }; response: { read: boolean } };
  /**
   * A capture's content and metadata replaced by a fresh extraction of its kept page
   * (Re-extract); what the library added (id, dates, aliases, page HTML) is kept. `changed` says
   * whether the text differs; `completeness` is the new capture's score. Errors: `not-found`
   * (deleted meanwhile), `internal` (a malformed capture: nothing changed).
   */
  'replace-capture': { request: { id: number; capture: Capture }; response: { changed: boolean; completeness: Completeness | null } };
  /**
   * A JSON backup (the whole file as text) validated in full, then merged into the library and its
   * settings applied; the answer counts what each table added, updated and skipped. A bad file is
   * refused with `bad-backup` and nothing changed; a failed write is rolled back whole
   * (`storage-failed`).
   */
  'restore-backup': { request: { text: string }; response: RestoreSummary };
  /**
   * The same as `restore-backup` for a file sent in parts (a message is capped at 64 MiB in
   * Chrome): null until the last of `parts` arrives, then the summary.
   */
  'restore-backup-part': { request: { uploadId: string; part: number; parts: number; text: string }; response: RestoreSummary | null };
  /**
   * Ranked ids from the background's full-text index (title, authors, site, tags, the start of
   * the text), with the library filters. The popup's list and every export of "the search result"
   * use exactly these hits. With `sort` (the library page's orders: saved, published, title, site,
   * reading time) they come in that order instead of by rank.
   */
  search: { request: { query: string; filters?: SearchFilters; limit?: number; sort?: LibrarySort }; response: { hits: SearchHit[] } };
  /** Every tag in the library with how many articles carry it, most used first (tag suggestions, tag management). */
  'list-tags': { request: Record<never, never>; response: { tags: TagCount[] } };
  /**
   * Rename a tag on every article carrying it; renaming to a tag that exists merges the two, and
   * `to: null` deletes the tag (the articles stay). `changed` counts the articles. All change in
   * one transaction or none. Errors: `bad-request` (an empty tag name).
   */
  'rename-tag': { request: { from: string; to: string | null }; response: { changed: number } };
  /**
   * Library state changed: tags, read/unread, archived, favourite. The record as it is now comes
   * back, null when there was no such article.
   */
  'update-capture': { request: { id: number; patch: CapturePatch }; response: { record: CaptureRecord | null } };
  /**
   * Items of an export parsed and previewed in Options → Import, queued in the database to be
   * captured in the background (issue #15): those with content are extracted from it, the others
   * fetched (one request at a time per host, retries on 429 / 5xx). Sent in batches; `fresh` on
   * the first batch of an import clears the last import's report. The answer counts the pages
   * queued (a page already waiting is not queued twice).
   */
  'import-add': { request: { format: ImportFormat; items: ImportItem[]; fresh: boolean }; response: { queued: number } };
  /**
   * Where the import queue stands: captured, already in the library, failed (with each page's
   * reason), left, paused, an estimate of the time left. Asking also resumes a queue a stopped
   * background left.
   */
  'import-status': { request: Record<string, never>; response: ImportStatus };
  /** Pause, resume or cancel the import queue, or put its failed pages back in it; the status after. */
  'import-control': { request: { action: ImportAction }; response: ImportStatus };
  /**
   * Turn sync on with this server (issue 14), after testing it: the address answers as CouchDB,
   * the user and password work, the database exists (or is created), and the passphrase opens its
   * key (a new database gets one). Kept in `storage.local` only; the password and passphrase are
   * never logged. A new server or database starts sync over, merging, never deleting. Errors:
   * `bad-url`, `not-couchdb`, `unauthorized`, `no-database`, `network` (also TLS), `server-error`,
   * `wrong-passphrase`, `bad-data`; nothing is saved then. Empty user and password for a server
   * without accounts.
   */
  'sync-configure': { request: SyncSettings; response: { ok: true } };
  /**
   * One full push and pull now: how many documents went up, came down and needed a merge of
   * changes from both sides. Errors as for `sync-configure`, plus `not-configured`, `busy`.
   */
  'sync-now': { request: Record<string, never>; response: SyncOutcome };
  /** Whether sync is on, where to (no password or passphrase), and what the last rounds did. */
  'sync-status': { request: Record<string, never>; response: SyncStatus };
  /** Turn sync off: credentials forgotten, schedule stopped; the library stays as it is. */
  'sync-off': { request: Record<string, never>; response: { ok: true } };
  /**
   * Highlight a passage of an article (issue #16): the W3C TextQuoteSelector (`exact`, with up to
   * 32 visible characters of `prefix` and `suffix` to tell repeated words apart) and, when known,
   * its TextPositionSelector (`start`, `end` in the reader's article text) as a hint; `color` is
   * yellow (the default), green, blue or pink; `note` is plain text (never HTML). The new
   * highlight's UUID comes back. Errors: `bad-input` (no quote, unknown colour, a note too long),
   * `not-found` (the article was deleted).
   */
  'add-highlight': {
    request: { captureId: number; exact: string; prefix?: string; suffix?: string; start?: number; end?: number; color?: HighlightColor; note?: string };
    response: { id: string };
  };
  /** Recolour a highlight or change its note (plain text; empty removes it). The highlight as it is now, null when there is none. */
  'update-highlight': { request: { id: string; color?: HighlightColor; note?: string }; response: { highlight: HighlightRecord | null } };
  /** Delete a highlight: a tombstone until the sweep after the Undo window. `deleted` is false when there was no such highlight. */
  'delete-highlight': { request: { id: string }; response: { deleted: boolean } };
  /** Undo of a delete-highlight, by id. Errors: `not-found` (swept meanwhile). */
  'restore-highlight': { request: { id: string }; response: { highlight: HighlightRecord } };
  /** An article's highlights (oldest first), or with no `captureId` every highlight of the library (newest first). */
  'list-highlights': { request: { captureId?: number }; response: { highlights: HighlightRecord[] } };
  /**
   * Highlight the selection of the page in tab `tabId`, as the context menu's "Highlight selection"
   * does (it runs the same code inside the background): the page is saved first when it is not in
   * the library yet, the highlight is recorded against that article, and the page's marks are
   * shown. Errors: those of `capture`, and `bad-input` when nothing is selected.
   */
  'highlight-selection': { request: { tabId: number }; response: { captureId: number; id: string } };
}

/** What the options page sends to turn sync on. */
export interface SyncSettings {
  url: string;
  database: string;
  username: string;
  password: string;
  passphrase: string;
}

export interface SyncOutcome {
  pushed: number;
  pulled: number;
  conflicts: number;
}

export interface SyncStatus {
  enabled: boolean;
  url: string | null;
  database: string | null;
  username: string | null;
  /** ISO time of the last round that finished, and what it moved. */
  lastSyncAt: string | null;
  last: SyncOutcome | null;
  /** Since sync was turned on. */
  totals: SyncOutcome;
  /** The last round's failure, in words; null after a good round. */
  error: { code: SyncErrorCode; message: string; at: string } | null;
  running: boolean;
}

export type ImportAction = 'pause' | 'resume' | 'cancel' | 'retry-failed';

export interface RestoreSummary {
  tables: Record<string, TableReport>;
  settingsRestored: boolean;
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = { type: K } & Protocol[K]['request'];
export type AnyRequest = { [K in MessageType]: RequestOf<K> }[MessageType];

/** A capture or library failure, or a sync failure (core/sync/sync-errors.ts). */
export type WireErrorCode = CaptureErrorCode | SyncErrorCode;

export interface WireError {
  code: WireErrorCode;
  message: string;
}
export type Reply<T> = { ok: true; value: T } | { ok: false; error: WireError };

export class MessageError extends Error {
  constructor(
    readonly code: WireErrorCode,
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
  'list-tags': PAGES,
  'rename-tag': PAGES,
  'update-capture': PAGES,
  'import-add': PAGES,
  'import-status': PAGES,
  'import-control': PAGES,
  'sync-configure': PAGES,
  'sync-now': PAGES,
  'sync-status': PAGES,
  'sync-off': PAGES,
  'add-highlight': PAGES,
  'update-highlight': PAGES,
  'delete-highlight': PAGES,
  'restore-highlight': PAGES,
  'list-highlights': PAGES,
  'highlight-selection': PAGES,
};

/**
 * The background (Chrome's service worker, which has no DOM) asks its offscreen document to
 * extract a fetched page (issue #15). Not part of Protocol: only the background sends it, and
 * only the offscreen document answers it.
 */
export interface OffscreenExtractRequest {
  target: 'offscreen';
  html: string;
  url: string;
}

/** A page extracted off the worker: the capture and its image addresses, or why there is none. */
export type ExtractedPage = { ok: true; capture: Capture; imageUrls: string[] } | { ok: false; error: WireError };

export function isOffscreenRequest(value: unknown): value is OffscreenExtractRequest {
  const v = value as Partial<OffscreenExtractRequest> | null;
  return !!v && v.target === 'offscreen' && typeof v.html === 'string' && typeof v.url === 'string';
}

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
