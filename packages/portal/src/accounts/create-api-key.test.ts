import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { activeVendor, createTestAccounts, enrollment, IP, rejectionOf } from '../testing/accounts.ts';
import { ACCOUNT_COLLECTIONS, type ApiKeyRecord } from './model.ts';

describe('createApiKey', () => {
  it('returns pak_ and 32 random bytes once; stores its SHA-256, a prefix, the name and the time', async () => {
    const test = createTestAccounts();
    const account = await activeVendor(test);
    const { key, apiKey } = await test.portal.createApiKey(account.id, { name: ' CI pipeline ' });
    expect(key).toMatch(/^pak_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key.slice(4), 'base64url')).toHaveLength(32);
    expect(apiKey).toEqual({
      id: expect.any(String) as string,
      name: 'CI pipeline',
      prefix: key.slice(0, 10),
      createdAt: '2026-07-01T12:00:00.000Z',
    });
    const stored = await test.records.collection<ApiKeyRecord>(ACCOUNT_COLLECTIONS.apiKeys).list();
    expect(stored).toEqual([
      {
        id: createHash('sha256').update(key).digest('hex'),
        keyId: apiKey.id,
        accountId: account.id,
        name: 'CI pipeline',
        prefix: apiKey.prefix,
        createdAt: '2026-07-01T12:00:00.000Z',
        lastUsedAt: null,
      },
    ]);
    expect(JSON.stringify(stored)).not.toContain(key.slice(10));
    expect(JSON.stringify(apiKey)).not.toContain(stored[0]?.id);
  });

  it('two keys never share the key, the id or the prefix', async () => {
    const test = createTestAccounts({ random: undefined });
    const account = await activeVendor(test);
    const a = await test.portal.createApiKey(account.id, { name: 'a' });
    const b = await test.portal.createApiKey(account.id, { name: 'a' });
    expect(a.key).not.toBe(b.key);
    expect(a.apiKey.id).not.toBe(b.apiKey.id);
  });

  it.each([
    [{}, 'Name is required.'],
    [{ name: '' }, 'Name is required.'],
    [{ name: 'x'.repeat(101) }, 'Name must be at most 100 characters.'],
    [{ name: 'ci\nkey' }, 'must not contain control or text-direction characters'],
    [{ name: 'ci\u200Ekey' }, 'must not contain control or text-direction characters'],
    [{ name: 'ci\uDC00key' }, 'must not contain control or text-direction characters'],
  ])('a bad name (%j) is validation_failed', async (input, message) => {
    const test = createTestAccounts();
    const account = await activeVendor(test);
    const error = await rejectionOf(test.portal.createApiKey(account.id, input));
    expect(error.code).toBe('validation_failed');
    expect(error.fields.name).toContain(message);
  });

  it('at most apiKeysPerAccount keys per account: too_many_api_keys says to revoke one', async () => {
    const test = createTestAccounts({ limits: { apiKeysPerAccount: 2 } });
    const account = await activeVendor(test);
    const first = await test.portal.createApiKey(account.id, { name: 'one' });
    await test.process2().createApiKey(account.id, { name: 'two' });
    const error = await rejectionOf(test.portal.createApiKey(account.id, { name: 'three' }));
    expect(error).toMatchObject({
      code: 'too_many_api_keys',
      message: 'An account can hold at most 2 API keys; revoke one you no longer use, then create the new one.',
    });
    await test.portal.revokeApiKey(account.id, first.apiKey.id);
    await test.portal.createApiKey(account.id, { name: 'three' });
    const other = await activeVendor(test, 'bob@wallet.example');
    await test.portal.createApiKey(other.id, { name: 'bob' });
  });

  it('an unknown or pending account is not_found', async () => {
    const test = createTestAccounts();
    expect((await rejectionOf(test.portal.createApiKey('nobody', { name: 'x' }))).code).toBe('not_found');
    await test.portal.enrollVendor(enrollment(), IP);
    const [pending] = await test.records.collection('accounts').list();
    expect((await rejectionOf(test.portal.createApiKey(pending?.id ?? '', { name: 'x' }))).code).toBe('not_found');
  });
});
