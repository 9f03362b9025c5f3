import { retagged } from '../core/library/tags';
import { cleanTags } from './captures';
import type { CleanCaptureDb } from './db';
import { isLive } from './tombstone';

/**
 * Rename, merge or delete a tag on the given records (the background finds them in its search
 * index), in one transaction: all of them change or none. Returns the ids that changed.
 */
export async function retagCaptures(db: CleanCaptureDb, ids: readonly number[], from: string, to: string | null): Promise<number[]> {
  const [source] = cleanTags([from]);
  const target = to === null ? null : (cleanTags([to])[0] ?? null);
  if (!source) return [];
  return db.transaction('rw', db.captures, async () => {
    const changed: number[] = [];
    for (const record of await db.captures.bulkGet([...ids])) {
      if (!isLive(record) || !record.tags?.includes(source)) continue;
      await db.captures.update(record.id!, { tags: retagged(record.tags, source, target) });
      changed.push(record.id!);
    }
    return changed;
  });
}
