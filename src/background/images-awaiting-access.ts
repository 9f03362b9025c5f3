import browser from 'webextension-polyfill';

/*
 * Tabs whose last save left images that only host access would keep (issue 13). When the user
 * grants it, the background saves those tabs again, which fetches just the missing images: the
 * popup that asked may be closed by the browser's permission prompt before it could do it itself.
 * Kept in storage.session so a restarted service worker still knows them.
 */

const KEY = 'imagesAwaitingAccess';

async function read(): Promise<number[]> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  return Array.isArray(stored) ? stored.filter((id): id is number => Number.isInteger(id)) : [];
}

/** Remember (or forget) that this tab's article has images waiting for host access. */
export async function setAwaitingAccess(tabId: number, waiting: boolean): Promise<void> {
  const tabs = new Set(await read());
  if (waiting === tabs.has(tabId)) return;
  if (waiting) tabs.add(tabId);
  else tabs.delete(tabId);
  await browser.storage.session.set({ [KEY]: [...tabs] });
}

/** The waiting tabs, forgotten as they are handed out (each is saved again once). */
export async function takeAwaitingAccess(): Promise<number[]> {
  const tabs = await read();
  if (tabs.length) await browser.storage.session.remove(KEY);
  return tabs;
}
