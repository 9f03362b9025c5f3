import browser from 'webextension-polyfill';
import { isCaptureError } from '../core/errors';
import { isRequest, type AnyRequest, type Reply } from '../messages';
import { openDb } from '../storage/db';
import { freeOrphanedImages } from '../storage/images';
import { clearStaleSavingBadges } from './badge';
import { captureTab } from './capture-tab';
import { createHandlers } from './handlers';
import { createMenus, MENU_SAVE_SELECTION } from './menus';

const db = openDb();
const handlers = createHandlers(db);
// Images left unused by deletes are freed after Undo's grace period (issue #6).
void freeOrphanedImages(db).catch(() => {});
// A capture cut short by a stopped service worker left "…" on its tab: clear it (issue #8).
void clearStaleSavingBadges().catch(() => {});

async function dispatch(request: AnyRequest): Promise<Reply<unknown>> {
  try {
    const handler = handlers[request.type] as (r: AnyRequest) => Promise<unknown>;
    return { ok: true, value: await handler(request) };
  } catch (error) {
    const code = isCaptureError(error) ? error.code : 'internal';
    return { ok: false, error: { code, message: String((error as Error)?.message ?? error) } };
  }
}

browser.runtime.onMessage.addListener((message: unknown) => (isRequest(message) ? dispatch(message) : undefined));

browser.runtime.onInstalled.addListener(createMenus);

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (tab?.id !== undefined) captureTab(db, tab.id, info.menuItemId === MENU_SAVE_SELECTION).catch(() => {});
});

browser.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'save-article') return;
  const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (target?.id !== undefined) captureTab(db, target.id).catch(() => {});
});
