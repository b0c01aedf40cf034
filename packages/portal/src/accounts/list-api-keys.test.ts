import { describe, expect, it } from 'vitest';
import { activeVendor, createTestAccounts, rejectionOf } from '../testing/accounts.ts';

describe('listApiKeys', () => {
  it("lists the account's keys newest first, never another account's, never a key or hash", async () => {
    const test = createTestAccounts();
    const ada = await activeVendor(test);
    const bob = await activeVendor(test, 'bob@wallet.example');
    const first = await test.portal.createApiKey(ada.id, { name: 'first' });
    test.clock.advance(60);
    const second = await test.portal.createApiKey(ada.id, { name: 'second' });
    await test.portal.createApiKey(bob.id, { name: 'bob' });
    const list = await test.process2().listApiKeys(ada.id);
    expect(list).toEqual([second.apiKey, first.apiKey]);
    expect(JSON.stringify(list)).not.toContain(first.key);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(['createdAt', 'id', 'name', 'prefix']);
  });

  it('shows when a key was last used', async () => {
    const test = createTestAccounts();
    const ada = await activeVendor(test);
    const { key } = await test.portal.createApiKey(ada.id, { name: 'ci' });
    test.clock.advance(120);
    await test.portal.authenticateApiKey(key);
    expect((await test.portal.listApiKeys(ada.id))[0]?.lastUsedAt).toBe('2026-07-01T12:02:00.000Z');
  });

  it('an unknown account is not_found', async () => {
    expect((await rejectionOf(createTestAccounts().portal.listApiKeys('nobody'))).code).toBe('not_found');
  });
});
