import browser from 'webextension-polyfill';
import { t } from '../platform/i18n';
import { isUrlSaved } from '../storage/capture-queries';
import type { CleanCaptureDb } from '../storage/db';

/**
 * The toolbar icon marks a page that is already in the library (issue #5): a filled icon and
 * the tooltip "this page is in your library". It is decided from the tab's address, which the
 * browser only tells an extension for pages it may read: with just `activeTab`, that is the tab
 * the user clicked the button in (until it navigates), never every tab. So in normal use the mark
 * appears after a save and on revisits of pages the extension was given access to; other tabs keep
 * the plain icon. (Asking for the `tabs` permission would show it everywhere — we chose not to.)
 */
const PLAIN = { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png' };
const SAVED = { 16: 'icons/icon-saved-16.png', 32: 'icons/icon-saved-32.png', 48: 'icons/icon-saved-48.png' };

export async function markTab(tabId: number, saved: boolean): Promise<void> {
  try {
    await browser.action.setIcon({ tabId, path: saved ? SAVED : PLAIN });
    await browser.action.setTitle({ tabId, title: saved ? t('badgeInLibrary') : t('actionTitle') });
  } catch {
    // the tab closed meanwhile
  }
}

export async function refreshTab(db: CleanCaptureDb, tabId: number, url: string | undefined): Promise<void> {
  if (!url) return; // the browser did not tell us the address: leave the icon as it is
  await markTab(tabId, await isUrlSaved(db, url).catch(() => false));
}

/** After a delete or restore: every tab whose address we can see. */
export async function refreshSavedIcons(db: CleanCaptureDb): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(tabs.map((tab) => (tab.id !== undefined ? refreshTab(db, tab.id, tab.url) : undefined)));
}

export function watchTabs(db: CleanCaptureDb): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url || change.status === 'complete') void refreshTab(db, tabId, tab.url);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void browser.tabs.get(tabId).then(
      (tab) => refreshTab(db, tabId, tab.url),
      () => {},
    );
  });
}
