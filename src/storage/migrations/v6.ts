/**
 * v6 (issue #16): highlights and notes, one record per highlight in a table of their own. The id
 * is a UUID (not an auto-increment) so a highlight keeps its identity across devices, backups and
 * a future sync; `updatedAt` orders edits (latest wins); a delete leaves a tombstone (`deletedAt`)
 * like an article's, so Undo and a sync can carry it. Indexed by article (the reader, the row
 * counts), by creation time (the Highlights view, newest first) and by deletedAt (the sweep). A
 * new table: nothing to upgrade.
 */
export const stores = {
  highlights: 'id, captureId, createdAt, updatedAt, deletedAt',
};
