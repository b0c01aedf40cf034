import { z } from 'zod';
import { invalidField, notFound } from '../shared/errors.ts';
import { PortalError } from '../types.ts';
import { updateAccount } from './account-store.ts';
import type { AccountsContext } from './context.ts';
import { parseBody, typedPassword } from './input.ts';
import { retireLinks } from './links.ts';
import { passwordProblem } from './password-policy.ts';
import { assertNotLocked, countFailure } from './rate-limit.ts';

const schema = z.strictObject({
  currentPassword: typedPassword('Current password'),
  newPassword: typedPassword('New password'),
});

/**
 * Changes a signed-in account's password (PUT /api/vendor/password): the new one must pass the policy
 * (`validation_failed` on `newPassword`, checked first since it reveals nothing) and differ from the current
 * one, which must be right (`invalid_credentials` on `currentPassword`). Wrong current passwords count as
 * failed sign-ins of the address, so a stolen session cannot guess it faster than the sign-in form could.
 * Emailed links of the account stop working. `not_found` for an unknown or pending account.
 */
export async function changePassword(ctx: AccountsContext, accountId: string, input: unknown): Promise<void> {
  const { currentPassword, newPassword } = parseBody(schema, input, 'The password was not changed', [
    'currentPassword',
    'newPassword',
  ]);
  const account = await ctx.accounts.get(accountId);
  if (account === undefined || account.status !== 'active' || account.passwordHash === undefined) {
    throw notFound('active account', accountId, 'Sign in again.');
  }
  const weak = passwordProblem(newPassword, account.email, 'New password');
  if (weak !== undefined) throw invalidField('newPassword', weak);
  if (newPassword.normalize('NFKC') === currentPassword.normalize('NFKC')) {
    throw invalidField('newPassword', 'New password must differ from the current one.');
  }
  await assertNotLocked(ctx, account.kind, account.email);
  if (!(await ctx.passwords.verify(currentPassword, account.passwordHash))) {
    await countFailure(ctx, account.kind, account.email);
    const message = 'The current password is wrong.';
    throw new PortalError('invalid_credentials', message, { currentPassword: message });
  }
  const passwordHash = await ctx.passwords.hash(newPassword);
  await updateAccount(ctx, account.id, (current) => ({ ...current, passwordHash }));
  await retireLinks(ctx, account.id);
}
