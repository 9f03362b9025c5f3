import { captureDocFromLocal, captureSyncKey, localSignature } from '../../core/sync/local-changes';
import { mergeCaptureDocs, type CaptureDoc } from '../../core/sync/capture-doc';
import { syncDocId, kindOfDocId, KEY_PARAMS_ID } from '../../core/sync/doc-id';
import { encryptJson, newKeyParams, unlockKeys, type KeyParams, type SyncKeys } from '../../core/sync/sync-crypto';
import { openBody } from './merged-writes';
import { canonicalJson } from '../../core/sync/stamped';
import { SyncError } from '../../core/sync/sync-errors';
import type { CleanCaptureDb } from '../../storage/db';
import type { CaptureRecord, SyncDocRecord } from '../../storage/records';
import { allCaptureIds, applyCaptureDoc, readLocalCaptures } from '../../storage/sync-local';
import { allHighlightIds } from '../../storage/sync-highlights';
import { clearSyncChanges, currentChangeSeq, readSyncChanges } from '../../storage/sync-changes';
import { inSyncTransaction, putSyncDocs, readCheckpoint, readSyncDocs, writeCheckpoint } from '../../storage/sync-state';
import type { LocalCapture } from '../../core/sync/local-changes';
import type { Couch } from './couch';
import type { HighlightDoc } from '../../core/sync/highlight-doc';
import { pullSettings, pushSettings, type SettingsPort } from './settings-sync';
import { pullImages, pushImages } from './sync-images';
import { applyPendingHighlights, pullHighlights, pushHighlights, type RoundState } from './highlight-sync';
import type { SyncOutcome } from '../../messages';

/**
 * One sync round (issue 14): push every local change, merged with what the server holds, then
 * pull what other devices wrote since the checkpoint, merge and apply it through the storage
 * writers. Nothing is held open between rounds (an MV3 worker may stop any time): a round stopped
 * midway resumes from the last whole batch, and merging twice changes nothing, so no record is
 * duplicated and nothing is deleted without a deletion from the server.
 */

export type { SyncOutcome };

const BATCH = 50;

/** The keys for the server's database: its key document, created on first use. A wrong passphrase throws before any write. */
export async function unlockServer(couch: Couch, passphrase: string): Promise<SyncKeys> {
  const doc = await couch.get(KEY_PARAMS_ID);
  if (doc) return unlockKeys(passphrase, doc as unknown as KeyParams);
  const { params, keys } = await newKeyParams(passphrase);
  const { conflicts } = await couch.putMany([{ _id: KEY_PARAMS_ID, ...params }]);
  // Another device created it at the same moment: its salt wins, ours was never used.
  if (conflicts.length) return unlockKeys(passphrase, (await couch.get(KEY_PARAMS_ID)) as unknown as KeyParams);
  return keys;
}

/** The document with its texts left out: what a device keeps as the base of its next edits. */
function baseOf(doc: CaptureDoc): CaptureDoc {
  return { ...doc, versions: [] };
}

class Round implements RoundState {
  readonly outcome: SyncOutcome = { pushed: 0, pulled: 0, conflicts: 0 };
  /** Capture ids written or pushed this round: their signatures are taken at the end. */
  private readonly touched = new Map<string, number>();

  constructor(
    readonly db: CleanCaptureDb,
    readonly couch: Couch,
    readonly keys: SyncKeys,
    readonly rows: Map<string, SyncDocRecord>,
    readonly now: () => number,
    /** The settings store; absent (the bench, most tests), settings are left alone. */
    readonly settings?: SettingsPort,
  ) {}

  private rowByLocal(): Map<string, SyncDocRecord> {
    return new Map([...this.rows.values()].map((row) => [row.localKey, row]));
  }

