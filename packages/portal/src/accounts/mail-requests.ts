import type { AccountsContext } from './context.ts';
import { countEvent, countFromIp } from './rate-limit.ts';

/**
 * Counts a request that mails an address (enrollment, password reset) against the network's and the
 * address's limits. Both count every request, known address or not, so a `rate_limited` answer tells
 * nothing about which addresses have an account; the address limit keeps anyone from flooding a mailbox.
 */
export async function countMailRequest(ctx: AccountsContext, ip: string, email: string): Promise<void> {
  const { mailRequestsPerIp, mailRequestsPerAddress } = ctx.limits;
  await countFromIp(
    ctx,
    'mail-ip',
    ip,
    mailRequestsPerIp,
    'Too many enrollment and password-reset requests from your network.',
  );
  await countEvent(
    ctx,
    'mail-address',
    email,
    mailRequestsPerAddress,
    'Too many emails were asked for this address; the link in the newest email still works.',
  );
}
