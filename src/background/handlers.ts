import type { Handlers } from '../messages';
import { deleteCapture, restoreCapture, updateCapture } from '../storage/captures';
import type { CleanCaptureDb } from '../storage/db';
import { captureTab } from './capture-tab';
import type { SearchService } from './search-service';
import { refreshSavedIcons } from './saved-icon';

/** One handler per message; the background is the only writer of the database. */
export function createHandlers(db: CleanCaptureDb, search: SearchService): Handlers {
  return {
    capture: async ({ tabId, selection }) => {
      const outcome = await captureTab(db, tabId, selection);
      if (outcome.status !== 'already-saved') void search.upsert(outcome.id).catch(() => {});
      return outcome;
    },
    'delete-capture': async ({ id }) => {
      const deleted = await deleteCapture(db, id);
      void search.remove(id).catch(() => {});
      void refreshSavedIcons(db);
      return { record: deleted?.record ?? null, versions: deleted?.versions ?? [] };
    },
    'restore-capture': async ({ record, versions }) => {
      const id = await restoreCapture(db, record, versions ?? []);
      void search.upsert(id).catch(() => {});
      void refreshSavedIcons(db);
      return { id };
    },
    search: async ({ query, filters, limit }) => ({ hits: await search.search(String(query ?? ''), filters ?? {}, limit) }),
    'update-capture': async ({ id, patch }) => {
      const record = (await updateCapture(db, id, patch)) ?? null;
      if (record) void search.upsert(id).catch(() => {});
      return { record };
    },
  };
}
