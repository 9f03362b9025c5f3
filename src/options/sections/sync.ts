import browser from 'webextension-polyfill';
import { errorMessage } from '../../core/shared/errors';
import { plural } from '../../core/shared/plural';
import type { SyncOutcome, SyncStatus } from '../../messages';
import { requestHostAccess } from '../../platform/host-access';
import { send } from '../../platform/messaging';
import { actionButton, type OptionsSection } from '../section';

/** Every string of the Sync section, in one place (issue 14). */
const TEXT = {
  title: 'Sync',
  intro:
    'Sync this library with your other browsers through your own CouchDB (or PouchDB Server). Everything is encrypted on this device with your passphrase before it leaves: the server sees only ciphertext. Use the same server, database and passphrase on every device.',
  url: 'Server address',
  urlHint: 'https://couch.example.com:6984',
  database: 'Database',
  username: 'User (empty for a server without accounts)',
  password: 'Password',
  passphrase: 'Encryption passphrase',
  passphraseHint: 'Lost passphrase = unreadable sync copy (your library here is unaffected). Pick a long one and keep it safe.',
  connect: 'Test connection and turn sync on',
  testing: 'Testing the connection…',
  connected: 'Connected. Sync is on: the first sync runs now.',
  syncNow: 'Sync now',
  syncing: 'Syncing…',
  off: 'Turn sync off',
  turnedOff: 'Sync is off. Your library on this device is unchanged.',
  noPermission: (origin: string) => `Clean Capture needs your permission to reach ${origin}: allow it to turn sync on.`,
  failed: (message: string) => `Sync failed: ${message}`,
  never: 'Not synced yet.',
  lastSync: (when: string, last: SyncOutcome) => `Last sync ${when}: ${moved(last)}.`,
  totals: (totals: SyncOutcome) => `Since sync was turned on: ${moved(totals)}.`,
  statusOff: 'Sync is off.',
  statusOn: (url: string, database: string) => `Syncing with ${database} on ${url}.`,
};

function moved(o: SyncOutcome): string {
  return `${plural(o.pushed, 'item')} sent, ${plural(o.pulled, 'item')} received, ${plural(o.conflicts, 'conflict')} resolved`;
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
  title: TEXT.title,
  async render(body) {
    const intro = document.createElement('p');
    intro.className = 'hint';
    intro.textContent = TEXT.intro;
    const url = field('sync-url', TEXT.url, 'url', TEXT.urlHint);
    const database = field('sync-database', TEXT.database, 'text', 'clean-capture');
    const username = field('sync-username', TEXT.username);
    const password = field('sync-password', TEXT.password, 'password');
    const passphrase = field('sync-passphrase', TEXT.passphrase, 'password');
    const passHint = document.createElement('p');
    passHint.className = 'hint';
    passHint.textContent = TEXT.passphraseHint;
    const connect = actionButton('sync-connect', TEXT.connect);
    const now = actionButton('sync-now', TEXT.syncNow);
    const off = actionButton('sync-off', TEXT.off);
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
      const lines = [status.enabled ? TEXT.statusOn(status.url ?? '', status.database ?? '') : TEXT.statusOff];
      if (status.enabled) {
        lines.push(status.lastSyncAt && status.last ? TEXT.lastSync(new Date(status.lastSyncAt).toLocaleString(), status.last) : TEXT.never);
        if (status.lastSyncAt) lines.push(TEXT.totals(status.totals));
        if (status.error) lines.push(TEXT.failed(status.error.message));
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
        say(TEXT.failed(`“${url.input.value}” is not a web address.`), 'failed');
        return;
      }
      // First, inside the click: the browser grants a permission only in answer to a gesture.
      const granted = await requestHostAccess([origin]).catch(() => false);
      if (!granted) {
        say(TEXT.noPermission(origin.replace('/*', '')), 'failed');
        return;
      }
      connect.disabled = true;
      say(TEXT.testing, 'busy');
      try {
        await send('sync-configure', {
          url: url.input.value.trim(),
          database: database.input.value.trim(),
          username: username.input.value,
          password: password.input.value,
          passphrase: passphrase.input.value,
        });
        password.input.value = passphrase.input.value = '';
        say(TEXT.connected, 'done');
      } catch (error) {
        say(TEXT.failed(errorMessage(error)), 'failed');
      }
      connect.disabled = false;
      await refresh();
    });
    now.addEventListener('click', async () => {
      now.disabled = true;
      say(TEXT.syncing, 'busy');
      try {
        const outcome = await send('sync-now', {});
        say(`${moved(outcome)}.`, 'done');
      } catch (error) {
        say(TEXT.failed(errorMessage(error)), 'failed');
      }
      await refresh();
    });
    off.addEventListener('click', async () => {
      await send('sync-off', {});
      say(TEXT.turnedOff, 'done');
      await refresh();
    });
    await refresh();
  },
};
