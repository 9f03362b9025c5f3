import { DEFAULT_HIGHLIGHT_COLOR, isHighlightColor, MAX_NOTE_CHARS, MAX_QUOTE_CHARS, type HighlightColor } from '../core/highlights/highlight';
import type { AnchoredImport } from '../core/highlights/anchor-imported';
import { CaptureError } from '../core/shared/errors';
import type { CleanCaptureDb } from './db';
import type { HighlightRecord } from './records';
import { isLive } from './tombstone';

/** Writes to the highlights table (issue #16): the background only. Reads are in highlight-queries.ts. */

export interface NewHighlight {
  captureId: number;
  exact: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
  color?: HighlightColor;
  note?: string;
}

export interface HighlightPatch {
  color?: HighlightColor;
  note?: string;
}

/** Untrusted input (a message) checked before anything is stored: bad input never changes saved data. */
function checkedNote(note: unknown): string {
  if (note === undefined) return '';
  if (typeof note !== 'string') throw new CaptureError('bad-input', 'A note must be text.');
  if (note.length > MAX_NOTE_CHARS) throw new CaptureError('bad-input', `A note can hold up to ${MAX_NOTE_CHARS} characters; this one has ${note.length}.`);
  return note;
}

function checkedColor(color: unknown): HighlightColor {
  if (color === undefined) return DEFAULT_HIGHLIGHT_COLOR;
  if (!isHighlightColor(color)) throw new CaptureError('bad-input', `Unknown highlight colour "${String(color)}" (yellow, green, blue or pink).`);
  return color;
}

const text = (value: unknown, cap: number) => (typeof value === 'string' ? value.slice(0, cap) : '');
const offset = (value: unknown) => (Number.isInteger(value) && (value as number) >= 0 ? (value as number) : undefined);

export async function addHighlight(db: CleanCaptureDb, input: NewHighlight, now = new Date(), id: string = crypto.randomUUID()): Promise<HighlightRecord> {
  if (typeof input.exact !== 'string' || !input.exact.trim()) throw new CaptureError('bad-input', 'Select some text of the article to highlight.');
  if (input.exact.length > MAX_QUOTE_CHARS)
    throw new CaptureError('bad-input', `A highlight can hold up to ${MAX_QUOTE_CHARS} characters; select a shorter passage.`);
  const at = now.toISOString();
  const start = offset(input.start);
  const end = offset(input.end);
  const record: HighlightRecord = {
    id,
    captureId: Number(input.captureId),
    exact: input.exact,
    prefix: text(input.prefix, 200),
    suffix: text(input.suffix, 200),
    ...(start !== undefined && end !== undefined && end > start ? { start, end } : {}),
    color: checkedColor(input.color),
    note: checkedNote(input.note),
    createdAt: at,
    updatedAt: at,
  };
  return db.transaction('rw', [db.captures, db.highlights], async () => {
    if (!isLive(await db.captures.get(record.captureId)))
      throw new CaptureError('not-found', 'This article is not in your library any more (it may have been deleted).');
    await db.highlights.add(record);
    return record;
  });
}

/** Recolour or change the note; the highlight as it is now, null when there is no such live highlight. */
export async function updateHighlight(db: CleanCaptureDb, id: string, patch: HighlightPatch, now = new Date()): Promise<HighlightRecord | null> {
  const changes: Partial<HighlightRecord> = { updatedAt: now.toISOString() };
  if (patch.color !== undefined) changes.color = checkedColor(patch.color);
  if (patch.note !== undefined) changes.note = checkedNote(patch.note);
  return db.transaction('rw', db.highlights, async () => {
    const current = await db.highlights.get(String(id));
    if (!current || current.deletedAt !== undefined) return null;
    const next = { ...current, ...changes };
    await db.highlights.put(next);
    return next;
  });
}

/** Delete as a tombstone (Undo brings it back; the sweep removes it after the Undo window). */
export async function deleteHighlight(db: CleanCaptureDb, id: string, now = new Date()): Promise<boolean> {
  return db.transaction('rw', db.highlights, async () => {
    const current = await db.highlights.get(String(id));
    if (!current || current.deletedAt !== undefined) return false;
    const at = now.toISOString();
    await db.highlights.put({ ...current, deletedAt: at, updatedAt: at });
    return true;
  });
}

export async function restoreHighlight(db: CleanCaptureDb, id: string, now = new Date()): Promise<HighlightRecord> {
  return db.transaction('rw', db.highlights, async () => {
    const current = await db.highlights.get(String(id));
    if (!current) throw new CaptureError('not-found', 'This highlight was deleted for good and cannot be brought back.');
    const { deletedAt: _gone, ...rest } = current;
    const revived = { ...rest, updatedAt: now.toISOString() };
    await db.highlights.put(revived);
    return revived;
  });
}

/** The sweep: highlight tombstones past the Undo window, and the highlights of articles deleted for good. */
export async function sweepHighlights(db: CleanCaptureDb, cutoffIso: string, purgedCaptureIds: number[]): Promise<number> {
  return db.transaction('rw', db.highlights, async () => {
    const expired = await db.highlights.where('deletedAt').belowOrEqual(cutoffIso).delete();
    const orphaned = purgedCaptureIds.length ? await db.highlights.where('captureId').anyOf(purgedCaptureIds).delete() : 0;
    return expired + orphaned;
  });
}

/** The quote as compared for "already there": white space differs between an export and the article. */
const sameWords = (quote: string) => quote.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Store an import's highlights on an article (issue #15/#16), each anchored by
 * anchorImportedHighlights. One already on the article with the same words (live or deleted within
 * the Undo window) is not added again, so importing the same file twice adds nothing and an
 * imported highlight the user deleted does not come back. Runs inside the caller's transaction when
 * there is one (the import's save), so a page and its highlights are saved together. The count added.
 */
export async function addImportedHighlights(db: CleanCaptureDb, captureId: number, anchored: readonly AnchoredImport[]): Promise<number> {
  if (!anchored.length) return 0;
  return db.transaction('rw', [db.captures, db.highlights], async () => {
    const present = new Set((await db.highlights.where('captureId').equals(captureId).toArray()).map((h) => sameWords(h.exact)));
    let added = 0;
    for (const h of anchored) {
      const key = sameWords(h.exact);
      if (present.has(key)) continue;
      present.add(key);
      const created = new Date(h.createdAt);
      await addHighlight(db, { captureId, ...h }, Number.isNaN(created.getTime()) ? new Date() : created);
      added++;
    }
    return added;
  });
}
