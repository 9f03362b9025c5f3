/**
 * v4 (issues #4, #7): image links found by address too, so an export can pack the stored copy of
 * every image its Markdown names. An added index only: Dexie builds it, nothing to move.
 */
export const stores = {
  imageLinks: '[captureId+url], captureId, hash, url',
};
