import type { Handlers } from '../messages';
import type { CleanCaptureDb } from '../storage/db';
import { deleteCaptureWithImages, restoreCaptureWithImages } from '../storage/library';
import { setReadingProgress } from '../storage/reading';
import { captureTab } from './capture-tab';

/** One handler per message; the background is the only writer of the database. */
export function createHandlers(db: CleanCaptureDb): Handlers {
  return {
    capture: ({ tabId, selection }) => captureTab(db, tabId, selection),
    'delete-capture': async ({ id }) => {
      const { record, images } = await deleteCaptureWithImages(db, id);
      return { record: record ?? null, images };
    },
    'restore-capture': async ({ record, images }) => ({ id: await restoreCaptureWithImages(db, record, images) }),
    'set-reading-progress': async ({ id, progress }) => ({ read: await setReadingProgress(db, id, progress) }),
  };
}
