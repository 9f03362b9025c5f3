import { formatBytes } from '../../core/image-type';
import { libraryDb } from '../../ui/library-db';
import type { OptionsSection } from '../section';

/** How much the library takes: articles, stored images (each once), and the browser's estimate. */
export const storageSection: OptionsSection = {
  id: 'storage',
  title: 'Storage',
  async render(body) {
    const db = libraryDb();
    const line = document.createElement('p');
    line.id = 'storage-use';
    line.className = 'option';
    let imageBytes = 0;
    let images = 0;
    await db.images.each((image) => {
      images++;
      imageBytes += image.bytes;
    });
    const articles = await db.captures.count();
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    line.textContent = `${articles} article${articles === 1 ? '' : 's'} · ${images} stored image${images === 1 ? '' : 's'} (${formatBytes(imageBytes)})${estimate?.usage !== undefined ? ` · ${formatBytes(estimate.usage)} used in all` : ''}`;
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = 'Each article’s share is shown at the end of it in the reader. Deleting an article frees its images unless another article shows them.';
    body.append(line, hint);
  },
};
