import { base64ToBytes, bytesToBase64 } from '../shared/base64';

/**
 * Values IndexedDB can hold but JSON cannot, written as tagged objects so a backup loses nothing:
 *   {"$cc": "blob", "type": "image/jpeg", "base64": "…"}   Blob / File
 *   {"$cc": "bytes", "base64": "…"}                         ArrayBuffer / Uint8Array (restored as Uint8Array)
 *   {"$cc": "date", "iso": "…"}                             Date
 *   {"$cc": "number", "value": "NaN" | "Infinity" | "-Infinity"}
 *   {"$cc": "object", "value": {…}}                         a stored object that itself has a "$cc" key
 */
export const TAG = '$cc';
const MAX_DEPTH = 64;

export class BackupFormatError extends Error {
  override name = 'BackupFormatError';
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A stored value → JSON-safe value (async: Blobs are read). */
export async function encodeValue(value: unknown, depth = 0): Promise<Json | undefined> {
  if (depth > MAX_DEPTH) throw new Error('A stored value is nested too deeply to back up.');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { [TAG]: 'number', value: String(value) };
  if (typeof value === 'bigint') return value.toString();
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    return { [TAG]: 'blob', type: value.type, base64: bytesToBase64(new Uint8Array(await value.arrayBuffer())) };
  }
  if (value instanceof ArrayBuffer) return { [TAG]: 'bytes', base64: bytesToBase64(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value)) return { [TAG]: 'bytes', base64: bytesToBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  if (value instanceof Date) return { [TAG]: 'date', iso: value.toISOString() };
  if (Array.isArray(value)) {
    const out: Json[] = [];
    for (const item of value) out.push((await encodeValue(item, depth + 1)) ?? null);
    return out;
  }
  const out: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const encoded = await encodeValue(item, depth + 1);
    if (encoded !== undefined) out[key] = encoded;
  }
  return Object.prototype.hasOwnProperty.call(out, TAG) ? { [TAG]: 'object', value: out } : out;
}

function fail(where: string, message: string): never {
  throw new BackupFormatError(`${where}: ${message}`);
}

/** A JSON value from a backup → the value to store. Throws BackupFormatError saying where. */
export function decodeValue(value: unknown, where: string, depth = 0): unknown {
  if (depth > MAX_DEPTH) fail(where, 'nested too deeply');
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => decodeValue(item, `${where}[${i}]`, depth + 1));
  const obj = value as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(obj, TAG)) {
    const tag = obj[TAG];
    if (tag === 'blob' || tag === 'bytes') {
      const bytes = typeof obj.base64 === 'string' ? base64ToBytes(obj.base64) : null;
      if (!bytes) fail(where, 'binary data is not valid base64 (the file may be truncated or edited)');
      // A Uint8Array, the form the library stores bytes in (rawHtmlGzip).
      if (tag === 'bytes') return bytes;
      if (typeof obj.type !== 'string') fail(where, 'a Blob without a type');
      return new Blob([bytes as BlobPart], { type: obj.type });
    }
    if (tag === 'date') {
      const time = typeof obj.iso === 'string' ? Date.parse(obj.iso) : NaN;
      if (Number.isNaN(time)) fail(where, 'a date that is not a date');
      return new Date(time);
    }
    if (tag === 'number') {
      const map: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };
      if (typeof obj.value !== 'string' || !(obj.value in map)) fail(where, 'an unknown special number');
      return map[obj.value];
    }
    if (tag === 'object') {
      if (!obj.value || typeof obj.value !== 'object' || Array.isArray(obj.value)) fail(where, 'a wrapped object that is not an object');
      return decodePlain(obj.value as Record<string, unknown>, where, depth);
    }
    fail(where, `an unknown value type "${String(tag)}" (made by a newer version?)`);
  }
  return decodePlain(obj, where, depth);
}

function decodePlain(obj: Record<string, unknown>, where: string, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(obj)) {
    // JSON.parse makes "__proto__" an own key; writing it back with `out[key] =` would change the
    // object's prototype. No stored record has such a key: refuse the file.
    if (key === '__proto__') fail(where, 'a "__proto__" key (refused)');
    out[key] = decodeValue(item, `${where}.${key}`, depth + 1);
  }
  return out;
}
