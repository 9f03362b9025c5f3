import type { ImportFormat, ImportHighlight, ImportItem } from '../core/import/import-item';
import type { Capture } from '../core/shared/capture';
import { cleanTags } from './captures';
import { newCaptureRecord, signCapture } from './record-fields';
import type { CaptureRecord, ReadingRecord } from './records';
import { READ_AT_PROGRESS } from './reading';

/**
 * An imported page as the library keeps it (issue #15): the capture extracted from it with what
 * the other service knew — the time it was saved there (the record's capturedAt, so the library
 * keeps its order), tags, archived / favourite / read state, reading progress, highlights.
 * Pure: the background's import and the CLI's build the same record from the same item.
 */
export interface ImportedRecord {
  record: CaptureRecord;
  /** Where the reader was, when the service said (captureId is filled in once the record has its id). */
  reading: Omit<ReadingRecord, 'captureId'> | null;
}

export function importedRecord(capture: Capture, item: ImportItem, format: ImportFormat, now: Date, rawHtmlGzip?: Uint8Array): ImportedRecord {
  const at = now.toISOString();
  const savedAt = item.savedAt && item.savedAt < at ? item.savedAt : at;
  const read = item.archived || (item.progress ?? 0) >= READ_AT_PROGRESS;
  const record: CaptureRecord = {
    ...newCaptureRecord(capture, signCapture(capture), savedAt, at),
    title: capture.title || item.title || capture.url,
    tags: cleanTags(item.tags),
    readState: read ? 'read' : 'unread',
    archived: item.archived ? 1 : 0,
    favourite: item.favourite ? 1 : 0,
    importedFrom: format,
    ...(item.highlights.length ? { importedHighlights: item.highlights } : {}),
    ...(rawHtmlGzip ? { rawHtmlGzip } : {}),
  };
  const reading =
    item.progress !== null && item.progress > 0
      ? { progress: item.progress, updatedAt: at, ...(item.progress >= READ_AT_PROGRESS ? { readAt: at } : {}) }
      : null;
  return { record, reading };
}

export type { ImportHighlight };
