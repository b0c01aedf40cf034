import { z } from 'zod';
import { invalidField } from '../shared/errors.ts';
import { stringError } from '../shared/text.ts';
import { updateAccount } from './account-store.ts';
import type { AccountsContext } from './context.ts';
import { parseBody, typedPassword } from './input.ts';
import { findLink, linkProblem, retireLinks, unknownLink } from './links.ts';
import { emailKey, toAccountView, type AccountRecord, type AccountView } from './model.ts';
import { passwordProblem } from './password-policy.ts';
import { countFromIp } from './rate-limit.ts';

const schema = z.strictObject({
  token: z.string({ error: stringError('Token', 'Token is required: open the link from the email.') }),
  password: typedPassword('Password'),
});

/**
 * Sets the password from an emailed link and activates the account (POST /api/password-links). The link is
 * checked first (`link_invalid` with a message for an unknown, expired, used or replaced link), then the
 * password policy (`validation_failed` on `password`), and only then is the link consumed, with
 * compare-and-set, so of two concurrent uses exactly one goes through. A failed completion changes nothing:
 * the link stays usable until its password is stored. Other links of the account stop working, and a sign-in
 * lock of the address is lifted (whoever holds the mailbox proved it).
 */
export async function completeLink(
  ctx: AccountsContext,
  input: unknown,
  context: { ip: string },
): Promise<AccountView> {
  const { token, password } = parseBody(schema, input, 'The password was not set', ['token', 'password']);
  await countFromIp(
    ctx,
    'link-ip',
    context.ip,
    ctx.limits.linkCompletionsPerIp,
    'Too many attempts from your network.',
  );
  const link = await findLink(ctx, token);
  const account = link === undefined ? undefined : await ctx.accounts.get(link.accountId);
  if (link === undefined || account === undefined) throw unknownLink();
  const problem = linkProblem(link, ctx.clock.now());
  if (problem !== undefined) throw problem;
  const weak = passwordProblem(password, account.email);
  if (weak !== undefined) throw invalidField('password', weak);
  const passwordHash = await ctx.passwords.hash(password);

  const usedAt = ctx.clock.now().toISOString();
  const used = { ...link, state: 'used' as const, usedAt };
  if (!(await ctx.links.putIf(used, { state: 'open' }))) {
    const current = await ctx.links.get(link.id);
    throw (current === undefined ? undefined : linkProblem(current, ctx.clock.now())) ?? unknownLink();
  }
  let updated: AccountRecord | undefined;
  try {
    updated = await updateAccount(ctx, account.id, (current) => ({
      ...current,
      ...(link.enrollment ?? {}),
      status: 'active',
      passwordHash,
    }));
  } catch (error) {
    // The password was not stored: give the link back, so that trying again works.
    await ctx.links.putIf(link, { state: 'used', usedAt }).catch(() => false);
    throw error;
  }
  if (updated === undefined) throw unknownLink();
  await retireLinks(ctx, account.id, link.id);
  await ctx.locks.delete(emailKey(updated.kind, updated.email));
  return toAccountView(updated);
}
