/** v1 (0.1.0): captures, found by any URL they were seen at (multi-entry), listed newest first. */
export const stores = {
  captures: '++id, *urlKeys, capturedAt',
};
