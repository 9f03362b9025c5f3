import browser from 'webextension-polyfill';
import { countCaptures, getCapture, storyPeerTitle } from '../storage/capture-queries';
import type { CaptureRecord } from '../storage/records';
import { send } from '../platform/messaging';
import type { RenderedArticle } from '../views/article-view';
import { exportMarkdown } from '../features/export';
import { runExport } from '../views/export-run';
import { searchIds } from '../features/search';
import { buildLookPanel } from '../views/reader-look';
import { readerKey } from '../views/reader-keys';
import { elementScroller, trackReading } from '../views/reading-position';
import { reextractCapture } from '../features/reextract';
import { libraryDb } from '../platform/library-db';
import { loadSettings } from '../platform/settings-store';
import { formatNumber, localizeDocument, t, tn } from '../platform/i18n';
import { requestPersistence, storageUsage } from '../platform/storage-usage';
import { renderWithVersions } from '../views/versions-bar';
import { HighlightLayer } from '../views/highlight-layer';
import { highlightCounts } from '../storage/highlight-queries';
import { createActions } from '../views/actions';
import { exportIds } from '../views/export-ids';
import { hasFilters, readFilters, wireFilters } from '../views/filters';
import { plainSource, searchSource, type LibrarySource } from '../views/library-source';
import { onKey } from '../views/list-keys';
import { renderRow } from '../views/row-view';
import { saveCurrentTab } from './save-current-tab';
import { showStatus } from '../views/status';
import { PAGE, VirtualList } from '../views/virtual-list';
import { userErrorMessage } from '../views/error-text';
import { withIcon } from '../views/icons';
import { storageWords } from '../views/storage-words';

performance.mark('popup-script');
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const db = libraryDb();
const checked = new Set<number>();
const peers = new Map<number, string | null>();
const highlightTotals = new Map<number, number>();
let openRecord: CaptureRecord | null = null;
let painted = false;
let view: RenderedArticle | null = null;
let stopTracking: (() => void) | null = null;
const scroller = elementScroller($('reader'));
let look: { step(delta: number): void } = { step: () => {} };
const highlights = new HighlightLayer(db);

/** Dense rows (issue 17): title, site · date · time, and one line of tags or excerpt. */
const ROW_HEIGHT = 64;

/** Read the same-story peers of a page of records before it is shown. */
function withPeers(source: LibrarySource): LibrarySource {
  return {
    total: source.total,
    totalLater: source.totalLater,
    fetch: async (offset, limit) => {
      const records = await source.fetch(offset, limit);
      await Promise.all([
        ...records.filter((r) => r.storyId != null && !peers.has(r.id!)).map(async (r) => peers.set(r.id!, await storyPeerTitle(db, r))),
        // Each row's highlight count (issue #16), read for the page in one query.
        highlightCounts(
          db,
          records.map((r) => r.id!),
        ).then((counts) => records.forEach((r) => highlightTotals.set(r.id!, counts.get(r.id!) ?? 0))),
      ]);
      return records;
    },
  };
}

const actions = createActions(() => refreshList(true));

const list = new VirtualList(
  $('list'),
  ROW_HEIGHT,
  (record, index, selected) =>
    renderRow(record, index, selected, {
      open: (id) => void openReader(id),
      checked,
      storyPeerTitle: (r) => peers.get(r.id!) ?? null,
      highlightCount: (r) => highlightTotals.get(r.id!) ?? 0,
      toggleFavourite: (r) => void actions.toggleFavourite(r),
      toggleArchive: (r) => void actions.toggleArchive(r),
      remove: (r) => void actions.remove(r.id!),
    }),
  () => {
    // The benchmark reads this mark: popup opened → first rows on screen (issue #5).
    if (painted) return;
    painted = true;
    requestAnimationFrame(() => performance.mark('first-rows'));
  },
);

