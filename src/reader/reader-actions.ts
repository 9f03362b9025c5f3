import { getCapture, neighbourIds } from '../storage/capture-queries';
import type { CleanCaptureDb } from '../storage/db';
import type { CaptureRecord } from '../storage/records';
import { createActions } from '../views/actions';
import { withIcon } from '../views/icons';
import { suggestTagsFor } from '../views/tag-input';
import { t } from '../platform/i18n';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/**
 * The reader tab is no dead end (issue 17): back to the library, the newer and older article
 * (the library's own order), favourite, archive, tags and delete (with Undo), all through the
 * background.
 */
export async function wireReaderActions(db: CleanCaptureDb, record: CaptureRecord): Promise<void> {
  let current = record;
  const go = (id: number) => (location.href = `reader.html?id=${id}`);
  const actions = createActions(async () => {
    current = (await getCapture(db, current.id!)) ?? current;
    sync();
  });
  const tags = $<HTMLInputElement>('tags');
  suggestTagsFor(tags);
  const sync = () => {
    withIcon($('toggle-favourite'), 'star', !!current.favourite);
    $('toggle-favourite').setAttribute('aria-pressed', String(!!current.favourite));
    $('toggle-archive').textContent = current.archived ? t('unarchiveButton') : t('archiveButton');
    tags.value = (current.tags ?? []).join(', ');
  };
  withIcon($('back-to-library'), 'library');
  withIcon($('previous'), 'previous');
  withIcon($('next'), 'next');
  withIcon($('delete'), 'trash');
  $<HTMLAnchorElement>('back-to-library').href = `library.html?id=${record.id}`;
  const { previous, next } = await neighbourIds(db, record);
  for (const [id, button] of [
    [previous, $('previous')],
    [next, $('next')],
  ] as const) {
    button.hidden = id === null;
    if (id !== null) button.addEventListener('click', () => go(id));
  }
  for (const id of ['toggle-favourite', 'toggle-archive', 'delete', 'tags-row']) $(id).hidden = false;
  sync();
  $('toggle-favourite').addEventListener('click', () => void actions.toggleFavourite(current));
  $('toggle-archive').addEventListener('click', () => void actions.toggleArchive(current));
  const saveTags = () => void actions.setTags(current, tags.value);
  tags.addEventListener('change', saveTags);
  tags.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') saveTags();
  });
  $('delete').addEventListener('click', () => void actions.remove(current.id!));
}
