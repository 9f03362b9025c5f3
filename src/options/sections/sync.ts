import browser from 'webextension-polyfill';
import { userErrorMessage } from '../../views/error-text';
import { t, tn, uiLanguage } from '../../platform/i18n';
import type { SyncOutcome, SyncStatus } from '../../messages';
import { requestHostAccess } from '../../platform/host-access';
import { send } from '../../platform/messaging';
import { actionButton, type OptionsSection } from '../section';

/** "3 items sent, 2 received, 0 conflicts resolved". */
function moved(o: SyncOutcome): string {
  return t('syncMoved', tn('items', o.pushed), tn('items', o.pulled), tn('conflicts', o.conflicts));
}

function field(id: string, label: string, type = 'text', placeholder = ''): { row: HTMLLabelElement; input: HTMLInputElement } {
  const row = document.createElement('label');
  row.className = 'field';
  row.textContent = label;
  const input = document.createElement('input');
  input.id = id;
  input.type = type;
  input.placeholder = placeholder;
  input.autocomplete = 'off';
  input.spellcheck = false;
  row.append(input);
  return { row, input };
}

/** Options → Sync: the server, the passphrase, Test connection, Sync now, off; last sync, what moved, errors in words. */
export const syncSection: OptionsSection = {
  id: 'sync',
  title: t('sectionSync'),
  async render(body) {
    const intro = document.createElement('p');
    intro.className = 'hint';
    intro.textContent = t('syncIntro');
    const url = field('sync-url', t('syncUrl'), 'url', 'https://couch.example.com:6984');
    const database = field('sync-database', t('syncDatabase'), 'text', 'clean-capture');
    const username = field('sync-username', t('syncUsername'));
    const password = field('sync-password', t('syncPassword'), 'password');
    const passphrase = field('sync-passphrase', t('syncPassphrase'), 'password');
    const passHint = document.createElement('p');
    passHint.className = 'hint';
    passHint.textContent = t('syncPassphraseHint');
    const connect = actionButton('sync-connect', t('syncConnect'));
    const now = actionButton('sync-now', t('syncNow'));
    const off = actionButton('sync-off', t('syncOff'));
    const message = document.createElement('p');
    message.id = 'sync-message';
    message.className = 'hint';
    message.setAttribute('role', 'status');
    const state = document.createElement('p');
    state.id = 'sync-state';
    state.className = 'hint';
    state.setAttribute('aria-live', 'polite');
    body.append(intro, url.row, database.row, username.row, password.row, passphrase.row, passHint, connect, now, off, message, state);

    const say = (text: string, kind: 'busy' | 'done' | 'failed') => {
      message.textContent = text;
      message.dataset['state'] = kind;
    };
    const draw = (status: SyncStatus) => {
      now.disabled = off.disabled = !status.enabled;
      if (status.enabled && !url.input.value) {
        url.input.value = status.url ?? '';
        database.input.value = status.database ?? '';
        username.input.value = status.username ?? '';
      }
      const lines = [status.enabled ? t('syncStatusOn', status.database ?? '', status.url ?? '') : t('syncStatusOff')];
      if (status.enabled) {
        lines.push(
          status.lastSyncAt && status.last ? t('syncLast', new Date(status.lastSyncAt).toLocaleString(uiLanguage()), moved(status.last)) : t('syncNever'),
        );
        if (status.lastSyncAt) lines.push(t('syncTotals', moved(status.totals)));
        if (status.error) lines.push(t('syncFailed', userErrorMessage(status.error)));
      }
      state.textContent = lines.join(' ');
      state.dataset['state'] = status.error ? 'failed' : status.lastSyncAt ? 'synced' : status.enabled ? 'on' : 'off';
    };
    const refresh = () => send('sync-status', {}).then(draw, () => {});
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && 'syncStatus' in changes) void refresh();
    });

    connect.addEventListener('click', async () => {
      let origin: string;
      try {
        const parsed = new URL(url.input.value.trim());
        origin = `${parsed.protocol}//${parsed.hostname}/*`;
      } catch {
        say(t('syncFailed', t('syncNotAnAddress', url.input.value)), 'failed');
        return;
      }
      // First, inside the click: the browser grants a permission only in answer to a gesture.
      const granted = await requestHostAccess([origin]).catch(() => false);
      if (!granted) {
        say(t('syncNoPermission', origin.replace('/*', '')), 'failed');
        return;
      }
      connect.disabled = true;
      say(t('syncTesting'), 'busy');
      try {
        await send('sync-configure', {
          url: url.input.value.trim(),
          database: database.input.value.trim(),
          username: username.input.value,
          password: password.input.value,
          passphrase: passphrase.input.value,
        });
        password.input.value = passphrase.input.value = '';
        say(t('syncConnected'), 'done');
      } catch (error) {
        say(t('syncFailed', userErrorMessage(error)), 'failed');
      }
      connect.disabled = false;
      await refresh();
    });
    now.addEventListener('click', async () => {
      now.disabled = true;
      say(t('syncSyncing'), 'busy');
      try {
        const outcome = await send('sync-now', {});
        say(`${moved(outcome)}.`, 'done');
      } catch (error) {
        say(t('syncFailed', userErrorMessage(error)), 'failed');
      }
      await refresh();
    });
    off.addEventListener('click', async () => {
      await send('sync-off', {});
      say(t('syncTurnedOff'), 'done');
      await refresh();
    });
    await refresh();
  },
};
