import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveCapture, updateCapture } from '../../../src/storage/captures';
import { CleanCaptureDb } from '../../../src/storage/db';
import { addHighlight, deleteHighlight } from '../../../src/storage/highlights';
import { setReadingProgress } from '../../../src/storage/reading';
import { clearSyncChanges, currentChangeSeq, readSyncChanges } from '../../../src/storage/sync-changes';
import { makeCapture } from '../helpers';

/**
 * Sync's change log (sync-changes.ts): every writer's change names its article or highlight in the
 * same transaction, so a sync round reads only those records.
 */
let n = 0;
const fresh = () => new CleanCaptureDb(`sync-changes-${process.pid}-${++n}`);
const save = async (db: CleanCaptureDb, url: string) => (await saveCapture(db, makeCapture({ url, textContent: `Text of ${url}` }))).record.id!;

describe('sync change log', () => {
  it('names the articles and highlights each write changed, whoever wrote', async () => {
    const db = fresh();
    const one = await save(db, 'https://a.example/1');
    const two = await save(db, 'https://a.example/2');
    await clearSyncChanges(db, (await readSyncChanges(db)).upTo);
    expect(await readSyncChanges(db)).toMatchObject({ everything: false, captureIds: [], highlightIds: [] });

    await updateCapture(db, two, { tags: ['news'] });
    await setReadingProgress(db, one, 0.5);
    const { id } = await addHighlight(db, { captureId: one, exact: 'Text' });
    const changes = await readSyncChanges(db);
    expect(changes.everything).toBe(false);
    expect(changes.captureIds.sort()).toEqual([one, two].sort());
    expect(changes.highlightIds).toEqual([id]);
  });

  it('clearing keeps what changed after the round read the log; a round’s own writes are cleared up to their number', async () => {
    const db = fresh();
    const one = await save(db, 'https://b.example/1');
    const two = await save(db, 'https://b.example/2');
    const read = await readSyncChanges(db);
    // Changes made while the round runs: one by the user (two), one the round applied itself (one).
    await updateCapture(db, two, { favourite: true });
    await updateCapture(db, one, { archived: true });
    const ownUpTo = currentChangeSeq();
    const { id } = await addHighlight(db, { captureId: one, exact: 'Text' });
    await clearSyncChanges(db, read.upTo, [`c:${one}`], ownUpTo);
    const left = await readSyncChanges(db);
    expect(left.captureIds).toEqual([two]);
    expect(left.highlightIds).toEqual([id]);
    await deleteHighlight(db, id);
    expect((await readSyncChanges(db)).highlightIds).toEqual([id]);
  });

  it('a range delete it cannot attribute (clearing a table) says: look at everything', async () => {
    const db = fresh();
    await save(db, 'https://c.example/1');
    await clearSyncChanges(db, (await readSyncChanges(db)).upTo);
    await db.reading.clear();
    expect((await readSyncChanges(db)).everything).toBe(true);
  });
});
