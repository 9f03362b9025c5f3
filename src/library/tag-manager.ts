import { userErrorMessage } from '../views/error-text';
import { send } from '../platform/messaging';
import { showStatus } from '../views/status';
import { formatNumber, t, tn } from '../platform/i18n';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/**
 * Tag management (issue 17): every tag with its count, rename (a name that exists merges the
 * two) and delete (the articles stay). Writes go through the background's `rename-tag`.
 */
export function wireTagManager(onChange: () => Promise<void>): void {
  const dialog = $<HTMLDialogElement>('tag-dialog');
  $('manage-tags').addEventListener('click', async () => {
    await fill(onChange);
    dialog.showModal();
  });
  $('tag-dialog-close').addEventListener('click', () => dialog.close());
}

async function fill(onChange: () => Promise<void>): Promise<void> {
  const list = $('tag-list');
  $('tag-error').textContent = '';
  const { tags } = await send('list-tags', {});
  if (!tags.length) {
    list.replaceChildren(Object.assign(document.createElement('li'), { textContent: t('tagsNone') }));
    return;
  }
  list.replaceChildren(
    ...tags.map(({ tag, count }) => {
      const item = document.createElement('li');
      item.dataset['tag'] = tag;
      const name = Object.assign(document.createElement('span'), { className: 'tag-name', textContent: `#${tag} (${formatNumber(count)})` });
      const input = Object.assign(document.createElement('input'), { type: 'text', value: tag, className: 'tag-rename' });
      input.setAttribute('aria-label', t('tagRenameLabel', tag));
      const rename = Object.assign(document.createElement('button'), { className: 'text-button tag-rename-button', textContent: t('tagRename') });
      rename.setAttribute('aria-label', t('tagRenameButtonLabel', tag));
      const remove = Object.assign(document.createElement('button'), { className: 'text-button danger tag-delete', textContent: t('deleteButton') });
      remove.setAttribute('aria-label', t('tagDeleteButtonLabel', tag));
      const run = async (to: string | null) => {
        if (to !== null && !to.trim()) return void ($('tag-error').textContent = t('tagNeedName'));
        try {
          const { changed } = await send('rename-tag', { from: tag, to });
          showStatus('ok', to === null ? tn('tagDeleted', changed, tag) : tn('tagRenamed', changed, tag, to.trim().toLowerCase()));
          await onChange();
          await fill(onChange);
        } catch (error) {
          $('tag-error').textContent = userErrorMessage(error);
        }
      };
      rename.addEventListener('click', () => void run(input.value));
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') void run(input.value);
      });
      remove.addEventListener('click', () => void run(null));
      item.append(name, input, rename, remove);
      return item;
    }),
  );
}