let refreshing = 0;
async function refreshList(keepScroll = false): Promise<void> {
  const ticket = ++refreshing;
  const query = $<HTMLInputElement>('search').value.trim();
  const filters = readFilters();
  const filtered = !!query || hasFilters(filters);
  peers.clear();
  const source = withPeers(filtered ? await searchSource(db, query, filters, searchIds) : await plainSource(db, PAGE));
  if (ticket !== refreshing) return;
  performance.mark('library-read');
  await list.setSource(source, keepScroll);
  const total = filtered ? await countCaptures(db) : await source.totalLater!;
  if (ticket !== refreshing) return;
  if (!filtered) list.setTotal(total);
  $('empty').hidden = total > 0;
  $('no-match').hidden = !(filtered && total > 0 && source.total === 0);
  $('count').textContent = total ? (filtered ? tn('articlesShownOf', total, formatNumber(source.total)) : tn('articles', total)) : '';
  $('export-zip').hidden = total === 0;
  $('export-format').hidden = total === 0;
}

async function openReader(id: number): Promise<void> {
  const record = await getCapture(db, id);
  if (!record) return refreshList(true);
  openRecord = record;
  stopTracking?.();
  stopTracking = null;
  view?.release();
  view = await renderWithVersions($('reader'), record, db);
  await highlights.show($('reader'), record);
  addReextractButton(record);
  syncReaderButtons(record);
  $('library').hidden = true;
  $('reader-view').hidden = false;
  $('reader').scrollTop = 0;
  $('back').focus();
  markReadAtEnd();
  // Reading position saved and restored once the images have their size (issue #6).
  await view.settled;
  if (openRecord !== record) return;
  stopTracking = await trackReading(db, id, scroller);
  $('reader-view').dataset['ready'] = String(id);
}

/** "Re-extract" under the header when the page was kept with the capture (issue #4). */
function addReextractButton(record: CaptureRecord): void {
  if (!record.rawHtmlGzip && !(record as { rawHtml?: string }).rawHtml) return;
  const button = document.createElement('button');
  button.id = 'reextract';
  button.className = 'link-button';
  button.textContent = t('reextract');
  button.title = t('reextractTitle');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const { changed } = await send('replace-capture', { id: record.id!, capture: reextractCapture(record) });
      showStatus('ok', changed ? t('reextracted', record.title) : t('reextractedNoChange', record.title));
      await openReader(record.id!);
    } catch (error) {
      showStatus('error', t('reextractFailed', userErrorMessage(error)));
      button.disabled = false;
    }
  });
  $('reader').querySelector('.article-header')?.append(button);
}

function syncReaderButtons(record: CaptureRecord): void {
  $('toggle-read').textContent = record.readState === 'read' ? t('markUnread') : t('markRead');
  withIcon($('toggle-favourite'), 'star', !!record.favourite);
  $('toggle-favourite').setAttribute('aria-pressed', String(!!record.favourite));
  $('toggle-archive').textContent = record.archived ? t('unarchiveButton') : t('archiveButton');
  $<HTMLInputElement>('tags').value = (record.tags ?? []).join(', ');
}

/** Reading to the end marks the article read (once; "Mark unread" undoes it). */
function markReadAtEnd(): void {
  const reader = $('reader');
  const check = async () => {
    if (!openRecord || openRecord.readState === 'read') return reader.removeEventListener('scroll', check);
    if (reader.scrollTop + reader.clientHeight >= reader.scrollHeight - 40) {
      reader.removeEventListener('scroll', check);
      openRecord = (await actions.update(openRecord, { readState: 'read' })) ?? openRecord;
      syncReaderButtons(openRecord);
    }
  };
  reader.addEventListener('scroll', check, { passive: true });
}

function closeReader(): void {
  openRecord = null;
  // Save the position while the article still has its layout.
  stopTracking?.();
  stopTracking = null;
  delete $('reader-view').dataset['ready'];
  $('look-panel').hidden = true;
  $('reader-view').hidden = true;
  $('library').hidden = false;
  void refreshList(true);
  $('list').focus();
}

async function readerAction(run: (record: CaptureRecord) => Promise<CaptureRecord | null | undefined>): Promise<void> {
  if (!openRecord) return;
  openRecord = (await run(openRecord)) ?? openRecord;
  syncReaderButtons(openRecord);
}

