import type { Highlight } from '../core/highlights/highlight';
import type { Capture } from '../core/shared/capture';
import type { ImportFailure } from '../core/import/fetch-policy';
import type { ImportFormat, ImportHighlight, ImportItem } from '../core/import/import-item';
import type { CaptureDoc } from '../core/sync/capture-doc';
import type { HighlightDoc } from '../core/sync/highlight-doc';
import type { PackedIndex } from '../core/library/search-index-pack';

/**
 * What the library stores, one interface per table (the schema itself, which fields are indexed,
 * is in db.ts and migrations/). Types only: every context may import them.
 */

/** Reading state shown and filtered in the library (issue #5). */
export type ReadState = 'unread' | 'read';

/** A saved article: the Capture plus what the library needs to find and order it. */
export interface CaptureRecord extends Capture {
  id?: number;
  /** Normalized URLs this article was seen at (page URL, canonical URL, aliases): the dedupe keys. */
  urlKeys: string[];
  /** ISO time of the first save. */
  capturedAt: string;
  /** ISO time of the last change of content. */
  updatedAt: string;
  /** Hash of the normalized text: tells "same text" from "the article changed". */
  fingerprint: string;
  /** The page's HTML as captured, gzipped (core/extract/raw-page.ts): for Re-extract; never rendered. */
  rawHtmlGzip?: Uint8Array;
  // v2 (issue #5) — filled in by the v2 upgrade for records saved before.
  /** MinHash of word 3-shingles (near-duplicate "same story" detection). */
  minhash?: number[];
  /** LSH band keys of `minhash`, indexed: records sharing one are same-story candidates. */
  bands?: string[];
  /** Id of the first record of its story group when another record tells the same story; else null. */
  storyId?: number | null;
  tags?: string[];
  readState?: ReadState;
  /** 1 when archived, 0 otherwise (numbers, because IndexedDB cannot index booleans). */
  archived?: 0 | 1;
  favourite?: 0 | 1;
  /** How many versions of the text were saved (1 = never changed). Older ones are in `versions`. */
  versionCount?: number;
  /**
   * −(capturedAt in ms): ascending order is newest first, so the popup's first page is one
   * getAll() instead of a reverse cursor stepping record by record (issue #5, first paint).
   * Absent on a deleted record (a tombstone), so the list and the count, read from this index,
   * leave tombstones out without reading them.
   */
  listOrder?: number;
  /**
   * ISO time the article was deleted: the record is a tombstone, hidden from every read (see
   * tombstone.ts) until the sweep after the Undo window really deletes it. Undo clears it. Kept
   * on the record until swept, so a sync can replicate the delete.
   */
  deletedAt?: string;
  /** A tombstone's image links, taken off (its images orphaned) and put back by Undo. */
  deletedImageLinks?: Omit<ImageLinkRecord, 'captureId'>[];
  /** The export it came from, when it was imported (issue #15). */
  importedFrom?: ImportFormat;
  /**
   * Highlights the other service exported with it (Omnivore, wallabag): kept as data on the
   * record until the library has highlights of its own, which will take them over.
   */
  importedHighlights?: ImportHighlight[];
}

/**
 * What a list row shows and sorts on, kept per live article in `captureRows` (v9, issue 17): the
 * popup and the library page read these, never whole records, so a page of rows costs a few KB
 * instead of every record's kept page and text. Written only by the capture-rows middleware, in the
 * same transaction as the record it sums up; `excerpt` is cut to what one row line can show.
 */
export type CaptureRow = Pick<
  CaptureRecord,
  | 'id'
  | 'listOrder'
  | 'title'
  | 'url'
  | 'siteName'
  | 'published'
  | 'capturedAt'
  | 'readingMinutes'
  | 'excerpt'
  | 'dir'
  | 'tags'
  | 'readState'
  | 'archived'
  | 'favourite'
  | 'versionCount'
  | 'completeness'
  | 'storyId'
>;

/**
 * A stored image, once per content (SHA-256 of the stored bytes) across the whole library
 * (issue #6). `orphanedAt` is set when the last capture using it goes away; the image is freed a
 * little later (so Undo of a delete still finds it), see storage/images.ts.
 */
export interface ImageRecord {
  hash: string;
  blob: Blob;
  type: string;
  bytes: number;
  width: number | null;
  height: number | null;
  storedAt: string;
  orphanedAt?: number;
}

/**
 * One image of one capture: the address it has in the capture's HTML (or lead image) → the stored
 * image, or why it could not be kept. A failure never fails the capture.
 */
