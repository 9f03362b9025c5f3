/**
 * v8 (issue 14, sync): what this device last agreed with the sync server. `syncDocs` holds, per
 * server document, the local record it stands for and the merged state last synced (stamps, not
 * texts: the texts are in captures/versions), from which local edits get their change times;
 * `syncMeta` holds the pull checkpoint. No upgrade: both start empty, and a first sync fills them.
 * (Versions 6 and 7 belong to other branches; Dexie allows the gap.)
 */
export const stores = {
  syncDocs: 'docId, localKey',
  syncMeta: 'key',
};
