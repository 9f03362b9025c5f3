import { highlightSignature, highlightView, type HighlightDoc } from '../core/sync/highlight-doc';
import type { CleanCaptureDb } from './db';
import type { HighlightRecord } from './records';

/**
 * Highlights seen by sync (issues #14, #16): every highlight record (tombstones included) to
 * push, and a merged document written back as the record. Writes: the background's sync engine only.
 */

/** Highlights, tombstones included: all of them, or those of `ids` (what the change log names). */
export async function readLocalHighlights(db: CleanCaptureDb, ids?: string[]): Promise<HighlightRecord[]> {
  if (!ids) return db.highlights.toArray();
  return (await db.highlights.bulkGet(ids)).filter((h): h is HighlightRecord => h !== undefined);
}

/** Every highlight's id (keys only: cheap): those sync never sent are pushed. */
export async function allHighlightIds(db: CleanCaptureDb): Promise<string[]> {
  return (await db.highlights.toCollection().primaryKeys()) as string[];
}

export async function readLocalHighlight(db: CleanCaptureDb, id: string): Promise<HighlightRecord | undefined> {
  return db.highlights.get(id);
}

/**
 * Write a merged highlight onto the article `captureId`: created, edited, or made a tombstone (a
 * deleted document creates nothing). Returns the stored record's sync signature ('' when nothing is
 * stored), so the next round sees it as in step.
 */
export async function applyHighlightDoc(db: CleanCaptureDb, doc: HighlightDoc, captureId: number): Promise<string> {
  const view = highlightView(doc);
  return db.transaction('rw', db.highlights, async () => {
    const existing = await db.highlights.get(doc.id);
    if (view.deletedAt !== undefined && !existing) return '';
    // A tombstone keeps its text until the sweep, so Undo on this device still works.
    const record: HighlightRecord = { ...view, captureId };
    await db.highlights.put(record);
    return highlightSignature(record);
  });
}
