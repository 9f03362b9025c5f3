/**
 * What can go wrong when syncing, as codes the options page turns into words and tests assert on
 * (STYLE.md §11). Each message says what to do next.
 */
export type SyncErrorCode =
  | 'not-configured'
  | 'bad-url'
  | 'not-couchdb'
  | 'unauthorized'
  | 'no-database'
  | 'network'
  | 'server-error'
  | 'wrong-passphrase'
  | 'bad-data'
  | 'quota'
  | 'busy';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export function isSyncError(value: unknown): value is SyncError {
  return value instanceof Error && value.name === 'SyncError' && 'code' in value;
}
