import { describe, expect, it } from 'vitest';
import {
  createTestAccounts,
  enrollment,
  expectNoSecrets,
  IP,
  lastToken,
  PASSWORD,
  rejectionOf,
  type TestAccounts,
  withCollection,
} from '../testing/accounts.ts';
import { ACCOUNT_COLLECTIONS, type AccountLinkRecord, type AccountRecord } from './model.ts';

async function enrolled(test: TestAccounts = createTestAccounts()): Promise<{ test: TestAccounts; token: string }> {
  await test.portal.enrollVendor(enrollment(), IP);
  return { test, token: lastToken(test.mailer) };
}

const accountsOf = (test: TestAccounts) => test.records.collection<AccountRecord>(ACCOUNT_COLLECTIONS.accounts);
const linksOf = (test: TestAccounts) => test.records.collection<AccountLinkRecord>(ACCOUNT_COLLECTIONS.links);

describe('completeLink', () => {
  it('sets the password, activates the account and returns its view (no hash, no token)', async () => {
    const { test, token } = await enrolled();
    test.clock.advance(60);
    const view = await test.portal.completeLink({ token, password: PASSWORD }, IP);
    expect(view).toEqual({
      id: expect.any(String) as string,
      kind: 'vendor',
      email: 'ada@wallet.example',
      name: 'Ada Vendor',
      status: 'active',
      createdAt: '2026-07-01T12:00:00.000Z',
      organizationName: 'Wallet Inc.',
      organizationUrl: 'https://wallet.example',
      phone: '+1 555 010 0100',
    });
    const stored = await accountsOf(test).get(view.id);
    expect(stored?.passwordHash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expectNoSecrets(view, [token, PASSWORD, stored?.passwordHash ?? '', 'scrypt$']);
    expect(await linksOf(test).get((await linksOf(test).list())[0]?.id ?? '')).toMatchObject({
      state: 'used',
      usedAt: '2026-07-01T12:01:00.000Z',
    });
    expect((await test.portal.signIn('vendor', { email: 'ada@wallet.example', password: PASSWORD }, IP)).id).toBe(
      view.id,
    );
  });

  it('a used link: link_invalid that says it was used and how to get a new one', async () => {
    const { test, token } = await enrolled();
    await test.portal.completeLink({ token, password: PASSWORD }, IP);
    const error = await rejectionOf(test.portal.completeLink({ token, password: 'another good password' }, IP));
    expect(error.code).toBe('link_invalid');
    expect(error.message).toBe(
      'This link was already used (at 2026-07-01T12:00:00.000Z); each link works once. Sign in with the password you set, or use "Forgot password" to have a new one sent.',
    );
    expect(error.fields).toEqual({ token: error.message });
  });

  it('an expired link: link_invalid that says when it expired and to enroll again or use Forgot password', async () => {
    const { test, token } = await enrolled();
    test.clock.advance(24 * 3600);
    const error = await rejectionOf(test.portal.completeLink({ token, password: PASSWORD }, IP));
    expect(error.code).toBe('link_invalid');
    expect(error.message).toBe(
      'This link expired at 2026-07-02T12:00:00.000Z; to get a new one, enroll again with the same email address, or use "Forgot password".',
    );
    expect((await accountsOf(test).list())[0]?.status).toBe('pending');
  });

  it('an expired reset link points at Forgot password only', async () => {
    const { test, token } = await enrolled();
    await test.portal.completeLink({ token, password: PASSWORD }, IP);
    await test.portal.requestPasswordReset('vendor', { email: 'ada@wallet.example' }, IP);
    test.clock.advance(24 * 3600 + 1);
    const error = await rejectionOf(
      test.portal.completeLink({ token: lastToken(test.mailer), password: PASSWORD }, IP),
    );
    expect(error.message).toMatch(/^This link expired at .*; to get a new one, use "Forgot password" to have/);
  });

  it.each([
    ['a token never issued', 'A'.repeat(43)],
    ['a truncated token', 'abc'],
    ['an empty token', ''],
  ])('%s: link_invalid "not valid"', async (_case, token) => {
    const { test } = await enrolled();
    const error = await rejectionOf(test.portal.completeLink({ token, password: PASSWORD }, IP));
    expect(error.code).toBe('link_invalid');
    expect(error.message).toBe(
      'This link is not valid: check that you opened the whole link from the email, or use "Forgot password" to have a new one sent.',
    );
  });

  it.each([
    ['short', 'Password must be at least 12 characters long; it has 5.'],
    ['ada@wallet.example!!', 'Password must not contain your email address.'],
    ['password1234', 'Password is one of the most common passwords; choose a less guessable one.'],
  ])('a weak password (%j) is validation_failed on password and changes nothing', async (password, message) => {
    const { test, token } = await enrolled();
    const before = { accounts: await accountsOf(test).list(), links: await linksOf(test).list() };
    const error = await rejectionOf(test.portal.completeLink({ token, password }, IP));
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual({ password: message });
    expectNoSecrets(error, [token, password]);
    expect({ accounts: await accountsOf(test).list(), links: await linksOf(test).list() }).toEqual(before);
    expect((await test.portal.completeLink({ token, password: PASSWORD }, IP)).status).toBe('active');
  });

  it('a missing token or password, or a body that is not an object, is validation_failed', async () => {
    const { test } = await enrolled();
    expect((await rejectionOf(test.portal.completeLink({ password: PASSWORD }, IP))).fields).toEqual({
      token: 'Token is required: open the link from the email.',
    });
    expect((await rejectionOf(test.portal.completeLink({ token: 'x' }, IP))).fields).toEqual({
      password: 'Password is required.',
    });
    expect((await rejectionOf(test.portal.completeLink(null, IP))).code).toBe('validation_failed');
  });

  it('two concurrent completions of one link in two processes: exactly one goes through', async () => {
    const { test, token } = await enrolled();
    const results = await Promise.allSettled([
      test.portal.completeLink({ token, password: PASSWORD }, IP),
      test.process2().completeLink({ token, password: 'a different good password' }, IP),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    expect(failed?.reason).toMatchObject({ code: 'link_invalid' });
    expect((failed?.reason as Error).message).toMatch(/already used/);
    expect((await accountsOf(test).list())[0]?.revision).toBe(2);
  });

  it('when the account cannot be written, the link is given back and can be used again', async () => {
    const { test, token } = await enrolled();
    // A store whose account writes fail (the database went away at that moment); the rest works.
    const failing = withCollection(test.records, ACCOUNT_COLLECTIONS.accounts, () => ({
      putIf: () => Promise.reject(new Error('the database connection was lost')),
    }));
    const broken = createTestAccounts({ records: failing, clock: test.clock });
    await expect(broken.portal.completeLink({ token, password: PASSWORD }, IP)).rejects.toThrow(
      'the database connection was lost',
    );
    expect((await linksOf(test).list())[0]?.state).toBe('open');
    expect((await test.portal.completeLink({ token, password: PASSWORD }, IP)).status).toBe('active');
  });

  it('other open links of the account stop working, and a sign-in lock of the address is lifted', async () => {
    const test = createTestAccounts({ limits: { signInFailuresPerAccount: { max: 1, windowSeconds: 900 } } });
    const { token } = await enrolled(test);
    await rejectionOf(test.portal.signIn('vendor', { email: 'ada@wallet.example', password: 'wrong password!' }, IP));
    const locked = await rejectionOf(
      test.portal.signIn('vendor', { email: 'ada@wallet.example', password: PASSWORD }, IP),
    );
    expect(locked.code).toBe('rate_limited');
    await test.portal.completeLink({ token, password: PASSWORD }, IP);
    expect((await test.portal.signIn('vendor', { email: 'ada@wallet.example', password: PASSWORD }, IP)).status).toBe(
      'active',
    );
  });

  it('30 completions per network per 15 minutes, across processes', async () => {
    const test = createTestAccounts({ limits: { linkCompletionsPerIp: { max: 2, windowSeconds: 900 } } });
    const { token } = await enrolled(test);
    await rejectionOf(test.portal.completeLink({ token: 'nope', password: PASSWORD }, IP));
    await rejectionOf(test.process2().completeLink({ token: 'nope', password: PASSWORD }, IP));
    const error = await rejectionOf(test.portal.completeLink({ token, password: PASSWORD }, IP));
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 900 });
    expect((await test.portal.completeLink({ token, password: PASSWORD }, { ip: '198.51.100.1' })).status).toBe(
      'active',
    );
  });
});
