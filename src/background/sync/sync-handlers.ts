import type { Handlers, MessageType } from '../../messages';
import type { SyncService } from './sync-service';

export type SyncMessage = 'sync-configure' | 'sync-now' | 'sync-status' | 'sync-off';

/** Sync's messages (issue 14). */
export function createSyncHandlers(sync: SyncService): Pick<Handlers, SyncMessage> {
  return {
    'sync-configure': async ({ url, database, username, password, passphrase }) => {
      await sync.configure({ url, database, username, password, passphrase });
      // The first round starts now; the answer does not wait for it (a large library takes a while).
      void sync.syncNow().catch(() => {});
      return { ok: true };
    },
    'sync-now': () => sync.syncNow(),
    'sync-status': () => sync.status(),
    'sync-off': async () => {
      await sync.off();
      return { ok: true };
    },
  };
}

/** Messages that never change the library: no sync round after them. */
const READS: ReadonlySet<MessageType> = new Set(['search', 'sync-configure', 'sync-now', 'sync-status', 'sync-off']);

/** The handlers, each library write followed by a (debounced) sync round. */
export function syncAfterWrites(handlers: Handlers, changed: (type: MessageType) => void): Handlers {
  const out: Record<string, unknown> = {};
  for (const [type, handler] of Object.entries(handlers) as [MessageType, (r: never) => Promise<unknown>][]) {
    out[type] = READS.has(type)
      ? handler
      : async (request: never) => {
          const value = await handler(request);
          changed(type);
          return value;
        };
  }
  return out as Handlers;
}
