import { describe, expect, it } from 'vitest';
import { createMemoryKeyValueStore } from '@plan-api/store';
import { createKeyRing, loadSigningKey } from './keys.ts';

describe('createKeyRing', () => {
  it('starts with the stored signing key, and each rotation signs with a new key and keeps only the one before', async () => {
    const kv = createMemoryKeyValueStore();
    const ring = createKeyRing(kv, 'sandbox');
    const original = await loadSigningKey(kv);
    expect((await ring.keys()).map((k) => k.kid)).toEqual([original.kid]);

    const second = await ring.rotate();
    expect(second).not.toBe(original.kid);
    expect((await ring.keys()).map((k) => k.kid)).toEqual([second, original.kid]);
    const third = await ring.rotate();
    expect((await ring.keys()).map((k) => k.kid)).toEqual([third, second]);
    expect((await ring.keys())[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', d: expect.any(String) });

    // Another ring name is another set of keys; the stored signing key itself never changes.
    expect((await createKeyRing(kv, 'other').keys()).map((k) => k.kid)).toEqual([original.kid]);
    expect((await loadSigningKey(kv)).kid).toBe(original.kid);
  });
});
