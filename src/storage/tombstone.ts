import type { CaptureRecord, ImageLinkRecord } from './records';
import { listOrderOf } from './record-fields';

/**
 * A deleted article stays in the database as a tombstone (`deletedAt`) until the sweep after the
 * Undo window (library.ts). Every read of the library leaves tombstones out: the list and the
 * count through the listOrder index (a tombstone has none), everything else through isLive.
 */
export type LiveRecord = CaptureRecord & { deletedAt?: undefined };

export function isLive(record: CaptureRecord | undefined | null): record is LiveRecord {
  return !!record && record.deletedAt === undefined;
}

/** The record as a tombstone: out of the list, its image links kept aside for Undo. */
export function tombstoneOf(record: CaptureRecord, now: Date, links: ImageLinkRecord[]): CaptureRecord {
  const { listOrder: _listed, ...rest } = record;
  return { ...rest, deletedAt: now.toISOString(), deletedImageLinks: links.map(({ captureId: _id, ...link }) => link) };
}

/** Undo: the record as it was before the delete. */
export function revivedOf(stone: CaptureRecord): CaptureRecord {
  const { deletedAt: _at, deletedImageLinks: _links, ...record } = stone;
  return { ...record, listOrder: listOrderOf(record.capturedAt) };
}
