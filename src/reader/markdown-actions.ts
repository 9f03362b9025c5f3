import { userErrorMessage } from '../views/error-text';
import { t } from '../platform/i18n';
import { canPickFolder, copyMarkdown, downloadMarkdownZip, requestDownloads, saveToDownloads, saveToFolder } from '../features/markdown-export';
import type { CaptureRecord } from '../storage/records';
import { loadSettings } from '../platform/settings-store';

/**
 * The reader bar's Markdown buttons: Copy as Markdown, Export Markdown (zip), and Save to folder…
 * where the browser has a folder picker (Chrome) or Save to Downloads where it has not (Firefox).
 * Each says in the status line what it did, or why it did nothing.
 */
export function wireMarkdownActions(record: CaptureRecord): void {
  const status = document.getElementById('export-status')!;
  const show = (state: 'working' | 'done' | 'failed', text: string) => {
    status.hidden = false;
    status.dataset['state'] = state;
    status.textContent = text;
  };
  const wire = (id: string, action: () => Promise<string>) => {
    const button = document.getElementById(id) as HTMLButtonElement;
    button.hidden = false;
    button.addEventListener('click', async () => {
      button.disabled = true;
      show('working', t('working'));
      try {
        show('done', await action());
      } catch (error) {
        show('failed', t('markdownFailed', userErrorMessage(error)));
      } finally {
        button.disabled = false;
      }
    });
  };
  wire('copy-md', async () => copyMarkdown(record, await loadSettings()));
  wire('export-md', async () => downloadMarkdownZip(record, await loadSettings()));
  if (canPickFolder()) wire('save-folder', async () => saveToFolder(record, await loadSettings()));
  else {
    const button = document.getElementById('save-downloads') as HTMLButtonElement;
    button.hidden = false;
    // The permission request must be the click's first call (Firefox); the rest may wait on it.
    button.addEventListener('click', () => {
      const granted = requestDownloads();
      show('working', t('working'));
      loadSettings()
        .then((settings) => saveToDownloads(record, settings, granted))
        .then(
          (text) => show('done', text),
          (error) => show('failed', t('markdownFailed', userErrorMessage(error))),
        );
    });
  }
}
