import { z } from 'zod';
import { emailField } from '../shared/email.ts';
import { lineField, stringError } from '../shared/text.ts';
import { PortalError } from '../types.ts';
import { createPendingAccount } from './account-store.ts';
import type { AccountsContext, MemberMatch } from './context.ts';
import { parseBody } from './input.ts';
import { mailAccountExists, sendLink } from './links.ts';
import type { AccountRecord } from './model.ts';
import { countEvent, countFromIp } from './rate-limit.ts';

const FIELDS = ['memberId', 'birthDate', 'email'] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `YYYY-MM-DD` names a day of the calendar (no 2026-02-30). */
function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function schema(today: string) {
  return z.strictObject({
    memberId: lineField('Member ID', 64),
    birthDate: z
      .string({ error: stringError('Date of birth') })
      .trim()
      .min(1, 'Date of birth is required.')
      .refine(isCalendarDate, 'Date of birth must be a date written YYYY-MM-DD, such as 1980-04-23.')
      .refine((value) => value <= today, 'Date of birth must not be in the future.'),
    email: emailField(),
  });
}

/** Counts a registration against the network's and the address's limits (known member or not: no enumeration). */
async function countRegistration(ctx: AccountsContext, ip: string, email: string): Promise<void> {
  const { memberRegistrationsPerIp, memberRegistrationsPerAddress } = ctx.limits;
  await countFromIp(ctx, 'register-ip', ip, memberRegistrationsPerIp, 'Too many registrations from your network.');
  await countEvent(
    ctx,
    'register-address',
    email,
    memberRegistrationsPerAddress,
    'Too many registrations were sent for this address; the link in the newest email still works.',
  );
}

/** The active member account bound to a Patient, if any. */
async function activeAccountOf(ctx: AccountsContext, patientId: string): Promise<AccountRecord | undefined> {
  const bound = await ctx.accounts.list({ where: { kind: 'member', patientId } });
  return bound.find((account) => account.status === 'active');
}

/** A member matched: bind a new pending account and mail the `verify` link, or tell the account that exists. */
async function registerMatch(ctx: AccountsContext, match: MemberMatch, email: string): Promise<void> {
  const active = await activeAccountOf(ctx, match.patientId);
  if (active !== undefined) {
    // The member already has an account: its own address hears of the attempt, never the one typed here.
    await mailAccountExists(ctx, active);
    return;
  }
  const { account, created } = await createPendingAccount(ctx, {
    kind: 'member',
    email,
    name: match.name,
    patientId: match.patientId,
  });
  if (created || (account.status === 'pending' && account.patientId === match.patientId)) {
    await sendLink(ctx, account, 'verify', account.name);
    return;
  }
  await mailAccountExists(ctx, account);
}

/**
 * Member self-registration (POST /api/account/registrations `{memberId, birthDate, email}`). The member ID and
 * date of birth are looked up in the plan's members (deps.members):
 * - a member with no active account: a pending member account bound to the Patient is created for the address
 *   (or its pending one reused) and mailed a `verify` link, which sets the password and activates it;
 * - a member with an active account: that account's address gets `accountExists` (sign in or reset);
 * - an address that already has a member account for another Patient gets `accountExists`;
 * - no member: the address gets `memberNotFound`.
 * The caller sees the same result for every outcome, so the answer tells nothing about who is a member; only
 * the mailbox learns it. Rate limited per network and per address (`rate_limited`), counted before the
 * lookup; `validation_failed` per field; `not_found` when the composition offers no registration.
 */
export async function registerMember(ctx: AccountsContext, input: unknown, context: { ip: string }): Promise<void> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const form = parseBody(schema(today), input, 'The registration was not sent', FIELDS);
  const members = ctx.members;
  if (members === undefined) {
    throw new PortalError('not_found', 'Member registration is not offered here: ask the plan for an invitation.');
  }
  await countRegistration(ctx, context.ip, form.email);
  const match = await members.find(form.memberId, form.birthDate);
  if (match !== undefined) {
    await registerMatch(ctx, match, form.email);
    return;
  }
  await ctx.mailer?.send({
    to: form.email,
    template: 'memberNotFound',
    data: { registerLink: ctx.pageUrl('member', 'register') },
  });
}
