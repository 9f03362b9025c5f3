import type { CapturePatch } from '../storage/records';
import type { CaptureRow } from '../storage/records';
import { send } from '../platform/messaging';
import { hideStatus, showStatus } from './status';
import { userErrorMessage } from './error-text';
import { t } from '../platform/i18n';

/**
 * Library actions from the popup (issue #5). Every write goes through the background; the list
 * redraws after each one.
 */
export function createActions(refresh: () => Promise<void>) {
  const update = async (record: CaptureRow, patch: CapturePatch) => {
    const { record: updated } = await send('update-capture', { id: record.id!, patch });
    await refresh();
    return updated;
  };
  return {
    update,
    toggleRead: (record: CaptureRow) => update(record, { readState: record.readState === 'read' ? 'unread' : 'read' }),
    toggleArchive: async (record: CaptureRow) => {
      const updated = await update(record, { archived: !record.archived });
      showStatus('ok', updated?.archived ? t('statusArchived', record.title) : t('statusUnarchived', record.title), {
        label: t('undo'),
        run: async () => {
          await update(record, { archived: !!record.archived });
          hideStatus();
        },
      });
      return updated;
    },
    toggleFavourite: (record: CaptureRow) => update(record, { favourite: !record.favourite }),
    setTags: (record: CaptureRow, text: string) => update(record, { tags: text.split(',') }),
    /** Delete, with Undo in the status strip: the article stays in the library as a tombstone until then. */
    remove: async (id: number) => {
      const { deleted } = await send('delete-capture', { id });
      await refresh();
      if (!deleted) return;
      showStatus('ok', t('statusDeleted', deleted.title), {
        label: t('undo'),
        run: async () => {
          try {
            await send('restore-capture', { id: deleted.id });
            hideStatus();
          } catch (error) {
            showStatus('error', t('undoFailed', userErrorMessage(error)));
          }
          await refresh();
        },
      });
      document.getElementById('status-action')?.focus();
    },
  };
}
