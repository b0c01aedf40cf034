import { ipSubject } from '../shared/ip.ts';
import { PortalError } from '../types.ts';
import type { AccountsContext } from './context.ts';
import type { RateLimit } from './limits.ts';
import { emailKey, type AccountKind } from './model.ts';

/** "3 minutes", "1 minute", "45 seconds": how long to wait, for a message. */
export function waitText(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** The `rate_limited` error; the message ends with how long to wait, Retry-After carries it too. */
export function rateLimited(message: string, retryAfterSeconds: number): PortalError {
  return new PortalError(
    'rate_limited',
    `${message} Try again in ${waitText(retryAfterSeconds)}.`,
    {},
    {
      retryAfterSeconds,
    },
  );
}

/**
 * Adds one event of `subject` to its window's counter: the count so far and the seconds until the window
 * ends. Windows are aligned to the clock (the key names the window), so the time until the count starts
 * again, the Retry-After, is known without reading the counter's expiry.
 */
async function count(
  ctx: AccountsContext,
  name: string,
  subject: string,
  limit: RateLimit,
): Promise<{ count: number; windowLeft: number }> {
  const now = ctx.clock.now().getTime() / 1000;
  const window = Math.floor(now / limit.windowSeconds);
  const total = await ctx.counters.increment(`${name}:${subject}:${window}`, limit.windowSeconds);
  return { count: total, windowLeft: Math.max(1, Math.ceil((window + 1) * limit.windowSeconds - now)) };
}

/** Counts one event of `subject` under a limit and throws `rate_limited` once the window's count exceeds it. */
export async function countEvent(
  ctx: AccountsContext,
  name: string,
  subject: string,
  limit: RateLimit,
  tooMany: string,
): Promise<number> {
  const counted = await count(ctx, name, subject, limit);
  if (counted.count > limit.max) throw rateLimited(tooMany, counted.windowLeft);
  return counted.count;
}

/** Counts a request from a client address (an IPv6 address by its /64). */
export function countFromIp(
  ctx: AccountsContext,
  name: string,
  ip: string,
  limit: RateLimit,
  tooMany: string,
): Promise<number> {
  return countEvent(ctx, name, ipSubject(ip), limit, tooMany);
}

const LOCKED =
  'Too many failed sign-ins for this email address. "Forgot password" sets a new password and lifts this lock.';

/**
 * Throws `rate_limited` while the address is locked after too many failed sign-ins. Addresses without an
 * account lock alike, so the answer tells nothing about which addresses have one.
 */
export async function assertNotLocked(ctx: AccountsContext, kind: AccountKind, email: string): Promise<void> {
  const lock = await ctx.locks.get(emailKey(kind, email));
  if (lock === undefined) return;
  const left = Math.ceil((Date.parse(lock.until) - ctx.clock.now().getTime()) / 1000);
  if (left > 0) throw rateLimited(LOCKED, left);
}

/**
 * Counts a failed password check of an address. The counter cannot be read without counting, so reaching
 * the limit writes a lock record that the next attempts read first (assertNotLocked); a failure past the
 * limit (concurrent attempts that passed the lock check together) is itself answered `rate_limited`.
 */
export async function countFailure(ctx: AccountsContext, kind: AccountKind, email: string): Promise<void> {
  const limit = ctx.limits.signInFailuresPerAccount;
  const failures = (await count(ctx, 'signin-failures', emailKey(kind, email), limit)).count;
  if (failures < limit.max) return;
  const until = new Date(ctx.clock.now().getTime() + limit.windowSeconds * 1000).toISOString();
  await ctx.locks.put({ id: emailKey(kind, email), until });
  if (failures > limit.max) throw rateLimited(LOCKED, limit.windowSeconds);
}
