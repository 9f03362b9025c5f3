import { SAME_STORY_THRESHOLD, similarity } from '../core/library/fingerprint';
import type { CleanCaptureDb } from './db';
import type { CaptureRecord } from './records';
import type { Signed } from './record-fields';
import { isLive } from './tombstone';

/**
 * What a new capture is, relative to the library (issue #5), decided from indexes only:
 * - `same`: a record has one of its URLs (same text) or exactly its text (another URL) → one record;
 * - `version`: a record has one of its URLs but the text changed → a new version of that record;
 * - `new`, with `story` when another record tells the same story (MinHash ≥ threshold).
 * Call it inside the write transaction, so the decision and the write are one step.
 */
export type Decision =
  | { kind: 'same'; record: CaptureRecord; by: 'url' | 'fingerprint' }
  | { kind: 'version'; record: CaptureRecord }
  | { kind: 'new'; story: { record: CaptureRecord; similarity: number } | null };

export async function decide(db: CleanCaptureDb, signed: Signed, selectionOnly: boolean): Promise<Decision> {
  // Tombstones are not the library: a deleted page saved again is a new record (its tombstone
  // stays until the sweep, and Undo of its delete then answers the new record).
  const byUrl = signed.keys.length
    ? await db.captures
        .where('urlKeys')
        .anyOf(signed.keys)
        .filter((r) => isLive(r))
        .first()
    : undefined;
  if (byUrl) return byUrl.fingerprint === signed.fingerprint ? { kind: 'same', record: byUrl, by: 'url' } : { kind: 'version', record: byUrl };
  // A selection is never merged with, or grouped under, a whole article.
  if (selectionOnly) return { kind: 'new', story: null };
  const byText = (await db.captures.where('fingerprint').equals(signed.fingerprint).toArray()).find((r) => !r.selectionOnly && isLive(r));
  if (byText) return { kind: 'same', record: byText, by: 'fingerprint' };
  return { kind: 'new', story: await sameStory(db, signed) };
}

const MAX_CANDIDATES = 16;

/** The most similar record sharing an LSH band, when it reaches the threshold. */
export async function sameStory(db: CleanCaptureDb, signed: Signed): Promise<{ record: CaptureRecord; similarity: number } | null> {
  if (!signed.bands.length) return null;
  let best: { record: CaptureRecord; similarity: number } | null = null;
  // Ids from the index alone (one per shared band); only the candidates sharing the most bands
  // are read whole, so a library of look-alike pages cannot make a save slow.
  const shared = new Map<number, number>();
  // One getAllKeys per band, issued together (anyOf would walk a cursor, a round trip per step).
  const perBand = await Promise.all(signed.bands.map((band) => db.captures.where('bands').equals(band).primaryKeys()));
  for (const id of perBand.flat()) shared.set(id, (shared.get(id) ?? 0) + 1);
  const ids = [...shared]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CANDIDATES)
    .map(([id]) => id);
  for (const record of await db.captures.bulkGet(ids)) {
    if (!isLive(record) || !record.minhash || record.selectionOnly) continue;
    const score = similarity(signed.minhash, record.minhash);
    if (score >= SAME_STORY_THRESHOLD && (!best || score > best.similarity)) best = { record, similarity: score };
  }
  return best;
}
