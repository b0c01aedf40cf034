import { RecordConflictError } from '@plan-api/store';
import { randomToken } from '../shared/ids.ts';
import type { AccountsContext } from './context.ts';
import { emailKey, type AccountKind, type AccountProfile, type AccountRecord } from './model.ts';

/** The account of an address, or undefined. */
export async function findByEmail(
  ctx: AccountsContext,
  kind: AccountKind,
  email: string,
): Promise<AccountRecord | undefined> {
  const claim = await ctx.emails.get(emailKey(kind, email));
  return claim === undefined ? undefined : ctx.accounts.get(claim.accountId);
}

/** Who a new account is. */
export interface NewAccount extends AccountProfile {
  kind: AccountKind;
  email: string;
  name: string;
}

/**
 * Creates a pending account for an address unless the address has one, atomically across processes: the
 * account is inserted, then the address claim (`accountEmails`, id `<kind>:<email>`); when the claim's insert
 * conflicts, the new account is deleted again and the existing one returned with `created: false`. Claims
 * are inserted after their account, so a claim names an account that exists; one whose account was removed
 * by hand is taken over.
 */
export async function createPendingAccount(
  ctx: AccountsContext,
  fields: NewAccount,
): Promise<{ account: AccountRecord; created: boolean }> {
  const now = ctx.clock.now().toISOString();
  const account: AccountRecord = {
    id: randomToken(ctx.random, 16),
    ...fields,
    status: 'pending',
    createdAt: now,
    updatedAt: now,
    revision: 1,
  };
  const claimId = emailKey(fields.kind, fields.email);
  await ctx.accounts.insert(account);
  try {
    await ctx.emails.insert({ id: claimId, accountId: account.id });
    return { account, created: true };
  } catch (error) {
    if (!(error instanceof RecordConflictError)) {
      await ctx.accounts.delete(account.id);
      throw error;
    }
  }
  const claim = await ctx.emails.get(claimId);
  const existing = claim === undefined ? undefined : await ctx.accounts.get(claim.accountId);
  if (existing !== undefined) {
    await ctx.accounts.delete(account.id);
    return { account: existing, created: false };
  }
  if (claim !== undefined && (await ctx.emails.putIf({ id: claimId, accountId: account.id }, claim))) {
    return { account, created: true };
  }
  // The claim changed while it was read (removed, or taken over by another process): start again.
  await ctx.accounts.delete(account.id);
  return createPendingAccount(ctx, fields);
}

/**
 * Applies a change to an account with compare-and-set on its revision, re-reading and re-applying when
 * another process changed it in between. Returns the stored account, or undefined when it does not exist.
 */
export async function updateAccount(
  ctx: AccountsContext,
  id: string,
  change: (account: AccountRecord) => AccountRecord,
): Promise<AccountRecord | undefined> {
  for (;;) {
    const current = await ctx.accounts.get(id);
    if (current === undefined) return undefined;
    const next: AccountRecord = {
      ...change(current),
      id,
      updatedAt: ctx.clock.now().toISOString(),
      revision: current.revision + 1,
    };
    if (await ctx.accounts.putIf(next, { revision: current.revision })) return next;
  }
}
