import type MiniSearch from 'minisearch';
import {
  createIndex,
  indexTags,
  isCurrentIndexJson,
  loadIndex,
  searchDocOf,
  searchIndex,
  type LibrarySort,
  type SearchDoc,
  type SearchFilters,
  type SearchHit,
} from '../core/library/search-index';
import { isCurrentPack, packIndex, unpackIndex } from '../core/library/search-index-pack';
import { countTags, type TagCount } from '../core/library/tags';
import type { CleanCaptureDb } from '../storage/db';
import { countCaptures } from '../storage/capture-queries';
import { readGeneration } from '../storage/generation';
import { isLive } from '../storage/tombstone';

/** More than any library holds: every article with a tag. */
export const ALL_TAGGED = 1_000_000;

/** Saving the index (≈ 10 MB of typed arrays for 10,000 articles) blocks the worker for a moment: wait for a pause. */
const PERSIST_DELAY_MS = 5000;

/**
 * The background's full-text index (issue #5): loaded from its persisted copy when that copy is
 * as new as the library (same write generation and document count), rebuilt otherwise; kept up to
 * date one record at a time after each write; persisted a moment after the last change.
 * All operations run one after another, so an update never interleaves with a rebuild.
 */
export class SearchService {
  private index: MiniSearch<SearchDoc> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private persistTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly db: CleanCaptureDb) {}

  private run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => {});
    return next;
  }

  private async ensure(): Promise<MiniSearch<SearchDoc>> {
    if (this.index) return this.index;
    return (this.index = (await this.loadSaved()) ?? (await this.rebuild()));
  }

  /**
   * The saved copy when it is as new as the library: same write generation and document count,
   * this build's layout and fields. The packed copy first (issue 17: it answers a cold search at
   * 10,000 articles in a few hundred ms); else a JSON copy saved by an older version, once.
   */
  private async loadSaved(): Promise<MiniSearch<SearchDoc> | null> {
    const [packed, generation, count] = await Promise.all([this.db.searchIndex.get('packed'), readGeneration(this.db), countCaptures(this.db)]);
    try {
      if (packed?.key === 'packed' && packed.generation === generation && isCurrentPack(packed.packed) && packed.packed.documentCount === count) {
        return unpackIndex(packed.packed);
      }
      const saved = packed ? undefined : await this.db.searchIndex.get('minisearch');
      if (saved?.key === 'minisearch' && saved.generation === generation && isCurrentIndexJson(saved.json, count)) {
        const loaded = loadIndex(saved.json);
        if (loaded.documentCount === count) return loaded;
      }
    } catch {
      // a damaged copy: rebuilt
    }
    return null;
  }

  private async rebuild(): Promise<MiniSearch<SearchDoc>> {
    const index = createIndex();
    const batch: SearchDoc[] = [];
    const highlights = await highlightTextByCapture(this.db);
    await this.db.captures.each((record) => void (isLive(record) && batch.push(searchDocOf({ ...record, highlightText: highlights.get(record.id!) }))));
    index.addAll(batch);
    this.index = index;
    this.schedulePersist();
    return index;
  }

  search(query: string, filters?: SearchFilters, limit?: number, sort?: LibrarySort): Promise<SearchHit[]> {
    return this.run(async () => searchIndex(await this.ensure(), query, filters, limit, sort));
  }

  /** Every tag with its count, from the index's stored fields (issue 17). */
  tags(): Promise<TagCount[]> {
    return this.run(async () => countTags(indexTags(await this.ensure())));
  }

  /** After a record was added, changed or brought back (a deleted one is taken out). */
  upsert(id: number): Promise<void> {
    return this.run(async () => {
      const index = await this.ensure();
      const record = await this.db.captures.get(id);
      if (index.has(id)) index.discard(id);
      if (isLive(record)) index.add(searchDocOf({ ...record, highlightText: (await highlightTextByCapture(this.db, id)).get(id) }));
      this.schedulePersist();
    });
  }

  /** After a record was deleted (it is a tombstone, or gone). */
  remove(id: number): Promise<void> {
    return this.run(async () => {
      const index = await this.ensure();
      if (index.has(id)) index.discard(id);
      this.schedulePersist();
    });
  }

  /** After many records changed at once (a restored backup): rebuilt from the library. */
  reindexAll(): Promise<void> {
    return this.run(async () => void (await this.rebuild()));
  }

  private schedulePersist(): void {
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => void this.run(() => this.persist()).catch(() => {}), PERSIST_DELAY_MS);
  }

  private async persist(): Promise<void> {
    if (!this.index) return;
    const generation = await readGeneration(this.db);
    const packed = packIndex(this.index);
    await this.db.transaction('rw', this.db.searchIndex, async () => {
      await this.db.searchIndex.put({ key: 'packed', generation, packed });
      await this.db.searchIndex.delete('minisearch');
    });
  }
}

/** Each article's highlighted passages and notes as one text (issue #16), for one article or all. */
async function highlightTextByCapture(db: CleanCaptureDb, captureId?: number): Promise<Map<number, string>> {
  const rows = await (captureId === undefined ? db.highlights.toCollection() : db.highlights.where('captureId').equals(captureId))
    .filter((h) => h.deletedAt === undefined)
    .toArray();
  const texts = new Map<number, string>();
  for (const h of rows) texts.set(h.captureId, `${texts.get(h.captureId) ?? ''} ${h.exact} ${h.note}`.trim());
  return texts;
}
