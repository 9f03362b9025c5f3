import { errorMessage } from '../core/shared/errors';
import { plural } from '../core/shared/plural';
import { exportBook } from '../features/export-book';
import { runZipExport } from '../features/export-progress';

/** Export `ids` in `format` (zip of Markdown, one HTML file, one EPUB) with progress in `host`. */
export async function runExport(ids: number[], format: string, host: HTMLElement): Promise<void> {
  if (format !== 'html' && format !== 'epub') return runZipExport(host, ids);
  host.hidden = false;
  host.dataset['state'] = 'busy';
  host.textContent = `Exporting ${plural(ids.length, 'article')}…`;
  try {
    host.textContent = `Exported ${plural(ids.length, 'article')} to ${await exportBook(ids, format)}`;
    host.dataset['state'] = 'done';
  } catch (error) {
    host.textContent = `The export failed: ${errorMessage(error)}`;
    host.dataset['state'] = 'failed';
  }
}
