import { highlightSignature, highlightView, type HighlightDoc } from '../core/sync/highlight-doc';
import type { CleanCaptureDb } from './db';
import type { HighlightRecord } from './records';

/**
 * Highlights seen by sync (issues #14, #16): every highlight record (tombstones included) to
 * push, and a merged document written back as the record. Writes: the background's sync engine only.
 */

export async function readLocalHighlights(db: CleanCaptureDb): Promise<HighlightRecord[]> {
  return db.highlights.toArray();
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
