import { deflateSync, inflateSync, strToU8, strFromU8 } from 'fflate';
import { base64ToBytes, bytesToBase64 } from '../shared/base64';
import { SyncError } from './sync-errors';

/**
 * End-to-end encryption of everything that leaves the device (issue #14). One passphrase →
 * PBKDF2-SHA-256 → 512 bits: the first half an AES-GCM key for documents and images, the second an
 * HMAC key for document ids (so an id reveals no URL) and for the check value that tells a wrong
 * passphrase before anything is written. WebCrypto only: the same code runs in the service
 * worker, the Firefox event page and Node 20 (unit tests, bench).
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256; never fewer are accepted from a server. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
const CHECK_TEXT = 'clean-capture sync key check v1';

export interface SyncKeys {
  /** AES-GCM 256, encrypts documents and attachments. */
  enc: CryptoKey;
  /** HMAC-SHA-256, names documents and proves the passphrase. */
  mac: CryptoKey;
}

/** What the server keeps in clear about the key: a salt, the work factor and the check value. */
export interface KeyParams {
  salt: string;
  iterations: number;
  check: string;
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

export async function deriveSyncKeys(passphrase: string, salt: Uint8Array, iterations: number): Promise<SyncKeys> {
  if (!passphrase) throw new SyncError('wrong-passphrase', 'Enter a passphrase: it encrypts your library before it leaves this device.');
  const base = await subtle().importKey('raw', strToU8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, base, 512));
  const enc = await subtle().importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  const mac = await subtle().importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return { enc, mac };
}

export async function hmac(keys: SyncKeys, text: string): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign('HMAC', keys.mac, strToU8(text)));
}

/** New key parameters for a database that has none yet: a random 16-byte salt. */
export async function newKeyParams(passphrase: string, iterations = MIN_PBKDF2_ITERATIONS): Promise<{ params: KeyParams; keys: SyncKeys }> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const keys = await deriveSyncKeys(passphrase, salt, iterations);
  return { params: { salt: bytesToBase64(salt), iterations, check: bytesToBase64(await hmac(keys, CHECK_TEXT)) }, keys };
}

/**
 * The keys for the server's parameters, or `wrong-passphrase` when the check value differs, so
 * nothing is written with a key other devices cannot read.
 */
export async function unlockKeys(passphrase: string, params: KeyParams): Promise<SyncKeys> {
  const salt = base64ToBytes(params.salt);
  if (!salt || !Number.isInteger(params.iterations) || params.iterations < MIN_PBKDF2_ITERATIONS || typeof params.check !== 'string') {
    throw new SyncError('bad-data', 'The sync database holds damaged key settings: sync to a new database name.');
  }
  const keys = await deriveSyncKeys(passphrase, salt, params.iterations);
  const check = bytesToBase64(await hmac(keys, CHECK_TEXT));
  if (check !== params.check) {
    throw new SyncError('wrong-passphrase', 'Wrong passphrase: this database was encrypted with another one. Nothing was written.');
  }
  return keys;
}

/** AES-GCM with a random 96-bit IV; `context` (the document id) is bound as additional data. */
export async function encryptBytes(keys: SyncKeys, plain: Uint8Array, context: string): Promise<Uint8Array> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: strToU8(context) }, keys.enc, plain as BufferSource));
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return out;
}

export async function decryptBytes(keys: SyncKeys, sealed: Uint8Array, context: string): Promise<Uint8Array> {
  if (sealed.length < 12 + 16) throw new SyncError('bad-data', `The synced item ${context} is truncated.`);
  try {
    return new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: sealed.subarray(0, 12) as BufferSource, additionalData: strToU8(context) as BufferSource },
        keys.enc,
        sealed.subarray(12) as BufferSource,
      ),
    );
  } catch {
    throw new SyncError('bad-data', `The synced item ${context} could not be decrypted: it was altered, or written with another passphrase.`);
  }
}

/** A JSON value deflated, then encrypted: base64 text fit for a CouchDB document field. */
export async function encryptJson(keys: SyncKeys, value: unknown, context: string): Promise<string> {
  return bytesToBase64(await encryptBytes(keys, deflateSync(strToU8(JSON.stringify(value))), context));
}

export async function decryptJson(keys: SyncKeys, text: string, context: string): Promise<unknown> {
  const sealed = typeof text === 'string' ? base64ToBytes(text) : null;
  if (!sealed) throw new SyncError('bad-data', `The synced item ${context} is not encrypted data.`);
  const plain = await decryptBytes(keys, sealed, context);
  try {
    return JSON.parse(strFromU8(inflateSync(plain)));
  } catch {
    throw new SyncError('bad-data', `The synced item ${context} decrypted to something unreadable.`);
  }
}
