import browser from 'webextension-polyfill';
import type { LibrarySort, SearchFilters } from '../core/library/search-index';
import { LIBRARY_SORTS } from '../core/library/search-index';
import { send } from '../platform/messaging';
import { libraryDb } from '../platform/library-db';
import { countCaptures } from '../storage/capture-queries';
import { createActions } from '../views/actions';
import { exportIds } from '../views/export-ids';
import { runExport } from '../views/export-run';
import { hasFilters, readFilters, wireFilters } from '../views/filters';
import { withIcon } from '../views/icons';
import { plainSource, searchSource } from '../views/library-source';
import { onKey } from '../views/list-keys';
import { renderRow } from '../views/row-view';
import { PAGE, VirtualList } from '../views/virtual-list';
import { suggestTagsFor } from '../views/tag-input';
import { wireBulkActions } from './bulk-actions';
import { createReaderPane } from './reader-pane';
import { wireTagManager } from './tag-manager';
import { localizeDocument, formatNumber, tn } from '../platform/i18n';

/**
 * The full-page library (issue 17): the popup's list (src/views) beside the reader, sorts,
 * filters, bulk actions and tag management. `library.html?id=N` opens with that article.
 */
performance.mark('library-script');
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const db = libraryDb();
const checked = new Set<number>();
let painted = false;

const search = async (query: string, filters: SearchFilters, sort?: LibrarySort) =>
  (await send('search', { query, filters, limit: 100_000, sort })).hits.map((h) => h.id);
const sortOf = (): LibrarySort => {
  const value = $<HTMLSelectElement>('sort').value as LibrarySort;
  return LIBRARY_SORTS.includes(value) ? value : 'saved';
};

const actions = createActions(() => refreshList(true));
const tagSuggestions = suggestTagsFor($<HTMLInputElement>('bulk-tag-input'));
const pane = createReaderPane({ db, actions, step: (delta) => step(delta), onTagsChanged: () => tagSuggestions.refresh() });

const list = new VirtualList(
  $('list'),
  84,
  (record, index, selected) =>
    renderRow(record, index, selected, {
      open: (id) => {
        list.select(index);
        void pane.open(id);
      },
      checked,
      storyPeerTitle: () => null,
      toggleFavourite: (r) => void actions.toggleFavourite(r),
      toggleArchive: (r) => void actions.toggleArchive(r),
      remove: (r) => void actions.remove(r.id!),
      onCheck: () => bulk.sync(),
    }),
  () => {
    // The benchmark reads this mark: library opened → first rows on screen (issue 17).
    if (painted) return;
    painted = true;
    requestAnimationFrame(() => performance.mark('first-rows'));
  },
);
const bulk = wireBulkActions(
  checked,
  () => refreshList(true),
  () => tagSuggestions.refresh(),
);

/** Previous / next article in the list's own order (the reader's ← →, j / k). */
async function step(delta: number): Promise<void> {
  const index = Math.max(0, Math.min(list.total - 1, list.selected + delta));
  list.select(index);
  const record = list.recordAt(index);
  if (record) await pane.open(record.id!);
}

let refreshing = 0;
async function refreshList(keepScroll = false): Promise<void> {
  const ticket = ++refreshing;
  const query = $<HTMLInputElement>('search').value.trim();
  const filters = readFilters();
  const sort = sortOf();
  // The plain library in its own order reads straight from IndexedDB (fast first paint); any
  // query, filter or other order asks the background's index.
  const indexed = !!query || hasFilters(filters) || sort !== 'saved';
  const source = indexed ? await searchSource(db, query, filters, (q, f) => search(q, f, sort)) : await plainSource(db, PAGE);
  if (ticket !== refreshing) return;
  await list.setSource(source, keepScroll);
  const total = indexed ? await countCaptures(db) : await source.totalLater!;
  if (ticket !== refreshing) return;
  if (!indexed) list.setTotal(total);
  $('empty').hidden = total > 0;
  $('no-match').hidden = !(indexed && total > 0 && source.total === 0);
  $('count').textContent = total ? (query || hasFilters(filters) ? tn('articlesShownOf', total, formatNumber(source.total)) : tn('articles', total)) : '';
  bulk.sync();
}

function wire(): void {
  withIcon($('options'), 'gear');
  $('options').addEventListener('click', () => void browser.runtime.openOptionsPage());
  $('search').addEventListener('input', () => void refreshList());
  $('sort').addEventListener('change', () => void refreshList());
  wireFilters(() => void refreshList());
  wireTagManager(() => refreshList(true));
  $('export-zip').addEventListener('click', async () => {
    const ids = await exportIds({ checked: [...checked], query: '', filters: {} }, { db, search: (q, f) => search(q, f) });
    if (!ids.length) return;
    $<HTMLButtonElement>('export-zip').disabled = true;
    await runExport(ids, $<HTMLSelectElement>('export-format').value, $('export-progress'));
    $<HTMLButtonElement>('export-zip').disabled = false;
  });
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || $<HTMLDialogElement>('tag-dialog').open) return;
    // In the reader pane the reader's own keys apply; elsewhere the list's (same as the popup).
    if (pane.handleKey(event)) return;
    onKey(event, {
      list,
      readerOpen: () => false,
      closeReader: () => {},
      open: (id) => pane.open(id),
      actions,
      focusTags: () => $('tags').focus(),
      toggleCheck: (record) => {
        if (checked.has(record.id!)) checked.delete(record.id!);
        else checked.add(record.id!);
        bulk.sync();
        list.render();
      },
    });
  });
}

localizeDocument();
wire();
void refreshList().then(() => {
  const id = Number(new URLSearchParams(location.search).get('id'));
  if (Number.isInteger(id) && id > 0) void pane.open(id);
  // Have the background load its search index now, so the first query or sort is fast.
  void send('search', { query: '', limit: 1 }).catch(() => {});
});