/** The toolbar's drawings (inline SVG: no glyph that needs an emoji font, one drawing per action). */
function drawIcons(): void {
  withIcon($('library-page'), 'library');
  withIcon($('open-highlights'), 'highlight');
  withIcon($('options'), 'gear');
  withIcon($('export-zip'), 'download');
  withIcon($('back'), 'back');
  withIcon($('toggle-favourite'), 'star');
  withIcon($('open-tab'), 'external');
  withIcon($('export-md'), 'download');
  withIcon($('delete'), 'trash');
}

function toggleCheck(record: CaptureRecord): void {
  if (checked.has(record.id!)) checked.delete(record.id!);
  else checked.add(record.id!);
  list.render();
}

function wire(): void {
  drawIcons();
  $('library-page').addEventListener('click', () => void browser.tabs.create({ url: browser.runtime.getURL('library.html') }));
  $('search').addEventListener('input', () => void refreshList());
  wireFilters(() => void refreshList());
  $('options').addEventListener('click', () => void browser.runtime.openOptionsPage());
  $('open-highlights').addEventListener('click', () => void browser.tabs.create({ url: browser.runtime.getURL('highlights.html') }));
  $('back').addEventListener('click', closeReader);
  $('open-tab').addEventListener('click', () => {
    if (openRecord?.id) void browser.tabs.create({ url: browser.runtime.getURL(`reader.html?id=${openRecord.id}`) });
  });
  $('export-md').addEventListener('click', () => void (openRecord && exportMarkdown(openRecord)));
  $('delete').addEventListener('click', () => {
    if (!openRecord?.id) return;
    const id = openRecord.id;
    closeReader();
    void actions.remove(id);
  });
  $('toggle-read').addEventListener('click', () => void readerAction(actions.toggleRead));
  $('toggle-favourite').addEventListener('click', () => void readerAction(actions.toggleFavourite));
  $('toggle-archive').addEventListener('click', () => void readerAction(actions.toggleArchive));
  const tags = $<HTMLInputElement>('tags');
  const saveTags = () => void readerAction((r) => actions.setTags(r, tags.value));
  tags.addEventListener('change', saveTags);
  tags.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      saveTags();
    }
  });
  $('export-zip').addEventListener('click', async () => {
    const choice = { checked: [...checked], query: $<HTMLInputElement>('search').value.trim(), filters: readFilters() };
    const ids = await exportIds(choice, { db, search: searchIds });
    if (!ids.length) return;
    const button = $<HTMLButtonElement>('export-zip');
    button.disabled = true;
    await runExport(ids, $<HTMLSelectElement>('export-format').value, $('export-progress'));
    button.disabled = false;
  });
  $('look-toggle').addEventListener('click', () => {
    $('look-panel').hidden = !$('look-panel').hidden;
    $('look-toggle').setAttribute('aria-expanded', String(!$('look-panel').hidden));
  });
  void loadSettings().then((settings) => (look = buildLookPanel($('look-panel'), settings)));
  document.addEventListener('keydown', (event) => {
    // In the reader: Esc closes the look panel first; j/k, Space, +/− scroll and size (issue #6).
    if (!$('reader-view').hidden && event.key !== 'Escape' && !(document.activeElement instanceof HTMLInputElement)) {
      if (readerKey(event, scroller, look.step)) event.preventDefault();
      return;
    }
    if (!$('reader-view').hidden && event.key === 'Escape' && !$('look-panel').hidden) {
      event.preventDefault();
      $('look-panel').hidden = true;
      return;
    }
    onKey(event, {
      list,
      readerOpen: () => !$('reader-view').hidden,
      closeReader,
      open: openReader,
      actions,
      focusTags: () => $('tags').focus(),
      toggleCheck,
    });
  });
}

async function showStorage(): Promise<void> {
  const persisted = await requestPersistence();
  const usage = await storageUsage();
  const words = storageWords(usage.usedBytes, persisted);
  $('storage').textContent = words.text;
  $('storage').title = words.title;
}

localizeDocument();
wire();
void refreshList().then(async () => {
  void showStorage();
  // Have the background load its search index now, so the first typed query is fast.
  void send('search', { query: '', limit: 1 }).catch(() => {});
  // A page named with ?tab= was asked for explicitly; otherwise the setting decides.
  const explicit = new URLSearchParams(location.search).has('tab');
  if (explicit || (await loadSettings()).saveOnPopupOpen) await saveCurrentTab(() => refreshList(true), openReader);
});
