import { formatBytes } from '../core/shared/format-bytes';
import { plural } from '../core/shared/plural';
import { errorMessage } from '../core/shared/errors';
import { buildBook } from '../features/export-book';
import { downloadBlob } from '../platform/download';

/** The strip's words for an HTML or EPUB export, in one place. */
const TEXT = {
  building: (n: number) => `Preparing ${plural(n, 'article')}…`,
  // "clean-capture-2026-12-03.html — 2.4 MB": what the download will be, before it starts.
  file: (name: string, bytes: number) => `${name} — ${formatBytes(bytes)}`,
  download: 'Download',
  downloaded: (line: string) => `Downloaded ${line}`,
  failed: (why: string) => `The export failed: ${why}`,
};

/**
 * Build the HTML file or EPUB of these articles, then show its name and size with a Download
 * button: a file with every image embedded can be large, and the user decides before it lands in
 * their downloads (issue 13).
 */
export async function runBookExport(host: HTMLElement, ids: number[], format: 'html' | 'epub'): Promise<void> {
  host.hidden = false;
  host.className = 'export-progress';
  host.dataset['state'] = 'busy';
  host.replaceChildren(TEXT.building(ids.length));
  try {
    const file = await buildBook(ids, format);
    const label = document.createElement('span');
    label.className = 'export-label';
    label.id = 'export-file';
    label.textContent = TEXT.file(file.name, file.blob.size);
    const button = document.createElement('button');
    button.className = 'text-button';
    button.id = 'export-download';
    button.textContent = TEXT.download;
    button.addEventListener('click', () => {
      downloadBlob(file.blob, file.name);
      host.dataset['state'] = 'done';
      label.textContent = TEXT.downloaded(TEXT.file(file.name, file.blob.size));
      button.remove();
    });
    host.dataset['state'] = 'ready';
    host.replaceChildren(label, button);
  } catch (error) {
    host.dataset['state'] = 'failed';
    host.replaceChildren(TEXT.failed(errorMessage(error)));
  }
}
