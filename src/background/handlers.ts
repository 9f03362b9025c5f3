import type { Handlers } from '../messages';
import { deleteCapture, restoreCapture } from '../storage/captures';
import type { CleanCaptureDb } from '../storage/db';
import { captureTab } from './capture-tab';
import { restoreBackupFile } from './restore-backup';
import { PartAssembler } from './upload-parts';

/** One handler per message; the background is the only writer of the database. */
export function createHandlers(db: CleanCaptureDb): Handlers {
  const uploads = new PartAssembler();
  return {
    capture: ({ tabId, selection }) => captureTab(db, tabId, selection),
    'delete-capture': async ({ id }) => ({ record: (await deleteCapture(db, id)) ?? null }),
    'restore-capture': async ({ record }) => ({ id: await restoreCapture(db, record) }),
    'restore-backup': ({ text }) => restoreBackupFile(db, text),
    'restore-backup-part': async ({ uploadId, part, parts, text }) => {
      const whole = uploads.add(uploadId, part, parts, text);
      return whole === null ? null : restoreBackupFile(db, whole);
    },
  };
}
