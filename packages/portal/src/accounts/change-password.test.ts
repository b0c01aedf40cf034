import { describe, expect, it } from 'vitest';
import {
  activeVendor,
  createTestAccounts,
  enrollment,
  expectNoSecrets,
  IP,
  lastToken,
  PASSWORD,
  rejectionOf,
} from '../testing/accounts.ts';

const ADA = 'ada@wallet.example';
const NEW = 'a brand new passphrase';

describe('changePassword', () => {
  it('with the current password, sets the new one: it signs in, the old one does not', async () => {
    const test = createTestAccounts();
    const account = await activeVendor(test);
    expect(
      await test.portal.changePassword(account.id, { currentPassword: PASSWORD, newPassword: NEW }),
    ).toBeUndefined();
    expect((await test.portal.signIn('vendor', { email: ADA, password: NEW }, IP)).id).toBe(account.id);
    expect((await rejectionOf(test.portal.signIn('vendor', { email: ADA, password: PASSWORD }, IP))).code).toBe(
      'invalid_credentials',
    );
  });

  it('a wrong current password is invalid_credentials on currentPassword, and counts as a failed sign-in', async () => {
    const test = createTestAccounts({ limits: { signInFailuresPerAccount: { max: 2, windowSeconds: 900 } } });
    const account = await activeVendor(test);
    const attempt = () =>
      test.portal.changePassword(account.id, { currentPassword: 'not it at all', newPassword: NEW });
    const error = await rejectionOf(attempt());
    expect(error).toMatchObject({
      code: 'invalid_credentials',
      message: 'The current password is wrong.',
      fields: { currentPassword: 'The current password is wrong.' },
    });
    expectNoSecrets(error, ['not it at all', NEW, PASSWORD]);
    await rejectionOf(attempt());
    expect((await rejectionOf(attempt())).code).toBe('rate_limited');
    expect((await rejectionOf(test.portal.signIn('vendor', { email: ADA, password: PASSWORD }, IP))).code).toBe(
      'rate_limited',
    );
  });

  it.each([
    ['short one', 'New password must be at least 12 characters long; it has 9.'],
    ['ada-was-here-2026', 'New password must not contain the part of your email address before the "@" ("ada").'],
    ['qwerty123456', 'New password is one of the most common passwords; choose a less guessable one.'],
    [PASSWORD, 'New password must differ from the current one.'],
  ])(
    'a new password %j is validation_failed on newPassword; the current one still works',
    async (newPassword, message) => {
      const test = createTestAccounts();
      const account = await activeVendor(test);
      const error = await rejectionOf(
        test.portal.changePassword(account.id, { currentPassword: PASSWORD, newPassword }),
      );
      expect(error.code).toBe('validation_failed');
      expect(error.fields).toEqual({ newPassword: message });
      expect((await test.portal.signIn('vendor', { email: ADA, password: PASSWORD }, IP)).id).toBe(account.id);
    },
  );

  it('emailed links of the account stop working after a change', async () => {
    const test = createTestAccounts();
    const account = await activeVendor(test);
    await test.portal.requestPasswordReset('vendor', { email: ADA }, IP);
    const token = lastToken(test.mailer);
    await test.portal.changePassword(account.id, { currentPassword: PASSWORD, newPassword: NEW });
    const error = await rejectionOf(test.portal.completeLink({ token, password: 'an attacker password' }, IP));
    expect(error.code).toBe('link_invalid');
  });

  it('an unknown or pending account is not_found; missing fields are validation_failed', async () => {
    const test = createTestAccounts();
    expect(
      (await rejectionOf(test.portal.changePassword('nobody', { currentPassword: 'a', newPassword: NEW }))).code,
    ).toBe('not_found');
    await test.portal.enrollVendor(enrollment(), IP);
    const [pending] = await test.records.collection('accounts').list();
    const error = await rejectionOf(
      test.portal.changePassword(pending?.id ?? '', { currentPassword: 'a', newPassword: NEW }),
    );
    expect(error.code).toBe('not_found');
    expect((await rejectionOf(test.portal.changePassword('x', { newPassword: NEW }))).fields).toEqual({
      currentPassword: 'Current password is required.',
    });
  });
});