export interface ImageLinkRecord {
  captureId: number;
  url: string;
  hash: string | null;
  /** Stored bytes (after any downscaling), and the original's when it was downscaled. */
  bytes?: number;
  originalBytes?: number;
  downscaled?: boolean;
  error?: string;
}

/** Where the reader was in an article, and whether it was read to the end. */
export interface ReadingRecord {
  captureId: number;
  /** Scrolled fraction of the article, 0..1. */
  progress: number;
  /** ISO time the reader reached the end; absent while unread. */
  readAt?: string;
  updatedAt: string;
}

/** An older text of a record, kept when the article changed at the same URL (issue #5). */
export interface VersionRecord {
  id?: number;
  captureId: number;
  /** 1 for the first text saved, 2 for the next, … (the record itself holds the newest). */
  number: number;
  /** When this text was saved (the record's updatedAt at the time). */
  savedAt: string;
  title: string;
  byline: string | null;
  published: string | null;
  modified: string | null;
  excerpt: string | null;
  contentHtml: string;
  textContent: string;
  wordCount: number;
  readingMinutes: number;
  fingerprint: string;
}

/**
 * The persisted MiniSearch index and the library generation it reflects: `packed` (issue 17, typed
 * arrays that load in a fraction of the time, core/library/search-index-pack.ts), or the JSON copy
 * saved before it (`minisearch`), still loaded once if current, and deleted when `packed` is saved.
 */
export type SearchIndexRecord = { key: 'minisearch'; generation: number; json: string } | { key: 'packed'; generation: number; packed: PackedIndex };

/**
 * Small named values: `generation` moves with every write transaction over the library's tables
 * (generation.ts), so a stale search index is noticed.
 */
export interface MetaRecord {
  key: string;
  value: number;
}

/** Library state the user changes from the popup (issue #5). */
export interface CapturePatch {
  tags?: string[];
  readState?: 'unread' | 'read';
  archived?: boolean;
  favourite?: boolean;
}

/** Where a page of an import is (issue #15): to do, being captured, or done one way or another. */
export type ImportState = 'waiting' | 'working' | 'captured' | 'already' | 'failed';

/** One page of an import: the export's item (its content, if any, is in `importPages`). */
export interface ImportQueueRecord {
  id?: number;
  url: string;
  /** host of `url`: one request at a time per host. */
  host: string;
  format: ImportFormat;
  item: Omit<ImportItem, 'contentHtml'>;
  /** The export carried the page (its HTML is in importPages under this row's id): no fetch. */
  hasContent: boolean;
  state: ImportState;
  /** Fetches tried so far. */
  attempts: number;
  /** Not before this time (ms): a retry after 429 / 5xx waits its backoff. */
  notBefore: number;
  addedAt: number;
  finishedAt?: number;
  failure?: ImportFailure;
  captureId?: number;
}

/** The HTML an export carried for a queued page (Omnivore, wallabag, saved pages). */
export interface ImportPageRecord {
  id: number;
  html: string;
}

/** Where the import queue stands (Options → Import's progress and report). */
export interface ImportStatus {
  captured: number;
  already: number;
  failed: number;
  /** Waiting or being captured. */
  left: number;
  paused: boolean;
  /** Seconds left at the pace so far; null before there is a pace. */
  etaSeconds: number | null;
  /** The failed pages and why (the report, its CSV). */
  failures: { url: string; kind: string; message: string }[];
  /** The earliest time (ms) a waiting page may start: when the runner should look again. */
  nextAt: number | null;
}

/**
 * One server document as this device last synced it (issue 14). `localKey` is `capture:<id>` or
 * `image:<hash>`. `base` is the merged capture document without its texts (they live in captures
 * and versions): the stamps local edits are measured against. `signature` sums up the local
 * record when it was last in step; a different one means a local change to push ('' = push).
 */
export interface SyncDocRecord {
  docId: string;
  localKey: string;
  base?: CaptureDoc;
  /** A highlight's merged document (issue #16); `localKey` is `highlight:<uuid>`, or `pending:<article doc id>` until its article arrives. */
  highlight?: HighlightDoc;
  signature: string;
  /** The server revision this device last wrote or applied: meeting it again in a pull is nothing new. */
  rev?: string;
}

/** Sync bookkeeping: the pull checkpoint (`since`). */
export interface SyncMetaRecord {
  key: string;
  value: string;
}

/**
 * A highlight of an article (issue #16, v6): its W3C selectors, colour and note (core/highlights).
 * Deleted, it stays as a tombstone (`deletedAt`) until the sweep after the Undo window.
 */
export interface HighlightRecord extends Highlight {
  deletedAt?: string;
}
