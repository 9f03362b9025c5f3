import type { ImportFailure } from '../core/import/fetch-policy';
import type { ImportFormat, ImportItem } from '../core/import/import-item';
import type { Capture } from '../core/shared/capture';
import { anchorImportedHighlights } from '../core/highlights/anchor-imported';
import { saveCapture } from './captures';
import { addImportedHighlights } from './highlights';
import { isLive } from './tombstone';
import type { CleanCaptureDb } from './db';
import { importedRecord } from './import-record';
import type { ImportQueueRecord, ImportState, ImportStatus } from './records';

export type { ImportStatus };

/**
 * The import queue's writes (issue #15): the background's only. Each step is one transaction, so
 * a worker stopped at any point leaves every page either still to do or done, never both:
 * the capture and the row's "captured" are written together.
 */

const PAUSED = 'import.paused';
/** Waiting rows looked at to find the next page whose turn it is. */
const LOOK_AHEAD = 200;
const STARTED = 'import.startedAt';

/**
 * Queue an export's items. `fresh` (the first batch of a new import) clears what the last import
 * left (its finished rows and report). A page already waiting is not queued twice.
 */
export async function enqueueImport(db: CleanCaptureDb, format: ImportFormat, items: ImportItem[], fresh: boolean, now = Date.now()): Promise<number> {
  return db.transaction('rw', [db.importQueue, db.importPages, db.meta], async () => {
    if (fresh) {
      const finished = await db.importQueue.where('state').anyOf(['captured', 'already', 'failed']).primaryKeys();
      await db.importQueue.bulkDelete(finished);
      await db.importPages.bulkDelete(finished);
      const pending = await db.importQueue.where('state').anyOf(['waiting', 'working']).count();
      if (!pending) await db.meta.put({ key: STARTED, value: now });
      await db.meta.put({ key: PAUSED, value: 0 });
    }
    const queued = new Set((await db.importQueue.where('state').anyOf(['waiting', 'working']).toArray()).map((r) => r.url));
    let added = 0;
    for (const { contentHtml, ...item } of items) {
      if (queued.has(item.url)) continue;
      queued.add(item.url);
      const id = await db.importQueue.add({
        url: item.url,
        host: new URL(item.url).host,
        format,
        item,
        hasContent: contentHtml !== null,
        state: 'waiting',
        attempts: 0,
        notBefore: 0,
        addedAt: now,
      });
      if (contentHtml !== null) await db.importPages.put({ id, html: contentHtml });
      added++;
    }
    return added;
  });
}

/** After a restart: a page that was being captured when the worker stopped is to do again. */
export async function requeueInterrupted(db: CleanCaptureDb): Promise<number> {
  return db.importQueue.where('state').equals('working').modify({ state: 'waiting' });
}

/**
 * The next page whose turn it is (its backoff over, its host not busy), marked working; with the
 * HTML its export carried. Null when none can start now.
 */
export async function takeNext(
  db: CleanCaptureDb,
  busyHosts: ReadonlySet<string>,
  now = Date.now(),
): Promise<{ row: ImportQueueRecord; html: string | null } | null> {
  return db.transaction('rw', [db.importQueue, db.importPages, db.meta], async () => {
    if ((await db.meta.get(PAUSED))?.value === 1) return null;
    // Only the head of the queue is looked at: scanning every waiting row for each page made a
    // 1,000-page import of one busy site quadratic. A page further down waits until it gets there.
    const head = await db.importQueue.where('state').equals('waiting').limit(LOOK_AHEAD).toArray();
    const row = head.find((r) => r.notBefore <= now && !busyHosts.has(r.host));
    if (!row) return null;
    await db.importQueue.update(row.id!, { state: 'working' });
    const html = row.hasContent ? ((await db.importPages.get(row.id!))?.html ?? null) : null;
    return { row: { ...row, state: 'working' }, html };
  });
}

/** Try again at `notBefore` (a 429 or 5xx). */
export async function retryLater(db: CleanCaptureDb, id: number, attempts: number, notBefore: number): Promise<void> {
  await db.importQueue.update(id, { state: 'waiting', attempts, notBefore });
}

export async function markFailed(db: CleanCaptureDb, id: number, failure: ImportFailure, attempts: number, now = Date.now()): Promise<void> {
  await db.importQueue.update(id, { state: 'failed', failure, attempts, finishedAt: now });
}

export type ImportSaveStatus = 'captured' | 'already';

/**
 * Save a queued page's capture with what the export said about it, deduplicated as any save (an
 * address or a text already in the library adds nothing), and mark the row done, in one
 * transaction. The export's highlights become anchored highlights of the article saved, or of the
 * one already in the library (once: the same highlight is not added twice); `highlights` counts
 * those added.
 */
