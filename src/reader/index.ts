import { getCapture } from '../storage/captures';
import { exportMarkdown } from '../ui/export';
import { libraryDb } from '../ui/library-db';
import { renderWithVersions } from '../ui/versions-bar';

/** The full-tab reader: reader.html?id=N, rendered from the local library (works offline). */
async function main(): Promise<void> {
  const message = document.getElementById('message')!;
  const id = Number(new URLSearchParams(location.search).get('id'));
  const record = Number.isInteger(id) && id > 0 ? await getCapture(libraryDb(), id) : undefined;
  if (!record) {
    message.hidden = false;
    message.textContent = 'This article is not in your library (it may have been deleted).';
    return;
  }
  document.title = record.title;
  await renderWithVersions(document.getElementById('reader')!, record, libraryDb());
  const exportButton = document.getElementById('export-md')!;
  exportButton.hidden = false;
  exportButton.addEventListener('click', () => exportMarkdown(record));
}

void main();