  /** Push the articles `ids` (null: every one) that differ from what was last synced. */
  async push(ids: number[] | null): Promise<void> {
    if (ids?.length === 0) return;
    const byLocal = this.rowByLocal();
    const pending: { record: CaptureRecord; local: LocalCapture; row?: SyncDocRecord; docId: string; doc: CaptureDoc }[] = [];
    for (const { record, local } of await readLocalCaptures(this.db, ids ?? undefined)) {
      const row = byLocal.get(`capture:${record.id}`);
      if (row && row.signature === localSignature(local)) continue;
      // A delete of a record the server never saw tells nothing.
      if (!row && local.deletedAt !== null) continue;
      const current = local.versions[local.versions.length - 1];
      const key = row?.base?.key ?? captureSyncKey(current.capture, current.fingerprint);
      const docId = row?.docId ?? (await syncDocId(this.keys, 'capture', key));
      pending.push({ record, local, row, docId, doc: captureDocFromLocal(row?.base ?? null, key, local, this.now()) });
    }
    for (let start = 0; start < pending.length; start += BATCH) {
      let batch = pending.slice(start, start + BATCH);
      for (let attempt = 0; batch.length > 0; attempt++) {
        if (attempt === 5) throw new SyncError('busy', 'Another device kept changing the same articles; sync will try again.');
        const remote = await this.couch.getMany(batch.map((p) => p.docId));
        const merged: CaptureDoc[] = [];
        for (const item of batch) {
          const held = remote.get(item.docId);
          const body = held ? await openBody(this.keys, held) : null;
          if (body && body.kind !== 'capture') throw new SyncError('bad-data', `The synced item ${item.docId} is not an article.`);
          merged.push(body ? mergeCaptureDocs(item.doc, body) : item.doc);
        }
        await pushImages(this, merged);
        const writes = await Promise.all(
          batch.map(async (item, i) => ({
            _id: item.docId,
            ...(remote.get(item.docId)?._rev ? { _rev: remote.get(item.docId)!._rev } : {}),
            body: await encryptJson(this.keys, merged[i], item.docId),
          })),
        );
        const { conflicts, revs } = await this.couch.putMany(writes);
        const retry = new Set(conflicts);
        const rows: SyncDocRecord[] = [];
        for (const [i, item] of batch.entries()) {
          if (retry.has(item.docId)) continue;
          this.outcome.pushed++;
          let id = item.record.id!;
          if (canonicalJson(merged[i]) !== canonicalJson(item.doc)) {
            // The server held changes from elsewhere too: both sides changed, merged.
            this.outcome.conflicts++;
            await pullImages(this, [merged[i]]);
            id = (await applyCaptureDoc(this.db, merged[i], id, new Date(this.now()))) ?? id;
          }
          rows.push({ docId: item.docId, localKey: `capture:${id}`, base: baseOf(merged[i]), signature: '', rev: revs.get(item.docId) });
          this.touched.set(item.docId, id);
        }
        for (const row of rows) this.rows.set(row.docId, row);
        await putSyncDocs(this.db, rows);
        batch = batch.filter((item) => retry.has(item.docId));
      }
    }
  }

  /** The change log's entries up to here are done when the round ends (set by the first push). */
  clearUpTo = -1;
  /** Highlights this round wrote itself (their change-log entries are its own). */
  readonly ownHighlights = new Set<string>();

  /**
   * Push what changed: the records the change log names, and those sync never sent (new here, or
   * after a reset), never the whole library unless the log says so. The records this round itself
   * applied are left out (they are in step). Articles first: a highlight names its article's document.
   */
  async pushAll(): Promise<void> {
    const changes = await readSyncChanges(this.db);
    if (this.clearUpTo < 0) this.clearUpTo = changes.upTo;
    const synced = new Set([...this.rows.values()].map((row) => row.localKey));
    const own = new Set(this.touched.values());
    const captureIds = changes.everything
      ? null
      : [...new Set([...changes.captureIds, ...(await allCaptureIds(this.db)).filter((id) => !synced.has(`capture:${id}`))])].filter((id) => !own.has(id));
    await this.push(captureIds);
    const highlightIds = changes.everything
      ? null
      : [...new Set([...changes.highlightIds, ...(await allHighlightIds(this.db)).filter((id) => !synced.has(`highlight:${id}`))])].filter(
          (id) => !this.ownHighlights.has(id),
        );
    await pushHighlights(this, highlightIds);
  }

  /** The change-log keys of the records this round wrote itself. */
  ownChangeKeys(): string[] {
    return [...[...this.touched.values()].map((id) => `c:${id}`), ...[...this.ownHighlights].map((id) => `h:${id}`)];
  }

