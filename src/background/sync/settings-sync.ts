import { syncDocId } from '../../core/sync/doc-id';
import { mergeSettingsDocs, SETTINGS_DOC_KEY, settingsDocFromLocal, settingsFromDoc, type SettingsDoc } from '../../core/sync/settings-doc';
import { canonicalJson } from '../../core/sync/stamped';
import type { Settings } from '../../core/shared/settings';
import { readSettingsBase, writeSettingsBase } from '../../storage/sync-state';
import type { RoundState } from './highlight-sync';
import { writeMerged } from './merged-writes';

/**
 * Settings in a sync round: one document for the whole set (SYNCED_SETTINGS), the latest change
 * of each setting winning. The settings live in storage.local, not in the library, so the engine
 * reaches them through this port (the background passes the settings store; Node tests pass a
 * plain object).
 */
export interface SettingsPort {
  load(): Promise<Settings>;
  apply(patch: Partial<Settings>): Promise<void>;
}

async function write(state: RoundState, doc: SettingsDoc): Promise<SettingsDoc> {
  const [merged] = await writeMerged(state.couch, state.keys, [{ docId: await syncDocId(state.keys, 'settings', SETTINGS_DOC_KEY), doc }]);
  state.outcome.pushed++;
  return merged;
}

/** A local change since the last agreed state: merged into the server's document and written. */
export async function pushSettings(state: RoundState, port: SettingsPort): Promise<void> {
  const base = await readSettingsBase(state.db);
  const mine = settingsDocFromLocal(base, await port.load(), state.now());
  if (canonicalJson(mine) === canonicalJson(base ?? { kind: 'settings', values: {} })) return;
  const merged = await write(state, mine);
  if (canonicalJson(merged) !== canonicalJson(mine)) {
    state.outcome.conflicts++;
    await port.apply(settingsFromDoc(merged));
  }
  await writeSettingsBase(state.db, merged);
}

/** Another device's settings: merged with this device's and applied; what the server lacks is written back. */
export async function pullSettings(state: RoundState, port: SettingsPort, remote: SettingsDoc): Promise<void> {
  const base = await readSettingsBase(state.db);
  const mine = settingsDocFromLocal(base, await port.load(), state.now());
  let merged = mergeSettingsDocs(mine, remote);
  if (canonicalJson(merged) === canonicalJson(mine) && base && canonicalJson(mine) === canonicalJson(base)) return; // nothing new, or our own write
  await port.apply(settingsFromDoc(merged));
  state.outcome.pulled++;
  if (canonicalJson(merged) !== canonicalJson(remote)) {
    state.outcome.conflicts++;
    merged = await write(state, merged);
  }
  await writeSettingsBase(state.db, merged);
}
