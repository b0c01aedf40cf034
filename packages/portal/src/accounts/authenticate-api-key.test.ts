import { describe, expect, it } from 'vitest';
import { activeVendor, createTestAccounts, type TestAccounts, withCollection } from '../testing/accounts.ts';
import { ACCOUNT_COLLECTIONS, type AccountRecord, type ApiKeyRecord } from './model.ts';

async function withKey(test: TestAccounts = createTestAccounts()) {
  const account = await activeVendor(test);
  const { key } = await test.portal.createApiKey(account.id, { name: 'ci' });
  return { test, account, key, keys: test.records.collection<ApiKeyRecord>(ACCOUNT_COLLECTIONS.apiKeys) };
}

describe('authenticateApiKey', () => {
  it("answers the key's active account", async () => {
    const { test, account, key } = await withKey();
    expect(await test.portal.authenticateApiKey(key)).toEqual(account);
  });

  it.each([
    ['an unknown key', `pak_${'A'.repeat(43)}`],
    ['a key without its prefix', 'A'.repeat(47)],
    ['a truncated key', 'pak_abc'],
    ['an empty string', ''],
  ])('%s authenticates nobody', async (_case, key) => {
    const { test } = await withKey();
    expect(await test.portal.authenticateApiKey(key)).toBeUndefined();
  });

  it('the stored hash itself is not a key', async () => {
    const { test, keys } = await withKey();
    const [record] = await keys.list();
    expect(await test.portal.authenticateApiKey(record?.id ?? '')).toBeUndefined();
  });

  it('a key of an account that is no longer active authenticates nobody', async () => {
    const { test, account, key } = await withKey();
    const accounts = test.records.collection<AccountRecord>(ACCOUNT_COLLECTIONS.accounts);
    const stored = await accounts.get(account.id);
    await accounts.put({ ...(stored as AccountRecord), status: 'pending' });
    expect(await test.portal.authenticateApiKey(key)).toBeUndefined();
  });

  it('records lastUsedAt at most once a minute per key, once for concurrent requests of two processes', async () => {
    let writes = 0;
    const base = createTestAccounts();
    const records = withCollection(base.records, ACCOUNT_COLLECTIONS.apiKeys, (c) => ({
      putIf: async (record, where) => {
        const written = await c.putIf(record, where);
        if (written) writes++;
        return written;
      },
    }));
    const { test, key, keys } = await withKey(createTestAccounts({ records }));
    const lastUsed = async () => (await keys.list())[0]?.lastUsedAt;
    test.clock.advance(5);
    await Promise.all([test.portal.authenticateApiKey(key), test.process2().authenticateApiKey(key)]);
    expect(writes).toBe(1);
    expect(await lastUsed()).toBe('2026-07-01T12:00:05.000Z');
    test.clock.advance(59);
    await test.portal.authenticateApiKey(key);
    expect(await lastUsed()).toBe('2026-07-01T12:00:05.000Z');
    test.clock.advance(1);
    await test.portal.authenticateApiKey(key);
    expect(await lastUsed()).toBe('2026-07-01T12:01:05.000Z');
    expect(writes).toBe(2);
  });
});
