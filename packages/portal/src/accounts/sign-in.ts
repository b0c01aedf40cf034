import { z } from 'zod';
import { emailField } from '../shared/email.ts';
import { PortalError } from '../types.ts';
import { findByEmail } from './account-store.ts';
import type { AccountsContext } from './context.ts';
import { parseBody, typedPassword } from './input.ts';
import { toAccountView, type AccountKind, type AccountView } from './model.ts';
import { assertNotLocked, countFailure, countFromIp } from './rate-limit.ts';

const schema = z.strictObject({ email: emailField(), password: typedPassword('Password') });

/** The one answer to every failed sign-in, so it never tells which addresses have an account. */
export const WRONG_CREDENTIALS = 'Email or password is wrong.';

/** The `invalid_credentials` error of a failed sign-in. */
export function invalidCredentials(): PortalError {
  return new PortalError('invalid_credentials', WRONG_CREDENTIALS);
}

/**
 * Signs in with email and password (POST /api/session). Unknown address, wrong password and an account that
 * has not set its password yet all answer `invalid_credentials` "Email or password is wrong.", after the same
 * work (an unknown account is checked against a dummy hash). Every attempt counts towards the network's
 * limit, so a success does not reset an attacker's count; failures count towards the address's limit, which
 * then locks it (`rate_limited`, with retryAfterSeconds) for the window, whatever network asks.
 */
export async function signIn(
  ctx: AccountsContext,
  kind: AccountKind,
  input: unknown,
  context: { ip: string },
): Promise<AccountView> {
  const { email, password } = parseBody(schema, input, 'Not signed in', ['email', 'password']);
  await countFromIp(
    ctx,
    'signin-ip',
    context.ip,
    ctx.limits.signInPerIp,
    'Too many sign-in attempts from your network.',
  );
  await assertNotLocked(ctx, kind, email);
  const account = await findByEmail(ctx, kind, email);
  const hash = account?.status === 'active' ? account.passwordHash : undefined;
  if (account !== undefined && hash !== undefined && (await ctx.passwords.verify(password, hash))) {
    return toAccountView(account);
  }
  if (hash === undefined) await ctx.passwords.verify(password, undefined);
  await countFailure(ctx, kind, email);
  throw invalidCredentials();
}
