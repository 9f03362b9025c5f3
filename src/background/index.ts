import browser, { type Runtime } from 'webextension-polyfill';
import { isRequest } from '../messages';
import { openDb } from '../storage/db';
import { sweepLibrary } from '../storage/library';
import { clearStaleSavingBadges } from './badge';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';
import { IMPORT_ALARM, ImportRunner } from './import-runner';
import { createMenus, MENU_HIGHLIGHT_SELECTION, MENU_OPEN_LIBRARY, MENU_SAVE_SELECTION } from './menus';
import { refreshSavedIcons, watchTabs } from './saved-icon';
import { takeAwaitingAccess } from './images-awaiting-access';
import { SearchService } from './search-service';
import { SYNC_ALARM, SyncService } from './sync/sync-service';
import { SETTINGS_KEY } from '../platform/settings-store';
import { createSyncHandlers, syncAfterWrites } from './sync/sync-handlers';

const db = openDb();
const search = new SearchService(db);
// The import queue (issue #15) lives in the database: whatever a stopped background left, it resumes.
const imports = new ImportRunner(db, (id) => void search.upsert(id).catch(() => {}));
void imports.resume().catch(() => {});
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === IMPORT_ALARM) void imports.pump();
});
const sync = new SyncService(db, () => {
  void search.reindexAll().catch(() => {});
  void refreshSavedIcons(db);
});
// Every library write is followed by a (debounced) one-shot sync round when sync is on (issue 14).
const handlers = syncAfterWrites({ ...createHandlers(db, search, imports), ...createSyncHandlers(sync) }, (type) =>
  sync.changed(type === 'set-reading-progress'),
);
// Deleted articles (tombstones) and images no article shows, past the Undo window: deleted for good.
void sweepLibrary(db).catch(() => {});
// A capture cut short by a stopped service worker left "…" on its tab: clear it (issue #8).
void clearStaleSavingBadges().catch(() => {});

// Only our own pages may send messages (messages.ts MESSAGE_SENDERS; the content script sends none).
const dispatch = createDispatch(handlers, { id: browser.runtime.id, origin: browser.runtime.getURL('') });

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => (isRequest(message) ? dispatch(message, sender) : undefined));

browser.runtime.onInstalled.addListener(createMenus);

watchTabs(db);

// The shortcut and the menu go through the same handler as the popup (index update included).
const captureFromTab = (tabId: number, selection = false) => void handlers.capture({ type: 'capture', tabId, selection }).catch(() => {});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_OPEN_LIBRARY) return void browser.tabs.create({ url: browser.runtime.getURL('library.html') });
  if (tab?.id === undefined) return;
  // The same handler as the highlight-selection message (what the e2e test drives).
  if (info.menuItemId === MENU_HIGHLIGHT_SELECTION) void handlers['highlight-selection']({ type: 'highlight-selection', tabId: tab.id }).catch(() => {});
  else captureFromTab(tab.id, info.menuItemId === MENU_SAVE_SELECTION);
});

browser.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'save-article') return;
  const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (target?.id !== undefined) captureFromTab(target.id);
});

// The schedule: one-shot rounds (an MV3 worker cannot keep a replication open); off when sync is off.
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === SYNC_ALARM) void sync.syncNow().catch(() => {});
});
// The pages save settings straight to storage.local: a saved setting is a change to sync too.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SETTINGS_KEY in changes) sync.changed();
});

// Host access just given (issue 13): the tabs whose images were waiting for it are saved again.
browser.permissions.onAdded.addListener((added) => {
  if (!added.origins?.length) return;
  void takeAwaitingAccess()
    .then((tabs) => tabs.forEach((tabId) => captureFromTab(tabId)))
    .catch(() => {});
});
