import { z } from 'zod';
import { createPendingAccount } from '../accounts/account-store.ts';
import type { AccountsContext } from '../accounts/context.ts';
import { parseBody } from '../accounts/input.ts';
import { mailAccountExists, sendLink } from '../accounts/links.ts';
import { countMailRequest } from '../accounts/mail-requests.ts';
import { emailField } from '../shared/email.ts';
import { hasUnsafeCharacters, lineField, stringError } from '../shared/text.ts';

const FIELDS = ['name', 'email', 'organizationName', 'organizationUrl', 'phone', 'acceptTerms'] as const;

// Digits with the usual separators and an optional leading "+": what people type, not a dialing plan.
const PHONE = /^\+?[0-9][0-9 ().-]*$/;

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

const schema = z.strictObject({
  name: lineField('Name', 100),
  email: emailField(),
  organizationName: lineField('Organization name', 200),
  organizationUrl: z
    .string({ error: stringError('Organization website') })
    .trim()
    .min(1, 'Organization website is required.')
    .max(2000, 'Organization website must be at most 2000 characters.')
    .refine(
      (value) => !hasUnsafeCharacters(value) && isWebUrl(value),
      'Organization website must be an http or https URL such as https://www.example.com.',
    ),
  phone: z
    .string({ error: stringError('Phone') })
    .trim()
    .min(1, 'Phone is required.')
    .max(30, 'Phone must be at most 30 characters.')
    .refine(
      (value) => PHONE.test(value) && value.replace(/\D/g, '').length >= 7,
      'Phone must be a phone number of at least 7 digits, such as +1 555 010 0100.',
    ),
  acceptTerms: z.literal(true, { error: 'Accept the terms of use to enroll.' }),
});

/**
 * "Vendor Enrollment to Sandbox" (POST /api/vendor-enrollments). For a new address a pending vendor account
 * is created and mailed a single-use `enroll` link; a pending account's address is mailed a fresh link (its
 * older links stop working); an active account's address gets an `accountExists` mail and nothing changes.
 * The caller sees the same result for all three, after work in the same order, so the answer does not tell
 * whether an address is enrolled. The link carries this form's details: completing it makes them the
 * account's profile, so someone who enrolls another person's address cannot choose what they activate.
 * Rate limited per network and per address; `validation_failed` with one message per invalid field.
 */
export async function enrollVendor(ctx: AccountsContext, input: unknown, context: { ip: string }): Promise<void> {
  const form = parseBody(schema, input, 'The enrollment was not sent', FIELDS);
  const { name, email, organizationName, organizationUrl, phone } = form;
  await countMailRequest(ctx, context.ip, email);
  const profile = { name, organizationName, organizationUrl, phone };
  const { account } = await createPendingAccount(ctx, { kind: 'vendor', email, ...profile });
  if (account.status === 'pending') {
    await sendLink(ctx, account, 'enroll', name, profile);
    return;
  }
  await mailAccountExists(ctx, account);
}
