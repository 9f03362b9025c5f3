import { countCaptures } from '../../storage/capture-queries';
import { storedImageTotals } from '../../storage/image-queries';
import { libraryDb } from '../../platform/library-db';
import { requestPersistence, storageUsage } from '../../platform/storage-usage';
import type { OptionsSection } from '../section';
import { formatSize, t, tn } from '../../platform/i18n';

/**
 * Storage used by the library and whether the browser may evict it (issue #5), with the stored
 * images counted once each (issue #6).
 */
export const storageSection: OptionsSection = {
  id: 'storage',
  title: t('sectionStorage'),
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
    persist.textContent = t('persistButton');
    const show = async () => {
      const [usage, count] = await Promise.all([storageUsage(), countCaptures(db).catch(() => null)]);
      const used =
        usage.usedBytes === null
          ? t('storageUsedUnknown')
          : count !== null
            ? t('storageUsedBy', formatSize(usage.usedBytes), tn('articles', count))
            : t('storageUsed', formatSize(usage.usedBytes));
      const kept = usage.persisted ? t('storagePersistent') : t('storageNotPersistent');
      facts.textContent = `${used} ${kept}`;
      persist.hidden = !!usage.persisted;
      const images = await storedImageTotals(db);
      line.textContent = `${count === null ? t('articlesUnknown') : tn('articles', count)} · ${tn('storedImages', images.count, formatSize(images.bytes))}`;
    };
    persist.addEventListener('click', async () => {
      const granted = await requestPersistence();
      if (!granted) facts.textContent += ` ${t('persistDeclined')}`;
      else await show();
    });
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = t('storageHint');
    body.append(facts, line, persist, hint);
    await show();
  },
};
