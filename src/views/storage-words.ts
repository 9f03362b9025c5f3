import { formatSize, t } from '../platform/i18n';

/**
 * The popup's storage line in plain words (issue 17): "10.7 MB on this device · the browser may
 * remove it if space runs low" rather than "10.7 MB used · not persistent", with the why in a
 * tooltip.
 */
export function storageWords(usedBytes: number | null, persisted: boolean): { text: string; title: string } {
  const parts = [usedBytes !== null ? t('storageOnDevice', formatSize(usedBytes)) : '', persisted ? t('storageKept') : t('storageMayGo')].filter(Boolean);
  return { text: parts.join(' · '), title: persisted ? '' : t('storageMayGoWhy') };
}