  /** Returns whether merging left something to push back (a local change the server lacked). */
  async pull(): Promise<boolean> {
    let since = await readCheckpoint(this.db);
    let pushBack = false;
    for (;;) {
      const page = await this.couch.changes(since, BATCH);
      // The revision this device wrote or applied last holds nothing new: not decrypted, not read.
      const fresh = page.results.filter((change) => !(change.doc?._rev && this.rows.get(change.id)?.rev === change.doc._rev));
      // Only the records this page names are read.
      const pageIds = fresh
        .map((change) => this.rows.get(change.id)?.localKey)
        .filter((key): key is string => !!key?.startsWith('capture:'))
        .map((key) => Number(key.slice(8)));
      const locals = new Map((await readLocalCaptures(this.db, pageIds)).map((entry) => [entry.record.id!, entry]));
      const rows: SyncDocRecord[] = [];
      const incoming: { id: string; rev?: string; merged: CaptureDoc; remote: CaptureDoc; localId: number | null }[] = [];
      const highlights: { docId: string; rev?: string; remote: HighlightDoc }[] = [];
      for (const change of fresh) {
        if (change.deleted || !change.doc) continue;
        const kind = kindOfDocId(change.id);
        if (kind === 'settings') {
          const remote = await openBody(this.keys, change.doc);
          if (remote.kind === 'settings' && this.settings) await pullSettings(this, this.settings, remote);
          continue;
        }
        if (kind === 'highlight') {
          const remote = await openBody(this.keys, change.doc);
          if (remote.kind === 'highlight') highlights.push({ docId: change.id, rev: change.doc._rev, remote });
          continue;
        }
        if (kind !== 'capture') continue;
        const remote = await openBody(this.keys, change.doc);
        if (remote.kind !== 'capture') continue;
        const row = this.rows.get(change.id);
        const localId = row?.localKey.startsWith('capture:') ? Number(row.localKey.slice(8)) : null;
        const held = localId !== null ? locals.get(localId) : undefined;
        const mine = held && row?.base ? captureDocFromLocal(row.base, row.base.key, held.local, this.now()) : null;
        const merged = mine ? mergeCaptureDocs(mine, remote) : remote;
        if (mine && canonicalJson(merged) === canonicalJson(mine)) continue; // our own write, back
        incoming.push({ id: change.id, rev: change.doc._rev, merged, remote, localId });
      }
      // The page's images first, then each record in its own transaction: a record is never applied without its images.
      await pullImages(
        this,
        incoming.map((item) => item.merged),
      );
      // The page as one transaction: its records, their highlights, sync's rows and the checkpoint
      // land together or not at all. A worker stopped midway leaves the page to pull again, never half of it.
      const nextSince = String(page.last_seq);
      await inSyncTransaction(this.db, async () => {
        for (const { id: docId, rev, merged, remote, localId } of incoming) {
          const id = await applyCaptureDoc(this.db, merged, localId, new Date(this.now()));
          this.outcome.pulled++;
          const differs = canonicalJson(merged) !== canonicalJson(remote);
          if (differs) {
            this.outcome.conflicts++;
            pushBack = true;
          }
          const next: SyncDocRecord = { docId, localKey: id !== null ? `capture:${id}` : `gone:${docId}`, base: baseOf(merged), signature: '', rev };
          rows.push(next);
          this.rows.set(next.docId, next);
          if (id !== null && !differs) this.touched.set(docId, id);
        }
        await putSyncDocs(this.db, rows);
        // Highlights after the page's articles: one whose article came in this page (or earlier) attaches now.
        if (await pullHighlights(this, highlights)) pushBack = true;
        await applyPendingHighlights(this);
        await writeCheckpoint(this.db, nextSince);
      });
      since = nextSince;
      if (page.results.length < BATCH) break;
    }
    return pushBack;
  }

  /** The local records as they now are count as in step with the server. */
  async settle(): Promise<void> {
    if (this.touched.size === 0) return;
    const locals = new Map((await readLocalCaptures(this.db, [...new Set(this.touched.values())])).map((entry) => [entry.record.id!, entry.local]));
    const rows: SyncDocRecord[] = [];
    for (const [docId, id] of this.touched) {
      const row = this.rows.get(docId);
      const local = locals.get(id);
      if (row && local) rows.push({ ...row, signature: localSignature(local) });
    }
    await putSyncDocs(this.db, rows);
  }
}

/** One full push and pull; `now` is injectable for tests. */
export async function syncRound(db: CleanCaptureDb, couch: Couch, keys: SyncKeys, now: () => number = Date.now, settings?: SettingsPort): Promise<SyncOutcome> {
  const round = new Round(db, couch, keys, await readSyncDocs(db), now, settings);
  await round.pushAll();
  // Settings live outside the library (storage.local): compared on every round, one read.
  if (settings) await pushSettings(round, settings);
  if (await round.pull()) await round.pushAll();
  const ownUpTo = currentChangeSeq();
  await round.settle();
  // Last: a round cut short before here finds its changes in the log again next time. A change made
  // while the round ran has a later number and stays for the next round.
  await clearSyncChanges(db, round.clearUpTo, round.ownChangeKeys(), ownUpTo);
  return round.outcome;
}
