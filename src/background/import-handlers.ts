import type { Handlers } from '../messages';
import type { CleanCaptureDb } from '../storage/db';
import { cancelImport, enqueueImport, importStatus, retryFailed, setImportPaused } from '../storage/import-queue';
import type { ImportRunner } from './import-runner';

/** The import messages (issue #15): queue an export's items, report, pause / resume / cancel / retry. */
export function importHandlers(db: CleanCaptureDb, runner: ImportRunner): Pick<Handlers, 'import-add' | 'import-status' | 'import-control'> {
  return {
    'import-add': async ({ format, items, fresh }) => {
      const queued = await enqueueImport(db, format, Array.isArray(items) ? items : [], fresh === true);
      void runner.pump();
      return { queued };
    },
    'import-status': async () => {
      // Asking wakes a stopped background: this resumes its queue.
      void runner.pump();
      return importStatus(db);
    },
    'import-control': async ({ action }) => {
      if (action === 'pause') await setImportPaused(db, true);
      else if (action === 'resume') await setImportPaused(db, false);
      else if (action === 'cancel') await cancelImport(db);
      else if (action === 'retry-failed') await retryFailed(db);
      await runner.pump();
      return importStatus(db);
    },
  };
}
