import 'fake-indexeddb/auto';
import type { Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseDocument } from '../../../src/cli/dom';
import { BACKUP_FORMAT_VERSION, parseBackup } from '../../../src/core/backup/backup-format';
import { extract } from '../../../src/core/extract/extract';
import { createBackup } from '../../../src/storage/backup';
import { saveCapture } from '../../../src/storage/captures';
import { CleanCaptureDb } from '../../../src/storage/db';
import { restoreBackup } from '../../../src/storage/restore';
import { makeCapture, readSeed, SEED_URL } from '../helpers';

/**
 * The app's database plus tables that exist only here: they stand for the tables other features
 * add (versions, tags, images) and prove backup and restore find tables through db.tables.
 */
class TestDb extends CleanCaptureDb {
  extras!: Table<{ id?: number; captureId: number; note: string; image: Blob; when: Date }, number>;
  blobs!: Table<Blob, string>;
  codes!: Table<{ code: string; n: number }, string>;
  constructor(name: string) {
    super(name);
    this.version(90).stores({ extras: '++id, captureId', blobs: '', codes: 'code' });
  }
}

let db: TestDb;
let n = 0;
const newDb = async () => {
  const d = new TestDb(`backup-test-${process.pid}-${++n}`);
  await d.open();
  return d;
};
const T = new Date('2024-01-02T03:04:05.000Z');
const BYTES = new Uint8Array([0, 1, 2, 250, 255, 137, 80, 78, 71]);

async function fill(d: TestDb): Promise<void> {
  const seed = readSeed();
  const a = await saveCapture(d, extract(parseDocument(seed.html, SEED_URL), SEED_URL), T);
  const b = await saveCapture(d, makeCapture({ url: 'https://example.com/b', title: 'B: "quoted" #tag', textContent: 'Other text entirely.' }), T);
  await d.extras.add({ captureId: a.record.id!, note: 'about A', image: new Blob([BYTES], { type: 'image/png' }), when: T });
  await d.extras.add({ captureId: b.record.id!, note: 'about B, with {"$cc": "x"}', image: new Blob([], { type: 'image/gif' }), when: T });
  await d.blobs.add(new Blob(['raw bytes'], { type: 'text/plain' }), 'key-1');
  await d.codes.add({ code: 'x', n: 1 });
}

/** Every table's rows, Blobs as {type, bytes}, for deep comparison. */
async function snapshot(d: TestDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  const plain = async (v: unknown): Promise<unknown> => {
    if (v instanceof Blob) return { blob: v.type, bytes: [...new Uint8Array(await v.arrayBuffer())] };
    if (v instanceof Date) return { date: v.toISOString() };
    if (Array.isArray(v)) return Promise.all(v.map(plain));
    if (v && typeof v === 'object') return Object.fromEntries(await Promise.all(Object.entries(v).map(async ([k, x]) => [k, await plain(x)])));
    return v;
  };
  for (const table of d.tables) {
    const keys = await table.toCollection().primaryKeys();
    const values = await table.toArray();
    out[table.name] = await Promise.all(values.map(async (v, i) => ({ key: keys[i], value: await plain(v) })));
  }
  return out;
}

const backupText = async (d: TestDb, settings: unknown = { saveOnPopupOpen: false }) => (await createBackup(d, { settings, generator: 'test', now: T })).text();

