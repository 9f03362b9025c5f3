/**
 * Derive each browser's manifest from the one source manifest.json (STYLE.md §6):
 * Chrome runs the background as a service worker, Firefox as an event page with a gecko id.
 */
export const GECKO_ID = 'clean-capture@clean-capture.app';

/** Permissions only the Chromium build asks for (Firefox's event page has a DOM: no offscreen document). */
export const CHROMIUM_ONLY_PERMISSIONS = ['declarativeNetRequestWithHostAccess', 'offscreen'];

export function deriveManifest(source, browser, version) {
  const manifest = structuredClone(source);
  manifest.version = version;
  if (browser === 'firefox') {
    manifest.background = { scripts: [source.background.service_worker] };
    // Chromium-only (issue 13): Firefox sends fetch()'s `referrer` from the background as given;
    // Chromium drops it, so there a session rule sets the image request's Referer instead.
    manifest.permissions = source.permissions.filter((p) => !CHROMIUM_ONLY_PERMISSIONS.includes(p));
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        // 142 is the first version that knows data_collection_permissions.
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return manifest;
}
