import { EMAIL_PATTERN, normalizeEmail } from '../shared/email.ts';
import { findByEmail } from './account-store.ts';
import type { AccountsContext } from './context.ts';
import { toAccountView, type AccountView } from './model.ts';

/**
 * The active member account of an address (OpenID Connect sign-in: the identity provider vouched for the
 * address), or undefined: unknown addresses, pending accounts and accounts without a Patient give undefined.
 */
export async function findMemberByEmail(ctx: AccountsContext, email: string): Promise<AccountView | undefined> {
  const normalized = normalizeEmail(email);
  if (!EMAIL_PATTERN.test(normalized)) return undefined;
  const account = await findByEmail(ctx, 'member', normalized);
  if (account?.status !== 'active' || account.patientId === undefined) return undefined;
  return toAccountView(account);
}
