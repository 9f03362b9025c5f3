import browser from 'webextension-polyfill';
import { countCaptures, getCapture, listCaptures, searchCaptures } from '../storage/captures';
import type { CaptureRecord } from '../storage/db';
import { renderArticle, type RenderedArticle } from '../ui/article-view';
import { buildLookPanel } from '../ui/reader-look';
import { readerKey } from '../ui/reader-keys';
import { elementScroller, trackReading } from '../ui/reading-position';
import { readIds } from '../storage/reading';
import { send } from '../ui/client';
import { exportMarkdown } from '../ui/export';
import { runZipExport } from '../ui/export-progress';
import { exportBook } from '../ui/export-book';
import { allCaptureIds, searchCaptureIds } from '../storage/export-source';
import { libraryDb } from '../ui/library-db';
import { reextractCapture } from '../ui/reextract';
import { loadSettings } from '../ui/settings-store';
import { renderRows } from './list-view';
import { hideStatus, showStatus } from './status';
import { saveCurrentTab } from './save-current-tab';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const db = libraryDb();
const checked = new Set<number>();
let shown: CaptureRecord[] = [];
let openRecord: CaptureRecord | null = null;
let view: RenderedArticle | null = null;
let stopTracking: (() => void) | null = null;
const scroller = elementScroller($('reader'));
let look: { step(delta: number): void } = { step: () => {} };

async function refreshList(): Promise<void> {
  const query = $<HTMLInputElement>('search').value.trim();
  const [records, total] = await Promise.all([query ? searchCaptures(db, query, 200) : listCaptures(db, 0, 200), countCaptures(db)]);
  shown = records;
  const read = await readIds(db, records.map((r) => r.id!)).catch(() => new Set<number>());
  renderRows($('list'), records, checked, (id) => void openReader(id), read);
  $('empty').hidden = total > 0;
  $('count').textContent = total ? (query ? `${records.length} of ${total} articles` : `${total} article${total === 1 ? '' : 's'}`) : '';
  $('export-zip').hidden = total === 0;
  $('export-format').hidden = total === 0;
}

async function openReader(id: number): Promise<void> {
  const record = await getCapture(db, id);
  if (!record) return refreshList();
  openRecord = record;
  view?.release();
  view = await renderArticle($('reader'), record, db);
  addReextractButton(record);
  $('library').hidden = true;
  $('reader-view').hidden = false;
  $('reader').scrollTop = 0;
  $('back').focus();
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
  button.textContent = 'Re-extract';
  button.title = "Run today's extractor again on the page kept with this article";
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const { changed } = await send('replace-capture', { id: record.id!, capture: reextractCapture(record) });
      showStatus('ok', changed ? `Re-extracted · ${record.title}` : `Re-extracted · no change in ${record.title}`);
      await openReader(record.id!);
    } catch (error) {
      showStatus('error', `Re-extract failed. ${(error as Error)?.message ?? error}`);
      button.disabled = false;
    }
  });
  $('reader').querySelector('.article-header')?.append(button);
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
  void refreshList();
}

async function deleteOpen(): Promise<void> {
  if (!openRecord?.id) return;
  const { record, images } = await send('delete-capture', { id: openRecord.id });
  closeReader();
  if (record) {
    showStatus('ok', `Deleted “${record.title}”`, {
      label: 'Undo',
      run: async () => {
        await send('restore-capture', { record, images });
        hideStatus();
        await refreshList();
      },
    });
  }
}

function wire(): void {
  $('search').addEventListener('input', () => void refreshList());
  $('options').addEventListener('click', () => void browser.runtime.openOptionsPage());
  $('back').addEventListener('click', closeReader);
  $('open-tab').addEventListener('click', () => {
    if (openRecord?.id) void browser.tabs.create({ url: browser.runtime.getURL(`reader.html?id=${openRecord.id}`) });
  });
  $('export-md').addEventListener('click', () => void (openRecord && exportMarkdown(openRecord)));
  $('delete').addEventListener('click', () => void deleteOpen());
  // The zip holds the checked articles, else the search result, else the whole library.
  $('export-zip').addEventListener('click', async () => {
    const query = $<HTMLInputElement>('search').value.trim();
    const inView = shown.map((r) => r.id!).filter((id) => checked.has(id));
    const ids = checked.size ? [...inView, ...[...checked].filter((id) => !inView.includes(id))] : query ? await searchCaptureIds(db, query) : await allCaptureIds(db);
    if (!ids.length) return;
    const button = $<HTMLButtonElement>('export-zip');
    const format = $<HTMLSelectElement>('export-format').value;
    button.disabled = true;
    if (format === 'html' || format === 'epub') {
      const host = $('export-progress');
      host.hidden = false;
      host.dataset['state'] = 'busy';
      host.textContent = `Exporting ${ids.length} article${ids.length === 1 ? '' : 's'}…`;
      try {
        host.textContent = `Exported ${ids.length} article${ids.length === 1 ? '' : 's'} to ${await exportBook(ids, format)}`;
        host.dataset['state'] = 'done';
      } catch (error) {
        host.textContent = `The export failed: ${(error as Error).message}`;
        host.dataset['state'] = 'failed';
      }
    } else {
      await runZipExport($('export-progress'), ids);
    }
    button.disabled = false;
  });
  document.addEventListener('keydown', onKey);
  $('look-toggle').addEventListener('click', () => {
    $('look-panel').hidden = !$('look-panel').hidden;
    $('look-toggle').setAttribute('aria-expanded', String(!$('look-panel').hidden));
  });
  void loadSettings().then((settings) => (look = buildLookPanel($('look-panel'), settings)));
}

function onKey(event: KeyboardEvent): void {
  const inSearch = document.activeElement === $('search');
  if (!$('reader-view').hidden) {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!$('look-panel').hidden) $('look-panel').hidden = true;
      else closeReader();
    } else if (readerKey(event, scroller, look.step)) {
      event.preventDefault();
    }
    return;
  }
  if (event.key === '/' && !inSearch) {
    event.preventDefault();
    $('search').focus();
    return;
  }
  const rows = [...$('list').querySelectorAll<HTMLElement>('.row')];
  const current = rows.findIndex((r) => r.getAttribute('aria-selected') === 'true');
  const move = (to: number) => {
    rows.forEach((r, i) => r.setAttribute('aria-selected', String(i === to)));
    rows[to]?.scrollIntoView({ block: 'nearest' });
  };
  if (event.key === 'ArrowDown' || (!inSearch && event.key === 'j')) {
    event.preventDefault();
    move(Math.min(rows.length - 1, current + 1));
  } else if (event.key === 'ArrowUp' || (!inSearch && event.key === 'k')) {
    event.preventDefault();
    move(Math.max(0, current - 1));
  } else if (event.key === 'Enter' && current >= 0) {
    event.preventDefault();
    void openReader(shown[current]!.id!);
  }
}

wire();
void refreshList().then(async () => {
  // A page named with ?tab= was asked for explicitly; otherwise the setting decides.
  const explicit = new URLSearchParams(location.search).has('tab');
  if (explicit || (await loadSettings()).saveOnPopupOpen) await saveCurrentTab(refreshList);
});
