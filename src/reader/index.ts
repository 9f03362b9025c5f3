import { getCapture } from '../storage/capture-queries';
import { exportAnnotations } from '../features/export';
import { libraryDb } from '../platform/library-db';
import { buildLookPanel } from '../views/reader-look';
import { readerKey } from '../views/reader-keys';
import { trackReading, windowScroller } from '../views/reading-position';
import { loadSettings } from '../platform/settings-store';
import { renderWithVersions } from '../views/versions-bar';
import { wireMarkdownActions } from './markdown-actions';
import { HighlightLayer } from '../views/highlight-layer';
import { wireReaderActions } from './reader-actions';
import { localizeDocument, t } from '../platform/i18n';

/** The full-tab reader: reader.html?id=N, rendered from the local library (works offline). */
async function main(): Promise<void> {
  const message = document.getElementById('message')!;
  const settings = await loadSettings();
  const look = buildLookPanel(document.getElementById('look-panel')!, settings);
  const id = Number(new URLSearchParams(location.search).get('id'));
  const db = libraryDb();
  const record = Number.isInteger(id) && id > 0 ? await getCapture(db, id) : undefined;
  if (!record) {
    message.hidden = false;
    message.textContent = t('readerNotFound');
    return;
  }
  document.title = record.title;
  const view = await renderWithVersions(document.getElementById('reader')!, record, db);
  await new HighlightLayer(db).show(document.getElementById('reader')!, record);
  const toggle = document.getElementById('look-toggle')!;
  toggle.hidden = false;
  toggle.addEventListener('click', () => {
    const panel = document.getElementById('look-panel')!;
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
  });
  wireMarkdownActions(record);
  const annotations = document.getElementById('export-annotations')!;
  annotations.hidden = false;
  annotations.addEventListener('click', () => exportAnnotations(record));
  await wireReaderActions(db, record);
  const scroller = windowScroller();
  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement) return;
    if (event.key === 'Escape') document.getElementById('look-panel')!.hidden = true;
    else if (readerKey(event, scroller, look.step)) event.preventDefault();
  });
  await view.settled;
  await trackReading(db, record.id!, scroller, () => (document.body.dataset['read'] = 'true'));
  document.body.dataset['ready'] = 'true';
  window.addEventListener('pagehide', () => view.release());
}

localizeDocument();
void main();
