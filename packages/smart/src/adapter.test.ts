import { describe, expect, it } from 'vitest';
import { createMemoryKeyValueStore } from '@plan-api/store';
import { createAdapterFactory } from './adapter.ts';
import type { StoredGrantEntry } from './types.ts';

const epoch = (): number => Math.floor(Date.now() / 1000);

function setup(now?: () => number) {
  const kv = createMemoryKeyValueStore(now ? { now } : {});
  const lookups: string[] = [];
  const factory = createAdapterFactory(kv, (clientId) => {
    lookups.push(clientId);
    return Promise.resolve(clientId === 'known' ? { client_id: 'known', redirect_uris: ['https://a/cb'] } : undefined);
  });
  return { kv, factory, lookups };
}

describe('oidc-provider adapter over the KeyValueStore', () => {
  it('stores each model in its own namespace', async () => {
    const { kv, factory } = setup();
    await factory('AccessToken').upsert('t1', { jti: 't1', grantId: 'g1', exp: epoch() + 60 }, 60);
    expect(await factory('AccessToken').find('t1')).toMatchObject({ jti: 't1', grantId: 'g1' });
    expect(await factory('RefreshToken').find('t1')).toBeUndefined();
    expect(await kv.get('oidc:AccessToken', 't1')).toMatchObject({ jti: 't1' });
  });

  it('consume marks the entry consumed and keeps it until it expires', async () => {
    const { factory } = setup();
    const codes = factory('AuthorizationCode');
    await codes.upsert('c1', { jti: 'c1', grantId: 'g1', exp: epoch() + 60 }, 60);
    await codes.consume('c1');
    const found = await codes.find('c1');
    expect(found?.consumed).toEqual(expect.any(Number));
    expect(found?.grantId).toBe('g1');
    await codes.revokeByGrantId('g1');
    expect(await codes.find('c1')).toBeUndefined();
  });

  it('honors expiresIn', async () => {
    let now = Date.now();
    const { factory } = setup(() => now);
    await factory('Interaction').upsert('i1', { jti: 'i1' }, 10);
    expect(await factory('Interaction').find('i1')).toBeDefined();
    now += 11_000;
    expect(await factory('Interaction').find('i1')).toBeUndefined();
  });

  it('finds sessions by uid and device codes by user code', async () => {
    const { factory } = setup();
    await factory('Session').upsert('s-cookie', { jti: 's-cookie', uid: 'u-1', accountId: 'p1' }, 60);
    expect(await factory('Session').findByUid('u-1')).toMatchObject({ accountId: 'p1' });
    expect(await factory('Session').findByUid('u-2')).toBeUndefined();
    await factory('DeviceCode').upsert('d1', { jti: 'd1', userCode: 'ABCD-EFGH' }, 60);
    expect(await factory('DeviceCode').findByUserCode('ABCD-EFGH')).toMatchObject({ jti: 'd1' });
  });

  it('revokeByGrantId removes only that grant from only that model', async () => {
    const { factory } = setup();
    await factory('AccessToken').upsert('a1', { jti: 'a1', grantId: 'g1' }, 60);
    await factory('AccessToken').upsert('a2', { jti: 'a2', grantId: 'g2' }, 60);
    await factory('RefreshToken').upsert('r1', { jti: 'r1', grantId: 'g1' }, 60);
    await factory('AccessToken').revokeByGrantId('g1');
    expect(await factory('AccessToken').find('a1')).toBeUndefined();
    expect(await factory('AccessToken').find('a2')).toBeDefined();
    expect(await factory('RefreshToken').find('r1')).toBeDefined();
  });

  it('answers clients from the client source and never stores them', async () => {
    const { kv, factory, lookups } = setup();
    expect(await factory('Client').find('known')).toMatchObject({ client_id: 'known' });
    expect(await factory('Client').find('unknown')).toBeUndefined();
    expect(lookups).toEqual(['known', 'unknown']);
    await expect(factory('Client').upsert('x', { client_id: 'x' }, 60)).rejects.toThrow(/app records/);
    expect(await kv.get('oidc:Client', 'x')).toBeUndefined();
  });

  it('shows grant entries through the storedEntry hook: gone, or aged (iat and exp earlier), never the write time', async () => {
    const kv = createMemoryKeyValueStore();
    const seen: StoredGrantEntry[] = [];
    const factory = createAdapterFactory(
      kv,
      () => Promise.resolve(undefined),
      (entry) => {
        seen.push(entry);
        if (entry.model === 'AccessToken') return Promise.resolve({ gone: true });
        return Promise.resolve(entry.model === 'RefreshToken' ? { agedSeconds: 100 } : undefined);
      },
    );
    const iat = epoch();
    const before = Date.now();
    await factory('AccessToken').upsert('a1', { jti: 'a1', grantId: 'g1', iat, exp: iat + 60 }, 60);
    await factory('RefreshToken').upsert('r1', { jti: 'r1', grantId: 'g1', iat, exp: iat + 600 }, 600);
    await factory('Grant').upsert('g1', { jti: 'g1', iat, exp: iat + 900 }, 900);
    await factory('Session').upsert('s1', { jti: 's1', uid: 'u1' }, 60);

    expect(await factory('AccessToken').find('a1')).toBeUndefined();
    expect(await factory('RefreshToken').find('r1')).toEqual({
      jti: 'r1',
      grantId: 'g1',
      iat: iat - 100,
      exp: iat + 500,
    });
    expect(await factory('Grant').find('g1')).toEqual({ jti: 'g1', iat, exp: iat + 900 });
    expect(await factory('Session').find('s1')).toEqual({ jti: 's1', uid: 'u1' });
    expect(seen.map((e) => [e.model, e.grantId])).toEqual([
      ['AccessToken', 'g1'],
      ['RefreshToken', 'g1'],
      ['Grant', 'g1'],
    ]);
    for (const entry of seen) expect(entry.savedAt).toBeGreaterThanOrEqual(before);
  });
});
