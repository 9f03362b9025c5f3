import { hmac, type SyncKeys } from './sync-crypto';

/**
 * Server document ids. A record's id is an HMAC of its kind and natural key (a capture's
 * normalized URL, an image's content hash), so the same article saved on two devices lands on
 * the same document — the dedupe of one device, across devices — while the server learns nothing
 * about the URL. The kind stays readable as a prefix: replication needs no key to route, and the
 * set of kinds is public anyway.
 */
export type SyncKind = 'capture' | 'image' | 'settings' | 'highlight';

/** Every kind's prefix; a new kind adds one here. */
export const KIND_PREFIX: Record<SyncKind, string> = { capture: 'c-', image: 'i-', settings: 's-', highlight: 'h-' };

/** The one clear document: salt, iterations and check value (sync-crypto.ts). */
export const KEY_PARAMS_ID = 'clean-capture-key';

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function syncDocId(keys: SyncKeys, kind: SyncKind, naturalKey: string): Promise<string> {
  return KIND_PREFIX[kind] + base64url(await hmac(keys, `${kind}\n${naturalKey}`));
}

export function kindOfDocId(id: string): SyncKind | null {
  for (const [kind, prefix] of Object.entries(KIND_PREFIX) as [SyncKind, string][]) if (id.startsWith(prefix)) return kind;
  return null;
}
