import { SAME_STORY_THRESHOLD, similarity } from '../core/fingerprint';
import type { CaptureRecord, CleanCaptureDb } from './db';
import type { Signed } from './record-fields';

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
  const byUrl = signed.keys.length ? await db.captures.where('urlKeys').anyOf(signed.keys).first() : undefined;
  if (byUrl) return byUrl.fingerprint === signed.fingerprint ? { kind: 'same', record: byUrl, by: 'url' } : { kind: 'version', record: byUrl };
  // A selection is never merged with, or grouped under, a whole article.
  if (selectionOnly) return { kind: 'new', story: null };
  const byText = await db.captures.where('fingerprint').equals(signed.fingerprint).and((r) => !r.selectionOnly).first();
  if (byText) return { kind: 'same', record: byText, by: 'fingerprint' };
  return { kind: 'new', story: await sameStory(db, signed) };
}

/** The most similar record sharing an LSH band, when it reaches the threshold. */
export async function sameStory(db: CleanCaptureDb, signed: Signed): Promise<{ record: CaptureRecord; similarity: number } | null> {
  if (!signed.bands.length) return null;
  let best: { record: CaptureRecord; similarity: number } | null = null;
  await db.captures
    .where('bands')
    .anyOf(signed.bands)
    .distinct()
    .each((record) => {
      if (!record.minhash || record.selectionOnly) return;
      const score = similarity(signed.minhash, record.minhash);
      if (score >= SAME_STORY_THRESHOLD && (!best || score > best.similarity)) best = { record, similarity: score };
    });
  return best;
}
