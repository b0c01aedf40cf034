import { describe, expect, it } from 'vitest';
import { activeVendor, createTestAccounts, expectNoSecrets, PASSWORD } from '../testing/accounts.ts';
import { ACCOUNT_COLLECTIONS, type AccountRecord } from './model.ts';

describe('getAccount', () => {
  it('answers the view of an account by id in any process, without its password hash', async () => {
    const test = createTestAccounts();
    const account = await activeVendor(test);
    const view = await test.process2().getAccount(account.id);
    expect(view).toEqual(account);
    const stored = await test.records.collection<AccountRecord>(ACCOUNT_COLLECTIONS.accounts).get(account.id);
    expectNoSecrets(view, [stored?.passwordHash ?? 'missing', PASSWORD, 'revision', 'updatedAt']);
  });

  it('answers undefined for an unknown id', async () => {
    expect(await createTestAccounts().portal.getAccount('nobody')).toBeUndefined();
  });
});
