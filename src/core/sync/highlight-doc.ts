import type { Highlight, HighlightColor, TextAnchor } from '../highlights/highlight';
import type { Deletion } from './capture-doc';
import { canonicalJson, mergeStamped, type Stamped } from './stamped';

/**
 * The decrypted body of a synced highlight (kind `highlight`, issue #16): one document per
 * highlight, its id an HMAC of the highlight's UUID (doc-id.ts), so the server learns neither the
 * quote nor which article it marks. The article is named by its own opaque document id; a device
 * that does not hold that article yet keeps the highlight aside until it arrives (order independence).
 * Edits merge by the latest change per field; a delete is a tombstone that an unseen edit beats,
 * exactly as for articles.
 */
export interface HighlightDoc {
  kind: 'highlight';
  /** The highlight's UUID: the same on every device. */
  id: string;
  /** The document id of its article (`c-…`). */
  capture: string;
  createdAt: string;
  /** The W3C selectors; re-anchoring may move them, the latest wins. */
  anchor: Stamped<TextAnchor>;
  color: Stamped<HighlightColor>;
  note: Stamped<string>;
  /** Undo of a delete counts as a change: it beats the delete it undoes. */
  restoredAt: number;
  deleted: Deletion | null;
}

/** A highlight as the device holds it (its record, tombstone included). */
export type LocalHighlight = Omit<Highlight, 'captureId'> & { deletedAt?: string };

function mergeDeletion(a: Deletion | null, b: Deletion | null): Deletion | null {
  if (!a || !b) return a ?? b;
  if (a.seen !== b.seen) return a.seen > b.seen ? a : b;
  return a.at >= b.at ? a : b;
}

/** The deterministic merge of two devices' copies of one highlight: a join, like mergeCaptureDocs. */
export function mergeHighlightDocs(a: HighlightDoc, b: HighlightDoc): HighlightDoc {
  return {
    kind: 'highlight',
    id: a.id <= b.id ? a.id : b.id,
    capture: a.capture <= b.capture ? a.capture : b.capture,
    createdAt: a.createdAt <= b.createdAt ? a.createdAt : b.createdAt,
    anchor: mergeStamped(a.anchor, b.anchor),
    color: mergeStamped(a.color, b.color),
    note: mergeStamped(a.note, b.note),
    restoredAt: Math.max(a.restoredAt, b.restoredAt),
    deleted: mergeDeletion(a.deleted, b.deleted),
  };
}

export function highlightLastChangeAt(doc: HighlightDoc): number {
  return Math.max(doc.anchor.at, doc.color.at, doc.note.at, doc.restoredAt);
}

/** Deleted unless an edit the deleting device had not seen came after: edit beats delete. */
export function isHighlightDeleted(doc: HighlightDoc): boolean {
  return doc.deleted !== null && highlightLastChangeAt(doc) <= doc.deleted.seen;
}

const anchorOf = (h: TextAnchor): TextAnchor => ({
  exact: h.exact,
  prefix: h.prefix,
  suffix: h.suffix,
  ...(h.start !== undefined && h.end !== undefined ? { start: h.start, end: h.end } : {}),
});

/**
 * The document for a local highlight, stamped against the last synced one (`prev`): a field that
 * differs changed at the record's `updatedAt` (highlights keep real edit times), one that does not
 * keeps its stamp. `now` stands in when the record's time is unreadable.
 */
export function highlightDocFromLocal(prev: HighlightDoc | null, local: LocalHighlight, captureDocId: string, now: number): HighlightDoc {
  const editedAt = Math.max(Date.parse(local.updatedAt) || now, 0);
  const stamp = <T>(old: Stamped<T> | undefined, value: T): Stamped<T> =>
    old && canonicalJson(old.value) === canonicalJson(value) ? old : { value, at: Math.max(editedAt, (old?.at ?? 0) + 1) };
  const doc: HighlightDoc = {
    kind: 'highlight',
    id: local.id,
    capture: prev?.capture ?? captureDocId,
    createdAt: prev && prev.createdAt < local.createdAt ? prev.createdAt : local.createdAt,
    anchor: stamp(prev?.anchor, anchorOf(local)),
    color: stamp(prev?.color, local.color),
    note: stamp(prev?.note, local.note),
    restoredAt: prev?.restoredAt ?? 0,
    deleted: prev?.deleted ?? null,
  };
  const wasDeleted = prev ? isHighlightDeleted(prev) : false;
  const deletedNow = local.deletedAt !== undefined;
  if (deletedNow && !wasDeleted) {
    // The delete has seen every change this device holds.
    const at = Math.max(Date.parse(local.deletedAt!) || now, highlightLastChangeAt(doc));
    doc.deleted = { at, seen: at };
  } else if (!deletedNow && wasDeleted) {
    // Undo here: a change that beats the delete.
    doc.restoredAt = Math.max(editedAt, (prev!.deleted?.seen ?? 0) + 1);
  }
  return doc;
}

/** What a local highlight amounts to for sync: when it differs from the last synced one, there is something to push. */
export function highlightSignature(local: LocalHighlight): string {
  return canonicalJson([anchorOf(local), local.color, local.note, local.deletedAt !== undefined]);
}

/** The record a merged document becomes on a device (without its local article id). */
export function highlightView(doc: HighlightDoc): LocalHighlight {
  const updatedAt = new Date(highlightLastChangeAt(doc) || Date.parse(doc.createdAt) || 0).toISOString();
  return {
    id: doc.id,
    ...doc.anchor.value,
    color: doc.color.value,
    note: doc.note.value,
    createdAt: doc.createdAt,
    updatedAt,
    ...(isHighlightDeleted(doc) ? { deletedAt: new Date(doc.deleted!.at).toISOString() } : {}),
  };
}
