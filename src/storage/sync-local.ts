import type { Capture } from '../core/shared/capture';
import { captureView, currentVersion, isDeleted, type CaptureDoc, type SyncVersion } from '../core/sync/capture-doc';
import type { LocalCapture } from '../core/sync/local-changes';
import type { ImageDoc } from '../core/sync/sync-kinds';
import type { CleanCaptureDb } from './db';
import { setCaptureImages, putImage, unlinkCaptureImages } from './images';
import { listOrderOf, signCapture } from './record-fields';
import type { CaptureRecord, ImageLinkRecord, ReadingRecord, VersionRecord } from './records';
import { tombstoneOf } from './tombstone';
import { liveByUrlKeys } from './capture-queries';

/**
 * The library seen by sync (issue 14): a record read as sync's LocalCapture, and a merged
 * document written back as a record, its versions, reading position and image links. Writes:
 * the background's sync engine only.
 */

/** Fields the library adds to a Capture; they never travel (the kept page stays on the device: Re-extract is local). */
const LIBRARY_FIELDS = [
  'id',
  'urlKeys',
  'capturedAt',
  'updatedAt',
  'fingerprint',
  'rawHtmlGzip',
  'minhash',
  'bands',
  'storyId',
  'tags',
  'readState',
  'archived',
  'favourite',
  'versionCount',
  'listOrder',
  'deletedAt',
  'deletedImageLinks',
] as const;

function captureOf(record: CaptureRecord): Capture {
  const capture: Record<string, unknown> = { ...record };
  for (const field of LIBRARY_FIELDS) delete capture[field];
  return capture as unknown as Capture;
}

function olderVersion(record: CaptureRecord, version: VersionRecord): SyncVersion {
  const { captureId: _c, id: _i, number: _n, savedAt, fingerprint, ...text } = version;
  return { savedAt, fingerprint, capture: { ...captureOf(record), ...text }, images: [] };
}

export function localCaptureOf(
  record: CaptureRecord,
  versions: VersionRecord[],
  reading: ReadingRecord | undefined,
  links: Omit<ImageLinkRecord, 'captureId'>[],
): LocalCapture {
  const images = links.filter((l) => l.hash).map((l) => ({ url: l.url, hash: l.hash! }));
  return {
    urlKeys: record.urlKeys,
    capturedAt: record.capturedAt,
    versions: [
      ...versions.map((v) => olderVersion(record, v)),
      { savedAt: record.updatedAt, fingerprint: record.fingerprint, capture: captureOf(record), images },
    ],
    tags: record.tags ?? [],
    readState: record.readState ?? 'unread',
    archived: record.archived === 1,
    favourite: record.favourite === 1,
    progress: reading?.progress ?? 0,
    deletedAt: record.deletedAt ?? null,
  };
}

/**
 * Records, tombstones included, as sync sees them: all of them, or those of `ids` (a pulled page,
 * the records a round touched). Four bulk reads, not four per record.
 */
const ANY_OF_LIMIT = 200;

export async function readLocalCaptures(db: CleanCaptureDb, ids?: number[]): Promise<{ record: CaptureRecord; local: LocalCapture }[]> {
  // Many ids (a first sync, a restore): one pass over each table beats an index lookup per id.
  const wanted = ids && ids.length > ANY_OF_LIMIT ? new Set(ids) : null;
  if (wanted) ids = undefined;
  return db.transaction('r', [db.captures, db.versions, db.reading, db.imageLinks], async () => {
    const [records, versions, readings, links] = ids
      ? await Promise.all([
          db.captures.bulkGet(ids).then((rows) => rows.filter((r): r is CaptureRecord => r !== undefined)),
          db.versions.where('captureId').anyOf(ids).toArray(),
          db.reading.bulkGet(ids).then((rows) => rows.filter((r): r is ReadingRecord => r !== undefined)),
          db.imageLinks.where('captureId').anyOf(ids).toArray(),
        ])
      : await Promise.all([db.captures.toArray(), db.versions.toArray(), db.reading.toArray(), db.imageLinks.toArray()]);
    const group = <T extends { captureId: number }>(rows: T[]) => {
      const out = new Map<number, T[]>();
      for (const row of rows) out.set(row.captureId, [...(out.get(row.captureId) ?? []), row]);
      return out;
    };
    const versionsOf = group(versions);
    const linksOf = group(links);
    const readingOf = new Map(readings.map((r) => [r.captureId, r]));
    return records
      .filter((record) => !wanted || wanted.has(record.id!))
      .map((record) => ({
        record,
        local: localCaptureOf(
          record,
          (versionsOf.get(record.id!) ?? []).sort((a, b) => a.number - b.number),
          readingOf.get(record.id!),
          record.deletedAt ? (record.deletedImageLinks ?? []) : (linksOf.get(record.id!) ?? []),
        ),
      }));
  });
}

