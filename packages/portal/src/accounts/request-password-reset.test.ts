import { describe, expect, it } from 'vitest';
import {
  activeInvitee,
  activeVendor,
  createTestAccounts,
  enrollment,
  IP,
  lastToken,
  mailsOf,
  PASSWORD,
  rejectionOf,
} from '../testing/accounts.ts';

const ADA = 'ada@wallet.example';

describe('requestPasswordReset', () => {
  it('mails an active account a reset link; completing it sets the new password', async () => {
    const test = createTestAccounts();
    const account = await activeVendor(test);
    expect(await test.portal.requestPasswordReset('vendor', { email: 'Ada@Wallet.example' }, IP)).toBeUndefined();
    const mail = mailsOf(test.mailer, 'accountLink').at(-1);
    expect(mail).toMatchObject({
      to: ADA,
      data: { audience: 'vendor', purpose: 'reset', name: 'Ada Vendor', expiresAt: '2026-07-02T12:00:00.000Z' },
    });
    expect(mail?.data.link).toMatch(/^https:\/\/plan\.example\/vendor\/reset#token=/);
    await test.portal.completeLink({ token: lastToken(test.mailer), password: 'a brand new passphrase' }, IP);
    const signIn = (password: string) => test.portal.signIn('vendor', { email: ADA, password }, IP);
    expect((await signIn('a brand new passphrase')).id).toBe(account.id);
    expect((await rejectionOf(signIn(PASSWORD))).code).toBe('invalid_credentials');
  });

  it('an unknown address: the same result, no mail, nothing stored', async () => {
    const test = createTestAccounts();
    expect(await test.portal.requestPasswordReset('vendor', { email: 'nobody@wallet.example' }, IP)).toBeUndefined();
    expect(test.mailer.sent).toEqual([]);
    expect(await test.records.collection('accounts').count()).toBe(0);
    expect(await test.records.collection('accountLinks').count()).toBe(0);
  });

  it('looks in the kind asked for: a vendor address is unknown to the reviewer reset', async () => {
    const test = createTestAccounts();
    await activeVendor(test);
    const sent = test.mailer.sent.length;
    await test.portal.requestPasswordReset('reviewer', { email: ADA }, IP);
    expect(test.mailer.sent).toHaveLength(sent);
    await activeInvitee(test, 'reviewer', 'rae@plan.example');
    await test.portal.requestPasswordReset('reviewer', { email: 'rae@plan.example' }, IP);
    expect(mailsOf(test.mailer, 'accountLink').at(-1)?.data).toMatchObject({ audience: 'reviewer', purpose: 'reset' });
  });

  it('a pending account gets a reset link too, and completing it activates the account', async () => {
    const test = createTestAccounts();
    await test.portal.enrollVendor(enrollment(), IP);
    const enrollToken = lastToken(test.mailer);
    await test.portal.requestPasswordReset('vendor', { email: ADA }, IP);
    expect(
      (await rejectionOf(test.portal.completeLink({ token: enrollToken, password: PASSWORD }, IP))).message,
    ).toMatch(/replaced by a newer one/);
    const view = await test.portal.completeLink({ token: lastToken(test.mailer), password: PASSWORD }, IP);
    expect(view.status).toBe('active');
  });

  it('shares the per-address limit with enrollment, across processes, known or not', async () => {
    const test = createTestAccounts({ limits: { mailRequestsPerAddress: { max: 2, windowSeconds: 3600 } } });
    await test.portal.enrollVendor(enrollment(), IP);
    await test.process2().requestPasswordReset('vendor', { email: ADA }, IP);
    const error = await rejectionOf(test.portal.requestPasswordReset('vendor', { email: ADA }, IP));
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 3600 });
    await test.portal.requestPasswordReset('vendor', { email: 'x@wallet.example' }, IP);
    await test.portal.requestPasswordReset('vendor', { email: 'x@wallet.example' }, IP);
    expect(
      (await rejectionOf(test.portal.requestPasswordReset('vendor', { email: 'x@wallet.example' }, IP))).code,
    ).toBe('rate_limited');
  });

  it('an invalid address or body is validation_failed', async () => {
    const test = createTestAccounts();
    const error = await rejectionOf(test.portal.requestPasswordReset('vendor', { email: 'ada' }, IP));
    expect(Object.keys(error.fields)).toEqual(['email']);
    expect((await rejectionOf(test.portal.requestPasswordReset('vendor', { email: ADA, x: 1 }, IP))).fields).toEqual({
      x: '"x" is not a field here; the fields are email.',
    });
    expect((await rejectionOf(test.portal.requestPasswordReset('vendor', [], IP))).code).toBe('validation_failed');
  });
});
