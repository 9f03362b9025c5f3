import { isHighlightColor } from '../highlights/highlight';
import { mergeCaptureDocs, type CaptureDoc } from './capture-doc';
import { mergeHighlightDocs, type HighlightDoc } from './highlight-doc';
import { compareJson } from './stamped';
import { mergeSettingsDocs, type SettingsDoc } from './settings-doc';
import { SyncError } from './sync-errors';

/**
 * Every kind of synced document and how two copies merge. A new kind (imports, say) adds
 * its body type, a prefix in doc-id.ts and an entry here; the engine needs nothing else to carry it.
 */

/** An image's metadata; its encrypted bytes are the document's one attachment. */
export interface ImageDoc {
  kind: 'image';
  hash: string;
  type: string;
  bytes: number;
  width: number | null;
  height: number | null;
}

export type SyncBody = CaptureDoc | ImageDoc | SettingsDoc | HighlightDoc;

/** An image is its content: two copies are the same image; keep one, the same one everywhere. */
function mergeImageDocs(a: ImageDoc, b: ImageDoc): ImageDoc {
  return compareJson(a, b) >= 0 ? a : b;
}

export function mergeBodies(a: SyncBody, b: SyncBody): SyncBody {
  if (a.kind !== b.kind) throw new SyncError('bad-data', `Two synced items share an id but not a kind (${a.kind}, ${b.kind}).`);
  if (a.kind === 'capture') return mergeCaptureDocs(a, b as CaptureDoc);
  if (a.kind === 'image') return mergeImageDocs(a, b as ImageDoc);
  if (a.kind === 'highlight') return mergeHighlightDocs(a, b as HighlightDoc);
  return mergeSettingsDocs(a, b as SettingsDoc);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStamp = (value: unknown): boolean => isObject(value) && typeof value.at === 'number' && 'value' in value;

/** A decrypted body checked before use (STYLE.md §5): a damaged one is refused, never applied. */
export function validateBody(value: unknown, id: string): SyncBody {
  const bad = (why: string) => new SyncError('bad-data', `The synced item ${id} is damaged (${why}); it was skipped.`);
  if (!isObject(value)) throw bad('not an object');
  if (value.kind === 'capture') {
    if (typeof value.key !== 'string' || !Array.isArray(value.urlKeys) || typeof value.capturedAt !== 'string') throw bad('no key');
    if (!Array.isArray(value.versions) || value.versions.length === 0) throw bad('no text');
    for (const version of value.versions) if (!isObject(version) || !isObject(version.capture) || typeof version.savedAt !== 'string') throw bad('a bad text');
    if (!isObject(value.tags) || !['read', 'archived', 'favourite', 'progress'].every((f) => isStamp(value[f]))) throw bad('bad state');
    if (typeof value.restoredAt !== 'number' || (value.deleted !== null && !isObject(value.deleted))) throw bad('bad deletion');
    return value as unknown as CaptureDoc;
  }
  if (value.kind === 'image') {
    if (typeof value.hash !== 'string' || typeof value.type !== 'string') throw bad('no hash');
    return value as unknown as ImageDoc;
  }
  if (value.kind === 'highlight') {
    if (typeof value.id !== 'string' || typeof value.capture !== 'string' || typeof value.createdAt !== 'string') throw bad('no id');
    if (!['anchor', 'color', 'note'].every((f) => isStamp(value[f]))) throw bad('bad state');
    const anchor = (value.anchor as { value: unknown }).value;
    if (!isObject(anchor) || typeof anchor.exact !== 'string' || typeof anchor.prefix !== 'string' || typeof anchor.suffix !== 'string') throw bad('bad quote');
    if (!isHighlightColor((value.color as { value: unknown }).value) || typeof (value.note as { value: unknown }).value !== 'string')
      throw bad('bad colour or note');
    if (typeof value.restoredAt !== 'number' || (value.deleted !== null && !isObject(value.deleted))) throw bad('bad deletion');
    return value as unknown as HighlightDoc;
  }
  if (value.kind === 'settings') {
    if (!isObject(value.values) || !Object.values(value.values).every(isStamp)) throw bad('bad values');
    return value as unknown as SettingsDoc;
  }
  throw bad(`unknown kind ${String(value.kind)}`);
}
