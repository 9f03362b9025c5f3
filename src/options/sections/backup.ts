import type { RestoreSummary } from '../../messages';
import { downloadBackup } from '../../ui/backup';
import { send } from '../../ui/client';
import type { OptionsSection } from '../section';

function describeRestore(summary: RestoreSummary): string {
  const total = (key: 'added' | 'updated' | 'skipped') => Object.values(summary.tables).reduce((n, t) => n + t[key], 0);
  const captures = summary.tables['captures'] ?? { added: 0, updated: 0, skipped: 0 };
  const parts = [
    `${captures.added} article${captures.added === 1 ? '' : 's'} added`,
    `${captures.updated} updated`,
    `${captures.skipped} already in your library`,
  ];
  const others = total('added') - captures.added;
  if (others) parts.push(`${others} other item${others === 1 ? '' : 's'} added`);
  return `Restored: ${parts.join(', ')}${summary.settingsRestored ? '; settings restored' : ''}.`;
}

/** Backup (download a JSON file of everything) and restore (merge one back in). */
export const backupSection: OptionsSection = {
  id: 'backup',
  title: 'Backup and restore',
  render(body) {
    const intro = document.createElement('p');
    intro.className = 'hint';
    intro.textContent = 'A backup is one JSON file with every article, its images and history, and your settings. Restoring merges it into this library: articles you already have are kept, nothing is deleted.';
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
        status.textContent = `Backup saved as ${name} (${(bytes / 1024 / 1024).toFixed(1)} MB).`;
      } catch (error) {
        status.dataset['state'] = 'failed';
        status.textContent = `The backup failed: ${(error as Error).message}`;
      }
      backup.disabled = false;
    });
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      status.dataset['state'] = 'busy';
      status.textContent = `Checking ${chosen.name}…`;
      try {
        const summary = await send('restore-backup', { text: await chosen.text() });
        status.dataset['state'] = 'done';
        status.textContent = describeRestore(summary);
      } catch (error) {
        status.dataset['state'] = 'failed';
        status.textContent = (error as Error).message;
      }
      file.value = '';
    });
    const buttons = document.createElement('div');
    buttons.className = 'button-row';
    buttons.append(backup, restoreLabel);
    body.append(intro, buttons, status);
  },
};
