/**
 * v3 (issue #6): images kept offline, deduplicated by content hash across the library and linked
 * to captures (a capture's links by captureId; who still uses an image by hash; orphans by
 * orphanedAt for the delayed free), and reading progress per capture. New tables only: nothing to
 * move, so no upgrade().
 */
export const stores = {
  images: 'hash, orphanedAt',
  imageLinks: '[captureId+url], captureId, hash',
  reading: 'captureId',
};
