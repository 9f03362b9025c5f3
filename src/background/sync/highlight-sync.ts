import { syncDocId } from '../../core/sync/doc-id';
import { highlightDocFromLocal, highlightSignature, mergeHighlightDocs, type HighlightDoc } from '../../core/sync/highlight-doc';
import { canonicalJson } from '../../core/sync/stamped';
import type { SyncKeys } from '../../core/sync/sync-crypto';
import type { CleanCaptureDb } from '../../storage/db';
import type { SyncDocRecord } from '../../storage/records';
import { putSyncDocs } from '../../storage/sync-state';
import { applyHighlightDoc, readLocalHighlight, readLocalHighlights } from '../../storage/sync-highlights';
import type { SyncOutcome } from '../../messages';
import type { Couch } from './couch';
import { writeMerged } from './merged-writes';

/**
 * Highlights in a sync round (issue #16): each its own document, named by its UUID's HMAC and
 * pointing at its article's document id. Pushed after the articles (so the article's id is known),
 * pulled after the articles of the same page; a highlight whose article this device does not hold
 * yet waits in syncDocs (`pending:<article doc id>`) and is applied when the article comes.
 */

/** What the round shares with this step. */
export interface RoundState {
  db: CleanCaptureDb;
  couch: Couch;
  keys: SyncKeys;
  /** syncDocs by server document id, kept current as the round goes. */
  rows: Map<string, SyncDocRecord>;
  outcome: SyncOutcome;
  now: () => number;
  /** Highlights this round wrote itself: in step, not to be pushed back. */
  ownHighlights: Set<string>;
}

const BATCH = 50;
const PENDING = 'pending:';

function localCaptureId(state: RoundState, captureDocId: string): number | null {
  const key = state.rows.get(captureDocId)?.localKey;
  return key?.startsWith('capture:') ? Number(key.slice(8)) : null;
}

/** Push the highlights `ids` (null: every one) that differ from what was last synced. */
export async function pushHighlights(state: RoundState, ids: string[] | null): Promise<void> {
  if (ids?.length === 0) return;
  const byLocal = new Map([...state.rows.values()].map((row) => [row.localKey, row]));
  const pending: { docId: string; doc: HighlightDoc; signature: string; captureId: number }[] = [];
  for (const local of await readLocalHighlights(state.db, ids ?? undefined)) {
    const row = byLocal.get(`highlight:${local.id}`);
    const signature = highlightSignature(local);
    if (row && row.signature === signature) continue;
    // A delete of a highlight the server never saw tells nothing.
    if (!row && local.deletedAt !== undefined) continue;
    // Its article has not reached the server yet (it goes first in the round; a deleted one never does).
    const captureDocId = row?.highlight?.capture ?? byLocal.get(`capture:${local.captureId}`)?.docId;
    if (!captureDocId) continue;
    const docId = row?.docId ?? (await syncDocId(state.keys, 'highlight', local.id));
    pending.push({ docId, signature, captureId: local.captureId, doc: highlightDocFromLocal(row?.highlight ?? null, local, captureDocId, state.now()) });
  }
  for (let start = 0; start < pending.length; start += BATCH) {
    const batch = pending.slice(start, start + BATCH);
    const revs = new Map<string, string>();
    const merged = await writeMerged(state.couch, state.keys, batch, revs);
    const rows: SyncDocRecord[] = [];
    for (const [i, item] of batch.entries()) {
      state.outcome.pushed++;
      let signature = item.signature;
      if (canonicalJson(merged[i]) !== canonicalJson(item.doc)) {
        // The server held an edit from elsewhere too: merged, and the merge shown here.
        state.outcome.conflicts++;
        signature = await applyHighlightDoc(state.db, merged[i], item.captureId);
        state.ownHighlights.add(merged[i].id);
      }
      rows.push({ docId: item.docId, localKey: `highlight:${merged[i].id}`, highlight: merged[i], signature, rev: revs.get(item.docId) });
    }
    for (const row of rows) state.rows.set(row.docId, row);
    await putSyncDocs(state.db, rows);
  }
}

/**
 * Apply pulled highlight documents (after the page's articles). Returns whether a merge left a local
 * change the server lacks (push again).
 */
export async function pullHighlights(state: RoundState, incoming: { docId: string; rev?: string; remote: HighlightDoc }[]): Promise<boolean> {
  let pushBack = false;
  const rows: SyncDocRecord[] = [];
  for (const { docId, rev, remote } of incoming) {
    const row = state.rows.get(docId);
    const local = row?.localKey.startsWith('highlight:') ? await readLocalHighlight(state.db, row.localKey.slice(10)) : undefined;
    const mine = local && row?.highlight ? highlightDocFromLocal(row.highlight, local, row.highlight.capture, state.now()) : (row?.highlight ?? null);
    const merged = mine ? mergeHighlightDocs(mine, remote) : remote;
    if (mine && local && canonicalJson(merged) === canonicalJson(mine)) continue; // our own write, back
    const differs = canonicalJson(merged) !== canonicalJson(remote);
    const captureId = localCaptureId(state, merged.capture);
    if (captureId === null) {
      // The article has not arrived here yet (later in this pull, or a later round): kept aside.
      rows.push({ docId, localKey: PENDING + merged.capture, highlight: merged, signature: '', rev });
      continue;
    }
    const signature = await applyHighlightDoc(state.db, merged, captureId);
    state.outcome.pulled++;
    if (!differs) state.ownHighlights.add(merged.id);
    if (differs) {
      state.outcome.conflicts++;
      pushBack = true;
    }
    // A merge the server lacks: an empty signature makes the next push send it.
    rows.push({ docId, localKey: `highlight:${merged.id}`, highlight: merged, signature: differs ? '' : signature, rev });
  }
  for (const row of rows) state.rows.set(row.docId, row);
  await putSyncDocs(state.db, rows);
  return pushBack;
}

/** Highlights kept aside whose article is here now: applied. */
export async function applyPendingHighlights(state: RoundState): Promise<void> {
  const rows: SyncDocRecord[] = [];
  for (const row of state.rows.values()) {
    if (!row.localKey.startsWith(PENDING) || !row.highlight) continue;
    const captureId = localCaptureId(state, row.localKey.slice(PENDING.length));
    if (captureId === null) continue;
    const signature = await applyHighlightDoc(state.db, row.highlight, captureId);
    state.outcome.pulled++;
    state.ownHighlights.add(row.highlight.id);
    rows.push({ ...row, localKey: `highlight:${row.highlight.id}`, signature });
  }
  for (const row of rows) state.rows.set(row.docId, row);
  await putSyncDocs(state.db, rows);
}
