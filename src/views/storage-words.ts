import { formatBytes } from '../core/shared/format-bytes';

/** The words, in one place (issue 17: they move to i18n later). */
const TEXT = {
  used: (size: string) => `${size} on this device`,
  kept: 'kept safe',
  mayGo: 'the browser may remove it if space runs low',
  whyMayGo: 'The browser may clear extension data when the disk is nearly full. Options → Storage can ask it to keep your library; a backup keeps a copy.',
};

/**
 * The popup's storage line in plain words (issue 17): "10.7 MB on this device · the browser may
 * remove it if space runs low" rather than "10.7 MB used · not persistent", with the why in a
 * tooltip.
 */
export function storageWords(usedBytes: number | null, persisted: boolean): { text: string; title: string } {
  const parts = [usedBytes !== null ? TEXT.used(formatBytes(usedBytes)) : '', persisted ? TEXT.kept : TEXT.mayGo].filter(Boolean);
  return { text: parts.join(' · '), title: persisted ? '' : TEXT.whyMayGo };
}
