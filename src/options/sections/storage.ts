import { formatBytes } from '../../core/shared/format-bytes';
import { plural } from '../../core/shared/plural';
import { countCaptures } from '../../storage/capture-queries';
import { storedImageTotals } from '../../storage/image-queries';
import { libraryDb } from '../../platform/library-db';
import { requestPersistence, storageUsage } from '../../platform/storage-usage';
import type { OptionsSection } from '../section';

/**
 * Storage used by the library and whether the browser may evict it (issue #5), with the stored
 * images counted once each (issue #6).
 */
export const storageSection: OptionsSection = {
  id: 'storage',
  title: 'Storage',
  async render(body) {
    const db = libraryDb();
    const facts = document.createElement('p');
    facts.id = 'storage-facts';
    const line = document.createElement('p');
    line.id = 'storage-use';
    line.className = 'option';
    const persist = document.createElement('button');
    persist.className = 'text-button';
    persist.id = 'persist-storage';
    persist.textContent = 'Keep my library when disk space runs low';
    const show = async () => {
      const [usage, count] = await Promise.all([storageUsage(), countCaptures(db).catch(() => null)]);
      const used = usage.usedBytes !== null ? `${formatBytes(usage.usedBytes)} used` : 'Space used: unknown';
      const articles = count !== null ? ` by ${plural(count, 'article')}` : '';
      const kept = usage.persisted
        ? 'Persistent: the browser will not delete it to free space.'
        : 'Not persistent: under disk pressure the browser may delete it. Export a backup, or ask to keep it.';
      facts.textContent = `${used}${articles}. ${kept}`;
      persist.hidden = !!usage.persisted;
      const images = await storedImageTotals(db);
      line.textContent = `${count === null ? '? articles' : plural(count, 'article')} · ${plural(images.count, 'stored image')} (${formatBytes(images.bytes)})`;
    };
    persist.addEventListener('click', async () => {
      const granted = await requestPersistence();
      if (!granted) facts.textContent += ' The browser declined; it decides from how much you use the extension.';
      else await show();
    });
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent =
      'If the disk is full, a save stops with a message and the library stays as it was. Each article’s share is shown at the end of it in the reader; deleting an article frees its images unless another article shows them.';
    body.append(facts, line, persist, hint);
    await show();
  },
};
