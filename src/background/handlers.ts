import type { Handlers } from '../messages';
import type { CleanCaptureDb } from '../storage/db';
import { deleteCaptureWithImages, restoreCaptureWithImages } from '../storage/library';
import { setReadingProgress } from '../storage/reading';
import { asBytes } from '../core/raw-page';
import { replaceCapture } from '../storage/reextract';
import { captureTab } from './capture-tab';
import { restoreBackupFile } from './restore-backup';
import { PartAssembler } from './upload-parts';

/** One handler per message; the background is the only writer of the database. */
export function createHandlers(db: CleanCaptureDb): Handlers {
  const uploads = new PartAssembler();
  return {
    capture: ({ tabId, selection }) => captureTab(db, tabId, selection),
    'delete-capture': async ({ id }) => {
      const { record, images } = await deleteCaptureWithImages(db, id);
      return { record: record ?? null, images };
    },
    'restore-capture': async ({ record, images }) => {
      // The record made a round trip through a message: JSON in Chrome turns bytes into an object.
      const rawHtmlGzip = asBytes(record.rawHtmlGzip);
      const { rawHtmlGzip: _sent, ...rest } = record;
      return { id: await restoreCaptureWithImages(db, rawHtmlGzip ? { ...rest, rawHtmlGzip } : rest, images) };
    },
    'replace-capture': ({ id, capture }) => replaceCapture(db, id, capture),
    'set-reading-progress': async ({ id, progress }) => ({ read: await setReadingProgress(db, id, progress) }),
    'restore-backup': ({ text }) => restoreBackupFile(db, text),
    'restore-backup-part': async ({ uploadId, part, parts, text }) => {
      const whole = uploads.add(uploadId, part, parts, text);
      return whole === null ? null : restoreBackupFile(db, whole);
    },
  };
}
