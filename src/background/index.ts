import browser, { type Runtime } from 'webextension-polyfill';
import { isRequest } from '../messages';
import { openDb } from '../storage/db';
import { sweepLibrary } from '../storage/library';
import { clearStaleSavingBadges } from './badge';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';
import { createMenus, MENU_OPEN_LIBRARY, MENU_SAVE_SELECTION } from './menus';
import { watchTabs } from './saved-icon';
import { SearchService } from './search-service';

const db = openDb();
const search = new SearchService(db);
const handlers = createHandlers(db, search);
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
  if (tab?.id !== undefined) captureFromTab(tab.id, info.menuItemId === MENU_SAVE_SELECTION);
});

browser.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'save-article') return;
  const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (target?.id !== undefined) captureFromTab(target.id);
});
