import type { CleanCaptureDb } from './db';

/**
 * Every write to the library bumps this number in the same transaction, so a search index
 * persisted at generation N is known to be current exactly when the library is still at N.
 */
export async function bumpGeneration(db: CleanCaptureDb): Promise<number> {
  const current = (await db.meta.get('generation'))?.value ?? 0;
  await db.meta.put({ key: 'generation', value: current + 1 });
  return current + 1;
}

export async function readGeneration(db: CleanCaptureDb): Promise<number> {
  return (await db.meta.get('generation'))?.value ?? 0;
}
