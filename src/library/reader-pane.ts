import browser from 'webextension-polyfill';
import { exportMarkdown } from '../features/export';
import type { CleanCaptureDb } from '../storage/db';
import { getCapture } from '../storage/capture-queries';
import type { CaptureRecord } from '../storage/records';
import type { createActions } from '../views/actions';
import type { RenderedArticle } from '../views/article-view';
import { withIcon } from '../views/icons';
import { readerKey } from '../views/reader-keys';
import { elementScroller, trackReading } from '../views/reading-position';
import { suggestTagsFor } from '../views/tag-input';
import { renderWithVersions } from '../views/versions-bar';
import { t } from '../platform/i18n';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

interface PaneDeps {
  db: CleanCaptureDb;
  actions: ReturnType<typeof createActions>;
  /** Previous (−1) or next (+1) article in the list's order. */
  step(delta: number): Promise<void>;
  onTagsChanged(): void;
}

/** The library page's reader, beside the list: the shared article view with its actions. */
export function createReaderPane(deps: PaneDeps) {
  let current: CaptureRecord | null = null;
  let view: RenderedArticle | null = null;
  let stopTracking: (() => void) | null = null;
  const reader = $('reader');
  const scroller = elementScroller(reader);
  const tags = $<HTMLInputElement>('tags');
  const suggestions = suggestTagsFor(tags);

  withIcon($('back-to-list'), 'back');
  withIcon($('previous'), 'previous');
  withIcon($('next'), 'next');
  withIcon($('toggle-favourite'), 'star');
  withIcon($('open-tab'), 'external');
  withIcon($('export-md'), 'download');
  withIcon($('delete'), 'trash');

  const sync = (record: CaptureRecord) => {
    current = record;
    $('toggle-read').textContent = record.readState === 'read' ? t('markUnread') : t('markRead');
    withIcon($('toggle-favourite'), 'star', !!record.favourite);
    $('toggle-favourite').setAttribute('aria-pressed', String(!!record.favourite));
    $('toggle-archive').textContent = record.archived ? t('unarchiveButton') : t('archiveButton');
    tags.value = (record.tags ?? []).join(', ');
  };
  const act = async (run: (record: CaptureRecord) => Promise<CaptureRecord | null | undefined>) => {
    if (current) sync((await run(current)) ?? current);
  };

  async function open(id: number): Promise<void> {
    const record = await getCapture(deps.db, id);
    if (!record) return;
    stopTracking?.();
    stopTracking = null;
    view?.release();
    sync(record);
    view = await renderWithVersions(reader, record, deps.db);
    $('reader-tools').hidden = false;
    // One column (a phone): the reader takes the screen until Back (library.css).
    document.body.dataset['pane'] = 'reader';
    $('tags-row').hidden = false;
    $('reader-empty').hidden = true;
    reader.scrollTop = 0;
    history.replaceState(null, '', `library.html?id=${id}`);
    await view.settled;
    if (current?.id !== id) return;
    stopTracking = await trackReading(deps.db, id, scroller);
    $('reader-pane').dataset['ready'] = String(id);
  }

  /** Back to the list: on one column it comes back into view, with the focus on it. */
  const backToList = () => {
    delete document.body.dataset['pane'];
    $('list').focus();
  };
  $('back-to-list').addEventListener('click', backToList);
  $('previous').addEventListener('click', () => void deps.step(-1));
  $('next').addEventListener('click', () => void deps.step(1));
  $('toggle-read').addEventListener('click', () => void act(deps.actions.toggleRead));
  $('toggle-favourite').addEventListener('click', () => void act(deps.actions.toggleFavourite));
  $('toggle-archive').addEventListener('click', () => void act(deps.actions.toggleArchive));
  $('open-tab').addEventListener('click', () => {
    if (current?.id) void browser.tabs.create({ url: browser.runtime.getURL(`reader.html?id=${current.id}`) });
  });
  $('export-md').addEventListener('click', () => void (current && exportMarkdown(current)));
  $('delete').addEventListener('click', () => {
    if (!current?.id) return;
    const id = current.id;
    current = null;
    view?.release();
    reader.replaceChildren();
    $('reader-tools').hidden = true;
    $('tags-row').hidden = true;
    $('reader-empty').hidden = false;
    delete document.body.dataset['pane'];
    void deps.actions.remove(id);
  });
  const saveTags = () => {
    void act((r) => deps.actions.setTags(r, tags.value)).then(() => {
      suggestions.refresh();
      deps.onTagsChanged();
    });
  };
  tags.addEventListener('change', saveTags);
  tags.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      saveTags();
    } else if (event.key === 'Escape') {
      // Keyboard alone: out of the field and back to the list (the tags were saved on change).
      event.preventDefault();
      backToList();
    }
  });

  return {
    open,
    /** Keys while the focus is in the reader pane: the reader's scrolling, ← → for previous / next. */
    handleKey(event: KeyboardEvent): boolean {
      if (!$('reader-pane').contains(document.activeElement) || document.activeElement === tags) return false;
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        event.preventDefault();
        // The arrow toward the line's start goes back: ← left to right, → right to left.
        const rtl = getComputedStyle($('reader-tools')).direction === 'rtl';
        void deps.step((event.key === 'ArrowLeft') !== rtl ? -1 : 1);
        return true;
      }
      if (event.key === 'Escape') {
        backToList();
        return true;
      }
      if (readerKey(event, scroller, () => {})) {
        event.preventDefault();
        return true;
      }
      return false;
    },
  };
}
