import Dexie, { type Table, type Transaction } from 'dexie';
import type { Capture } from '../core/shared/capture';
import { generationMiddleware } from './generation';
import { migrateRecordToV2 } from './migrate-v2';
import { listUnlistedRecords } from './migrate-v5';

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
}

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

/** The persisted MiniSearch index and the library generation it reflects. */
export interface SearchIndexRecord {
  key: 'minisearch';
  generation: number;
  json: string;
}

/**
 * Small named values: `generation` moves with every write transaction over the library's tables
 * (generation.ts), so a stale search index is noticed.
 */
export interface MetaRecord {
  key: string;
  value: number;
}

export const DB_NAME = 'clean-capture';

/**
 * The only module that knows Dexie's schema. Every change is a new numbered version with an
 * upgrade() saying why; a shipped version is never edited (STYLE.md §5).
 */
export class CleanCaptureDb extends Dexie {
  captures!: Table<CaptureRecord, number>;
  images!: Table<ImageRecord, string>;
  imageLinks!: Table<ImageLinkRecord, [number, string]>;
  reading!: Table<ReadingRecord, number>;
  versions!: Table<VersionRecord, number>;
  searchIndex!: Table<SearchIndexRecord, string>;
  meta!: Table<MetaRecord, string>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1 (0.1.0): captures, found by any URL they were seen at (multi-entry), listed newest first.
    this.version(1).stores({
      captures: '++id, *urlKeys, capturedAt',
    });
    // v3 (issue #6): images kept offline, deduplicated by content hash across the library and
    // linked to captures (a capture's links by captureId; who still uses an image by hash; orphans
    // by orphanedAt for the delayed free), and reading progress per capture. New tables only:
    // nothing to move, so no upgrade(). (v2 belongs to another feature.)
    this.version(3).stores({
      images: 'hash, orphanedAt',
      imageLinks: '[captureId+url], captureId, hash',
      reading: 'captureId',
    });
    // v4 (issues #4, #7): image links found by address too, so an export can pack the stored copy
    // of every image its Markdown names. An added index only: Dexie builds it, nothing to move.
    this.version(4).stores({
      imageLinks: '[captureId+url], captureId, hash, url',
    });
    // v2 (issue #5): dedupe by content fingerprint, same-story candidates by LSH band, story groups,
    // older versions of a changed article, the persisted search index and a write generation.
    // The upgrade re-keys URLs (AMP/www/more tracking parameters), signs every text and sets the
    // library state (unread, not archived, no tags) on records saved by v1.
    this.version(2)
      .stores({
        captures: '++id, *urlKeys, capturedAt, fingerprint, *bands, storyId, listOrder',
        versions: '++id, captureId',
        searchIndex: 'key',
        meta: 'key',
      })
      .upgrade(async (tx: Transaction) => {
        await tx.table('captures').toCollection().modify((record: CaptureRecord) => {
          migrateRecordToV2(record);
        });
      });
    // v5: delete leaves a tombstone (`deletedAt`) until the sweep after the Undo window, instead of
    // sending the whole record to the popup for Undo (a large kept page could not travel back in a
    // message). Tombstones are found by deletedAt for the sweep; a live record is exactly one in the
    // listOrder index, so the upgrade gives a place there to any record without one (rows restored
    // from a backup made before v2 were stored without it, and never listed).
    this.version(5)
      .stores({
        captures: '++id, *urlKeys, capturedAt, fingerprint, *bands, storyId, listOrder, deletedAt',
      })
      .upgrade((tx: Transaction) => listUnlistedRecords(tx.table('captures')));
    // Every write to the library moves the write generation in its own transaction (generation.ts).
    this.use(generationMiddleware);
  }
}

export function openDb(name: string = DB_NAME): CleanCaptureDb {
  return new CleanCaptureDb(name);
}
