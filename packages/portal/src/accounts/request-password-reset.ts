import { z } from 'zod';
import { emailField } from '../shared/email.ts';
import { findByEmail } from './account-store.ts';
import type { AccountsContext } from './context.ts';
import { parseBody } from './input.ts';
import { sendLink } from './links.ts';
import { countMailRequest } from './mail-requests.ts';
import type { AccountKind } from './model.ts';

const schema = z.strictObject({ email: emailField() });

/**
 * "Forgot password" (POST /api/password-resets): mails a single-use `reset` link to an account of this kind
 * with that address (a pending one too: setting the password activates it); earlier links stop working.
 * Resolves the same way whether or not the address has an account (an unknown one gets no mail), and is rate
 * limited per network and per address.
 */
export async function requestPasswordReset(
  ctx: AccountsContext,
  kind: AccountKind,
  input: unknown,
  context: { ip: string },
): Promise<void> {
  const { email } = parseBody(schema, input, 'No reset link was sent', ['email']);
  await countMailRequest(ctx, context.ip, email);
  const account = await findByEmail(ctx, kind, email);
  if (account !== undefined) await sendLink(ctx, account, 'reset', account.name);
}
