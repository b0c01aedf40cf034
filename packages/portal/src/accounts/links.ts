import { createHash } from 'node:crypto';
import { randomToken } from '../shared/ids.ts';
import { PortalError } from '../types.ts';
import type { AccountsContext } from './context.ts';
import type { AccountLinkRecord, AccountRecord, LinkPurpose } from './model.ts';

/** 256 bits: a link token cannot be guessed, so it needs no per-link attempt counting. */
export const LINK_TOKEN_BYTES = 32;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** SHA-256 (hex) of a token or key: what is stored instead of it (a fast hash is right for 256 random bits). */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * Stops every earlier link of an account from working: open ones become `replaced` (compare-and-set, so a
 * link being used at that moment stays `used`), used and replaced ones are deleted (they were kept only to
 * explain themselves to whoever opens them again).
 */
export async function retireLinks(ctx: AccountsContext, accountId: string, keep?: string): Promise<void> {
  for (const link of await ctx.links.list({ where: { accountId } })) {
    if (link.id === keep) continue;
    if (link.state === 'open') await ctx.links.putIf({ ...link, state: 'replaced' }, { state: 'open' });
    else await ctx.links.delete(link.id);
  }
}

/**
 * Issues a single-use link for an account and mails it (`accountLink`); earlier links of the account stop
 * working. Only the token's hash is stored. `enrollment` is the enrollment form that asked for the link.
 */
export async function sendLink(
  ctx: AccountsContext,
  account: AccountRecord,
  purpose: LinkPurpose,
  name: string,
  enrollment?: AccountLinkRecord['enrollment'],
): Promise<void> {
  await retireLinks(ctx, account.id);
  const token = randomToken(ctx.random, LINK_TOKEN_BYTES);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.linkTtlSeconds * 1000).toISOString();
  await ctx.links.insert({
    id: sha256Hex(token),
    accountId: account.id,
    purpose,
    state: 'open',
    createdAt: now.toISOString(),
    expiresAt,
    ...(enrollment !== undefined ? { enrollment } : {}),
  });
  await ctx.mailer?.send({
    to: account.email,
    template: 'accountLink',
    data: { audience: account.kind, purpose, name, link: ctx.linkUrl(account.kind, purpose, token), expiresAt },
  });
}

/** How to get a new link, by what the link was for. */
function newLinkHint(purpose: LinkPurpose): string {
  if (purpose === 'enroll') return 'enroll again with the same email address, or use "Forgot password"';
  return 'use "Forgot password" to have a new one sent';
}

/** The `link_invalid` error with its message (also as the `token` field's). */
function linkInvalid(message: string): PortalError {
  return new PortalError('link_invalid', message, { token: message });
}

/** The error of a token we never issued (or whose link or account is gone). */
export function unknownLink(): PortalError {
  return linkInvalid(
    'This link is not valid: check that you opened the whole link from the email, or use "Forgot password" to have a new one sent.',
  );
}

/** Why a link cannot be used now (used, replaced, expired), or undefined when it can. */
export function linkProblem(link: AccountLinkRecord, now: Date): PortalError | undefined {
  if (link.state === 'used') {
    return linkInvalid(
      `This link was already used (at ${link.usedAt ?? 'an earlier time'}); each link works once. Sign in with the password you set, or ${newLinkHint('reset')}.`,
    );
  }
  if (link.state === 'replaced') {
    return linkInvalid(
      `This link was replaced by a newer one: open the link in the most recent email, or ${newLinkHint(link.purpose)}.`,
    );
  }
  if (Date.parse(link.expiresAt) <= now.getTime()) {
    return linkInvalid(`This link expired at ${link.expiresAt}; to get a new one, ${newLinkHint(link.purpose)}.`);
  }
  return undefined;
}

/** The stored link of a token (undefined for anything that is not a token we issue). */
export function findLink(ctx: AccountsContext, token: string): Promise<AccountLinkRecord | undefined> {
  return TOKEN.test(token) ? ctx.links.get(sha256Hex(token)) : Promise.resolve(undefined);
}

/**
 * Mails "you already have an account" to an account's own address (enrollment or registration with an address that
 * has an account): how to sign in, or reset the password.
 */
export async function mailAccountExists(ctx: AccountsContext, account: AccountRecord): Promise<void> {
  await ctx.mailer?.send({
    to: account.email,
    template: 'accountExists',
    data: {
      audience: account.kind,
      name: account.name,
      signInLink: ctx.pageUrl(account.kind, 'signIn'),
      resetLink: ctx.pageUrl(account.kind, 'forgotPassword'),
    },
  });
}
