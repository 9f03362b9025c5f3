import Dexie, { type Table } from 'dexie';
import { captureRowsMiddleware } from './capture-rows';
import { generationMiddleware } from './generation';
import { syncChangesMiddleware } from './sync-changes';
import * as v1 from './migrations/v1';
import * as v2 from './migrations/v2';
import * as v3 from './migrations/v3';
import * as v4 from './migrations/v4';
import * as v5 from './migrations/v5';
import * as v6 from './migrations/v6';
import * as v7 from './migrations/v7';
import * as v8 from './migrations/v8';
import * as v9 from './migrations/v9';
import type {
  CaptureRecord,
  CaptureRow,
  HighlightRecord,
  ImageLinkRecord,
  ImageRecord,
  ImportPageRecord,
  ImportQueueRecord,
  MetaRecord,
  ReadingRecord,
  SearchIndexRecord,
  SyncDocRecord,
  SyncMetaRecord,
  VersionRecord,
} from './records';

export const DB_NAME = 'clean-capture';

/**
 * The only module that knows Dexie's schema. Every change is a new numbered version, one file per
 * version under migrations/ saying why it exists, with an upgrade() when records must change; a
 * shipped version is never edited (STYLE.md §5).
 */
export class CleanCaptureDb extends Dexie {
  captures!: Table<CaptureRecord, number>;
  images!: Table<ImageRecord, string>;
  imageLinks!: Table<ImageLinkRecord, [number, string]>;
  reading!: Table<ReadingRecord, number>;
  versions!: Table<VersionRecord, number>;
  searchIndex!: Table<SearchIndexRecord, string>;
  meta!: Table<MetaRecord, string>;
  highlights!: Table<HighlightRecord, string>;
  importQueue!: Table<ImportQueueRecord, number>;
  importPages!: Table<ImportPageRecord, number>;
  syncDocs!: Table<SyncDocRecord, string>;
  syncMeta!: Table<SyncMetaRecord, string>;
  captureRows!: Table<CaptureRow, number>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // In version order (Dexie applies them by number, whatever the order they are declared in).
    this.version(1).stores(v1.stores);
    this.version(2).stores(v2.stores).upgrade(v2.upgrade);
    this.version(3).stores(v3.stores);
    this.version(4).stores(v4.stores);
    this.version(5).stores(v5.stores).upgrade(v5.upgrade);
    this.version(6).stores(v6.stores);
    this.version(7).stores(v7.stores);
    this.version(8).stores(v8.stores);
    this.version(9).stores(v9.stores).upgrade(v9.upgrade);
    // Every write to the library moves the write generation in its own transaction (generation.ts).
    this.use(generationMiddleware);
    // …and names the article or highlight it changed in sync's change log (sync-changes.ts).
    this.use(syncChangesMiddleware);
    // Every write to captures writes its list row too, in the same transaction (capture-rows.ts).
    this.use(captureRowsMiddleware);
  }
}

export function openDb(name: string = DB_NAME): CleanCaptureDb {
  return new CleanCaptureDb(name);
}
