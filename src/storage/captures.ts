import type { Capture } from '../core/shared/capture';
import type { CleanCaptureDb } from './db';
import type { CapturePatch, CaptureRecord, ReadingRecord, VersionRecord } from './records';
import { decide } from './dedupe';
import { newCaptureRecord, signCapture } from './record-fields';
import { isLive } from './tombstone';

/** Writes to the library's articles: the background's only (reads are in capture-queries.ts). */

export type SaveStatus = 'saved' | 'already-saved' | 'updated';

export interface SaveResult {
  status: SaveStatus;
  record: CaptureRecord;
  /** For a new record: another record telling the same story (never merged, only grouped). */
  sameStoryAs: CaptureRecord | null;
}

/**
 * A save that brings its own record: an import (issue #15), whose record keeps what the other
 * service knew (storage/import-record.ts builds it). It is added in place of a fresh save's record,
 * with its reading position in the same transaction; a page already in the library is left as it
 * is (an import never rewrites an article the user has, even when its text changed).
 */
export interface ImportedSave {
  record: CaptureRecord;
  reading: Omit<ReadingRecord, 'captureId'> | null;
}

/** The text fields an older version keeps. */
function versionOf(record: CaptureRecord, number: number): VersionRecord {
  return {
    captureId: record.id!,
    number,
    savedAt: record.updatedAt,
    title: record.title,
    byline: record.byline,
    published: record.published,
    modified: record.modified,
    excerpt: record.excerpt,
    contentHtml: record.contentHtml,
    textContent: record.textContent,
    wordCount: record.wordCount,
    readingMinutes: record.readingMinutes,
    fingerprint: record.fingerprint,
  };
}

/**
 * Save a capture: new record, already saved (same URL or same text: the address is kept as an
 * alias), a new version (same URL, changed text: the older text goes to `versions`), or a new
 * record grouped with the same story found elsewhere. Decision and write are one read-write
 * transaction, so double clicks and two tabs of one page still leave one record.
 */
export async function saveCapture(db: CleanCaptureDb, capture: Capture, now: Date = new Date(), imported?: ImportedSave): Promise<SaveResult> {
  const signed = signCapture(capture);
  const at = now.toISOString();
  return db.transaction('rw', imported ? [db.captures, db.versions, db.reading] : [db.captures, db.versions], async () => {
    const decision = await decide(db, signed, capture.selectionOnly);
    if (decision.kind === 'new') {
      const story = decision.story?.record ?? null;
      const storyId = story ? (story.storyId ?? story.id!) : null;
      const record: CaptureRecord = { ...(imported ? imported.record : newCaptureRecord(capture, signed, at, at)), storyId };
      record.id = await db.captures.add(record);
      if (imported?.reading) await db.reading.put({ ...imported.reading, captureId: record.id });
      if (story && story.storyId == null) await db.captures.update(story.id!, { storyId });
      return { status: 'saved' as const, record, sameStoryAs: story };
    }
    const existing = decision.record;
    const urlKeys = [...new Set([...existing.urlKeys, ...signed.keys, ...(imported?.record.urlKeys ?? [])])];
    if (decision.kind === 'same' || imported) {
      if (urlKeys.length !== existing.urlKeys.length) await db.captures.update(existing.id!, { urlKeys });
      return { status: 'already-saved' as const, record: { ...existing, urlKeys }, sameStoryAs: null };
    }
    // The article changed at the same address: the newest text becomes the record, the older one a version.
    const count = existing.versionCount ?? 1;
    await db.versions.add(versionOf(existing, count));
    const record: CaptureRecord = {
      ...existing,
      ...capture,
      urlKeys,
      fingerprint: signed.fingerprint,
      minhash: signed.minhash,
      bands: signed.bands,
      updatedAt: at,
      id: existing.id,
      capturedAt: existing.capturedAt,
      versionCount: count + 1,
      // A changed article is worth reading again.
      readState: 'unread',
    };
    await db.captures.put(record);
    return { status: 'updated' as const, record, sameStoryAs: null };
  });
}

/** Tags as typed: trimmed, lower-cased, no empties or duplicates, at most 40 characters each. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, 40)).filter(Boolean))];
}

export async function updateCapture(db: CleanCaptureDb, id: number, patch: CapturePatch): Promise<CaptureRecord | undefined> {
  return db.transaction('rw', db.captures, async () => {
    const record = await db.captures.get(id);
    if (!isLive(record)) return undefined;
    const changes: Partial<CaptureRecord> = {};
    // Patches arrive as messages: take only well-formed values.
    if (Array.isArray(patch.tags)) changes.tags = cleanTags(patch.tags.filter((t): t is string => typeof t === 'string'));
    if (patch.readState === 'read' || patch.readState === 'unread') changes.readState = patch.readState;
    if (patch.archived !== undefined) changes.archived = patch.archived ? 1 : 0;
    if (patch.favourite !== undefined) changes.favourite = patch.favourite ? 1 : 0;
    await db.captures.update(id, changes);
    return { ...record, ...changes };
  });
}
