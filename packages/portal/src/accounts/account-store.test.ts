import { describe, expect, it } from 'vitest';
import { createTestAccounts } from '../testing/accounts.ts';
import { createPendingAccount, findByEmail, updateAccount } from './account-store.ts';

const ADA = { kind: 'vendor' as const, email: 'ada@wallet.example', name: 'Ada' };

describe('createPendingAccount', () => {
  it('creates a pending account and its address claim; the address finds it', async () => {
    const ctx = createTestAccounts().context();
    const { account, created } = await createPendingAccount(ctx, ADA);
    expect(created).toBe(true);
    expect(account).toMatchObject({ ...ADA, status: 'pending', revision: 1, createdAt: '2026-07-01T12:00:00.000Z' });
    expect(await ctx.emails.get('vendor:ada@wallet.example')).toEqual({
      id: 'vendor:ada@wallet.example',
      accountId: account.id,
    });
    expect(await findByEmail(ctx, 'vendor', 'ada@wallet.example')).toEqual(account);
    expect(await findByEmail(ctx, 'reviewer', 'ada@wallet.example')).toBeUndefined();
  });

  it('of concurrent creations for one address in two processes, one creates and the others get its account', async () => {
    const test = createTestAccounts();
    const results = await Promise.all(
      [test.context(), test.context(), test.context()].map((ctx) => createPendingAccount(ctx, ADA)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.account.id)).size).toBe(1);
    expect(await test.context().accounts.count()).toBe(1);
  });

  it('one address may have an account of each kind', async () => {
    const ctx = createTestAccounts().context();
    await createPendingAccount(ctx, ADA);
    expect((await createPendingAccount(ctx, { ...ADA, kind: 'reviewer' })).created).toBe(true);
    expect(await ctx.accounts.count()).toBe(2);
  });

  it('takes over a claim whose account was removed by hand', async () => {
    const ctx = createTestAccounts().context();
    const first = await createPendingAccount(ctx, ADA);
    await ctx.accounts.delete(first.account.id);
    const second = await createPendingAccount(ctx, ADA);
    expect(second.created).toBe(true);
    expect((await ctx.emails.get('vendor:ada@wallet.example'))?.accountId).toBe(second.account.id);
  });
});

describe('updateAccount', () => {
  it('applies concurrent changes one after the other (none is lost) and raises the revision', async () => {
    const test = createTestAccounts();
    const { account } = await createPendingAccount(test.context(), ADA);
    await Promise.all([
      updateAccount(test.context(), account.id, (a) => ({ ...a, name: `${a.name} Lovelace` })),
      updateAccount(test.context(), account.id, (a) => ({ ...a, phone: '+1 555 010 0100' })),
    ]);
    expect(await test.context().accounts.get(account.id)).toMatchObject({
      name: 'Ada Lovelace',
      phone: '+1 555 010 0100',
      revision: 3,
    });
  });

  it('answers undefined for an account that does not exist', async () => {
    expect(await updateAccount(createTestAccounts().context(), 'nobody', (a) => a)).toBeUndefined();
  });
});
