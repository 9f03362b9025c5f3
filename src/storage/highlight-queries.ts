import type { CleanCaptureDb } from './db';
import type { HighlightRecord } from './records';
import { isLive } from './tombstone';

/** Read-only queries over highlights, for every context (writes are in highlights.ts, background only). */

const liveHighlight = (h: HighlightRecord) => h.deletedAt === undefined;

/** An article's highlights, oldest first (the order they are marked in), tombstones left out. */
export async function highlightsOf(db: CleanCaptureDb, captureId: number): Promise<HighlightRecord[]> {
  const all = await db.highlights.where('captureId').equals(captureId).filter(liveHighlight).toArray();
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Every highlight of a live article, newest first (the Highlights view). */
export async function allHighlights(db: CleanCaptureDb): Promise<HighlightRecord[]> {
  const newestFirst = await db.highlights.orderBy('createdAt').reverse().filter(liveHighlight).toArray();
  const ids = [...new Set(newestFirst.map((h) => h.captureId))];
  const live = new Set((await db.captures.bulkGet(ids)).filter(isLive).map((r) => r.id!));
  return newestFirst.filter((h) => live.has(h.captureId));
}

/** How many live highlights each of these articles has (the library rows' count). */
export async function highlightCounts(db: CleanCaptureDb, captureIds: number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  await db.highlights
    .where('captureId')
    .anyOf(captureIds)
    .filter(liveHighlight)
    .each((h) => counts.set(h.captureId, (counts.get(h.captureId) ?? 0) + 1));
  return counts;
}
