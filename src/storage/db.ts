import Dexie, { type Table } from 'dexie';
import type { Capture } from '../core/capture';

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
}

export const DB_NAME = 'clean-capture';

/**
 * The only module that knows Dexie's schema. Every change is a new numbered version with an
 * upgrade() saying why; a shipped version is never edited (STYLE.md §5).
 */
export class CleanCaptureDb extends Dexie {
  captures!: Table<CaptureRecord, number>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1 (0.1.0): captures, found by any URL they were seen at (multi-entry), listed newest first.
    this.version(1).stores({
      captures: '++id, *urlKeys, capturedAt',
    });
  }
}

export function openDb(name: string = DB_NAME): CleanCaptureDb {
  return new CleanCaptureDb(name);
}
