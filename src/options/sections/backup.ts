import { formatBytes } from '../../core/shared/format-bytes';
import { plural } from '../../core/shared/plural';
import type { RestoreSummary } from '../../messages';
import { downloadBackup } from '../../features/backup';
import { send } from '../../platform/messaging';
import type { OptionsSection } from '../section';
import { errorMessage } from '../../core/shared/errors';

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
  throw new Error('The library did not confirm the restore. Try again.');
}

function describeRestore(summary: RestoreSummary): string {
  const total = (key: 'added' | 'updated' | 'skipped') => Object.values(summary.tables).reduce((n, t) => n + t[key], 0);
  const captures = summary.tables['captures'] ?? { added: 0, updated: 0, skipped: 0 };
  const parts = [`${plural(captures.added, 'article')} added`, `${captures.updated} updated`, `${captures.skipped} already in your library`];
  const others = total('added') - captures.added;
  if (others) parts.push(`${plural(others, 'other item')} added`);
  return `Restored: ${parts.join(', ')}${summary.settingsRestored ? '; settings restored' : ''}.`;
}

/** Backup (download a JSON file of everything) and restore (merge one back in). */
export const backupSection: OptionsSection = {
  id: 'backup',
  title: 'Backup and restore',
  render(body) {
    const intro = document.createElement('p');
    intro.className = 'hint';
    intro.textContent =
      'A backup is one JSON file with every article, its images and history, and your settings. Restoring merges it into this library: articles you already have are kept, nothing is deleted.';
    const backup = document.createElement('button');
    backup.id = 'backup-download';
    backup.className = 'text-button bordered';
    backup.textContent = 'Download a backup';
    const restoreLabel = document.createElement('label');
    restoreLabel.className = 'text-button bordered file-button';
    restoreLabel.textContent = 'Restore from a backup…';
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
      status.textContent = 'Making the backup…';
      try {
        const { name, bytes } = await downloadBackup();
        status.dataset['state'] = 'done';
        status.textContent = `Backup saved as ${name} (${formatBytes(bytes)}).`;
      } catch (error) {
        status.dataset['state'] = 'failed';
        status.textContent = `The backup failed: ${errorMessage(error)}`;
      }
      backup.disabled = false;
    });
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      status.dataset['state'] = 'busy';
      status.textContent = `Checking ${chosen.name}…`;
      try {
        const summary = await sendInParts(await chosen.text(), (done, total) => {
          if (total > 1) status.textContent = `Sending ${chosen.name} to the library… ${Math.round((done / total) * 100)}%`;
        });
        status.dataset['state'] = 'done';
        status.textContent = describeRestore(summary);
      } catch (error) {
        status.dataset['state'] = 'failed';
        status.textContent = errorMessage(error);
      }
      file.value = '';
    });
    const buttons = document.createElement('div');
    buttons.className = 'button-row';
    buttons.append(backup, restoreLabel);
    body.append(intro, buttons, status);
  },
};
