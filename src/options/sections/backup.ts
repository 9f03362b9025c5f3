import type { RestoreSummary } from '../../messages';
import { downloadBackup } from '../../features/backup';
import { send } from '../../platform/messaging';
import type { OptionsSection } from '../section';
import { userErrorMessage } from '../../views/error-text';
import { formatNumber, formatSize, t, tn, uiLanguage } from '../../platform/i18n';

/** Characters per message: ≤ 4 bytes each in UTF-8, well under Chrome's 64 MiB message cap. */
const PART_CHARS = 8 * 1024 * 1024;

async function sendInParts(text: string, onProgress: (done: number, total: number) => void): Promise<RestoreSummary> {
  // Cut points never split a surrogate pair (a lone half would not survive the message).
  const cuts = [0];
  while (cuts.at(-1)! < text.length) {
    let end = Math.min(text.length, cuts.at(-1)! + PART_CHARS);
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1]!)) end--;
    cuts.push(end);
  }
  const parts = Math.max(1, cuts.length - 1);
  const uploadId = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  for (let part = 0; part < parts; part++) {
    const summary = await send('restore-backup-part', { uploadId, part, parts, text: text.slice(cuts[part] ?? 0, cuts[part + 1] ?? 0) });
    onProgress(part + 1, parts);
    if (summary) return summary;
  }
  throw new Error(t('restoreNotConfirmed'));
}

function describeRestore(summary: RestoreSummary): string {
  const total = (key: 'added' | 'updated' | 'skipped') => Object.values(summary.tables).reduce((n, t) => n + t[key], 0);
  const captures = summary.tables['captures'] ?? { added: 0, updated: 0, skipped: 0 };
  const parts = [
    tn('restoredArticles', captures.added),
    t('restoredUpdated', formatNumber(captures.updated)),
    t('restoredSkipped', formatNumber(captures.skipped)),
  ];
  const others = total('added') - captures.added;
  if (others) parts.push(tn('restoredOthers', others));
  return summary.settingsRestored ? t('restoredWithSettings', parts.join(', ')) : t('restored', parts.join(', '));
}

/** Backup (download a JSON file of everything) and restore (merge one back in). */
export const backupSection: OptionsSection = {
  id: 'backup',
  title: t('sectionBackup'),
  render(body) {
    const intro = document.createElement('p');
    intro.className = 'hint';
    intro.textContent = t('backupIntro');
    const backup = document.createElement('button');
    backup.id = 'backup-download';
    backup.className = 'text-button bordered';
    backup.textContent = t('backupDownload');
    const restoreLabel = document.createElement('label');
    restoreLabel.className = 'text-button bordered file-button';
    restoreLabel.textContent = t('restoreChoose');
    const file = document.createElement('input');
    file.type = 'file';
    file.id = 'restore-file';
    file.accept = '.json,application/json';
    restoreLabel.append(file);
    const status = document.createElement('p');
    status.id = 'backup-status';
    status.className = 'hint';
    status.setAttribute('role', 'status');
    backup.addEventListener('click', async () => {
      backup.disabled = true;
      status.dataset['state'] = 'busy';
      status.textContent = t('backupMaking');
      try {
        const { name, bytes } = await downloadBackup();
        status.dataset['state'] = 'done';
        status.textContent = t('backupSaved', name, formatSize(bytes));
      } catch (error) {
        status.dataset['state'] = 'failed';
        status.textContent = t('backupFailed', userErrorMessage(error));
      }
      backup.disabled = false;
    });
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      status.dataset['state'] = 'busy';
      status.textContent = t('restoreChecking', chosen.name);
      try {
        const summary = await sendInParts(await chosen.text(), (done, total) => {
          if (total > 1) status.textContent = t('restoreSending', chosen.name, new Intl.NumberFormat(uiLanguage(), { style: 'percent' }).format(done / total));
        });
        status.dataset['state'] = 'done';
        status.textContent = describeRestore(summary);
      } catch (error) {
        status.dataset['state'] = 'failed';
        status.textContent = userErrorMessage(error);
      }
      file.value = '';
    });
    const buttons = document.createElement('div');
    buttons.className = 'button-row';
    buttons.append(backup, restoreLabel);
    body.append(intro, buttons, status);
  },
};
