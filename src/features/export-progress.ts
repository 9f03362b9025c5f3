import { describeZip, exportZip } from './export';
import { errorMessage } from '../core/shared/errors';
import { formatNumber, t } from '../platform/i18n';

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
  cancel.textContent = t('cancel');
  host.append(label, bar, cancel);
  const controller = new AbortController();
  cancel.addEventListener('click', () => controller.abort());
  label.textContent = t('exportProgress', formatNumber(0), formatNumber(ids.length));
  try {
    const result = await exportZip(ids, {
      signal: controller.signal,
      onProgress: (done, total) => {
        bar.value = done;
        label.textContent = t('exportProgress', formatNumber(done), formatNumber(total));
      },
    });
    host.dataset['state'] = 'done';
    label.textContent = t('exportDone', describeZip(result), result.name);
  } catch (error) {
    host.dataset['state'] = (error as Error).name === 'AbortError' ? 'cancelled' : 'failed';
    label.textContent = (error as Error).name === 'AbortError' ? t('exportCancelled') : t('exportFailed', errorMessage(error));
  }
  bar.remove();
  cancel.remove();
}
