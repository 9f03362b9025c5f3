import { describe, expect, it } from 'vitest';
import { decryptBytes, decryptJson, encryptBytes, encryptJson, MIN_PBKDF2_ITERATIONS, newKeyParams, unlockKeys } from '../../../../src/core/sync/sync-crypto';
import { syncDocId, kindOfDocId, KIND_PREFIX } from '../../../../src/core/sync/doc-id';
import { isSyncError } from '../../../../src/core/sync/sync-errors';
import { validateBody } from '../../../../src/core/sync/sync-kinds';
import { sampleDoc } from './sample-docs';

// One real derivation at the real work factor, shared: each takes a noticeable fraction of a second.
const created = newKeyParams('correct horse battery staple');

describe('keys from the passphrase (Node 20 WebCrypto, PBKDF2-SHA-256)', () => {
  it('uses at least 600,000 iterations and a random 16-byte salt', async () => {
    const { params } = await created;
    expect(params.iterations).toBeGreaterThanOrEqual(600_000);
    expect(atob(params.salt)).toHaveLength(16);
    expect((await newKeyParams('x')).params.salt).not.toBe(params.salt);
  });

  it('the right passphrase unlocks keys that read what the first device wrote', async () => {
    const { params, keys } = await created;
    const sealed = await encryptJson(keys, { title: 'Secret title' }, 'c-1');
    const again = await unlockKeys('correct horse battery staple', params);
    expect(await decryptJson(again, sealed, 'c-1')).toEqual({ title: 'Secret title' });
  });

  it('a wrong passphrase is told by the check value, with a clear message', async () => {
    const { params } = await created;
    const error = await unlockKeys('wrong horse', params).catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe('wrong-passphrase');
    expect((error as Error).message).toMatch(/Wrong passphrase.*Nothing was written/);
  });

  it('refuses key settings with too few iterations or a damaged salt', async () => {
    const { params } = await created;
    for (const bad of [
      { ...params, iterations: 1000 },
      { ...params, salt: '%%%' },
      { ...params, iterations: MIN_PBKDF2_ITERATIONS + 0.5 },
    ]) {
      const error = await unlockKeys('correct horse battery staple', bad).catch((e: unknown) => e);
      expect(isSyncError(error) && error.code).toBe('bad-data');
    }
  });
});

describe('encryption', () => {
  it('the ciphertext holds no plaintext, differs each time (random IV) and is smaller than the JSON (deflated)', async () => {
    const { keys } = await created;
    const doc = sampleDoc();
    const json = JSON.stringify(doc);
    const one = await encryptJson(keys, doc, 'c-1');
    const two = await encryptJson(keys, doc, 'c-1');
    expect(one).not.toBe(two);
    expect(one).not.toContain('news.example');
    expect(atob(one)).not.toContain('news.example');
    expect(one.length).toBeLessThan((json.length * 4) / 3);
  });

  it('refuses a ciphertext moved to another document id, or altered by one bit', async () => {
    const { keys } = await created;
    const sealed = await encryptBytes(keys, new Uint8Array([1, 2, 3]), 'i-abc');
    await expect(decryptBytes(keys, sealed, 'i-abc')).resolves.toEqual(new Uint8Array([1, 2, 3]));
    await expect(decryptBytes(keys, sealed, 'i-other')).rejects.toMatchObject({ code: 'bad-data' });
    const flipped = sealed.slice();
    flipped[20] ^= 1;
    await expect(decryptBytes(keys, flipped, 'i-abc')).rejects.toMatchObject({ code: 'bad-data' });
    await expect(decryptJson(keys, 'not base64!', 'c-1')).rejects.toMatchObject({ code: 'bad-data' });
  });
});

describe('document ids', () => {
  it('are deterministic per key and passphrase, reveal no URL, and carry their kind', async () => {
    const { keys, params } = await created;
    const url = 'https://news.example/2026/secret-story';
    const id = await syncDocId(keys, 'capture', url);
    expect(id).toBe(await syncDocId(await unlockKeys('correct horse battery staple', params), 'capture', url));
    expect(id).toMatch(/^c-[A-Za-z0-9_-]{43}$/);
    expect(id).not.toContain('news');
    expect(kindOfDocId(id)).toBe('capture');
    expect(await syncDocId(keys, 'image', url)).not.toBe(KIND_PREFIX.image + id.slice(2));
    const other = await newKeyParams('another passphrase');
    expect(await syncDocId(other.keys, 'capture', url)).not.toBe(id);
  });
});

describe('validateBody', () => {
  it('accepts a capture document and refuses damaged ones', () => {
    expect(validateBody(sampleDoc(), 'c-1').kind).toBe('capture');
    for (const bad of [null, [], { kind: 'capture' }, { ...sampleDoc(), versions: [] }, { ...sampleDoc(), read: 'read' }, { kind: 'unknown' }]) {
      expect(() => validateBody(bad, 'c-1')).toThrow(/damaged/);
    }
  });
});
