import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTransaction, Middleware, Table } from 'dexie';
import type { SyncMetaRecord } from './records';

/**
 * Sync's change log (issue 14): which articles and highlights changed since sync last looked, so
 * a round reads those records only, not the whole library. Kept by a Dexie middleware under every
 * table call, like the write generation (generation.ts): whoever writes — a handler, the import,
 * Re-extract, a restore, sync itself — the entry is written in the same transaction as the change,
 * so no writer can skip it and a stopped worker loses none. Entries live in `syncMeta`
 * (`changed:c:<id>`, `changed:h:<uuid>`, value: a sequence number), so no schema change is needed.
 */

const SYNC_META = 'syncMeta';
const PREFIX = 'changed:';
/** A change the log cannot attribute to one record (a range delete): the next round looks at everything. */
const EVERYTHING = '*';

/** Tables whose writes change what sync sends, and how a write names its article or highlight. */
const TRACKED: Record<string, { ofValue?: (value: Record<string, unknown>) => string | null; ofKey?: (key: unknown) => string | null }> = {
  captures: { ofKey: (key) => (typeof key === 'number' ? `c:${key}` : null) },
  reading: { ofKey: (key) => (typeof key === 'number' ? `c:${key}` : null) },
  versions: { ofValue: (value) => (typeof value.captureId === 'number' ? `c:${value.captureId}` : null) },
  imageLinks: {
    ofValue: (value) => (typeof value.captureId === 'number' ? `c:${value.captureId}` : null),
    ofKey: (key) => (Array.isArray(key) && typeof key[0] === 'number' ? `c:${key[0]}` : null),
  },
  highlights: { ofKey: (key) => (typeof key === 'string' ? `h:${key}` : null) },
};

/** Increases with every logged change, across restarts (it starts from the clock). */
let lastSeq = 0;
function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

/** The sequence number of the latest change logged by this process (0 before any). */
export function currentChangeSeq(): number {
  return lastSeq;
}

function changedKeys(name: string, req: DBCoreMutateRequest, res: DBCoreMutateResponse): string[] {
  const how = TRACKED[name];
  if (req.type === 'deleteRange') return [EVERYTHING];
  const out: string[] = [];
  if (req.type === 'delete') {
    if (!how.ofKey) return [];
    for (const key of req.keys) out.push(how.ofKey(key) ?? EVERYTHING);
    return out;
  }
  // add and put: the values name their article; else the keys (given, or assigned: `results`).
  const keys = req.keys ?? res.results ?? [];
  req.values.forEach((value, i) => {
    const named = how.ofValue?.(value as Record<string, unknown>) ?? how.ofKey?.(keys[i]) ?? null;
    out.push(named ?? EVERYTHING);
  });
  return out;
}

export const syncChangesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'sync-changes',
  create(down) {
    const hasLog = down.schema.tables.some((t) => t.name === SYNC_META);
    if (!hasLog) return down;
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some((s) => s in TRACKED) && !stores.includes(SYNC_META);
        return down.transaction(widen ? [...stores, SYNC_META] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!(name in TRACKED)) return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            const res = await table.mutate(req);
            // An upgrade transaction (an older schema being migrated) may lack syncMeta: nothing to log there.
            if ((req.trans as unknown as IDBTransaction).mode === 'versionchange') return res;
            const keys = [...new Set(changedKeys(name, req, res))];
            if (keys.length) {
              const seq = String(nextSeq());
              await down
                .table(SYNC_META)
                .mutate({ trans: req.trans as DBCoreTransaction, type: 'put', values: keys.map((k) => ({ key: PREFIX + k, value: seq })) });
            }
            return res;
          },
        };
      },
    };
  },
};

/** What changed since the log was last cleared. */
export interface SyncChanges {
  /** A change not tied to one record: look at everything. */
  everything: boolean;
  captureIds: number[];
  highlightIds: string[];
  /** The highest sequence number read: clearing up to it keeps later changes. */
  upTo: number;
}

export async function readSyncChanges(db: { syncMeta: Table<SyncMetaRecord, string> }): Promise<SyncChanges> {
  const rows = await db.syncMeta.where('key').startsWith(PREFIX).toArray();
  const out: SyncChanges = { everything: false, captureIds: [], highlightIds: [], upTo: 0 };
  for (const row of rows) {
    out.upTo = Math.max(out.upTo, Number(row.value) || 0);
    const key = row.key.slice(PREFIX.length);
    if (key === '*') out.everything = true;
    else if (key.startsWith('c:')) out.captureIds.push(Number(key.slice(2)));
    else if (key.startsWith('h:')) out.highlightIds.push(key.slice(2));
  }
  return out;
}

/**
 * The log after a round: entries up to `upTo` (what the round read) are done; so are those of the
 * records the round itself wrote (`own`, as `c:<id>` / `h:<uuid>`) up to `ownUpTo`. Anything later
 * stays for the next round.
 */
export async function clearSyncChanges(db: { syncMeta: Table<SyncMetaRecord, string> }, upTo: number, own: Iterable<string> = [], ownUpTo = 0): Promise<void> {
  const mine = new Set([...own].map((k) => PREFIX + k));
  await db.syncMeta
    .where('key')
    .startsWith(PREFIX)
    .modify((row, ref) => {
      const seq = Number(row.value) || 0;
      if (seq <= upTo || (mine.has(row.key) && seq <= ownUpTo)) delete (ref as { value?: unknown }).value;
    });
}
