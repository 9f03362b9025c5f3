import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware, Table } from 'dexie';
import type { MetaRecord } from './records';

/** The tables a write to which changes the library (what the search index reflects; highlights and notes are searched too). */
export const LIBRARY_TABLES: ReadonlySet<string> = new Set(['captures', 'versions', 'highlights']);
const META = 'meta';
const KEY = 'generation';

/**
 * The library's write generation: a search index persisted at generation N is current exactly
 * when the library is still at N. It moves in the same transaction as the write, once per
 * transaction, for every write to a library table, whoever makes it: this Dexie middleware sits
 * under every table call (add, put, update, modify, delete, bulk…, clear) and widens every
 * read-write transaction over a library table to the `meta` table, so no writer can skip it
 * (Re-extract and backup restore once did, and a stale index was loaded after a restart).
 */
export const generationMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'library-generation',
  create(down) {
    const bumped = new WeakSet<DBCoreTransaction>();
    const bump = async (trans: DBCoreTransaction) => {
      const meta = down.table(META);
      const current = ((await meta.get({ trans, key: KEY })) as { value?: number } | undefined)?.value ?? 0;
      await meta.mutate({ trans, type: 'put', values: [{ key: KEY, value: current + 1 }] });
    };
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some((s) => LIBRARY_TABLES.has(s)) && !stores.includes(META);
        return down.transaction(widen ? [...stores, META] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!LIBRARY_TABLES.has(name)) return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            if (bumped.has(req.trans)) return table.mutate(req);
            bumped.add(req.trans);
            const [response] = await Promise.all([table.mutate(req), bump(req.trans)]);
            return response;
          },
        };
      },
    };
  },
};

/** Takes any database with the `meta` table (db.ts imports this module, so not CleanCaptureDb). */
export async function readGeneration(db: { meta: Table<MetaRecord, string> }): Promise<number> {
  return (await db.meta.get(KEY))?.value ?? 0;
}