export async function saveImported(
  db: CleanCaptureDb,
  row: ImportQueueRecord,
  capture: Capture,
  rawHtmlGzip: Uint8Array | undefined,
  now = new Date(),
): Promise<{ status: ImportSaveStatus; id: number; highlights: number }> {
  return db.transaction('rw', [db.captures, db.versions, db.reading, db.importQueue, db.importPages, db.highlights], async () => {
    const kept = { ...capture, url: row.url };
    // The highlights go to the highlights table, not onto the record (old records may still carry importedHighlights).
    const imported = importedRecord(kept, { ...row.item, contentHtml: null, highlights: [] }, row.format, now, rawHtmlGzip);
    // Deduplicated and grouped with the same story like any save; an article already kept is left as it is.
    const saved = await saveCapture(db, kept, now, imported);
    const status: ImportSaveStatus = saved.status === 'saved' ? 'captured' : 'already';
    const id = saved.record.id!;
    const articleText = saved.record.textContent;
    const fallbackTime = status === 'captured' ? saved.record.capturedAt : (row.item.savedAt ?? now.toISOString());
    const highlights = await addImportedHighlights(db, id, anchorImportedHighlights(articleText, row.item.highlights ?? [], fallbackTime));
    await db.importQueue.update(row.id!, { state: status, captureId: id, finishedAt: now.getTime(), attempts: row.attempts + (row.hasContent ? 0 : 1) });
    await db.importPages.delete(row.id!);
    return { status, id, highlights };
  });
}

/**
 * An address already in the library: nothing to fetch (importing the same file twice adds
 * nothing), but the export's highlights the article does not have yet are added to it. The count
 * of highlights added.
 */
export async function markAlready(db: CleanCaptureDb, id: number, captureId: number, now = Date.now()): Promise<number> {
  return db.transaction('rw', [db.importQueue, db.importPages, db.captures, db.highlights], async () => {
    const row = await db.importQueue.get(id);
    const article = await db.captures.get(captureId);
    const carried = row?.item.highlights ?? [];
    const fallbackTime = row?.item.savedAt ?? new Date(now).toISOString();
    const added =
      carried.length && isLive(article) ? await addImportedHighlights(db, captureId, anchorImportedHighlights(article.textContent, carried, fallbackTime)) : 0;
    await db.importQueue.update(id, { state: 'already', captureId, finishedAt: now });
    await db.importPages.delete(id);
    return added;
  });
}

export async function setImportPaused(db: CleanCaptureDb, paused: boolean): Promise<void> {
  await db.meta.put({ key: PAUSED, value: paused ? 1 : 0 });
}

/** Cancel: the pages not captured yet leave the queue (what was captured stays in the library). */
export async function cancelImport(db: CleanCaptureDb): Promise<number> {
  return db.transaction('rw', [db.importQueue, db.importPages, db.meta], async () => {
    const waiting = await db.importQueue.where('state').equals('waiting').primaryKeys();
    await db.importQueue.bulkDelete(waiting);
    await db.importPages.bulkDelete(waiting);
    await db.meta.put({ key: PAUSED, value: 0 });
    return waiting.length;
  });
}

/** "Retry failed": the failed pages are to do again, from their first try. */
export async function retryFailed(db: CleanCaptureDb, now = Date.now()): Promise<number> {
  return db.transaction('rw', [db.importQueue, db.meta], async () => {
    const n = await db.importQueue
      .where('state')
      .equals('failed')
      .modify({ state: 'waiting', attempts: 0, notBefore: 0, failure: undefined, finishedAt: undefined });
    if (n) await db.meta.put({ key: STARTED, value: now });
    await db.meta.put({ key: PAUSED, value: 0 });
    return n;
  });
}

/**
 * What the runner needs after each page, from indexes alone (the full status reads every failed
 * row): pages left, paused, and when the head of the queue may start next.
 */
export async function queueState(db: CleanCaptureDb): Promise<{ left: number; paused: boolean; nextAt: number | null }> {
  const [waiting, working] = await Promise.all([
    db.importQueue.where('state').equals('waiting').count(),
    db.importQueue.where('state').equals('working').count(),
  ]);
  const paused = (await db.meta.get(PAUSED))?.value === 1;
  const head = waiting ? await db.importQueue.where('state').equals('waiting').limit(LOOK_AHEAD).toArray() : [];
  const nextAt = head.length ? Math.min(...head.map((r) => r.notBefore)) : null;
  return { left: waiting + working, paused, nextAt };
}

const STATES: ImportState[] = ['captured', 'already', 'failed', 'waiting', 'working'];

export async function importStatus(db: CleanCaptureDb, now = Date.now()): Promise<ImportStatus> {
  const [captured, already, failed, waiting, working] = await Promise.all(STATES.map((s) => db.importQueue.where('state').equals(s).count()));
  const failures = (await db.importQueue.where('state').equals('failed').toArray()).map((r) => ({
    url: r.url,
    kind: r.failure?.kind ?? 'unknown',
    message: r.failure?.message ?? '',
  }));
  const paused = (await db.meta.get(PAUSED))?.value === 1;
  const started = (await db.meta.get(STARTED))?.value;
  const done = captured! + already! + failed!;
  const left = waiting! + working!;
  const elapsed = started ? (now - started) / 1000 : 0;
  const etaSeconds = left && done && elapsed > 0 ? Math.round((elapsed / done) * left) : left ? null : 0;
  let nextAt: number | null = null;
  if (waiting) {
    await db.importQueue
      .where('state')
      .equals('waiting')
      .each((r) => {
        nextAt = nextAt === null ? r.notBefore : Math.min(nextAt, r.notBefore);
      });
  }
  return { captured: captured!, already: already!, failed: failed!, left, paused, etaSeconds, failures, nextAt };
}
