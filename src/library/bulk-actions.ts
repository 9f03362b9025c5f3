import { send } from '../platform/messaging';
import { libraryDb } from '../platform/library-db';
import { getCapture } from '../storage/capture-queries';
import { hideStatus, showStatus } from '../views/status';
import { t, tn } from '../platform/i18n';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/**
 * What the bulk bar does to the checked articles (issue 17): archive, add a tag, delete (each
 * with Undo where it can be undone); export is wired by the page with the popup's export. Each
 * write is one message per article, through the background.
 */
export function wireBulkActions(checked: Set<number>, refresh: () => Promise<void>, onTagsChanged: () => void): { sync(): void } {
  const sync = () => {
    $('bulk-bar').hidden = checked.size === 0;
    $('bulk-count').textContent = tn('articlesChecked', checked.size);
  };
  const ids = () => [...checked];
  const update = (list: number[], patch: Parameters<typeof send<'update-capture'>>[1]['patch']) =>
    Promise.all(list.map((id) => send('update-capture', { id, patch })));

  $('bulk-archive').addEventListener('click', async () => {
    const list = ids();
    await update(list, { archived: true });
    await refresh();
    showStatus('ok', tn('bulkArchived', list.length), {
      label: t('undo'),
      run: async () => {
        await update(list, { archived: false });
        hideStatus();
        await refresh();
      },
    });
  });
  const addTag = async () => {
    const tag = $<HTMLInputElement>('bulk-tag-input').value.trim().replace(/^#/, '');
    if (!tag) return $('bulk-tag-input').focus();
    const list = ids();
    // Each article keeps its own tags and gains this one.
    await Promise.all(
      list.map(async (id) => {
        const record = await getCapture(libraryDb(), id);
        if (record) await send('update-capture', { id, patch: { tags: [...(record.tags ?? []), tag] } });
      }),
    );
    $<HTMLInputElement>('bulk-tag-input').value = '';
    onTagsChanged();
    await refresh();
    showStatus('ok', tn('bulkTagged', list.length, tag.toLowerCase()));
  };
  $('bulk-tag').addEventListener('click', () => void addTag());
  $('bulk-tag-input').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') void addTag();
  });
  $('bulk-delete').addEventListener('click', async () => {
    const list = ids();
    const deleted = (await Promise.all(list.map((id) => send('delete-capture', { id })))).flatMap((r) => (r.deleted ? [r.deleted.id] : []));
    checked.clear();
    sync();
    await refresh();
    showStatus('ok', tn('bulkDeleted', deleted.length), {
      label: t('undo'),
      run: async () => {
        await Promise.all(deleted.map((id) => send('restore-capture', { id })));
        hideStatus();
        await refresh();
      },
    });
    $('status-action').focus();
  });
  $('bulk-clear').addEventListener('click', () => {
    checked.clear();
    sync();
    void refresh();
  });
  sync();
  return { sync };
}
