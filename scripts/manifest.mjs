/**
 * Derive each browser's manifest from the one source manifest.json (STYLE.md §6):
 * Chrome runs the background as a service worker, Firefox as an event page with a gecko id.
 */
export const GECKO_ID = 'clean-capture@clean-capture.app';

export function deriveManifest(source, browser, version) {
  const manifest = structuredClone(source);
  manifest.version = version;
  if (browser === 'firefox') {
    manifest.background = { scripts: [source.background.service_worker] };
    // Firefox's event page has a DOM: no offscreen document (and Firefox knows no such permission).
    manifest.permissions = manifest.permissions.filter((p) => p !== 'offscreen');
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
