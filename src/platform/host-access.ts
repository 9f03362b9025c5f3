import browser from 'webextension-polyfill';

/*
 * Host access beyond the active tab (issue 13): the manifest's optional_host_permissions, given
 * by the user once. `origins` are match patterns (`https://cdn.example.com/*`; see
 * core/library/host-patterns.ts). Used by the background (may it fetch this image?), the popup and
 * the options page (ask, show, withdraw), and the importer (the sites of an export that holds only
 * addresses, asked from Options → Import).
 */

/** Whether the extension may reach every one of these origins now. False for none asked or a bad pattern. */
export async function hasHostAccess(origins: string[]): Promise<boolean> {
  if (!origins.length) return false;
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    // A pattern the browser does not accept is access we do not have.
    return false;
  }
}

/**
 * Ask the user for these origins. Must run inside a click handler (browsers only prompt from a
 * user gesture), before any other await. Resolves false when the user declines.
 */
export function requestHostAccess(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}

/** Give the access back (Options). Resolves false when it was not held. */
export function removeHostAccess(origins: string[]): Promise<boolean> {
  return browser.permissions.remove({ origins });
}
