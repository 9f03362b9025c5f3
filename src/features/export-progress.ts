import { describeZip, exportZip } from './export';
import { errorMessage } from '../core/shared/errors';

/**
 * The progress bar + Cancel for a zip export, built into `host` (popup strip or options page).
 * Resolves when the export ends, was cancelled or failed; the host shows the summary sentence.
 */
export async function runZipExport(host: HTMLElement, ids: number[]): Promise<void> {
  host.hidden = false;
  host.replaceChildren();
  host.className = 'export-progress';
  const label = document.createElement('span');
  label.className = 'export-label';
  const bar = document.createElement('progress');
  bar.id = 'export-bar';
  bar.max = Math.max(1, ids.length);
  bar.value = 0;
  const cancel = document.createElement('button');
  cancel.className = 'text-button';
  cancel.id = 'export-cancel';
  cancel.textContent = 'Cancel';
  host.append(label, bar, cancel);
  const controller = new AbortController();
  cancel.addEventListener('click', () => controller.abort());
  label.textContent = `Exporting 0 of ${ids.length}…`;
  try {
    const result = await exportZip(ids, {
      signal: controller.signal,
      onProgress: (done, total) => {
        bar.value = done;
        label.textContent = `Exporting ${done} of ${total}…`;
      },
    });
    host.dataset['state'] = 'done';
    label.textContent = `Exported ${describeZip(result)} to ${result.name}`;
  } catch (error) {
    host.dataset['state'] = (error as Error).name === 'AbortError' ? 'cancelled' : 'failed';
    label.textContent = (error as Error).name === 'AbortError' ? 'Export cancelled. Nothing was downloaded.' : `The export failed: ${errorMessage(error)}`;
  }
  bar.remove();
  cancel.remove();
}
