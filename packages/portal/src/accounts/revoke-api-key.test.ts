import { describe, expect, it } from 'vitest';
import { activeVendor, createTestAccounts, rejectionOf } from '../testing/accounts.ts';

describe('revokeApiKey', () => {
  it('deletes the key: it authenticates nobody from then on, in any process', async () => {
    const test = createTestAccounts();
    const ada = await activeVendor(test);
    const { key, apiKey } = await test.portal.createApiKey(ada.id, { name: 'ci' });
    expect((await test.process2().authenticateApiKey(key))?.id).toBe(ada.id);
    expect(await test.portal.revokeApiKey(ada.id, apiKey.id)).toBeUndefined();
    expect(await test.process2().authenticateApiKey(key)).toBeUndefined();
    expect(await test.portal.listApiKeys(ada.id)).toEqual([]);
  });

  it("another account's key, an unknown id and a revoked key are not_found, and the key keeps working", async () => {
    const test = createTestAccounts();
    const ada = await activeVendor(test);
    const bob = await activeVendor(test, 'bob@wallet.example');
    const { key, apiKey } = await test.portal.createApiKey(ada.id, { name: 'ci' });
    const error = await rejectionOf(test.portal.revokeApiKey(bob.id, apiKey.id));
    expect(error.code).toBe('not_found');
    expect(error.message).toBe(`No API key of yours has id "${apiKey.id}". List your keys to see their ids.`);
    expect((await rejectionOf(test.portal.revokeApiKey(ada.id, 'nope'))).code).toBe('not_found');
    expect((await test.portal.authenticateApiKey(key))?.id).toBe(ada.id);
    await test.portal.revokeApiKey(ada.id, apiKey.id);
    expect((await rejectionOf(test.portal.revokeApiKey(ada.id, apiKey.id))).code).toBe('not_found');
  });
});