beforeEach(async () => {
  db = await newDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('backup', () => {
  it('holds every table of the database, documented header first', async () => {
    await fill(db);
    await db.syncDocs.put({ docId: 'c-x', localKey: 'capture:1', signature: '' });
    const data = JSON.parse(await backupText(db));
    expect(data.format).toBe('clean-capture-backup');
    expect(data.formatVersion).toBe(BACKUP_FORMAT_VERSION);
    expect(data.schemaVersion).toBe(90);
    expect(data.settings).toEqual({ saveOnPopupOpen: false });
    expect(Object.keys(data.tables).sort()).toEqual([
      'blobs',
      'captureRows',
      'captures',
      'codes',
      'extras',
      'highlights',
      'imageLinks',
      'images',
      'importPages',
      'importQueue',
      'meta',
      'reading',
      'searchIndex',
      'syncDocs',
      'syncMeta',
      'versions',
    ]);
    // Sync's bookkeeping names this device's ids: its tables are listed, never their rows.
    expect(data.tables.syncDocs.rows).toEqual([]);
    // The list rows (v9) are made from the captures: never carried in a file.
    expect(data.tables.captureRows.rows).toEqual([]);
    expect(data.tables.captures.schema).toBe('++id, *urlKeys, capturedAt, fingerprint, *bands, storyId, listOrder, deletedAt');
    expect(data.tables.captures.rows).toHaveLength(2);
    expect(data.tables.extras.rows[0].image).toEqual({ $cc: 'blob', type: 'image/png', base64: 'AAEC+v+JUE5H' });
    expect(data.tables.extras.rows[0].when).toEqual({ $cc: 'date', iso: T.toISOString() });
    expect(data.tables.blobs.outbound).toBe(true);
    expect(data.tables.blobs.rows[0].key).toBe('key-1');
  });

  it('round trip: backup → wipe → restore gives the same library, Blobs and dates included', async () => {
    await fill(db);
    const before = await snapshot(db);
    const text = await backupText(db);
    db.close();
    await db.delete();
    db = await newDb();
    const report = await restoreBackup(db, parseBackup(text));
    expect(report.tables.captures).toEqual({ added: 2, updated: 0, skipped: 0 });
    expect(report.tables.extras!.added).toBe(2);
    expect(report.settings).toEqual({ saveOnPopupOpen: false });
    // The write generation and sync's change log are this library's own: the restore moved them
    // (generation.ts, sync-changes.ts: restored articles are changes to sync); the rest is identical.
    const { meta: metaBefore, syncMeta: logBefore, ...restBefore } = before;
    const { meta: metaAfter, syncMeta: logAfter, ...restAfter } = await snapshot(db);
    expect(restAfter).toEqual(restBefore);
    expect((logAfter as { key: string }[]).map((row) => row.key)).toEqual((logBefore as { key: string }[]).map((row) => row.key));
    expect(metaBefore).toHaveLength(1);
    expect(metaAfter).toEqual([{ key: 'generation', value: { key: 'generation', value: expect.any(Number) } }]);
  });

  it('pages through a large table (more than one page of rows)', async () => {
    await db.codes.bulkAdd(Array.from({ length: 450 }, (_, i) => ({ code: `c${String(i).padStart(4, '0')}`, n: i })));
    const data = JSON.parse(await backupText(db));
    expect(data.tables.codes.rows.map((r: { n: number }) => r.n)).toEqual(Array.from({ length: 450 }, (_, i) => i));
  });
});

describe('restore merges', () => {
  it('restoring the same backup twice adds nothing the second time', async () => {
    await fill(db);
    const text = await backupText(db);
    const before = await snapshot(db);
    const report = await restoreBackup(db, parseBackup(text));
    expect(report.tables.captures).toEqual({ added: 0, updated: 0, skipped: 2 });
    expect(report.tables.extras).toEqual({ added: 0, updated: 0, skipped: 2 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('into another library: new records get new ids, and rows pointing at captures follow them', async () => {
    await fill(db);
    const text = await backupText(db);
    const other = await newDb();
    try {
      await saveCapture(other, makeCapture({ url: 'https://example.com/mine', textContent: 'My own article.' }), T);
      await saveCapture(other, makeCapture({ url: 'https://example.com/b', title: 'B older', textContent: 'Changed later.' }), new Date('2020-01-01'));
      await restoreBackup(other, parseBackup(text));
      const captures = await other.captures.toArray();
      // The backup's B is newer than this library's B: its text wins, in the same record.
      expect(captures.map((c) => c.title).sort()).toEqual(
        ['B: "quoted" #tag', "Canadian PM meets Alibaba's Jack Ma for SME growth", 'Canadian PM meets Alibaba founder'].sort(),
      );
      expect(captures).toHaveLength(3);
      const extras = await other.extras.toArray();
      for (const extra of extras) {
        const target = captures.find((c) => c.id === extra.captureId)!;
        expect(extra.note.startsWith('about B') ? target.url : target.title).toMatch(extra.note.startsWith('about B') ? 'example.com/b' : /Alibaba's Jack Ma/);
      }
    } finally {
      other.close();
      await other.delete();
    }
  });
});

describe('restore refuses a bad file and changes nothing', () => {
  async function expectRefused(text: string, message: RegExp): Promise<void> {
    const before = await snapshot(db);
    await expect((async () => restoreBackup(db, parseBackup(text)))()).rejects.toThrow(message);
    expect(await snapshot(db)).toEqual(before);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed backup JSON, edited freely to make it bad
  let good: Record<string, any>;
  beforeEach(async () => {
    await fill(db);
    good = JSON.parse(await backupText(db));
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed backup JSON, edited freely to make it bad
  const edit = (f: (d: Record<string, any>) => void) => {
    const copy = structuredClone(good);
    f(copy);
    return JSON.stringify(copy);
  };

  it.each([
    ['not JSON', () => 'hello', /not a Clean Capture backup \(it is not valid JSON\)/],
    ['another JSON file', () => '{"name": "x"}', /not a Clean Capture backup/],
    ['a future format', () => edit((d) => (d.formatVersion = 2)), /newer version of Clean Capture \(format 2/],
    [
      'an unknown table',
      () => edit((d) => (d.tables.annotationsOfTheFuture = { schema: '++id', outbound: false, rows: [] })),
      /"annotationsOfTheFuture", which this version/,
    ],
    ['a capture without urlKeys', () => edit((d) => delete d.tables.captures.rows[1].urlKeys), /captures row 2: "urlKeys"/],
    ['a javascript: URL', () => edit((d) => (d.tables.captures.rows[0].url = 'javascript:alert(1)')), /captures row 1: "url" must be an http/],
    ['broken base64', () => edit((d) => (d.tables.extras.rows[0].image.base64 = 'AAE$')), /not valid base64/],
    ['an unknown value type', () => edit((d) => (d.tables.extras.rows[0].image = { $cc: 'weird' })), /unknown value type "weird"/],
    ['a __proto__ key', () => JSON.stringify(good).replace('"note":', '"__proto__": {"polluted": 1}, "note":'), /__proto__/],
    ['a row that is not an object', () => edit((d) => (d.tables.codes.rows[0] = 'x')), /codes row 1: not an object/],
    ['a keyless row in a keyed table', () => edit((d) => delete d.tables.codes.rows[0].code), /codes row 1: its key "code" is missing/],
  ])('%s', async (_label, make, message) => {
    await expectRefused(make(), message);
  });

  it('a truncated file', async () => {
    const text = JSON.stringify(good);
    await expectRefused(text.slice(0, Math.floor(text.length / 2)), /incomplete \(it ends too early\)/);
  });

  it('a write that fails half-way rolls back every table', async () => {
    const text = edit((d) => {
      d.tables.captures.rows.push({ ...d.tables.captures.rows[0], id: 999, urlKeys: ['https://example.com/new'], url: 'https://example.com/new' });
      // Two rows with one outbound key: the second add fails inside the transaction.
      d.tables.blobs.rows.push({ key: 'dup', value: 'a' }, { key: 'dup', value: 'b' });
      d.tables.blobs.rows.push({ key: 'dup', value: 'c' });
    });
    const before = await snapshot(db);
    // Duplicates within the file are skipped, not an error: prove rollback with a failing hook instead.
    db.blobs.hook('creating', (key) => {
      if (key === 'dup') throw new Error('disk full');
    });
    await expect(restoreBackup(db, parseBackup(text))).rejects.toThrow(/disk full/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('settings in a backup come back as they were written (the caller normalizes them)', async () => {
    const report = await restoreBackup(db, parseBackup(edit((d) => (d.settings = { saveOnPopupOpen: 'yes' }))));
    expect(report.settings).toEqual({ saveOnPopupOpen: 'yes' });
    expect(parseYaml('a: 1')).toEqual({ a: 1 });
  });
});
