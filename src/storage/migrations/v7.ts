/**
 * v7 (issue #15, import): the import queue. Pages an import still has to capture survive the
 * service worker stopping and the browser restarting, so they live in the database, not in
 * memory: one row per page (`importQueue`, found by state), and the page HTML an export carried
 * beside it (`importPages`, by the row's id), read only when that page's turn comes. No existing
 * record changes.
 */
export const stores = {
  importQueue: '++id, state, url',
  importPages: 'id',
};
