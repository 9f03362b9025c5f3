import { formatSize, t, tn } from '../platform/i18n';
import { errorMessage } from '../core/shared/errors';
import { buildBook } from '../features/export-book';
import { downloadBlob } from '../platform/download';

// "clean-capture-2026-12-03.html — 2.4 MB": what the download will be, before it starts.
const fileLine = (name: string, bytes: number) => t('exportFileLine', name, formatSize(bytes));

/**
 * Build the HTML file or EPUB of these articles, then show its name and size with a Download
 * button: a file with every image embedded can be large, and the user decides before it lands in
 * their downloads (issue 13).
 */
export async function runBookExport(host: HTMLElement, ids: number[], format: 'html' | 'epub'): Promise<void> {
  host.hidden = false;
  host.className = 'export-progress';
  host.dataset['state'] = 'busy';
  host.replaceChildren(tn('exportPreparing', ids.length));
  try {
    const file = await buildBook(ids, format);
    const label = document.createElement('span');
    label.className = 'export-label';
    label.id = 'export-file';
    label.textContent = fileLine(file.name, file.blob.size);
    const button = document.createElement('button');
    button.className = 'text-button';
    button.id = 'export-download';
    button.textContent = t('download');
    button.addEventListener('click', () => {
      downloadBlob(file.blob, file.name);
      host.dataset['state'] = 'done';
      label.textContent = t('exportDownloaded', fileLine(file.name, file.blob.size));
      button.remove();
    });
    host.dataset['state'] = 'ready';
    host.replaceChildren(label, button);
  } catch (error) {
    host.dataset['state'] = 'failed';
    host.replaceChildren(t('exportFailed', errorMessage(error)));
  }
}
