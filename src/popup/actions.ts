import type { CapturePatch } from '../storage/captures';
import type { CaptureRecord } from '../storage/db';
import { send } from '../ui/client';
import { hideStatus, showStatus } from './status';

/**
 * Library actions from the popup (issue #5). Every write goes through the background; the list
 * redraws after each one.
 */
export function createActions(refresh: () => Promise<void>) {
  const update = async (record: CaptureRecord, patch: CapturePatch) => {
    const { record: updated } = await send('update-capture', { id: record.id!, patch });
    await refresh();
    return updated;
  };
  return {
    update,
    toggleRead: (record: CaptureRecord) => update(record, { readState: record.readState === 'read' ? 'unread' : 'read' }),
    toggleArchive: async (record: CaptureRecord) => {
      const updated = await update(record, { archived: !record.archived });
      showStatus('ok', `${updated?.archived ? 'Archived' : 'Moved back to the library'} · ${record.title}`, {
        label: 'Undo',
        run: async () => {
          await update(record, { archived: !!record.archived });
          hideStatus();
        },
      });
      return updated;
    },
    toggleFavourite: (record: CaptureRecord) => update(record, { favourite: !record.favourite }),
    setTags: (record: CaptureRecord, text: string) => update(record, { tags: text.split(',') }),
    /** Delete, with Undo in the status strip that puts the record, its versions and images back. */
    remove: async (id: number) => {
      const { record, versions, images } = await send('delete-capture', { id });
      await refresh();
      if (!record) return;
      showStatus('ok', `Deleted “${record.title}”`, {
        label: 'Undo',
        run: async () => {
          await send('restore-capture', { record, versions, images });
          hideStatus();
          await refresh();
        },
      });
      document.getElementById('status-action')?.focus();
    },
  };
}
