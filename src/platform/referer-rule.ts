import browser from 'webextension-polyfill';

/*
 * The page's origin as Referer on the background's own image download (issue 13). Chromium drops
 * a fetch() `referrer` of another origin than the extension's, and Referer is a forbidden header,
 * so a declarativeNetRequest session rule sets it, for that one address, for requests of no tab
 * (the background's), while the download runs. Firefox honours the `referrer` option and its build
 * does not ask for declarativeNetRequest: there this does nothing (feature detection).
 */

type Dnr = {
  updateSessionRules(options: { removeRuleIds?: number[]; addRules?: unknown[] }): Promise<void>;
};

function dnr(): Dnr | null {
  return ((browser as unknown as { declarativeNetRequest?: Dnr }).declarativeNetRequest ?? null) as Dnr | null;
}

/** Rule ids of this background's life; removed before being added, in case a stopped worker left one. */
let nextId = 1;

/** Run `download` with `referer` sent on requests to exactly `url` from the background. */
export async function withReferer<T>(url: string, referer: string, download: () => Promise<T>): Promise<T> {
  const api = dnr();
  // `*`, `^` and `|` are urlFilter syntax: such an address cannot be matched exactly; it goes without.
  if (!api || /[*^|]/.test(url)) return download();
  const id = nextId++;
  try {
    await api.updateSessionRules({
      removeRuleIds: [id],
      addRules: [
        {
          id,
          priority: 1,
          action: { type: 'modifyHeaders', requestHeaders: [{ header: 'referer', operation: 'set', value: referer }] },
          condition: { urlFilter: `|${url}|`, tabIds: [-1], resourceTypes: ['xmlhttprequest'] },
        },
      ],
    });
  } catch {
    // No rule (no permission, a browser refusing it): the download goes without the Referer.
    return download();
  }
  try {
    return await download();
  } finally {
    await api.updateSessionRules({ removeRuleIds: [id] }).catch(() => {});
  }
}