/** Every record's id, tombstones included (keys only: cheap): those sync never sent are pushed. */
export async function allCaptureIds(db: CleanCaptureDb): Promise<number[]> {
  return (await db.captures.toCollection().primaryKeys()) as number[];
}

/** A stored image's bytes and metadata, to push. */
export async function storedImage(db: CleanCaptureDb, hash: string) {
  return db.images.get(hash);
}

/** The hashes among `hashes` this device does not hold. */
export async function missingImages(db: CleanCaptureDb, hashes: string[]): Promise<string[]> {
  const held = await db.images.bulkGet(hashes);
  return hashes.filter((_, i) => !held[i]);
}

/** A synced image kept like a captured one: once per hash. */
export async function storeSyncedImage(db: CleanCaptureDb, image: ImageDoc, blob: Blob, now = new Date()): Promise<void> {
  await putImage(db, { hash: image.hash, blob, type: image.type, bytes: image.bytes, width: image.width, height: image.height }, now);
}

/**
 * Write a merged document into the library: the record `localId` (or the live record with one of
 * its addresses: the same article saved here before it synced, so one record, not two; or a new
 * one). A deleted document makes the record a tombstone, and creates nothing. Returns the
 * record's id, or null when there is none. One transaction: a failure leaves the record as it was.
 */
export async function applyCaptureDoc(db: CleanCaptureDb, doc: CaptureDoc, localId: number | null, now = new Date()): Promise<number | null> {
  return db.transaction('rw', [db.captures, db.versions, db.reading, db.images, db.imageLinks, db.meta], async () => {
    let existing = localId === null ? undefined : await db.captures.get(localId);
    if (!existing) existing = await liveByUrlKeys(db, doc.urlKeys).first();
    const view = captureView(doc);
    if (isDeleted(doc)) {
      if (!existing || existing.deletedAt) return existing?.id ?? null;
      const links = await unlinkCaptureImages(db, existing.id!, now);
      await db.captures.put(tombstoneOf(existing, now, links));
      return existing.id!;
    }
    const current = currentVersion(doc);
    const signed = signCapture(current.capture);
    const record: CaptureRecord = {
      ...current.capture,
      ...(existing?.id !== undefined ? { id: existing.id } : {}),
      urlKeys: [...new Set([...(existing?.urlKeys ?? []), ...doc.urlKeys])],
      capturedAt: doc.capturedAt,
      updatedAt: current.savedAt,
      fingerprint: current.fingerprint,
      minhash: signed.minhash,
      bands: signed.bands,
      storyId: existing?.storyId ?? null,
      ...(existing?.rawHtmlGzip ? { rawHtmlGzip: existing.rawHtmlGzip } : {}),
      tags: view.tags,
      readState: view.readState,
      archived: view.archived ? 1 : 0,
      favourite: view.favourite ? 1 : 0,
      versionCount: doc.versions.length,
      listOrder: listOrderOf(doc.capturedAt),
    };
    const id = await db.captures.put(record);
    await db.versions.where('captureId').equals(id).delete();
    await db.versions.bulkAdd(
      doc.versions.slice(0, -1).map((v, i) => ({
        captureId: id,
        number: i + 1,
        savedAt: v.savedAt,
        title: v.capture.title,
        byline: v.capture.byline,
        published: v.capture.published,
        modified: v.capture.modified,
        excerpt: v.capture.excerpt,
        contentHtml: v.capture.contentHtml,
        textContent: v.capture.textContent,
        wordCount: v.capture.wordCount,
        readingMinutes: v.capture.readingMinutes,
        fingerprint: v.fingerprint,
      })),
    );
    const reading = await db.reading.get(id);
    if (view.progress > 0 || reading) {
      await db.reading.put({ ...reading, captureId: id, progress: view.progress, updatedAt: new Date(doc.progress.at || now.getTime()).toISOString() });
    }
    await setCaptureImages(db, id, current.images, now);
    return id;
  });
}
