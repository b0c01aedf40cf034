import { describe, expect, it } from 'vitest';
import { createMemoryRecordStore } from '@plan-api/store';
import * as portalPackage from './index.ts';
import { createAccountsPortal } from './accounts.ts';
import { memoryRateCounter } from './testing/rate-counter.ts';
import { manualClock } from './testing/harness.ts';
import { createTestAccounts, enrollment, expectNoSecrets, IP, lastToken, rejectionOf } from './testing/accounts.ts';

describe('createAccountsPortal', () => {
  it('is exported from the package with its constants', () => {
    expect(portalPackage.createAccountsPortal).toBe(createAccountsPortal);
    expect(portalPackage.ACCOUNT_COLLECTIONS).toEqual({
      accounts: 'accounts',
      emails: 'accountEmails',
      links: 'accountLinks',
      apiKeys: 'apiKeys',
      locks: 'signInLocks',
    });
    expect(portalPackage.ACCOUNT_KINDS).toEqual(['vendor', 'reviewer', 'member']);
  });

  it('refuses bad configuration at creation', () => {
    const deps = {
      records: createMemoryRecordStore(),
      counters: memoryRateCounter(manualClock()),
      links: () => '',
      pages: () => '',
    };
    expect(() => createAccountsPortal({ ...deps, linkTtlSeconds: 0 })).toThrow(/linkTtlSeconds/);
    expect(() => createAccountsPortal({ ...deps, limits: { signInPerIp: { max: -1, windowSeconds: 1 } } })).toThrow(
      /limits.signInPerIp/,
    );
    expect(() => createAccountsPortal({ ...deps, passwordHashing: { N: 3, r: 8, p: 1 } })).toThrow(/power of two/);
  });

  it('a vendor enrolls, sets a password, signs in, changes it and uses an API key; no secret ever shows', async () => {
    const test = createTestAccounts();
    const { portal } = test;
    const secrets: string[] = [];
    const seen: unknown[] = [];
    const keep = async <T>(promise: Promise<T>): Promise<T> => {
      const value = await promise;
      seen.push(value);
      return value;
    };
    await portal.enrollVendor(enrollment(), IP);
    const token = lastToken(test.mailer);
    secrets.push(token, 'first good passphrase', 'second good passphrase');
    seen.push(await rejectionOf(portal.completeLink({ token, password: 'short' }, IP)));
    const account = await keep(portal.completeLink({ token, password: 'first good passphrase' }, IP));
    seen.push(await rejectionOf(portal.completeLink({ token, password: 'first good passphrase' }, IP)));
    const email = account.email;
    seen.push(await rejectionOf(portal.signIn('vendor', { email, password: 'first good passphrasE' }, IP)));
    await keep(portal.signIn('vendor', { email, password: 'first good passphrase' }, IP));
    seen.push(
      await rejectionOf(
        portal.changePassword(account.id, {
          currentPassword: 'second good passphrase',
          newPassword: 'first good passphrase',
        }),
      ),
    );
    await portal.changePassword(account.id, {
      currentPassword: 'first good passphrase',
      newPassword: 'second good passphrase',
    });
    const { key, apiKey } = await portal.createApiKey(account.id, { name: 'ci' });
    secrets.push(key.slice(4));
    seen.push(apiKey, await portal.listApiKeys(account.id), await portal.authenticateApiKey(key));
    seen.push(await test.process2().getAccount(account.id));
    const stored = await test.records.collection<{ id: string; passwordHash?: string }>('accounts').list();
    const keys = await test.records.collection('apiKeys').list();
    const links = await test.records.collection('accountLinks').list();
    secrets.push(...stored.map((a) => a.passwordHash ?? 'none'), ...keys.map((k) => k.id), ...links.map((l) => l.id));
    for (const value of seen) expectNoSecrets(value, secrets);
    expect(seen).toHaveLength(10);
  });
});
