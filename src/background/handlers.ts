import type { Handlers } from '../messages';
import type { SyncMessage } from './sync/sync-handlers';
import { updateCapture } from '../storage/captures';
import type { CleanCaptureDb } from '../storage/db';
import { deleteCapture, sweepLibrary, undeleteCapture } from '../storage/library';
import { setReadingProgress } from '../storage/reading';
import { replaceCapture } from '../storage/reextract';
import { captureTab } from './capture-tab';
import { restoreBackupFile } from './restore-backup';
import { PartAssembler } from './upload-parts';
import type { SearchService } from './search-service';
import { refreshSavedIcons } from './saved-icon';
import { importHandlers } from './import-handlers';
import { ImportRunner } from './import-runner';
import { highlightSelectionInTab, showHighlightsInTab } from './highlight-tab';
import { highlightHandlers } from './highlight-handlers';
import { retagCaptures } from '../storage/tags';
import { CaptureError } from '../core/shared/errors';
import { ALL_TAGGED } from './search-service';

/** One handler per message (sync's are in sync/sync-handlers.ts); the background is the only writer of the database. */
export function createHandlers(db: CleanCaptureDb, search: SearchService, imports?: ImportRunner): Omit<Handlers, SyncMessage> {
  const uploads = new PartAssembler();
  const reindex = (id: number) => void search.upsert(id).catch(() => {});
  // Tombstones past the Undo window and images no article shows, deleted for good.
  const sweep = () => void sweepLibrary(db).catch(() => {});
  const runner = imports ?? new ImportRunner(db, reindex);
  return {
    ...importHandlers(db, runner),
    capture: async ({ tabId, selection }) => {
      const outcome = await captureTab(db, tabId, selection);
      if (outcome.status !== 'already-saved') reindex(outcome.id);
      // Highlights made before show again on the page (the content script is there now).
      if (!selection) void showHighlightsInTab(db, tabId, outcome.id);
      sweep();
      return outcome;
    },
    'delete-capture': async ({ id }) => {
      // A tombstone: the article, its kept page, versions and images stay here for Undo.
      const deleted = await deleteCapture(db, id);
      void search.remove(id).catch(() => {});
      void refreshSavedIcons(db);
      sweep();
      return { deleted };
    },
    'restore-capture': async ({ id }) => {
      const restored = await undeleteCapture(db, Number(id));
      reindex(restored);
      void refreshSavedIcons(db);
      return { id: restored };
    },
    'replace-capture': async ({ id, capture }) => {
      const result = await replaceCapture(db, id, capture);
      reindex(id);
      return result;
    },
    'set-reading-progress': async ({ id, progress }) => {
      const read = await setReadingProgress(db, id, progress);
      // Reading to the end marks the article read in the library too (issue #5's filters).
      if (read)
        await updateCapture(db, id, { readState: 'read' })
          .then(() => reindex(id))
          .catch(() => {});
      return { read };
    },
    search: async ({ query, filters, limit, sort }) => ({ hits: await search.search(String(query ?? ''), filters ?? {}, limit, sort) }),
    'list-tags': async () => ({ tags: await search.tags() }),
    'rename-tag': async ({ from, to }) => {
      if (typeof from !== 'string' || !from.trim() || (to !== null && (typeof to !== 'string' || !to.trim())))
        throw new CaptureError('bad-request', 'A tag needs a name: type the new name, or choose Delete to remove the tag.');
      // The index knows which articles carry the tag: only those are read and written.
      const ids = (await search.search('', { tag: from.trim() }, ALL_TAGGED)).map((hit) => hit.id);
      const changed = await retagCaptures(db, ids, from, to);
      for (const id of changed) reindex(id);
      return { changed: changed.length };
    },
    'update-capture': async ({ id, patch }) => {
      const record = (await updateCapture(db, id, patch)) ?? null;
      if (record) reindex(id);
      return { record };
    },
    ...highlightHandlers(db, reindex),
    'highlight-selection': async ({ tabId }) => {
      const result = await highlightSelectionInTab(db, Number(tabId));
      reindex(result.captureId);
      return result;
    },
    'restore-backup': async ({ text }) => {
      const summary = await restoreBackupFile(db, text);
      void search.reindexAll().catch(() => {});
      return summary;
    },
    'restore-backup-part': async ({ uploadId, part, parts, text }) => {
      const whole = uploads.add(uploadId, part, parts, text);
      if (whole === null) return null;
      const summary = await restoreBackupFile(db, whole);
      void search.reindexAll().catch(() => {});
      return summary;
    },
  };
}
