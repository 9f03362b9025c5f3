import browser from 'webextension-polyfill';

/**
 * The optional host grant (manifest `optional_host_permissions`): reading pages and images of
 * other sites, asked for when a feature needs it (an import fetching the pages of its export).
 * `origins` are match patterns (`https://example.com/*`).
 */
export function hasHostAccess(origins: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins });
}

/** Must be called from a user gesture (a click); true when granted. */
export function requestHostAccess(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}
